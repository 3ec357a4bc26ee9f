#!/usr/bin/env node
// Throughput of the secrets gate on real source text, beside secretlint 13 (recommended
// preset) and ripgrep searching only the rules' keywords (the ceiling: no regex work at all).
// Usage: npm run build && node bench/secrets-throughput.mjs [--mb 150] [--runs 3] [--peer-runs 1] [--tree DIR]
// (WFO_BENCH_CLI=path to measure another build, e.g. the one before a change, in the same way)
// --tree DIR scans DIR in place instead of a copy of this project's node_modules: the issue's
// real-code tree (typescript, aws-sdk v2, lodash, rxjs, @types/node installed with
// --ignore-scripts, its flat node_modules copied to a folder not itself named node_modules,
// which both tools would skip).
// Needs ripgrep (`apt-get install -y ripgrep`). Prints MB/s, peak RSS and wfo-gate's findings.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const treeArg = process.argv.indexOf('--tree') === -1 ? undefined : process.argv[process.argv.indexOf('--tree') + 1];
const targetBytes = treeArg === undefined ? arg('mb', 150) * 1e6 : Infinity;
const runs = arg('runs', 3);
const cli = process.env.WFO_BENCH_CLI ?? join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first: the benchmark measures dist/');

// 1. A tree of real text files from the installed packages, every file whatever its size.
const tree = treeArg ?? join(tmpdir(), 'wfo-secrets-throughput');
if (treeArg === undefined) {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
}
const preferred = ['typescript', '@types', 'eslint', 'fast-check', 'rxjs', 'vitest', 'vite', '@vitest', 'ajv', 'yaml', 'fast-xml-parser', 'execa', 'commander', '@octokit'];
const modules = join(root, 'node_modules');
const packages = [...preferred.filter((p) => existsSync(join(modules, p))), ...readdirSync(modules).filter((p) => !preferred.includes(p) && !p.startsWith('.')).sort()];
let bytes = 0;
let files = 0;
const head = Buffer.alloc(8000);
function isText(path) {
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return !head.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}
function collect(dir, copy = true) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (bytes >= targetBytes) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, copy);
    else if (entry.isFile() && isText(path)) {
      if (copy) {
        // Scopes skip folders named node_modules: the copy renames them.
        const dest = join(tree, relative(modules, path).replaceAll('node_modules', 'nm'));
        mkdirSync(dirname(dest), { recursive: true });
        copyFileSync(path, dest);
      }
      bytes += statSync(path).size;
      files++;
    }
  }
}
if (treeArg === undefined) {
  for (const pkg of packages) if (bytes < targetBytes) collect(join(modules, pkg));
} else collect(tree, false); // counts the text files in place, all of them (--mb does not apply)
const mb = bytes / 1e6;
console.log(`corpus: ${files} files, ${mb.toFixed(1)} MB of text from ${tree}`);

// 2. The contenders, each run as a child process under /usr/bin/time for its peak RSS.
const { ruleKeywords } = await import('./lib/rule-keywords.mjs');
const keywords = await ruleKeywords(root);
writeFileSync(join(tmpdir(), 'wfo-keywords.txt'), keywords.join('\n') + '\n');
writeFileSync(join(tmpdir(), 'wfo-secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

function timed(command, args, cwd) {
  const started = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [rssKb, user, sys] = child.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, cpu: user + sys, rssMb: rssKb / 1024, stdout: child.stdout, stderr: child.stderr, status: child.status };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const contenders = [
  {
    name: 'wfo-gate (secrets gate, full tree)',
    run: () => timed(process.execPath, [cli, 'run', '--all', '--gate', 'secrets', '--format', 'json', '--max-file-size', String(2 ** 31 - 1), '--no-color'], tree),
  },
  {
    name: 'secretlint 13 (preset-recommend)',
    runs: arg('peer-runs', 1),
    run: () =>
      timed(process.execPath, [join(modules, 'secretlint', 'bin', 'secretlint.js'), `${tree}/**/*`, '--secretlintrc', join(tmpdir(), 'wfo-secretlintrc.json'), '--format', 'json', '--no-color'], root),
  },
  {
    name: `ripgrep, ${keywords.length} keywords (ceiling)`,
    run: () => timed('rg', ['-uuu', '-a', '-i', '-F', '-c', '-f', join(tmpdir(), 'wfo-keywords.txt'), '.'], tree),
  },
];

// Interleaved, one run of each contender a round: this machine's speed drifts by a third over
// minutes (a shared host), and a ratio of two blocks run minutes apart would carry that drift.
const sampled = contenders.map(() => []);
while (contenders.some((c, i) => sampled[i].length < (c.runs ?? runs))) {
  contenders.forEach((c, i) => {
    if (sampled[i].length < (c.runs ?? runs)) sampled[i].push(c.run());
  });
}
const results = [];
for (const [i, c] of contenders.entries()) {
  const samples = sampled[i];
  // `--peer-runs 0`: the peer is not run, and no ratio is printed.
  if (samples.length === 0) continue;
  const last = samples.at(-1);
  if (last.status !== 0 && last.status !== 1) console.log(`${c.name} exited ${last.status}: ${last.stderr.slice(0, 400)}`);
  results.push({
    name: c.name,
    seconds: median(samples.map((s) => s.seconds)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
    last,
    runs: samples.length,
  });
}
// CPU seconds (user + sys, all threads) beside wall time: on a shared machine wall time
// depends on what else runs, CPU time much less.
console.log('\n| tool | runs | median wall s | MB/s (wall) | median CPU s | MB per CPU s | peak RSS MB |\n| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.name} | ${r.runs} | ${r.seconds.toFixed(2)} | ${(mb / r.seconds).toFixed(1)} | ${r.cpu.toFixed(2)} | ${(mb / r.cpu).toFixed(1)} | ${r.rssMb.toFixed(0)} |`);
}
const ours = results.find((r) => r.name.startsWith('wfo-gate'));
const peer = results.find((r) => r.name.startsWith('secretlint'));
if (ours && peer) {
  console.log(`\nwfo-gate / secretlint: ${(peer.seconds / ours.seconds).toFixed(1)}x by wall time, ${(peer.cpu / ours.cpu).toFixed(1)}x by CPU time`);
  // The same ratio taken within each round (runs seconds apart), then its median: the drift cancels.
  const [ourRuns, peerRuns] = [0, 1].map((i) => sampled[i]);
  const paired = peerRuns.slice(0, ourRuns.length).map((p, round) => p.seconds / ourRuns[round].seconds);
  if (paired.length > 0) console.log(`within a round: median ${median(paired).toFixed(1)}x by wall time over ${paired.length} rounds (${paired.map((r) => r.toFixed(1)).join(', ')})`);
}

// 3. What wfo-gate found on real code: each must be a genuine secret or a false positive to fix.
const report = JSON.parse(ours.last.stdout);
const gate = report.gates.find((g) => g.gate === 'secrets');
console.log(`\nwfo-gate: ${gate.status}, ${gate.summary}${gate.error ? `, error: ${gate.error}` : ''}`);
const counts = new Map();
for (const f of gate.findings) counts.set(f.confidence, (counts.get(f.confidence) ?? 0) + 1);
const byConfidence = [...counts].map(([level, n]) => `${level} ${n}`);
console.log(`by confidence: ${byConfidence.join(', ') || 'none'}`);
for (const f of gate.findings) console.log(`  ${f.ruleId}  ${f.confidence}  ${f.file}:${f.line}  ${f.preview}`);
if (peer) try {
  const lint = JSON.parse(peer.last.stdout);
  const count = lint.reduce((n, r) => n + r.messages.length, 0);
  console.log(`secretlint: ${count} findings`);
} catch {
  console.log('secretlint: output not JSON');
}
