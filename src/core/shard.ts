// Splitting one run across N processes (CI matrix jobs): which files and commits a shard owns,
// which gates look at the repository as a whole (and so run in exactly one shard), and the
// identity every shard records so that `wfo-gate merge` can refuse shards of different runs.
import { createHash, hash } from 'node:crypto';
import { UsageError } from './errors.js';
import type { GateId, ResolvedConfig, Scope, ShardSpec } from './types.js';

export type { ShardInfo, ShardSpec } from './types.js';

/**
 * Gates that judge file by file (and commit by commit): their work is split across shards.
 * env-ignore is one of them: its .env check and its world-writable check (an lstat of every
 * file, the longest part of it on a big tree) each look at one file at a time, and their
 * findings are fingerprinted by path. Every other gate (audit, coverage, budget, custom gates)
 * looks at the repository as a whole and runs, on the whole scope, in one shard only.
 */
const SPLIT_GATES: ReadonlySet<GateId> = new Set<GateId>(['secrets', 'sast', 'env-ignore']);

export function splitsAcrossShards(gate: GateId): boolean {
  return SPLIT_GATES.has(gate);
}

/** `3/4` -> { index: 3, total: 4 }; anything else is a usage error saying what is expected. */
export function parseShard(text: string, flag = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total || total > 1024) {
    throw new UsageError(`${flag} takes <i>/<n> with 1 ≤ i ≤ n ≤ 1024, got "${text}"`, [
      'In a GitHub Actions matrix: `shard: ${{ matrix.shard }}/${{ strategy.job-total }}` with `matrix: { shard: [1, 2, 3, 4] }`.',
    ]);
  }
  return { index, total };
}

/**
 * The shard (1-based) that owns a key: a hash of the key alone, so adding or removing one file
 * moves no other file, and every process, on any machine, agrees without talking to the others.
 */
export function shardOf(key: string, total: number): number {
  if (total <= 1) return 1;
  // One-shot hash: a shard run hashes every path of the tree.
  return (hash('sha1', key, 'buffer').readUInt32BE(0) % total) + 1;
}

/** The one shard a whole-repository gate runs in, chosen by the same rule as files. */
export function ownerShard(gate: GateId, total: number): number {
  return shardOf(`gate:${gate}`, total);
}

/** Whether this shard runs the gate at all. */
export function runsInShard(gate: GateId, shard: ShardSpec): boolean {
  return splitsAcrossShards(gate) || ownerShard(gate, shard.total) === shard.index;
}

/** The shard's part of a scope: the files whose path it owns, the commits whose id it owns. */
export function shardScope(scope: Scope, shard: ShardSpec): Scope {
  if (shard.total === 1) return scope;
  const files = scope.files.filter((f) => shardOf(f.path, shard.total) === shard.index);
  const kept = new Set(files.map((f) => f.path));
  return {
    ...scope,
    files,
    description: `${scope.description}, shard ${shard.index}/${shard.total}`,
    read: (paths) => scope.read((paths ?? files.map((f) => f.path)).filter((p) => kept.has(p))),
    readOne: (path) => (kept.has(path) ? scope.readOne(path) : Promise.resolve(undefined)),
    commits: async function* () {
      for await (const commit of scope.commits()) {
        if (shardOf(commit.commit, shard.total) === shard.index) yield commit;
      }
    },
  };
}

/**
 * A hash of everything that decides findings besides the content: the effective config (not
 * where it was read from), the gates asked for and the accepted fingerprints of the baseline.
 */
export function configHash(config: ResolvedConfig, gates: readonly GateId[], baseline: Iterable<string>): string {
  // The result cache changes how much is read, never what is found: shards may differ in it.
  const { file: _file, raw: _raw, cache: _cache, explicitGates, ...effective } = config;
  return createHash('sha256')
    .update(canonicalJson({ ...effective, explicitGates: [...explicitGates].sort(), requested: [...gates], baseline: [...baseline].sort() }))
    .digest('hex')
    .slice(0, 16);
}

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
