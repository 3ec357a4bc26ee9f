#!/usr/bin/env node
// The coverage gate on a 50 MB lcov report beside Debian's diff-cover on the same report and the
// same git diff: wall time, CPU time and peak memory of the whole tool (report parse, path
// resolution, git diff). The report repeats a real one (node --test on a small module), each copy
// under its own directory, so it holds ~190k records of distinct source files.
// Each round runs every tool once under GNU time (wall, CPU and peak RSS of the same run), the
// tools interleaved so machine noise hits all alike; the table shows medians over the rounds.
// Usage: npm run build && node bench/coverage.mjs [--mb 50] [--rounds 3] [--cli other/dist/cli.js]
// --cli adds a second wfo-gate build (e.g. a copy of dist/ from before a change) to the same
// rounds; WFO_BENCH_KEEP=1 keeps the generated repo (for profiling).
// Needs diff-cover (`apt-get install -y diff-cover`) and GNU time (/usr/bin/time) for peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, table } from './lib.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
};
const targetBytes = Number(arg('--mb', 50)) * 1e6;
const rounds = Math.max(1, Number(arg('--rounds', 3)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first: the benchmark measures dist/');
const otherCli = arg('--cli', undefined) && resolve(arg('--cli'));
if (otherCli && !existsSync(otherCli)) throw new Error(`--cli ${otherCli} does not exist`);

const repo = join(tmpdir(), `wfo-coverage-bench-${process.pid}`);
rmSync(repo, { recursive: true, force: true });
process.on('exit', () => (process.env.WFO_BENCH_KEEP ? console.log(`kept ${repo}`) : rmSync(repo, { recursive: true, force: true })));
mkdirSync(join(repo, 'src'), { recursive: true });
mkdirSync(join(repo, 'test'), { recursive: true });
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b.invalid' } });
const source = (extra) => `export function add(a, b) {\n  return a + b;\n}\n\nexport function clamp(x, lo, hi) {\n  if (x < lo) {\n    return lo;\n  }\n  if (x > hi) {\n    return hi;\n  }\n  return x;\n}\n${extra}`;
writeFileSync(join(repo, 'package.json'), '{"type":"module"}\n');
writeFileSync(join(repo, 'src/math.js'), source(''));
writeFileSync(join(repo, '.gitignore'), '*.info\nreport.json\n');
writeFileSync(join(repo, 'wfo-gate.config.json'), JSON.stringify({ gates: { coverage: { reports: ['big.info'], min: 0, patchMin: 0, maxAgeCheck: false } } }));
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'base');
git('checkout', '-qb', 'feature');
writeFileSync(join(repo, 'src/math.js'), source('\nexport function twice(n) {\n  const t = n * 2;\n  return t;\n}\n'));
writeFileSync(join(repo, 'test/math.test.js'), "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport { add, clamp } from '../src/math.js';\ntest('a', () => { assert.equal(add(1, 2), 3); assert.equal(clamp(9, 0, 5), 5); });\n");
git('add', '-A');
git('commit', '-qm', 'twice');

// A real report, then repeated: copy k names its files copyK/src/math.js; the first copy is the real path.
execFileSync(process.execPath, ['--test', '--experimental-test-coverage', '--test-reporter=lcov', '--test-reporter-destination=real.info', 'test/math.test.js'], { cwd: repo, stdio: 'pipe' });
const real = readFileSync(join(repo, 'real.info'), 'utf8');
const parts = [real];
let size = real.length;
for (let k = 1; size < targetBytes; k++) {
  const copy = real.replace(/^SF:/gm, `SF:copy${k}/`);
  parts.push(copy);
  size += copy.length;
}
writeFileSync(join(repo, 'big.info'), parts.join(''));
const mb = statSync(join(repo, 'big.info')).size / 1e6;

const wfoCase = (name, path) => ({
  name,
  command: process.execPath,
  args: [path, 'run', '--base', 'main', '--gate', 'coverage', '--format', 'json', '--output', 'report.json'],
  patch: () => {
    const gate = JSON.parse(readFileSync(join(repo, 'report.json'), 'utf8')).gates[0];
    return { patch: gate.metrics?.['coverage.patch'], summary: `${gate.status ?? 'ok'} — ${gate.summary}` };
  },
});
const cases = [
  wfoCase('wfo-gate coverage', cli),
  ...(otherCli ? [wfoCase(`wfo-gate (${otherCli})`, otherCli)] : []),
  {
    name: 'diff-cover 7.4',
    command: 'diff-cover',
    args: ['big.info', '--compare-branch=main', '--json-report', 'report-dc.json', '-q'],
    patch: () => {
      const dc = JSON.parse(readFileSync(join(repo, 'report-dc.json'), 'utf8'));
      return { patch: (((dc.total_num_lines - dc.total_num_violations) / dc.total_num_lines) * 100).toFixed(2) };
    },
  },
];

/** One run under GNU time: wall ms (hrtime around it), CPU s (user + system) and peak RSS MB; n/a without GNU time. */
function measured(c) {
  const hasTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '\n%M %U %S', c.command, ...c.args], { cwd: repo, stdio: 'pipe' })
    : spawnSync(c.command, c.args, { cwd: repo, stdio: 'pipe' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (![0, 1].includes(result.status)) throw new Error(`${c.command} ${c.args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(-800)}`);
  const [kb, user, system] = hasTime ? String(result.stderr).trim().split('\n').at(-1).split(' ').map(Number) : [];
  return { ms, peakMb: Number.isFinite(kb) ? kb / 1024 : undefined, cpu: Number.isFinite(user) ? user + system : undefined };
}

const runs = new Map(cases.map((c) => [c.name, []]));
const outcome = new Map();
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    runs.get(c.name).push(measured(c));
    outcome.set(c.name, c.patch());
  }
}
const dcWall = median(runs.get('diff-cover 7.4').map((m) => m.ms));
const rows = cases.map((c) => {
  const ms = median(runs.get(c.name).map((m) => m.ms));
  const peaks = runs.get(c.name).map((m) => m.peakMb).filter((p) => p !== undefined);
  const cpus = runs.get(c.name).map((m) => m.cpu).filter((p) => p !== undefined);
  return {
    tool: c.name,
    'wall s': (ms / 1000).toFixed(2),
    'cpu s': cpus.length ? median(cpus).toFixed(2) : 'n/a',
    'MB/s': (mb / (ms / 1000)).toFixed(1),
    'vs diff-cover': `${(ms / dcWall).toFixed(2)}x`,
    'peak MB': peaks.length ? median(peaks).toFixed(0) : 'n/a',
    'all wall s': runs.get(c.name).map((m) => (m.ms / 1000).toFixed(1)).join(' '),
    patch: `${outcome.get(c.name).patch}%`,
  };
});

console.log(`lcov report: ${mb.toFixed(1)} MB, ${parts.length} copies of a real node --test report (${(real.match(/^SF:/gm) ?? []).length} files each); ${rounds} round(s), medians`);
for (const c of cases) if (outcome.get(c.name).summary) console.log(`${c.name}: ${outcome.get(c.name).summary}`);
console.log(table(rows, ['tool', 'wall s', 'cpu s', 'MB/s', 'vs diff-cover', 'peak MB', 'all wall s', 'patch']));

