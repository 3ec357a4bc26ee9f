// A big repository built from real sources, and GNU time measurements of CLI runs, shared by
// bench/shard.mjs and bench/cache.mjs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
// WFO_CLI: another build to measure (e.g. the main branch's, for before/after figures).
export const CLI = process.env.WFO_CLI ? resolve(process.env.WFO_CLI) : join(ROOT, 'dist', 'cli.js');
export const TEXT = /\.(js|mjs|cjs|ts|mts|cts|tsx|jsx|py|json|md|txt|ya?ml|css|html|d\.ts)$/;

/** Every file under 1 MiB of the installed npm packages and the Python standard library. */
export function sources() {
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

export function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x.invalid' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// A whole-tree scan of a big repository outlasts the default 2-minute gate time limit.
const CONFIG = { timeoutMs: 3_600_000 };

/** Builds the repository in `dir`: `copies` copies of sources(), each blob distinct, committed every two copies. */
export function build(dir, copies) {
  const files = sources();
  let bytes = 0;
  let count = 0;
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'gc.auto', '0');
  writeFileSync(join(dir, 'wfo-gate.config.json'), JSON.stringify(CONFIG));
  for (let k = 0; k < copies; k++) {
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
    if (k % 2 === 1 || k === copies - 1) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', `copies up to ${k}`);
    }
  }
  return { bytes, count };
}

/**
 * The benchmark repository: `--repo DIR` reuses one built before (by an earlier bench run with
 * --keep, or `node bench/lib/big-repo.mjs DIR COPIES`), so the shard and cache benches measure
 * the same tree and a full-size build (minutes) is paid once; otherwise a fresh one in `fallback`.
 */
export function prepare(fallback, copies, argv = process.argv) {
  const i = argv.indexOf('--repo');
  const dir = i > 0 ? resolve(argv[i + 1]) : fallback;
  if (i > 0 && existsSync(join(dir, '.git'))) {
    const count = git(dir, 'ls-files', '-z').split('\0').filter(Boolean).length;
    return { dir, count, reused: true };
  }
  return { dir, ...build(dir, copies), reused: false };
}

/**
 * Flags for a bench's `--gates` (`default`: what the config's `ci` list names, as a user's run
 * does) and `--no-bandit`: the repository's config with SAST's bandit integration off (bandit,
 * one process over every Python file, is the long pole of a whole-tree run when it is installed).
 */
export function gateArgs(gates, argv = process.argv) {
  const args = gates === 'default' ? [] : ['--gate', gates];
  if (argv.includes('--no-bandit')) {
    const file = join(tmpdir(), `wfo-bench-no-bandit-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ ...CONFIG, gates: { sast: { bandit: { enabled: false } } } }));
    args.push('--config', file);
  }
  return args;
}

/** Wall, user+sys CPU and peak RSS of one CLI run, from GNU time. */
export function measure(cwd, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`wfo-gate ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [, user, sys, rss] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rss / 1024, status: r.status };
}

if (process.argv[1] === import.meta.filename) {
  const [dir, copies = '9'] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const { count, bytes } = build(resolve(dir), Number(copies));
  console.log(`${count} files, sources ${(bytes / 1e9).toFixed(2)} GB, built in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s`);
}
