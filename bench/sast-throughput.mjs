// SAST throughput on real code, against a peer measured in the same run, each tool in its own
// child process:
//   --lang js (default): 30 MB of JS/TS copied from this project's node_modules, vs eslint 9 with
//     eslint-plugin-security;
//   --lang python: 25 MB of Python copied from /usr/lib/python3* (the standard library and
//     Debian's packaged libraries), vs bandit (Debian's package); our gate runs with its bandit
//     integration off, and with --with-bandit once more with it on.
// Scans the shipped CLI (dist/, run `npm run build` first). Each tool runs --runs times (default
// 3), interleaved; prints each run and the medians of wall time, CPU time (user+sys of the child,
// steadier than wall on a shared machine) and peak memory (child maxRSS), the ratios of the
// medians, and what wfo-gate found, by rule, with samples: a rule that fires on ordinary library
// code is a bug to fix. --baseline PATH also times another build's cli.js (e.g. main's) in the
// same run and says whether its findings are the same.
//
//   node bench/sast-throughput.mjs [--lang js|python] [--mb 30] [--runs 3] [--skip-peer] [--with-bandit] [--baseline ../main/dist/cli.js]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const lang = option('--lang', 'js');
if (lang !== 'js' && lang !== 'python') throw new Error(`--lang js or --lang python, not ${lang}`);
const python = lang === 'python';
const targetMb = Number(option('--mb', python ? 25 : 30));
const runs = Math.max(1, Number(option('--runs', 3)));
const skipPeer = args.includes('--skip-peer') || args.includes('--skip-eslint');
const baseline = option('--baseline', undefined);
const CODE = python ? /\.py$/ : /\.(?:js|jsx|mjs|cjs|ts|mts|cts|tsx)$/;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Nested node_modules/ are skipped by wfo-gate's tree walk and by eslint alike: copying
      // them would count megabytes that neither tool reads.
      if (entry.name !== '__pycache__' && entry.name !== 'node_modules') yield* walk(path);
    } else if (entry.isFile() && CODE.test(entry.name)) yield path;
  }
}

// Python: every /usr/lib/python3* directory, in name order (python3/ holds dist-packages).
const sources = python
  ? readdirSync('/usr/lib').filter((name) => /^python3/.test(name)).sort().map((name) => join('/usr/lib', name))
  : readdirSync(join(root, 'node_modules')).sort().map((name) => join(root, 'node_modules', name)).filter((path) => statSync(path).isDirectory());
const tree = mkdtempSync(join(tmpdir(), 'wfo-sast-tp-'));
let bytes = 0;
const files = [];
copy: for (const source of sources) {
  for (const path of walk(source)) {
    const size = statSync(path).size;
    if (size > 16 * 1024 * 1024) continue;
    // Copied out of node_modules/, which wfo-gate's tree walk (like git) leaves alone.
    const rel = relative(python ? '/usr/lib' : join(root, 'node_modules'), path);
    const target = join(tree, 'code', rel);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
    files.push(join('code', rel));
    bytes += size;
    if (bytes >= targetMb * 1e6) break copy;
  }
}
const mb = bytes / 1e6;
const config = (banditEnabled) => ({ maxFileSize: 16 * 1024 * 1024, timeoutMs: 3600000, gates: { sast: { bandit: { enabled: banditEnabled } } } });
writeFileSync(join(tree, 'wfo-gate.config.json'), JSON.stringify(config(false)));
const from = python ? sources.join(', ') : 'node_modules';
console.log(`tree: ${files.length} files, ${mb.toFixed(1)} MB of ${python ? 'Python' : 'JS/TS'} from ${from}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores; ${runs} run(s) each`);

/** Runs a command as a child under /usr/bin/time: wall s, CPU s (user+sys of the child) and maxRSS (MB). */
function measure(label, command, argv, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...argv], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...options });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const line = result.stderr.trim().split('\n').pop();
  const [, user, sys, rssKb] = line.split(' ').map(Number);
  if (!Number.isFinite(rssKb)) throw new Error(`${label}: ${result.stderr.slice(-2000)}`);
  const figures = { wall, cpu: user + sys, peak: rssKb / 1024 };
  console.log(`  ${label.padEnd(40)} ${describe(figures)}`);
  return { result, figures };
}

function describe({ wall, cpu, peak }) {
  return `${wall.toFixed(1).padStart(6)} s ${(mb / wall).toFixed(2).padStart(6)} MB/s wall  ${cpu.toFixed(1).padStart(6)} CPU-s ${(mb / cpu).toFixed(2).padStart(6)} MB/CPU-s  peak ${peak.toFixed(0).padStart(5)} MB`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The tools of this run: label → one measurement. */
const tools = [];
const gate = (label, cli, banditEnabled) => ({
  label,
  run() {
    writeFileSync(join(tree, 'wfo-gate.config.json'), JSON.stringify(config(banditEnabled)));
    const { result, figures } = measure(label, process.execPath, [cli, 'run', '--all', '--gate', 'sast', '--format', 'json', '--no-cache'], { cwd: tree });
    const sast = JSON.parse(result.stdout).gates.find((g) => g.gate === 'sast');
    return { figures, sast };
  },
});
const ours = gate(`wfo-gate sast (dist/cli.js)${python ? ', bandit off' : ''}`, join(root, 'dist', 'cli.js'), false);
tools.push(ours);
const base = baseline ? gate(`baseline ${baseline}${python ? ', bandit off' : ''}`, resolve(baseline), false) : undefined;
const withBandit = python && args.includes('--with-bandit') ? gate('wfo-gate sast, bandit integration on', join(root, 'dist', 'cli.js'), true) : undefined;
for (const tool of [base, withBandit]) if (tool) tools.push(tool);

let peer;
if (!skipPeer && python) {
  peer = {
    label: 'bandit (Debian package)',
    run() {
      const { result, figures } = measure(this.label, 'bandit', ['-r', 'code', '-f', 'json', '-q'], { cwd: tree });
      const report = JSON.parse(result.stdout);
      return { figures, summary: `${report.results.length} findings, ${report.errors.length} files it could not read, ${spawnSync('bandit', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}` };
    },
  };
} else if (!skipPeer) {
  const eslintConfig = join(tree, 'eslint.config.mjs');
  writeFileSync(
    eslintConfig,
    `import security from ${JSON.stringify(join(root, 'node_modules/eslint-plugin-security/index.js'))};\n` +
      `export default [{ files: ['**/*.{js,jsx,mjs,cjs,ts,mts,cts,tsx}'], ...security.configs.recommended }];\n`,
  );
  const runner = join(tree, 'eslint-run.mjs');
  writeFileSync(
    runner,
    `import { ESLint } from ${JSON.stringify(join(root, 'node_modules/eslint/lib/api.js'))};\n` +
      `const eslint = new ESLint({ cwd: ${JSON.stringify(tree)}, overrideConfigFile: ${JSON.stringify(eslintConfig)}, ignore: false });\n` +
      `const results = await eslint.lintFiles(['code']);\n` +
      `let findings = 0, fatal = 0; const byRule = {};\n` +
      `for (const r of results) for (const m of r.messages) { if (m.fatal) { fatal++; continue; } findings++; byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1; }\n` +
      `console.log(JSON.stringify({ files: results.length, findings, fatal, byRule }));\n`,
  );
  peer = {
    label: 'eslint 9 + eslint-plugin-security',
    run() {
      const { result, figures } = measure(this.label, process.execPath, [runner], { cwd: tree });
      const s = JSON.parse(result.stdout.trim().split('\n').pop());
      return { figures, summary: `${s.files} files, ${s.findings} findings, ${s.fatal} files it could not parse; by rule: ${JSON.stringify(s.byRule)}` };
    },
  };
}
if (peer) tools.push(peer);

const measured = new Map(tools.map((t) => [t, []]));
for (let i = 0; i < runs; i++) {
  console.log(`run ${i + 1}/${runs}`);
  for (const tool of tools) measured.get(tool).push(tool.run());
}

console.log(`medians of ${runs} run(s):`);
const medians = new Map();
for (const tool of tools) {
  const all = measured.get(tool).map((m) => m.figures);
  const m = { wall: median(all.map((f) => f.wall)), cpu: median(all.map((f) => f.cpu)), peak: median(all.map((f) => f.peak)) };
  medians.set(tool, m);
  console.log(`  ${tool.label.padEnd(40)} ${describe(m)}`);
}
const ratio = (a, b) => `${(medians.get(b).wall / medians.get(a).wall).toFixed(2)}× wall, ${(medians.get(b).cpu / medians.get(a).cpu).toFixed(2)}× CPU`;
if (peer) console.log(`wfo-gate vs ${peer.label}: ${ratio(ours, peer)} (throughput ratio, medians)`);
if (base) console.log(`wfo-gate vs baseline: ${ratio(ours, base)}`);

const oursLast = measured.get(ours).at(-1).sast;
console.log(`  status ${oursLast.status}: ${oursLast.summary}`);
if (base) {
  const theirs = measured.get(base).at(-1).sast;
  const same = JSON.stringify(theirs.findings) === JSON.stringify(oursLast.findings) && theirs.summary === oursLast.summary;
  console.log(`  baseline findings and summary ${same ? 'identical' : 'DIFFER'} (${theirs.findings.length} vs ${oursLast.findings.length} findings)`);
}
if (withBandit) console.log(`  ${withBandit.label}: ${measured.get(withBandit).at(-1).sast.summary}`);
if (peer) console.log(`  ${peer.label}: ${measured.get(peer).at(-1).summary}`);

const byRule = {};
for (const f of oursLast.findings) (byRule[f.ruleId] ??= []).push(f);
console.log(`wfo-gate findings on this library code: ${oursLast.findings.length} (${oursLast.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').length} at high severity or above)`);
for (const [rule, found] of Object.entries(byRule).sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${String(found.length).padStart(4)} ${rule}`);
  for (const f of found.slice(0, 3)) console.log(`         ${f.file}:${f.line}`);
}
if (existsSync(tree)) rmSync(tree, { recursive: true, force: true });
