// One report from the reports of a run's shards (`run --shard i/n` in N CI jobs), as one
// unsharded run would have written it: findings joined and de-duplicated by fingerprint,
// statuses folded as the runner folds them, metrics combined, skipped files added up.
// A merge never vouches for work it did not see: a missing or duplicate shard, or shards of
// another commit, config or version, make the verdict `error`, naming the shard.
import { foldStatuses } from '../core/runner.js';
import { ownerShard, splitsAcrossShards } from '../core/shard.js';
import type { Finding, GateId, GateResult, GateStatus, Report, RuleInfo, SkippedFiles } from '../core/types.js';

export interface ShardReport {
  /** Where it came from (a file name), for messages. */
  source: string;
  report: Report;
}

const SKIP_KINDS = ['binary', 'tooLarge', 'submodules', 'symlinks', 'unreadable', 'tooLargeToParse'] as const satisfies readonly (keyof SkippedFiles)[];
const SHARD_SUFFIX = /, shard \d+\/\d+$/;
const SHARD_NOTE = /^shard \d+\/\d+: /;

export function mergeReports(inputs: readonly ShardReport[]): Report {
  if (inputs.length === 0) throw new Error('mergeReports needs at least one report');
  const problems: string[] = [];
  const sharded = inputs.filter((input) => {
    if (input.report.shard) return true;
    problems.push(`${input.source} is not a shard's report (it has no "shard"): run each part with \`wfo-gate run --shard <i>/<n>\``);
    return false;
  });
  if (sharded.length === 0) return emptyMerge(inputs, problems);
  const ordered = [...sharded].sort((a, b) => a.report.shard!.index - b.report.shard!.index);
  const ref = ordered[0].report;
  const refShard = ref.shard!;
  const total = refShard.total;
  const name = (r: ShardReport) => `shard ${r.report.shard!.index}/${r.report.shard!.total} (${r.source})`;

  // One report per shard index, all of the same run; everything else is a problem that names the shard.
  const byIndex = new Map<number, ShardReport>();
  for (const input of ordered) {
    const s = input.report.shard!;
    const mismatch = [
      s.total !== total && `is part of a ${s.total}-way split, not ${total}`,
      s.commit !== refShard.commit && `checked commit ${short(s.commit)}, not ${short(refShard.commit)}`,
      s.configHash !== refShard.configHash && `ran with another configuration (config hash ${s.configHash}, not ${refShard.configHash})`,
      input.report.tool.version !== ref.tool.version && `was written by wfo-gate ${input.report.tool.version}, not ${ref.tool.version}`,
      (input.report.scope.kind !== ref.scope.kind || input.report.scope.base !== ref.scope.base) && `checked another scope (${input.report.scope.kind}${input.report.scope.base ? ` from ${short(input.report.scope.base)}` : ''})`,
    ].filter((m): m is string => Boolean(m));
    if (mismatch.length) {
      problems.push(`${name(input)} ${mismatch.join(', ')}: it is not part of the same run, so it was left out`);
      continue;
    }
    const earlier = byIndex.get(s.index);
    if (earlier) {
      problems.push(`shard ${s.index}/${total} was given twice (${earlier.source} and ${input.source}): the second was left out`);
      continue;
    }
    byIndex.set(s.index, input);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  for (const i of missing) problems.push(`shard ${i}/${total} is missing: its report was not given, so its part of the run was never checked`);
  const shards = [...byIndex.values()];

  const gates = refShard.gates.map((id) => mergeGate(id, shards, total));
  const policy = (gate: GateId) => refShard.onError?.[gate] ?? 'fail';
  const folded = foldStatuses(gates, policy);
  const skipped = mergeSkipped(shards.map((s) => s.report));
  return {
    tool: ref.tool,
    verdict: problems.length && folded !== 'fail' ? 'error' : folded,
    scope: {
      ...ref.scope,
      description: ref.scope.description.replace(SHARD_SUFFIX, ''),
      files: shards.reduce((n, s) => n + s.report.scope.files, 0),
    },
    gates,
    skipped,
    suppressedCount: gates.reduce((n, g) => n + g.suppressed.length, 0),
    notes: [
      `merged from ${shards.length} of ${total} shard${total === 1 ? '' : 's'}`,
      ...problems.map((p) => `merge: ${p}`),
      ...unique(shards.flatMap((s) => s.report.notes).filter((n) => !SHARD_NOTE.test(n))),
    ],
    durationMs: Math.max(...shards.map((s) => s.report.durationMs)),
    startedAt: shards.map((s) => s.report.startedAt).sort()[0],
    merged: { shards: shards.map((s) => ({ index: s.report.shard!.index, total: s.report.shard!.total, source: s.source })), problems },
  };
}

function emptyMerge(inputs: readonly ShardReport[], problems: string[]): Report {
  const ref = inputs[0].report;
  return {
    ...ref,
    verdict: 'error',
    gates: [],
    notes: problems.map((p) => `merge: ${p}`),
    suppressedCount: 0,
    merged: { shards: [], problems },
  };
}

const short = (commit: string | undefined) => (commit ? commit.slice(0, 12) : 'none');
const unique = <T>(items: Iterable<T>) => [...new Set(items)];

/** One gate's result from the shards that ran it. A shard it needed whose part is missing makes it an error. */
function mergeGate(id: GateId, shards: readonly ShardReport[], total: number): GateResult {
  const ran = new Map(shards.flatMap((s) => {
    const result = s.report.gates.find((g) => g.gate === id);
    return result ? [[s.report.shard!.index, result] as const] : [];
  }));
  const needed = splitsAcrossShards(id) ? Array.from({ length: total }, (_, i) => i + 1) : [ownerShard(id, total)];
  const lost = needed.filter((i) => !ran.has(i));
  const parts = [...ran.values()];
  if (lost.length === 0) return joinParts(id, parts);
  const which = lost.map((i) => `${i}/${total}`).join(', ');
  const error = `its part in shard${lost.length === 1 ? '' : 's'} ${which} was never checked (no report of it was merged), so it cannot say the run is clean`;
  if (parts.length === 0) return { gate: id, status: 'error', findings: [], suppressed: [], summary: 'could not decide', durationMs: 0, error };
  const merged = joinParts(id, parts);
  return { ...merged, status: merged.status === 'fail' ? 'fail' : 'error', error: [merged.error, error].filter(Boolean).join('; ') };
}

function joinParts(id: GateId, parts: readonly GateResult[]): GateResult {
  if (parts.length === 1) return parts[0];
  const findings = dedupe(parts.map((p) => p.findings), parts.map((p) => p.suppressed));
  const suppressed = dedupe(parts.map((p) => p.suppressed), []);
  const metrics = mergeMetrics(parts.map((p) => p.metrics).filter((m): m is Record<string, number> => m !== undefined));
  const errors = unique(parts.map((p) => p.error).filter((e): e is string => Boolean(e)));
  const rules = unionRules(parts.flatMap((p) => p.rules ?? []));
  const status = foldGateStatus(parts.map((p) => p.status));
  return {
    gate: id,
    status,
    findings,
    suppressed,
    summary: mergedSummary(parts, findings.length, metrics),
    durationMs: Math.max(...parts.map((p) => p.durationMs)),
    ...(Object.keys(metrics).length ? { metrics } : {}),
    ...(errors.length ? { error: errors.join('; ') } : {}),
    ...(rules.length ? { rules } : {}),
  };
}

/** fail > error > warn > pass; `skipped` only when every shard skipped (it had nothing to check there). */
function foldGateStatus(statuses: readonly GateStatus[]): GateStatus {
  for (const s of ['fail', 'error', 'warn', 'pass'] as const) if (statuses.includes(s)) return s;
  return 'skipped';
}

/**
 * Findings of several shards, each shard's list kept as it is (two equal secrets in one file are
 * two findings there too). A fingerprint found in more than one shard is one finding: the copy
 * that names the commit that introduced it wins (as the secrets gate keeps the commit's finding
 * over the final-content copy), and a final-content copy of a finding another shard attributed
 * to a commit, or suppressed there, is dropped.
 */
function dedupe(lists: readonly Finding[][], suppressedLists: readonly Finding[][]): Finding[] {
  const owner = new Map<string, number>();
  const withCommit = new Set<string>();
  lists.forEach((list, shard) => {
    for (const f of list) {
      if (f.commit !== undefined) withCommit.add(f.fingerprint);
      const current = owner.get(f.fingerprint);
      if (current === undefined || (f.commit !== undefined && !lists[current].some((g) => g.fingerprint === f.fingerprint && g.commit !== undefined))) owner.set(f.fingerprint, shard);
    }
  });
  const suppressedByCommit = new Set(suppressedLists.flat().filter((f) => f.commit !== undefined).map((f) => f.fingerprint));
  const out: Finding[] = [];
  lists.forEach((list, shard) => {
    for (const f of list) {
      if (owner.get(f.fingerprint) !== shard) continue;
      if (f.commit === undefined && (withCommit.has(f.fingerprint) || suppressedByCommit.has(f.fingerprint))) continue;
      out.push(f);
    }
  });
  return out;
}

// Figures that describe the configuration, the same in every shard: never added up.
const SAME_IN_EVERY_SHARD = /(^|\.)rules$/;

/**
 * Counts add up; a percentage with its counts beside it (`k`, `k.hit`, `k.found`) is recomputed
 * from the summed counts, never averaged; configuration figures (rule counts) are taken once.
 */
export function mergeMetrics(parts: readonly Record<string, number>[]): Record<string, number> {
  if (parts.length === 1) return { ...parts[0] };
  const out: Record<string, number> = {};
  for (const metrics of parts) {
    for (const [key, value] of Object.entries(metrics)) {
      out[key] = key in out ? (SAME_IN_EVERY_SHARD.test(key) ? Math.max(out[key], value) : out[key] + value) : value;
    }
  }
  for (const key of Object.keys(out)) {
    const hit = out[`${key}.hit`];
    const found = out[`${key}.found`];
    if (hit !== undefined && found !== undefined) {
      if (found > 0) out[key] = Math.round((hit / found) * 10000) / 100;
      else delete out[key];
    }
  }
  return out;
}

function mergedSummary(parts: readonly GateResult[], findings: number, metrics: Record<string, number>): string {
  const summaries = unique(parts.map((p) => p.summary));
  if (summaries.length === 1) return summaries[0];
  const files = metrics.files ?? metrics[`${parts[0].gate}.files`];
  return `${findings} finding${findings === 1 ? '' : 's'}${files !== undefined ? ` in ${files} file${files === 1 ? '' : 's'}` : ''} across ${parts.length} shards`;
}

function unionRules(rules: readonly RuleInfo[]): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()];
}

function mergeSkipped(reports: readonly Report[]): Report['skipped'] {
  const lists = Object.fromEntries(SKIP_KINDS.map((kind) => [kind, unique(reports.flatMap((r) => r.skipped[kind] ?? [])).sort()])) as unknown as SkippedFiles;
  const counts = Object.fromEntries(SKIP_KINDS.map((kind) => [kind, lists[kind].length])) as Record<keyof SkippedFiles, number>;
  return { ...lists, counts };
}
