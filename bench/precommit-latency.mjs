#!/usr/bin/env node
// Wall time of `git commit` of 10 staged files (~200 KB of real source from node_modules) with
// no hook, with the wfo-gate hook (plain git shim and husky's `wfo-gate hook` line), and
// with husky + lint-staged + secretlint (recommended preset) doing the same job. Setups run
// interleaved, round after round, so a busy machine slows them alike. Prints medians and the
// overhead of each hook over no hook; then where wfo-gate's own time goes.
//
//   node scripts/build.mjs && node bench/precommit-latency.mjs [--rounds 15]
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';

const project = join(dirname(new URL(import.meta.url).pathname), '..');
const modules = join(project, 'node_modules');
const work = join(project, 'bench', '.work', 'precommit-latency');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.invalid', NO_COLOR: '1' };

const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Ten real source files of 15–32 KB from installed packages, about 200 KB in all. */
function pickSources() {
  const picked = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (picked.length >= 10) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'test') walk(path);
      else if (/\.(?:js|ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const size = statSync(path).size;
        if (size >= 15_000 && size <= 32_000) picked.push({ path, size });
      }
    }
  };
  for (const pkg of ['commander', 'execa', 'yaml', 'semver', 'picomatch', 'fast-xml-parser', 'ajv', 'lint-staged']) walk(join(modules, pkg));
  return picked.slice(0, 10);
}

/** The built package, copied so a rebuild of dist/ during the run cannot change it. */
function packageSnapshot() {
  const dir = join(work, 'wfo-gate');
  for (const part of ['dist', 'schemas', 'hooks', 'package.json']) cpSync(join(project, part), join(dir, part), { recursive: true });
  chmodSync(join(dir, 'dist', 'cli.js'), 0o755);
  symlinkSync(modules, join(dir, 'node_modules'));
  return dir;
}

/** Links a package into the repo's node_modules as npm would: the folder and its .bin entry. */
function link(repo, name, target, binPath) {
  const bin = join(repo, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(target, join(repo, 'node_modules', name));
  symlinkSync(join('..', name, binPath), join(bin, name));
}

function makeRepo(name, pkg) {
  const repo = join(work, name);
  mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  if (pkg) writeFileSync(join(repo, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  return repo;
}

function setups(wfoPackage) {
  const none = makeRepo('no-hook');

  const shim = makeRepo('wfo-gate-shim');
  link(shim, 'wfo-gate', wfoPackage, 'dist/cli.js');
  execFileSync(process.execPath, [join(wfoPackage, 'dist', 'cli.js'), 'install', '--no-husky'], { cwd: shim, env, stdio: 'ignore' });

  const husky = makeRepo('wfo-gate-husky', { name: 'bench', version: '1.0.0', private: true });
  link(husky, 'wfo-gate', wfoPackage, 'dist/cli.js');
  link(husky, 'husky', join(modules, 'husky'), 'bin.js');
  execFileSync(process.execPath, [join(wfoPackage, 'dist', 'cli.js'), 'install'], { cwd: husky, env, stdio: 'ignore' });

  const secretlint = makeRepo('husky-lint-staged-secretlint', { name: 'bench', version: '1.0.0', private: true, 'lint-staged': { '*': 'secretlint' } });
  writeFileSync(join(secretlint, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  // secretlint resolves its rule packages from the project: give it the whole node_modules.
  symlinkSync(modules, join(secretlint, 'node_modules'));
  mkdirSync(join(secretlint, '.husky'));
  writeFileSync(join(secretlint, '.husky', 'pre-commit'), 'npx lint-staged\n');
  execFileSync(process.execPath, [join(modules, 'husky', 'bin.js')], { cwd: secretlint, env, stdio: 'ignore' });

  const all = { 'no hook': none, 'wfo-gate (git hook shim)': shim, 'wfo-gate (husky line)': husky, 'husky + lint-staged + secretlint': secretlint };
  for (const repo of Object.values(all)) {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'base');
  }
  return all;
}

function timeCommit(repo, sources, round) {
  for (const [i, source] of sources.entries()) {
    writeFileSync(join(repo, 'src', `file${i}.js`), `${readFileSync(source.path, 'utf8')}\n// round ${round}\n`);
  }
  git(repo, 'add', 'src');
  const started = process.hrtime.bigint();
  // GNU time adds up the CPU of git and every hook process it waited for.
  const result = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'git', 'commit', '-q', '-m', `round ${round}`], { cwd: repo, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`git commit failed in ${repo}:\n${result.stdout}${result.stderr}`);
  const [, user, sys] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr) ?? [];
  git(repo, 'reset', '-q', 'HEAD~1');
  return { ms, cpuMs: (Number(user) + Number(sys)) * 1000 };
}

function timeProcess(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: result.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${Math.round(ms)} ms`.padStart(8);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const sources = pickSources();
const totalBytes = sources.reduce((n, s) => n + s.size, 0);
const wfoPackage = packageSnapshot();
const repos = setups(wfoPackage);
for (const repo of Object.values(repos)) mkdirSync(join(repo, 'src'), { recursive: true });

console.log(`git commit of ${sources.length} staged files, ${(totalBytes / 1024).toFixed(0)} KB of real source (${[...new Set(sources.map((s) => relative(modules, s.path).split('/')[0]))].join(', ')})`);
console.log(`${rounds} rounds (+1 warm-up), setups interleaved; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')} on this machine`);

const times = Object.fromEntries(Object.keys(repos).map((k) => [k, []]));
const cpu = Object.fromEntries(Object.keys(repos).map((k) => [k, []]));
const decomposition = { 'node -e 0': [], 'wfo-gate --version': [], 'config load (ajv compile)': [], 'wfo-gate hook pre-commit (direct)': [] };
const configProbe = join(work, 'config-probe.mjs');
writeFileSync(
  configProbe,
  `const { loadConfig } = await import(${JSON.stringify(join(wfoPackage, 'dist', 'index.js'))});\nconst t = performance.now();\nloadConfig({ root: process.cwd() });\nprocess.stdout.write(String(performance.now() - t));\n`,
);
for (let round = 0; round <= rounds; round++) {
  for (const [name, repo] of Object.entries(repos)) {
    const { ms, cpuMs } = timeCommit(repo, sources, round);
    if (round > 0) {
      times[name].push(ms);
      cpu[name].push(cpuMs);
    }
  }
  if (round === 0) continue;
  decomposition['node -e 0'].push(timeProcess(['-e', '0'], work).ms);
  decomposition['wfo-gate --version'].push(timeProcess([join(wfoPackage, 'dist', 'cli.js'), '--version'], work).ms);
  decomposition['config load (ajv compile)'].push(Number(timeProcess([configProbe], work).stdout));
}
// The hook alone on the staged files, outside git commit (the last round's files, staged again).
const shimRepo = repos['wfo-gate (git hook shim)'];
git(shimRepo, 'add', 'src');
for (let i = 0; i < Math.min(rounds, 9); i++) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(wfoPackage, 'dist', 'cli.js'), 'hook', 'pre-commit'], { cwd: shimRepo, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`hook failed:\n${result.stderr}`);
  decomposition['wfo-gate hook pre-commit (direct)'].push(Number(process.hrtime.bigint() - started) / 1e6);
}

for (const [what, table] of [['wall time', times], ['CPU time (user+sys, git and hooks)', cpu]]) {
  const base = median(table['no hook']);
  console.log(`\nmedian ${what} of git commit`.padEnd(46) + 'median   overhead over no hook');
  for (const [name, xs] of Object.entries(table)) {
    const m = median(xs);
    console.log(`  ${name.padEnd(36)} ${fmt(m)}   ${name === 'no hook' ? '' : fmt(m - base)}`);
  }
  const peer = median(table['husky + lint-staged + secretlint']) - base;
  for (const name of ['wfo-gate (git hook shim)', 'wfo-gate (husky line)']) {
    const own = median(table[name]) - base;
    console.log(`  overhead ratio ${name} / secretlint setup: ${(own / peer).toFixed(2)}  (target ≤ 0.33; wall ≤ 150 ms)`);
  }
}
console.log('\nwhere wfo-gate time goes (medians, separate processes):');
for (const [name, xs] of Object.entries(decomposition)) console.log(`  ${name.padEnd(36)} ${fmt(median(xs))}`);
console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
