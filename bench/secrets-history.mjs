#!/usr/bin/env node
// `wfo-gate run --history` on a generated repository of 5,000 commits whose content is real
// source text (files of the installed npm packages), prints commits/s and patch MB/s.
// Usage: npm run build && node bench/secrets-history.mjs [--commits 5000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first: the benchmark measures dist/');
const i = process.argv.indexOf('--commits');
const commits = i === -1 ? 5000 : Number(process.argv[i + 1]);

// Real source files, up to 64 KB each (a commit is a change, not a vendored bundle).
const modules = join(root, 'node_modules');
const sources = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (sources.length >= commits) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && /\.(?:[cm]?[jt]s|json|md|ya?ml)$/.test(entry.name) && statSync(path).size <= 65536) sources.push(path);
  }
})(modules);
if (sources.length < commits) throw new Error(`only ${sources.length} source files found`);

// One `git fast-import` stream builds the whole history in seconds.
const repo = mkdtempSync(join(tmpdir(), 'wfo-secrets-history-'));
const git = (args, input) => {
  const r = spawnSync('git', args, { cwd: repo, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  return r.stdout.toString();
};
git(['init', '-q', '-b', 'main']);
const chunks = [];
let patchBytes = 0;
for (let n = 1; n <= commits; n++) {
  const content = readFileSync(sources[n - 1]);
  patchBytes += content.length;
  const message = Buffer.from(`change ${n}\n`);
  chunks.push(
    Buffer.from(`commit refs/heads/main\nmark :${n}\ncommitter Bench <bench@example.invalid> ${1700000000 + n * 60} +0000\ndata ${message.length}\n`),
    message,
    Buffer.from(`${n > 1 ? `from :${n - 1}\n` : ''}M 100644 inline ${relative(modules, sources[n - 1]).replaceAll('node_modules', 'nm')}\ndata ${content.length}\n`),
    content,
    Buffer.from('\n'),
  );
}
const started = Date.now();
git(['fast-import', '--quiet'], Buffer.concat(chunks));
git(['reset', '-q', '--hard', 'main']);
console.log(`repository: ${commits} commits, ${(patchBytes / 1e6).toFixed(1)} MB of added lines, built in ${((Date.now() - started) / 1000).toFixed(1)} s at ${repo}`);

const t0 = process.hrtime.bigint();
const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'run', '--history', '--gate', 'secrets', '--format', 'json', '--no-color'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const gate = JSON.parse(run.stdout).gates.find((g) => g.gate === 'secrets');
const rssMb = Number(run.stderr.trim().split('\n').at(-1)) / 1024;
console.log(`wfo-gate run --history: ${seconds.toFixed(1)} s, ${(commits / seconds).toFixed(0)} commits/s, ${(patchBytes / 1e6 / seconds).toFixed(1)} MB/s of added lines, peak RSS ${rssMb.toFixed(0)} MB`);
console.log(`gate: ${gate.status}, ${gate.summary}${gate.error ? `, error: ${gate.error}` : ''}`);
for (const f of gate.findings.slice(0, 20)) console.log(`  ${f.ruleId}  ${f.file}:${f.line}  ${f.commit?.slice(0, 10)}  ${f.preview}`);
