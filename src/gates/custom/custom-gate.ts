// A custom gate (`gates.<id>` with `"type": "command"`): measure the change (and its base when a
// threshold compares with it), then judge one number, or a SARIF log's results diff-aware.
import { inRanges } from '../../core/content.js';
import type { Finding, GateContext, GateOutcome, RuleInfo, Scope } from '../../core/types.js';
import { measureBase, type BaseMeasurement } from './base.js';
import { CommandError, describeCommand } from './command.js';
import { fingerprints } from './fingerprints.js';
import { measure } from './measure.js';
import { wantsBase, withDefaultThresholds, type CustomOptions } from './options.js';
import type { SarifRead } from './sarif-input.js';
import { judge, num, thresholdRules } from './thresholds.js';

/** The runner's own limit is timeoutMs: the command gets a little less, so its error (with its output) is the one reported. */
function deadlineOf(ctx: GateContext<CustomOptions>): number {
  const total = ctx.options.timeoutMs ?? ctx.config.timeoutMs;
  return Date.now() + total - Math.min(1000, total / 10);
}

export function gateTitle(id: string, options: CustomOptions): string {
  return options.title ?? id;
}

export async function runCustomGate(ctx: GateContext<CustomOptions> & { id: string }): Promise<GateOutcome> {
  const { id, options, scope, signal } = ctx;
  if (!options.run && options.read === 'exit-code') throw new CommandError(`gates.${id}: "read": "exit-code" needs a command ("run")`);
  const deadline = deadlineOf(ctx);
  const head = await measure({ id, options, root: scope.root, deadline, signal });
  const base = wantsBase(options) && scope.base && scope.isGitRepo ? await measureBase({ id, options, root: scope.root, commit: scope.base, deadline, signal }) : undefined;
  if (head.kind === 'sarif') return sarifOutcome(id, options, scope, head.sarif, base);
  return valueOutcome(id, options, head.value, base?.kind === 'value' ? base.value : undefined);
}

function valueOutcome(id: string, options: CustomOptions, value: number, base: number | undefined): GateOutcome {
  const title = gateTitle(id, options);
  const effective = withDefaultThresholds(options);
  const verdict = judge(id, title, effective, value, base);
  const unit = options.unit ? (options.unit === '%' ? ' %' : ` ${options.unit}`) : '';
  const compared = base === undefined ? '' : `, base ${num(base)}${unit}`;
  const notChecked = verdict.unchecked.length ? `; not checked without a base (run --base <ref>): ${verdict.unchecked.join(', ')}` : '';
  const metrics: Record<string, number> = { value };
  if (base !== undefined) {
    metrics.base = base;
    metrics.increase = value - base;
    if (base !== 0) metrics.increasePercent = ((value - base) / Math.abs(base)) * 100;
  }
  return {
    findings: verdict.findings,
    summary: `${title} ${num(value)}${unit} (${verdict.threshold}${compared})${notChecked}`,
    metrics,
    measure: { value, ...(options.unit ? { unit: options.unit } : {}), threshold: verdict.threshold, ...(base !== undefined ? { base } : {}) },
    rules: thresholdRules(id, title, effective),
  };
}

async function sarifOutcome(id: string, options: CustomOptions, scope: Scope, sarif: SarifRead, base: BaseMeasurement | undefined): Promise<GateOutcome> {
  const baseFingerprints = base?.kind === 'fingerprints' ? base.fingerprints : undefined;
  const inScope = new Map(scope.files.map((f) => [f.path, f]));
  const ids = await fingerprints(id, sarif.results, scope.root);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  let outside = 0;
  for (const result of sarif.results) {
    const fp = ids.get(result)!;
    const file = result.file ? inScope.get(result.file) : undefined;
    const newByFingerprint = baseFingerprints ? !baseFingerprints.has(fp) : false;
    // A result in a file the scope does not hold (ignored, excluded, unchanged in a PR) is not this change's, unless the base lacks it.
    if (result.file && !file && !newByFingerprint) {
      outside++;
      continue;
    }
    const isNew = scope.diffAware ? newByFingerprint || onChangedLine(result, file) : undefined;
    const finding: Finding = {
      gate: id,
      ruleId: result.ruleId,
      severity: result.severity,
      message: result.message,
      ...(result.file ? { file: result.file } : {}),
      ...(result.line ? { line: result.line } : {}),
      ...(result.endLine ? { endLine: result.endLine } : {}),
      ...(result.column ? { column: result.column } : {}),
      fingerprint: fp,
      ...(isNew !== undefined ? { isNew } : {}),
    };
    if (result.suppression) suppressed.push({ ...finding, suppression: result.suppression, blocking: false });
    else findings.push(finding);
  }
  const tools = [...new Set(sarif.tools)].join(', ');
  const source = options.run ? describeCommand(options.run) : tools;
  const news = scope.diffAware ? findings.filter((f) => f.isNew).length : findings.length;
  const parts = [
    `${findings.length} result(s) from ${source}`,
    scope.diffAware ? `${news} new${baseFingerprints ? ' (changed lines or fingerprints the base lacks)' : ' (on changed lines)'}` : undefined,
    outside ? `${outside} outside this scope not listed` : undefined,
  ].filter(Boolean);
  const rules: RuleInfo[] = sarif.rules.map((r) => ({ ...r, gate: id }));
  return {
    findings,
    suppressed,
    summary: parts.join(', '),
    metrics: { results: findings.length, new: news },
    rules,
  };
}

function onChangedLine(result: { line?: number; endLine?: number }, file: Scope['files'][number] | undefined): boolean {
  if (!file) return false;
  if (!file.changed) return file.status === 'added';
  if (!result.line) return file.status === 'added' || file.changed.length > 0;
  for (let l = result.line; l <= (result.endLine ?? result.line); l++) if (inRanges(l, file.changed)) return true;
  return false;
}
