import { failOnLevel } from '../../core/severity.js';
import type { RuleInfo } from '../../core/types.js';
import { describeCommand } from './command.js';
import { gateTitle } from './custom-gate.js';
import { isSarif, readFileOf, withDefaultThresholds, type CustomOptions } from './options.js';
import { thresholdRules } from './thresholds.js';

/** What `wfo-gate rules` lists for a custom gate: its thresholds, or the SARIF log it judges. */
export function customGateRules(id: string, options: CustomOptions): RuleInfo[] {
  const title = gateTitle(id, options);
  if (isSarif(options.read)) {
    const source = options.run ? describeCommand(options.run) : readFileOf(options.read);
    const level = failOnLevel(options.failOn);
    return [{ gate: id, id: 'sarif', title: `${title}: results of ${source} at or above ${level}`, severity: level === 'none' ? 'info' : level }];
  }
  return thresholdRules(id, title, withDefaultThresholds(options));
}
