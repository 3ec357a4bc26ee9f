// Sharding a big repository: one whole-tree run vs 4 shards (run one after another) plus merge.
// Builds a repository under /tmp from real sources (installed npm packages and the Python
// standard library, copied with variations, committed over a few commits), prints wall, CPU
// and peak memory of each run, checks that the merged findings equal the single run's as a
// set, and deletes the repository. Every run is --no-cache: the shards must not reuse the
// single run's results (bench/cache.mjs measures the cache).
//
//   node bench/shard.mjs [--copies 8] [--gates secrets,sast,env-ignore|default] [--repo DIR] [--no-bandit] [--keep]
// (--gates default: the config's `ci` list, as a user's run; --repo: reuse a repository built before, never deleted)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateArgs, git, measure, prepare } from './lib/big-repo.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COPIES = Number(arg('copies', '8'));
const GATES = arg('gates', 'secrets,sast,env-ignore');
const SHARDS = Number(arg('shards', '4'));

const findingSet = (file) =>
  new Set(JSON.parse(readFileSync(file, 'utf8')).gates.flatMap((g) => g.findings.map((f) => [g.gate, f.ruleId, f.file, f.line, f.fingerprint].join(' '))));

const out = join(tmpdir(), `wfo-bench-shard-out-${process.pid}`);
mkdirSync(out, { recursive: true });
let repo;
try {
  const t0 = process.hrtime.bigint();
  const { dir, bytes, count, reused } = prepare(join(tmpdir(), `wfo-bench-shard-${process.pid}`), COPIES);
  repo = { dir, reused };
  const du = spawnSync('du', ['-sb', '--exclude=.git', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`repository: ${count.toLocaleString()} files, ${(Number(du) / 1e9).toFixed(2)} GB in the work tree ${reused ? '(reused)' : `(sources ${(bytes / 1e9).toFixed(2)} GB)`}, ${git(dir, 'rev-list', '--count', 'HEAD').trim()} commits; built in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s`);
  console.log(`gates: ${GATES}; machine: ${(await import('node:os')).cpus().length} cores\n`);

  const single = measure(dir, ['run', '--all', '--no-cache', ...gateArgs(GATES), '--format', 'json', '--output', join(out, 'single.json')]);
  console.log(`whole tree, one process : wall ${single.wall.toFixed(1)} s, CPU ${single.cpu.toFixed(1)} s, peak RSS ${single.rssMb.toFixed(0)} MB`);
  const shards = [];
  for (let i = 1; i <= SHARDS; i++) {
    const m = measure(dir, ['run', '--all', '--no-cache', ...gateArgs(GATES), '--shard', `${i}/${SHARDS}`, '--format', 'json', '--output', join(out, `shard-${i}.json`)]);
    shards.push(m);
    console.log(`shard ${i}/${SHARDS}                : wall ${m.wall.toFixed(1)} s, CPU ${m.cpu.toFixed(1)} s, peak RSS ${m.rssMb.toFixed(0)} MB`);
  }
  const merge = measure(dir, ['merge', ...shards.map((_, i) => join(out, `shard-${i + 1}.json`)), '--format', 'json', '--output', join(out, 'merged.json')]);
  console.log(`merge                    : wall ${merge.wall.toFixed(1)} s, peak RSS ${merge.rssMb.toFixed(0)} MB`);
  const slowest = Math.max(...shards.map((s) => s.wall));
  console.log(`\nslowest shard / single run: ${(slowest / single.wall).toFixed(2)}x (target <= 0.30x); slowest shard + merge: ${((slowest + merge.wall) / single.wall).toFixed(2)}x`);
  // Wall time on a shared machine is noisy; CPU time is what a dedicated runner would spend.
  console.log(`most CPU of one shard / single run: ${(Math.max(...shards.map((s) => s.cpu)) / single.cpu).toFixed(2)}x`);
  const a = findingSet(join(out, 'single.json'));
  const b = findingSet(join(out, 'merged.json'));
  const same = a.size === b.size && [...a].every((x) => b.has(x));
  const verdicts = [JSON.parse(readFileSync(join(out, 'single.json'), 'utf8')).verdict, JSON.parse(readFileSync(join(out, 'merged.json'), 'utf8')).verdict];
  console.log(`findings: single ${a.size}, merged ${b.size}, identical as a set: ${same}; verdict single ${verdicts[0]}, merged ${verdicts[1]}`);
} finally {
  if (!process.argv.includes('--keep')) {
    if (repo && !repo.reused) rmSync(repo.dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
