// Sharding a big repository: one whole-tree run vs 4 shards (run one after another) plus merge.
// Builds a repository under /tmp from real sources (installed npm packages and the Python
// standard library, copied with variations, committed over a few commits), prints wall, CPU
// and peak memory of each run, checks that the merged findings equal the single run's as a
// set, and deletes the repository.
//
//   node bench/shard.mjs [--copies 8] [--gates secrets,sast,env-ignore] [--keep]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COPIES = Number(arg('copies', '8'));
const GATES = arg('gates', 'secrets,sast,env-ignore');
const SHARDS = Number(arg('shards', '4'));
const TEXT = /\.(js|mjs|cjs|ts|mts|cts|tsx|jsx|py|json|md|txt|ya?ml|css|html|d\.ts)$/;

/** Every file under 1 MiB of the installed npm packages and the Python standard library. */
function sources() {
  const out = [];
  const roots = [join(ROOT, 'node_modules'), ...readdirSync('/usr/lib').filter((n) => n.startsWith('python3')).map((n) => join('/usr/lib', n)).filter((p) => statSync(p).isDirectory())];
  for (const root of roots) {
    const name = root.includes('python') ? root.split('/').pop() : 'npm';
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== '__pycache__' && e.name !== '.git') walk(full);
        } else if (e.isFile()) {
          const size = statSync(full).size;
          if (size < 1024 * 1024) out.push({ full, rel: join(name, relative(root, full)), size });
        }
      }
    };
    walk(root);
  }
  return out;
}

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x.invalid' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function build(dir) {
  const files = sources();
  let bytes = 0;
  let count = 0;
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'gc.auto', '0');
  // A whole-tree scan of a big repository outlasts the default 2-minute gate time limit.
  writeFileSync(join(dir, 'wfo-gate.config.json'), JSON.stringify({ timeoutMs: 3_600_000 }));
  for (let k = 0; k < COPIES; k++) {
    for (const f of files) {
      const target = join(dir, `copy-${k}`, f.rel);
      mkdirSync(dirname(target), { recursive: true });
      if (k > 0 && TEXT.test(f.rel)) {
        // A variation per copy: the same code with a different last line, so every blob is new.
        const marker = f.rel.endsWith('.py') ? `\n# copy ${k}\n` : f.rel.endsWith('.json') ? '' : `\n// copy ${k}\n`;
        writeFileSync(target, marker ? Buffer.concat([readFileSync(f.full), Buffer.from(marker)]) : readFileSync(f.full));
      } else {
        copyFileSync(f.full, target);
      }
      bytes += f.size;
      count++;
    }
    // History: a commit every few copies.
    if (k % 2 === 1 || k === COPIES - 1) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', `copies up to ${k}`);
    }
  }
  return { bytes, count };
}

/** Wall, user+sys CPU and peak RSS of one CLI run, from GNU time. */
function measure(cwd, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`wfo-gate ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [, user, sys, rss] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rss / 1024, status: r.status };
}

const findingSet = (file) =>
  new Set(JSON.parse(readFileSync(file, 'utf8')).gates.flatMap((g) => g.findings.map((f) => [g.gate, f.ruleId, f.file, f.line, f.fingerprint].join(' '))));

const dir = join(tmpdir(), `wfo-bench-shard-${process.pid}`);
const out = join(tmpdir(), `wfo-bench-shard-out-${process.pid}`);
mkdirSync(out, { recursive: true });
try {
  const t0 = process.hrtime.bigint();
  const { bytes, count } = build(dir);
  const du = spawnSync('du', ['-sb', '--exclude=.git', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`repository: ${count.toLocaleString()} files, ${(Number(du) / 1e9).toFixed(2)} GB in the work tree (sources ${(bytes / 1e9).toFixed(2)} GB), ${git(dir, 'rev-list', '--count', 'HEAD').trim()} commits; built in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s`);
  console.log(`gates: ${GATES}; machine: ${(await import('node:os')).cpus().length} cores\n`);

  const single = measure(dir, ['run', '--all', '--gate', GATES, '--format', 'json', '--output', join(out, 'single.json')]);
  console.log(`whole tree, one process : wall ${single.wall.toFixed(1)} s, CPU ${single.cpu.toFixed(1)} s, peak RSS ${single.rssMb.toFixed(0)} MB`);
  const shards = [];
  for (let i = 1; i <= SHARDS; i++) {
    const m = measure(dir, ['run', '--all', '--gate', GATES, '--shard', `${i}/${SHARDS}`, '--format', 'json', '--output', join(out, `shard-${i}.json`)]);
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
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
