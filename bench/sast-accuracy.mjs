// SAST accuracy on the labelled corpus in bench/sast-corpus/<class>/<name>.<vuln|safe>.<js|py>:
// recall (vulnerable files with a finding of that class) and false-positive rate (safe files
// with one) per class, for wfo-gate (dist/, run `npm run build` first), eslint 9 +
// eslint-plugin-security (JS) and bandit (Python), on the same files in one run.
//
//   node bench/sast-accuracy.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  'security/detect-non-literal-regexp': 'redos',
  'security/detect-unsafe-regex': 'redos',
  'security/detect-object-injection': 'prototype-pollution',
  'security/detect-pseudoRandomBytes': 'weak-crypto',
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
  B102: 'code-injection', B307: 'code-injection', B301: 'insecure-deserialization', B302: 'insecure-deserialization',
  B506: 'insecure-deserialization', B303: 'weak-crypto', B304: 'weak-crypto', B305: 'weak-crypto', B311: 'weak-crypto',
  B324: 'weak-crypto', B323: 'tls-verification', B501: 'tls-verification', B201: 'debug-mode', B310: 'ssrf',
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
