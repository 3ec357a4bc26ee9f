// A measured value against min / max and, with the base's value, maxIncrease / maxIncreasePercent.
import { fingerprint } from '../../core/fingerprint.js';
import type { Finding, RuleInfo } from '../../core/types.js';
import type { CustomOptions } from './options.js';

export interface Judgement {
  findings: Finding[];
  /** The thresholds as a person reads them, e.g. `≤ 0, +≤ 5 % vs base`. */
  threshold: string;
  /** Growth thresholds that could not be checked (no base in this scope). */
  unchecked: string[];
}

type Check = { id: string; applies: boolean; broken: (v: number, base?: number) => boolean; text: string; needsBase?: boolean; explain: (v: number, base?: number) => string };

function checks(options: CustomOptions, unit: string): Check[] {
  const { min, max, maxIncrease, maxIncreasePercent } = options;
  const growth = (v: number, base: number) => v - base;
  const percent = (v: number, base: number) => (base === 0 ? (v > 0 ? Infinity : 0) : ((v - base) / Math.abs(base)) * 100);
  const all: Check[] = [
    { id: 'min', applies: min !== undefined, text: `≥ ${num(min)}${unit}`, broken: (v) => v < min!, explain: (v) => `${num(v)}${unit} is below the minimum ${num(min)}${unit}` },
    { id: 'max', applies: max !== undefined, text: `≤ ${num(max)}${unit}`, broken: (v) => v > max!, explain: (v) => `${num(v)}${unit} is above the maximum ${num(max)}${unit}` },
    {
      id: 'max-increase', applies: maxIncrease !== undefined, needsBase: true, text: `+≤ ${num(maxIncrease)}${unit} vs base`,
      broken: (v, b) => growth(v, b!) > maxIncrease!,
      explain: (v, b) => `${num(v)}${unit} grew by ${num(growth(v, b!))}${unit} from the base's ${num(b)}${unit}, more than the ${num(maxIncrease)}${unit} allowed`,
    },
    {
      id: 'max-increase-percent', applies: maxIncreasePercent !== undefined, needsBase: true, text: `+≤ ${num(maxIncreasePercent)} % vs base`,
      broken: (v, b) => percent(v, b!) > maxIncreasePercent!,
      explain: (v, b) => `${num(v)}${unit} grew by ${Number.isFinite(percent(v, b!)) ? `${num(percent(v, b!))} %` : 'from 0'} from the base's ${num(b)}${unit}, more than the ${num(maxIncreasePercent)} % allowed`,
    },
  ];
  return all.filter((c) => c.applies);
}

export function judge(id: string, title: string, options: CustomOptions, value: number, base: number | undefined): Judgement {
  const unit = unitSuffix(options.unit);
  const all = checks(options, unit);
  const findings: Finding[] = [];
  const unchecked: string[] = [];
  for (const check of all) {
    if (check.needsBase && base === undefined) {
      unchecked.push(check.text);
      continue;
    }
    if (!check.broken(value, base)) continue;
    findings.push({
      gate: id,
      ruleId: check.id,
      severity: 'high',
      message: `${title}: ${check.explain(value, base)}`,
      fingerprint: fingerprint(id, check.id, undefined, `${value}\0${base ?? ''}`),
      fix: `Bring ${title} back within ${check.text}, or change gates.${id} if the threshold is wrong.`,
      blocking: true,
    });
  }
  return { findings, threshold: all.map((c) => c.text).join(', ') || 'none', unchecked };
}

/** One rule per configured threshold, for `wfo-gate rules` and SARIF. */
export function thresholdRules(id: string, title: string, options: CustomOptions): RuleInfo[] {
  return checks(options, unitSuffix(options.unit)).map((c) => ({ gate: id, id: c.id, title: `${title} ${c.text}`, severity: 'high' }));
}

function unitSuffix(unit: string | undefined): string {
  if (!unit) return '';
  return unit === '%' ? ' %' : ` ${unit}`;
}

export function num(n: number | undefined): string {
  if (n === undefined) return '?';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
