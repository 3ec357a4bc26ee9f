// Runs the selected gates concurrently on one Scope and folds their results into a Report.
import { loadGate } from '../gates/registry.js';
import { loadBaseline, type BaselineEntry } from './baseline.js';
import { splitLines } from './content.js';
import { errorMessage } from './errors.js';
import { inlineSuppression } from './ignores.js';
import { packageVersion } from './package-info.js';
import { narrowScope } from './scope.js';
import { meetsThreshold } from './severity.js';
import type { Finding, Gate, GateId, GateOutcome, GateResult, Report, ResolvedConfig, Scope, SkippedFiles, Verdict } from './types.js';

export interface RunGatesOptions {
  /** Which gates; default: the config's `ci` list. */
  gates?: readonly GateId[];
  /** Accepted fingerprints; default: read from the config's baseline file. */
  baseline?: Map<string, BaselineEntry>;
  /** For tests and embedders: use these gate implementations instead of the built-in ones. */
  loadGate?: (id: GateId) => Promise<Gate<any>>;
}

export async function runGates(scope: Scope, config: ResolvedConfig, options: RunGatesOptions = {}): Promise<Report> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const ids = options.gates ?? config.ci;
  const baseline = options.baseline ?? (await loadBaseline(scope.root, config.baseline));
  const gates = await Promise.all(ids.map((id) => runOne(id, scope, config, baseline, options.loadGate ?? loadGate)));
  return {
    tool: { name: 'wfo-gate', version: packageVersion() },
    verdict: foldVerdict(gates, config),
    scope: {
      kind: scope.kind,
      description: scope.description,
      root: scope.root,
      ...(scope.base ? { base: scope.base } : {}),
      ...(scope.head ? { head: scope.head } : {}),
      files: scope.files.length,
    },
    gates,
    skipped: withCounts(scope.skipped),
    suppressedCount: gates.reduce((n, g) => n + g.suppressed.length, 0),
    notes: scope.notes,
    durationMs: Date.now() - started,
    startedAt,
  };
}

function withCounts(skipped: SkippedFiles): Report['skipped'] {
  const counts = Object.fromEntries(Object.entries(skipped).map(([k, v]) => [k, (v as string[]).length])) as Record<keyof SkippedFiles, number>;
  return { ...skipped, counts };
}

/** Whether a gate that could not decide blocks (fail) or only warns. */
function errorPolicy(gate: GateId, config: ResolvedConfig): 'fail' | 'warn' {
  return config.gates[gate]?.onError ?? config.onError;
}

function foldVerdict(gates: readonly GateResult[], config: ResolvedConfig): Verdict {
  if (gates.some((g) => g.status === 'fail')) return 'fail';
  if (gates.some((g) => g.status === 'error' && errorPolicy(g.gate, config) === 'fail')) return 'error';
  if (gates.some((g) => g.status === 'warn' || g.status === 'error')) return 'warn';
  return 'pass';
}

/** Exit code for a verdict: 0 pass (warnings allowed), 1 blocked. */
export function exitCodeFor(verdict: Verdict): 0 | 1 {
  return verdict === 'fail' || verdict === 'error' ? 1 : 0;
}

async function runOne(
  id: GateId,
  scope: Scope,
  config: ResolvedConfig,
  baseline: Map<string, BaselineEntry>,
  load: (id: GateId) => Promise<Gate<any>>,
): Promise<GateResult> {
  const started = Date.now();
  const options = config.gates[id];
  const finish = (partial: Omit<GateResult, 'gate' | 'durationMs'>): GateResult => ({ gate: id, ...partial, durationMs: Date.now() - started });
  if (!options.enabled) return finish({ status: 'skipped', findings: [], suppressed: [], summary: `disabled in config (gates.${id}.enabled)` });

  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let outcome: GateOutcome;
  try {
    const gate = await load(id);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Reject first: a gate that resolves on abort must not win the race.
        reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s: raise gates.${id}.timeoutMs or narrow the scope`));
        controller.abort();
      }, timeoutMs);
    });
    const gateScope = narrowScope(scope, options.exclude ?? []);
    outcome = await Promise.race([
      gate.run({ scope: gateScope, options, explicit: config.explicitGates.has(id), config, signal: controller.signal }),
      timeout,
    ]);
  } catch (error) {
    return finish({ status: 'error', findings: [], suppressed: [], summary: 'could not decide', error: errorMessage(error) });
  } finally {
    clearTimeout(timer);
  }

  const { active, suppressed } = await applySuppressions(id, outcome.findings, scope, baseline);
  suppressed.unshift(...(outcome.suppressed ?? []));
  for (const finding of active) {
    finding.gate = id;
    finding.blocking = finding.blocking ?? (meetsThreshold(finding.severity, options.failOn, finding.confidence) && (!scope.diffAware || options.blockExisting || finding.isNew !== false));
  }
  for (const finding of suppressed) finding.blocking = false;
  const status: GateResult['status'] =
    outcome.status === 'error' || outcome.status === 'skipped' || outcome.status === 'fail'
      ? outcome.status
      : active.some((f) => f.blocking)
        ? 'fail'
        : outcome.status === 'warn' || active.length > 0
          ? 'warn'
          : 'pass';
  return finish({
    status,
    findings: active,
    suppressed,
    summary: outcome.summary,
    ...(outcome.metrics ? { metrics: outcome.metrics } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.rules ? { rules: outcome.rules } : {}),
  });
}

/** Moves findings silenced by an inline marker or the baseline out of the active list. */
async function applySuppressions(
  gate: GateId,
  findings: readonly Finding[],
  scope: Scope,
  baseline: Map<string, BaselineEntry>,
): Promise<{ active: Finding[]; suppressed: Finding[] }> {
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  const linesOf = new Map<string, Promise<string[] | undefined>>();
  const fileLines = (file: string) => {
    let lines = linesOf.get(file);
    if (!lines) {
      lines = scope.readOne(file).then((content) => (content ? splitLines(content.toString('utf8')) : undefined));
      linesOf.set(file, lines);
    }
    return lines;
  };
  for (const finding of findings) {
    if (baseline.has(finding.fingerprint)) {
      suppressed.push({ ...finding, suppression: { kind: 'baseline', by: finding.fingerprint } });
      continue;
    }
    if (finding.file && finding.line && !finding.commit) {
      const lines = await fileLines(finding.file);
      const inline = lines && inlineSuppression(lines, finding.line, gate, finding.ruleId);
      if (inline) {
        suppressed.push({ ...finding, suppression: inline });
        continue;
      }
    }
    active.push(finding);
  }
  return { active, suppressed };
}
