#!/usr/bin/env node
// Recall and precision of the secrets gate on a labeled corpus (bench/secrets-corpus), beside
// secretlint 13 with its recommended preset, in one run; then, when ../shared/eval exists (the
// peers' own labelled test cases, outside the repository), the gate's file recall and FPR on
// its visible half per source, on all negatives and on clean ones. The corpus was written with
// the rules and scores high by construction; the peers' cases were not.
// Usage: npm run build && node bench/secrets-accuracy.mjs [--list]   (--list prints every miss and false alarm)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first: the benchmark measures dist/');
const list = process.argv.includes('--list');
const { files: labels } = JSON.parse(readFileSync(join(root, 'bench/secrets-corpus/labels.json'), 'utf8'));

// The corpus is scanned from a copy outside the repository, so the repo's own config and
// excludes play no part.
const dir = mkdtempSync(join(tmpdir(), 'wfo-secrets-accuracy-'));
cpSync(join(root, 'bench/secrets-corpus/files'), dir, { recursive: true });

/** Each planted secret with the line span it occupies (its first occurrence). */
const truth = [];
for (const [file, secrets] of Object.entries(labels)) {
  const text = readFileSync(join(dir, file), 'utf8');
  for (const secret of secrets) {
    const at = text.indexOf(secret);
    const line = text.slice(0, at).split('\n').length;
    truth.push({ file, family: file.split('/')[0], line, endLine: line + secret.split('\n').length - 1 });
  }
}

function wfoGate() {
  const run = spawnSync(process.execPath, [cli, 'run', '--all', '--gate', 'secrets', '--format', 'json', '--no-color'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const gate = JSON.parse(run.stdout).gates.find((g) => g.gate === 'secrets');
  if (gate.status === 'error') throw new Error(`wfo-gate: ${gate.error}`);
  return gate.findings.map((f) => ({ file: f.file, line: f.line, rule: f.ruleId }));
}

function secretlint() {
  const rc = join(dir, '..', `secretlintrc-${process.pid}.json`);
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const run = spawnSync(process.execPath, [join(root, 'node_modules/secretlint/bin/secretlint.js'), '**/*', '**/.*', '--secretlintrc', rc, '--format', 'json', '--no-color'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(run.stdout).flatMap((r) =>
    r.messages.map((m) => ({ file: r.filePath.slice(dir.length + 1), line: m.loc.start.line, rule: m.ruleId })),
  );
}

function score(findings) {
  // One finding per file and line: two rules on the same line are one alarm.
  const unique = [...new Map(findings.map((f) => [`${f.file}:${f.line}`, f])).values()];
  const hit = (t, f) => f.file === t.file && f.line >= t.line - 1 && f.line <= t.endLine;
  const found = truth.filter((t) => unique.some((f) => hit(t, f)));
  const falseAlarms = unique.filter((f) => !truth.some((t) => hit(t, f)));
  const families = [...new Set([...truth.map((t) => t.family), ...Object.keys(labels).map((f) => f.split('/')[0])])].sort();
  const byFamily = families.map((family) => {
    const t = truth.filter((x) => x.family === family);
    const f = unique.filter((x) => x.file.split('/')[0] === family);
    const tp = f.filter((x) => truth.some((y) => hit(y, x))).length;
    return { family, secrets: t.length, found: found.filter((x) => x.family === family).length, alarms: f.length, tp };
  });
  return {
    recall: found.length / truth.length,
    precision: unique.length ? (unique.length - falseAlarms.length) / unique.length : 1,
    found,
    falseAlarms,
    missed: truth.filter((t) => !found.includes(t)),
    byFamily,
  };
}

const tools = [
  ['wfo-gate', score(wfoGate())],
  ['secretlint 13 (preset-recommend)', score(secretlint())],
];
const pct = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
console.log(`corpus: ${Object.keys(labels).length} files, ${truth.length} planted secrets, ${Object.values(labels).filter((s) => s.length === 0).length} files of hard negatives\n`);
console.log('| tool | recall | precision | found | false alarms |\n| --- | --- | --- | --- | --- |');
for (const [name, s] of tools) console.log(`| ${name} | ${pct(s.recall)} | ${pct(s.precision)} | ${s.found.length}/${truth.length} | ${s.falseAlarms.length} |`);
console.log('\nper family: recall (found/secrets), precision (true/alarms)\n');
console.log(`| family | ${tools.map(([n]) => `${n.split(' ')[0]} recall | ${n.split(' ')[0]} precision`).join(' | ')} |`);
console.log(`| --- | ${tools.map(() => '--- | ---').join(' | ')} |`);
for (const row of tools[0][1].byFamily) {
  const cells = tools.map(([, s]) => {
    const r = s.byFamily.find((x) => x.family === row.family);
    return `${r.secrets ? `${pct(r.found / r.secrets)} (${r.found}/${r.secrets})` : '-'} | ${r.alarms ? `${pct(r.tp / r.alarms)} (${r.tp}/${r.alarms})` : '-'}`;
  });
  console.log(`| ${row.family} | ${cells.join(' | ')} |`);
}
if (list) {
  for (const [name, s] of tools) {
    console.log(`\n${name} missed:`);
    for (const m of s.missed) console.log(`  ${m.file}:${m.line}`);
    console.log(`${name} false alarms:`);
    for (const f of s.falseAlarms) console.log(`  ${f.file}:${f.line} ${f.rule}`);
  }
}

// The peers' labelled cases: read only here, never copied into the repository.
const evalDir = join(root, '..', 'shared', 'eval');
const scorer = join(evalDir, 'bin', 'score-secrets.mjs');
console.log('\nvisible half of the peers\' test cases (../shared/eval/secrets): file recall and FPR per source');
if (!existsSync(scorer)) {
  console.log(`  not measured: ${evalDir} does not exist here (it sits beside the repository on the team's machines)`);
} else {
  const command = `node ${cli} run --all --gate secrets --format sarif --max-file-size 1000000000`;
  for (const [label, extra] of [['all negatives', []], ['clean negatives (--exclude-tags rule-local-neg)', ['--exclude-tags', 'rule-local-neg']]]) {
    const run = spawnSync(process.execPath, [scorer, '--cmd', command, ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
    console.log(`\n${label}:\n${(run.stdout || run.stderr).trim()}`);
  }
}
