// SAST throughput on real code: >= 50 MB of JS/TS copied from this project's node_modules,
// scanned by the shipped CLI (dist/, run `npm run build` first) and by eslint 9 with
// eslint-plugin-security, each in its own child process, in one run. Prints MB/s (wall and per
// CPU second, since the machine may be shared), peak memory (child maxRSS), and what wfo-gate
// found, by rule, with samples: a rule that fires on ordinary library code is a bug to fix.
//
//   node bench/sast-throughput.mjs [--mb 60] [--skip-eslint]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const targetMb = Number(args[args.indexOf('--mb') + 1]) || 60;
const CODE = /\.(?:js|jsx|mjs|cjs|ts|mts|cts|tsx)$/;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && CODE.test(entry.name)) yield path;
  }
}

const tree = mkdtempSync(join(tmpdir(), 'wfo-sast-tp-'));
let bytes = 0;
const files = [];
for (const path of walk(join(root, 'node_modules'))) {
  const size = statSync(path).size;
  if (size > 16 * 1024 * 1024) continue;
  // Copied out of node_modules/, which wfo-gate's tree walk (like git) leaves alone.
  const rel = relative(join(root, 'node_modules'), path);
  const target = join(tree, 'code', rel);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(path, target);
  files.push(join('code', rel));
  bytes += size;
  if (bytes >= targetMb * 1e6) break;
}
const mb = bytes / 1e6;
writeFileSync(join(tree, 'wfo-gate.config.json'), JSON.stringify({ maxFileSize: 16 * 1024 * 1024, timeoutMs: 3600000, gates: { sast: { bandit: { enabled: false } } } }));
console.log(`tree: ${files.length} files, ${mb.toFixed(1)} MB of JS/TS from node_modules; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);

/** Runs a node script as a child; wall ms, CPU s (user+sys of the child) and maxRSS (MB). */
function measure(label, argv, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...argv], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...options });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const line = result.stderr.trim().split('\n').pop();
  const [, user, sys, rssKb] = line.split(' ').map(Number);
  if (!Number.isFinite(rssKb)) throw new Error(`${label}: ${result.stderr.slice(-2000)}`);
  const cpu = user + sys;
  console.log(`${label.padEnd(34)} ${wall.toFixed(1).padStart(6)} s  ${(mb / wall).toFixed(2).padStart(6)} MB/s wall  ${(mb / cpu).toFixed(2).padStart(6)} MB/CPU-s  peak ${(rssKb / 1024).toFixed(0).padStart(5)} MB`);
  return result;
}

const cli = join(root, 'dist', 'cli.js');
const run = measure('wfo-gate sast (dist/cli.js)', [cli, 'run', '--all', '--gate', 'sast', '--format', 'json'], { cwd: tree });
const report = JSON.parse(run.stdout);
const sast = report.gates.find((g) => g.gate === 'sast');
console.log(`  status ${sast.status}: ${sast.summary}`);

if (!args.includes('--skip-eslint')) {
  const config = join(tree, 'eslint.config.mjs');
  writeFileSync(
    config,
    `import security from ${JSON.stringify(join(root, 'node_modules/eslint-plugin-security/index.js'))};\n` +
      `export default [{ files: ['**/*.{js,jsx,mjs,cjs,ts,mts,cts,tsx}'], ...security.configs.recommended }];\n`,
  );
  const runner = join(tree, 'eslint-run.mjs');
  writeFileSync(
    runner,
    `import { ESLint } from ${JSON.stringify(join(root, 'node_modules/eslint/lib/api.js'))};\n` +
      `const eslint = new ESLint({ cwd: ${JSON.stringify(tree)}, overrideConfigFile: ${JSON.stringify(config)}, ignore: false });\n` +
      `const results = await eslint.lintFiles(['code']);\n` +
      `let findings = 0, fatal = 0; const byRule = {};\n` +
      `for (const r of results) for (const m of r.messages) { if (m.fatal) { fatal++; continue; } findings++; byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1; }\n` +
      `console.log(JSON.stringify({ files: results.length, findings, fatal, byRule }));\n`,
  );
  const eslint = measure('eslint 9 + eslint-plugin-security', [runner], { cwd: tree });
  const summary = JSON.parse(eslint.stdout.trim().split('\n').pop());
  console.log(`  ${summary.files} files, ${summary.findings} findings, ${summary.fatal} files it could not parse; by rule: ${JSON.stringify(summary.byRule)}`);
}

const byRule = {};
for (const f of sast.findings) (byRule[f.ruleId] ??= []).push(f);
console.log(`wfo-gate findings on this library code: ${sast.findings.length}`);
for (const [rule, found] of Object.entries(byRule).sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${String(found.length).padStart(4)} ${rule}`);
  for (const f of found.slice(0, 3)) console.log(`         ${f.file}:${f.line}`);
}
rmSync(tree, { recursive: true, force: true });
