// The result cache on a big repository (bench/lib/big-repo.mjs: real sources, copied with
// variations): a cold whole-tree run (empty cache), a warm re-run with nothing changed, a re-run
// after 1 % of the files changed and were committed (the CI case: a push), and one with the same
// change left uncommitted (modified files are scanned, never cached). Prints wall, CPU, peak
// memory and the load average around each run, checks that every cached run finds exactly what
// a --no-cache run of the same tree finds, and deletes the repository.
//
//   node bench/cache.mjs [--copies 2] [--gates secrets,sast|default] [--changed 0.01] [--repo DIR] [--no-bandit] [--quick] [--keep]
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { TEXT, gateArgs, git, measure, prepare } from './lib/big-repo.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COPIES = Number(arg('copies', '2'));
const GATES = arg('gates', 'secrets,sast');
const CHANGED = Number(arg('changed', '0.01'));
const QUICK = process.argv.includes('--quick');

let dir;
let reused = false;
let start;
const out = join(tmpdir(), `wfo-bench-cache-out-${process.pid}`);
mkdirSync(out, { recursive: true });

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
function run(name, extra = []) {
  const before = load();
  const file = join(out, `${name}.json`);
  const m = measure(dir, ['run', '--all', ...gateArgs(GATES), ...extra, '--format', 'json', '--output', file]);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const metric = (gate, key) => report.gates.find((g) => g.gate === gate)?.metrics?.[key];
  const scanned = `secrets scanned ${metric('secrets', 'scannedFiles') ?? '-'} / cached ${metric('secrets', 'cacheHits') ?? '-'}, sast scanned ${metric('sast', 'sast.scannedFiles') ?? '-'} / cached ${metric('sast', 'sast.cacheHits') ?? '-'}`;
  console.log(`${name.padEnd(26)}: wall ${m.wall.toFixed(1).padStart(6)} s, CPU ${m.cpu.toFixed(1).padStart(6)} s, peak RSS ${m.rssMb.toFixed(0).padStart(5)} MB; ${scanned}; load ${before} -> ${load()}`);
  return { ...m, file };
}

const findingSet = (file) =>
  [...new Set(JSON.parse(readFileSync(file, 'utf8')).gates.flatMap((g) => [...g.findings, ...g.suppressed].map((f) => [g.gate, f.ruleId, f.file, f.line, f.column, f.fingerprint, f.message, f.preview ?? ''].join(' '))))].sort();
const same = (a, b) => {
  const x = findingSet(a);
  const y = findingSet(b);
  return `${x.length} findings, identical: ${x.length === y.length && x.every((v, i) => v === y[i])}`;
};

try {
  const t0 = process.hrtime.bigint();
  let count;
  ({ dir, count, reused } = prepare(join(tmpdir(), `wfo-bench-cache-${process.pid}`), COPIES));
  start = git(dir, 'rev-parse', 'HEAD').trim();
  rmSync(join(dir, '.wfo-gate', 'cache'), { recursive: true, force: true });
  const du = spawnSync('du', ['-sb', '--exclude=.git', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`repository: ${count.toLocaleString()} files, ${(Number(du) / 1e9).toFixed(2)} GB in the work tree; built in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s`);
  console.log(`gates: ${GATES}; machine: ${cpus().length} cores, load ${load()}\n`);

  const cold = run('cold (empty cache)');
  const warm = run('warm, nothing changed');
  const cacheMb = Number(spawnSync('du', ['-sb', join(dir, '.wfo-gate', 'cache')], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1e6;

  // Change CHANGED of the text files: every n-th one gets a new last line.
  const tracked = git(dir, 'ls-files', '-z').split('\0').filter((p) => TEXT.test(p) && !p.endsWith('.json'));
  const step = Math.max(1, Math.round(1 / CHANGED));
  const edited = tracked.filter((_, i) => i % step === 0);
  const edit = (tag) => {
    for (const p of edited) appendFileSync(join(dir, p), p.endsWith('.py') ? `\n# ${tag}\n` : `\n// ${tag}\n`);
  };
  edit('changed once');
  git(dir, 'commit', '-qam', 'change 1 % of the files');
  const committed = run(`${edited.length} changed, committed`);
  // --quick: only the runs the ratios need (a full-size --no-cache run takes as long as the cold one).
  const committedFresh = QUICK ? undefined : run('  same tree, --no-cache', ['--no-cache']);
  let dirty;
  let dirtyFresh;
  if (!QUICK) {
    edit('changed twice');
    dirty = run(`${edited.length} changed, uncommitted`);
    dirtyFresh = run('  same tree, --no-cache', ['--no-cache']);
  }

  console.log(`\ncache on disk: ${cacheMb.toFixed(1)} MB`);
  console.log(`warm / cold: wall ${(warm.wall / cold.wall).toFixed(3)}x, CPU ${(warm.cpu / cold.cpu).toFixed(3)}x`);
  console.log(`1 % committed / cold: wall ${(committed.wall / cold.wall).toFixed(3)}x, CPU ${(committed.cpu / cold.cpu).toFixed(3)}x (target <= 0.1x)`);
  if (QUICK) {
    console.log(`findings: warm vs cold ${same(warm.file, cold.file)} (--quick: no --no-cache comparison runs)`);
  } else {
    console.log(`1 % uncommitted / cold: wall ${(dirty.wall / cold.wall).toFixed(3)}x, CPU ${(dirty.cpu / cold.cpu).toFixed(3)}x`);
    console.log(`findings: warm vs cold ${same(warm.file, cold.file)}; committed vs --no-cache ${same(committed.file, committedFresh.file)}; uncommitted vs --no-cache ${same(dirty.file, dirtyFresh.file)}`);
  }
} finally {
  // A reused repository is left as it was found: the 1 % change undone, the cache gone.
  if (reused && start) {
    git(dir, 'reset', '-q', '--hard', start);
    rmSync(join(dir, '.wfo-gate', 'cache'), { recursive: true, force: true });
  }
  if (!process.argv.includes('--keep')) {
    if (!reused && dir) rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
