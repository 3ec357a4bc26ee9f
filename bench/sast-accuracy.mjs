// SAST accuracy on the labelled corpus in bench/sast-corpus/<class>/<name>.<vuln|safe>.<js|py>:
// recall (vulnerable files with a finding of that class) and false-positive rate (safe files
// with one) per class, for wfo-gate (dist/, run `npm run build` first), eslint 9 +
// eslint-plugin-security (JS) and bandit (Python), on the same files in one run.
//
// Then, when ../shared/eval exists (the peers' labelled test files, kept outside the project),
// the visible half's recall and false-positive rate per language and class, scored by its own
// script from wfo-gate's SARIF (the class of a finding comes from its rule's CWE tag).
//
//   node bench/sast-accuracy.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, 'bench', 'sast-corpus');
const tree = mkdtempSync(join(tmpdir(), 'wfo-sast-acc-'));
cpSync(corpus, join(tree, 'corpus'), { recursive: true });
writeFileSync(join(tree, 'wfo-gate.config.json'), JSON.stringify({ gates: { sast: { bandit: { enabled: false } } } }));

const cases = [];
for (const cls of readdirSync(corpus)) {
  for (const name of readdirSync(join(corpus, cls))) {
    const m = /\.(vuln|safe)\.(js|py)$/.exec(name);
    if (m) cases.push({ cls, file: `corpus/${cls}/${name}`, vuln: m[1] === 'vuln', lang: m[2] });
  }
}

// Each engine's findings as a set of `file\0class`.
const found = { 'wfo-gate': new Set(), eslint: new Set(), bandit: new Set() };

const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'run', '--all', '--gate', 'sast', '--format', 'json'], { cwd: tree, encoding: 'utf8' });
const gate = JSON.parse(cli.stdout).gates.find((g) => g.gate === 'sast');
const classOf = new Map((gate.rules ?? []).map((r) => [r.id, r.tags[1]]));
for (const f of gate.findings) found['wfo-gate'].add(`${f.file}\0${classOf.get(f.ruleId)}`);

const ESLINT_CLASS = {
  'security/detect-child-process': 'command-injection',
  'security/detect-eval-with-expression': 'code-injection',
  'security/detect-non-literal-require': 'code-injection',
  'security/detect-non-literal-fs-filename': 'path-traversal',
  'security/detect-non-literal-regexp': 'regex-dos',
  'security/detect-unsafe-regex': 'regex-dos',
  'security/detect-object-injection': 'prototype-pollution',
  'security/detect-pseudoRandomBytes': 'insecure-crypto',
  'security/detect-disable-mustache-escape': 'xss',
};
writeFileSync(
  join(tree, 'eslint.config.mjs'),
  `import security from ${JSON.stringify(join(root, 'node_modules/eslint-plugin-security/index.js'))};\n` +
    `export default [{ files: ['**/*.js'], languageOptions: { sourceType: 'module' }, ...security.configs.recommended }];\n`,
);
writeFileSync(
  join(tree, 'eslint-run.mjs'),
  `import { ESLint } from ${JSON.stringify(join(root, 'node_modules/eslint/lib/api.js'))};\n` +
    `const eslint = new ESLint({ cwd: ${JSON.stringify(tree)}, overrideConfigFile: 'eslint.config.mjs', ignore: false });\n` +
    `const out = [];\nfor (const r of await eslint.lintFiles(['corpus/**/*.js'])) for (const m of r.messages) out.push([r.filePath, m.ruleId]);\n` +
    `console.log(JSON.stringify(out));\n`,
);
const eslint = spawnSync(process.execPath, ['eslint-run.mjs'], { cwd: tree, encoding: 'utf8' });
for (const [path, rule] of JSON.parse(eslint.stdout)) {
  if (ESLINT_CLASS[rule]) found.eslint.add(`${path.slice(tree.length + 1)}\0${ESLINT_CLASS[rule]}`);
}

const BANDIT_CLASS = {
  B102: 'code-injection', B307: 'code-injection', B301: 'deserialization', B302: 'deserialization',
  B506: 'deserialization', B303: 'insecure-crypto', B304: 'insecure-crypto', B305: 'insecure-crypto', B311: 'insecure-crypto',
  B324: 'insecure-crypto', B323: 'tls-verification-disabled', B501: 'tls-verification-disabled', B201: 'misconfiguration', B310: 'ssrf',
  B313: 'xxe', B314: 'xxe', B320: 'xxe', B410: 'xxe', B602: 'command-injection', B603: 'command-injection',
  B604: 'command-injection', B605: 'command-injection', B607: 'command-injection', B608: 'sql-injection',
  B308: 'xss', B703: 'xss', B701: 'xss',
};
const bandit = spawnSync('bandit', ['-f', 'json', '-q', '-r', 'corpus'], { cwd: tree, encoding: 'utf8' });
const banditVersion = spawnSync('bandit', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
for (const r of JSON.parse(bandit.stdout).results) {
  if (BANDIT_CLASS[r.test_id]) found.bandit.add(`${r.filename.replace(/^\.\//, '')}\0${BANDIT_CLASS[r.test_id]}`);
}

function score(engine, cls, lang) {
  const mine = cases.filter((c) => c.cls === cls && c.lang === lang);
  const vuln = mine.filter((c) => c.vuln);
  const safe = mine.filter((c) => !c.vuln);
  const hit = (c) => found[engine].has(`${c.file}\0${cls}`);
  return { tp: vuln.filter(hit).length, vuln: vuln.length, fp: safe.filter(hit).length, safe: safe.length };
}
const fmt = ({ tp, vuln, fp, safe }) => (vuln === 0 ? '     -      ' : `${String(Math.round((100 * tp) / vuln)).padStart(3)}% ${String(Math.round((100 * fp) / safe)).padStart(3)}%    `);

console.log(`corpus: ${cases.length} files (${cases.filter((c) => c.vuln).length} vulnerable, ${cases.filter((c) => !c.vuln).length} safe); ${banditVersion}`);
console.log('recall / false-positive rate per class');
console.log(`${'class'.padEnd(26)} ${'wfo-gate JS'.padEnd(12)} ${'eslint JS'.padEnd(12)} ${'wfo-gate Py'.padEnd(12)} ${'bandit Py'.padEnd(12)}`);
const totals = { 'wfo-gate': [0, 0, 0, 0], eslint: [0, 0, 0, 0], bandit: [0, 0, 0, 0] };
for (const cls of [...new Set(cases.map((c) => c.cls))].sort()) {
  const row = [score('wfo-gate', cls, 'js'), score('eslint', cls, 'js'), score('wfo-gate', cls, 'py'), score('bandit', cls, 'py')];
  for (const [engine, s] of [['wfo-gate', row[0]], ['eslint', row[1]], ['wfo-gate', row[2]], ['bandit', row[3]]]) {
    totals[engine] = totals[engine].map((v, i) => v + [s.tp, s.vuln, s.fp, s.safe][i]);
  }
  console.log(`${cls.padEnd(26)} ${row.map(fmt).join(' ')}`);
}
for (const [engine, [tp, vuln, fp, safe]] of Object.entries(totals)) {
  console.log(`${engine.padEnd(9)} overall: recall ${((100 * tp) / vuln).toFixed(0)}% (${tp}/${vuln}), false-positive rate ${((100 * fp) / safe).toFixed(0)}% (${fp}/${safe})`);
}
rmSync(tree, { recursive: true, force: true });

// The peers' labelled set, when it is there: measured, never copied into the project.
const evalDir = join(root, '..', 'shared', 'eval');
if (!existsSync(join(evalDir, 'sast', 'labels.json'))) {
  console.log(`\nvisible half of the peers' set: skipped (${evalDir} does not exist)`);
} else {
  const files = join(evalDir, 'sast', 'files');
  const sarifDir = mkdtempSync(join(tmpdir(), 'wfo-sast-eval-'));
  const sarif = join(sarifDir, 'sast.sarif');
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'run', '--all', '--gate', 'sast', '--format', 'sarif', '--output', sarif], { cwd: files, encoding: 'utf8' });
  if (!existsSync(sarif)) writeFileSync(sarif, run.stdout);
  for (const langs of ['javascript,typescript', 'python']) {
    console.log(`\nvisible half of the peers' set, ${langs}:`);
    const score = spawnSync(process.execPath, [join(evalDir, 'bin', 'score-sast.mjs'), '--langs', langs, sarif], { encoding: 'utf8' });
    process.stdout.write(score.stdout + score.stderr);
  }
  // The scorer reads a class from rule-id keywords before CWE tags: an id that reads as another
  // class than its CWE would be scored as that class.
  const { classFromId, classFromCwes, cweNumbers } = await import(join(evalDir, 'bin', 'classes.mjs'));
  const rules = JSON.parse(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'rules', '--gate', 'sast', '--json'], { encoding: 'utf8' }).stdout || '[]');
  const misread = (Array.isArray(rules) ? rules : (rules.rules ?? [])).filter((r) => {
    const byId = classFromId(`sast/${r.id}`);
    return byId && byId !== classFromCwes(cweNumbers(r.tags.filter((t) => /^CWE-/.test(t))));
  });
  if (misread.length > 0) console.log(`rule ids the scorer reads as another class than their CWE: ${misread.map((r) => r.id).join(', ')}`);
  rmSync(sarifDir, { recursive: true, force: true });
}

