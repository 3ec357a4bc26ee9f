// Runs the selected gates concurrently on one Scope and folds their results into a Report.
import { loadGate } from '../gates/registry.js';
import { loadBaseline, type BaselineEntry } from './baseline.js';
import { ContentLines } from './content.js';
import { errorMessage } from './errors.js';
import { MARKER_CHARS, inlineSuppression } from './ignores.js';
import { packageVersion } from './package-info.js';
import { redactGateErrors } from './redact-message.js';
import { narrowScope } from './scope.js';
import { configHash, runsInShard, shardScope, splitsAcrossShards } from './shard.js';
import { meetsThreshold } from './severity.js';
import type { Finding, Gate, GateId, GateOutcome, GateResult, Report, ResolvedConfig, Scope, ShardInfo, ShardSpec, SkippedFiles, Verdict } from './types.js';

export interface RunGatesOptions {
  /** Which gates; default: the config's `ci` list. */
  gates?: readonly GateId[];
  /** Accepted fingerprints; default: read from the config's baseline file. */
  baseline?: Map<string, BaselineEntry>;
  /** For tests and embedders: use these gate implementations instead of the built-in ones. */
  loadGate?: (id: GateId) => Promise<Gate<any>>;
  /** Run only this shard's part (`run --shard i/n`): its files and commits, and the whole-repository gates it owns. */
  shard?: ShardSpec;
}

export async function runGates(scope: Scope, config: ResolvedConfig, options: RunGatesOptions = {}): Promise<Report> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const ids = options.gates ?? config.ci;
  const baseline = options.baseline ?? (await loadBaseline(scope.root, config.baseline));
  const { shard } = options;
  const part = shard ? shardScope(scope, shard) : scope;
  const here = shard ? ids.filter((id) => runsInShard(id, shard)) : ids;
  const gates = await Promise.all(here.map((id) => runOne(id, scope, splitsAcrossShards(id) ? part : scope, config, baseline, options.loadGate ?? loadGate)));
  // Every reporter renders these results: a gate's error may quote what it read, so redact it here once.
  await redactGateErrors(gates);
  return {
    tool: { name: 'wfo-gate', version: packageVersion() },
    verdict: foldVerdict(gates, config),
    scope: {
      kind: scope.kind,
      description: part.description,
      root: scope.root,
      ...(scope.base ? { base: scope.base } : {}),
      ...(scope.head ? { head: scope.head } : {}),
      files: part.files.length,
    },
    gates,
    skipped: withCounts(scope.skipped),
    suppressedCount: gates.reduce((n, g) => n + g.suppressed.length, 0),
    notes: shard ? [...scope.notes, ...shardNotes(ids, here, shard)] : scope.notes,
    durationMs: Date.now() - started,
    startedAt,
    ...(shard ? { shard: shardInfo(shard, scope, config, ids, baseline) } : {}),
  };
}

function shardInfo(shard: ShardSpec, scope: Scope, config: ResolvedConfig, ids: readonly GateId[], baseline: Map<string, BaselineEntry>): ShardInfo {
  return {
    ...shard,
    ...(scope.head ? { commit: scope.head } : {}),
    configHash: configHash(config, ids, baseline.keys()),
    gates: [...ids],
    onError: Object.fromEntries(ids.map((id) => [id, errorPolicy(id, config)])),
  };
}

function shardNotes(ids: readonly GateId[], here: readonly GateId[], shard: ShardSpec): string[] {
  const elsewhere = ids.filter((id) => !here.includes(id));
  return [
    `shard ${shard.index}/${shard.total}: this report is one part of the run; \`wfo-gate merge\` joins the shards' reports into the verdict` +
      (elsewhere.length ? ` (${elsewhere.join(', ')} run${elsewhere.length === 1 ? 's' : ''} in another shard)` : ''),
  ];
}

/** The skipped lists, sorted (threads meet files in any order, and a report must not change with them), and their counts. */
function withCounts(skipped: SkippedFiles): Report['skipped'] {
  const entries = Object.entries(skipped) as [keyof SkippedFiles, string[]][];
  const counts = Object.fromEntries(entries.map(([k, v]) => [k, v.length])) as Record<keyof SkippedFiles, number>;
  return { ...(Object.fromEntries(entries.map(([k, v]) => [k, [...v].sort()])) as unknown as SkippedFiles), counts };
}

/** Whether a gate that could not decide blocks (fail) or only warns. */
function errorPolicy(gate: GateId, config: ResolvedConfig): 'fail' | 'warn' {
  return config.gates[gate]?.onError ?? config.onError;
}

function foldVerdict(gates: readonly GateResult[], config: ResolvedConfig): Verdict {
  return foldStatuses(gates, (gate) => errorPolicy(gate, config));
}

/** The verdict of a set of gate results, given each gate's onError policy (the runner's fold, shared with merge). */
export function foldStatuses(gates: readonly GateResult[], policy: (gate: GateId) => 'fail' | 'warn'): Verdict {
  if (gates.some((g) => g.status === 'fail')) return 'fail';
  if (gates.some((g) => g.status === 'error' && policy(g.gate) === 'fail')) return 'error';
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
  view: Scope,
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
  const reads = trackReads(scope, narrowScope(view, options.exclude ?? []));
  try {
    const gate = await load(id);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Reject first: a gate that resolves on abort must not win the race.
        reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s: raise gates.${id}.timeoutMs or narrow the scope`));
        controller.abort();
      }, timeoutMs);
    });
    outcome = await Promise.race([
      gate.run({ gateId: id, scope: reads.scope, options, explicit: config.explicitGates.has(id), config, signal: controller.signal }),
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
  let status: GateResult['status'] =
    outcome.status === 'error' || outcome.status === 'skipped' || outcome.status === 'fail'
      ? outcome.status
      : active.some((f) => f.blocking)
        ? 'fail'
        : outcome.status === 'warn' || active.length > 0
          ? 'warn'
          : 'pass';
  // Content or commits the gate needed and never saw: it cannot say they are clean (fail closed).
  const unseen = reads.unseen(id);
  if (unseen.length && status !== 'fail') status = 'error';
  const error = [outcome.error, ...unseen].filter(Boolean).join('; ');
  return finish({
    status,
    findings: active,
    suppressed,
    summary: outcome.summary,
    ...(outcome.metrics ? { metrics: outcome.metrics } : {}),
    ...(error ? { error } : {}),
    ...(outcome.rules ? { rules: outcome.rules } : {}),
    ...(outcome.measure ? { measure: outcome.measure } : {}),
  });
}

/**
 * The gate's view of the scope, remembering what it read. `unseen()` says what it needed and
 * never saw: files it asked for that could not be read, directories the scope could not list
 * (if it read files at all: theirs were never in the scope), and missing history if it read commits.
 */
function trackReads(scope: Scope, view: Scope): { scope: Scope; unseen(gate: GateId): string[] } {
  const asked = new Set<string>();
  let readFiles = false;
  let readCommits = false;
  const ask = (paths: readonly string[]) => {
    readFiles = true;
    for (const path of paths) asked.add(path);
  };
  const tracked: Scope = {
    ...view,
    read(paths) {
      ask(paths ?? view.files.map((f) => f.path));
      return view.read(paths);
    },
    readOne(path) {
      ask([path]);
      return view.readOne(path);
    },
    noteSkipped(kind, path) {
      if (kind === 'unreadable') ask([path]);
      view.noteSkipped(kind, path);
    },
    commits() {
      readCommits = true;
      return view.commits();
    },
  };
  return {
    scope: tracked,
    unseen(gate) {
      // Built only when something was unreadable: on a big tree, a set of every path per gate is not free.
      let listed: Set<string> | undefined;
      const unreadable = scope.skipped.unreadable.filter((p) => asked.has(p) || (readFiles && !(listed ??= new Set(scope.files.map((f) => f.path))).has(p)));
      return [
        ...(unreadable.length ? [unreadableMessage(gate, unreadable)] : []),
        ...(readCommits && scope.missingHistory ? [scope.missingHistory] : []),
      ];
    },
  };
}

function unreadableMessage(gate: GateId, paths: readonly string[]): string {
  const names = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
  return (
    `could not read ${paths.length} file${paths.length === 1 ? '' : 's'} it had to check (${names}), so it cannot say they are clean: ` +
    `make them readable by this user, or exclude them (\`gates.${gate}.exclude\`)`
  );
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
  const linesOf = new Map<string, Promise<ContentLines | undefined>>();
  const fileLines = (file: string) => {
    let lines = linesOf.get(file);
    if (!lines) {
      lines = scope.readOne(file).then((content) => (content ? new ContentLines(content) : undefined));
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
      const inline = lines && inlineSuppression(lines.around(finding.line, MARKER_CHARS), finding.line, gate, finding.ruleId);
      if (inline) {
        suppressed.push({ ...finding, suppression: inline });
        continue;
      }
    }
    active.push(finding);
  }
  return { active, suppressed };
}
