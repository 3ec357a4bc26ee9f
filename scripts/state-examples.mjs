// Data migration (kept for rules written the old way; examples already stated are left alone):
// - secrets: every match example `'text'` becomes `{ text: 'text', secret: '…' }`, the secret
//   being what the engine captures today when the rule runs alone. REVIEW the diff: a stated
//   secret must be the token alone, never its keyword or quotes.
// - sast: a match example that spans several lines, or that other rules also report when the
//   whole catalogue runs, becomes `{ code, lines, alsoFiredBy }`; a noMatch example other rules
//   report becomes `{ code, firedBy }`. REVIEW that each co-firing rule is right to fire.
// Run: node scripts/state-examples.mjs
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const rulesDir = join(root, 'src/gates/secrets/rules');
const sastDir = join(root, 'src/gates/sast/rules');

async function loadEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'wfo-state-secrets-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { builtinRules } from '${rulesDir}/index.js';`,
      `export { SecretEngine } from '${root}src/gates/secrets/engine.js';`,
      `export { ALL_RULES } from '${sastDir}/index.js';`,
      `export { compileCatalogue } from '${root}src/gates/sast/catalogue.js';`,
      `export { scanSource } from '${root}src/gates/sast/engine.js';`,
    ].join('\n'),
  );
  // Bundled beside the sources, so the native ast-grep packages resolve from node_modules.
  const outfile = join(root, `.state-examples-${process.pid}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'warning' });
  try {
    return await import(outfile);
  } finally {
    rmSync(outfile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The value of a string-like expression, or undefined when it is not a plain literal. */
function literalValue(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw' && ts.isNoSubstitutionTemplateLiteral(node.template)) {
    return node.template.rawText;
  }
  return undefined;
}

function quote(value) {
  return /['\\\n]/.test(value) ? JSON.stringify(value) : `'${value}'`;
}

/**
 * Rewrites, in the files under `dir`, each array literal whose values equal one of `wanted`'s
 * keys (JSON of the array) element by element: `rewrite(elementSource, index)` returns the new
 * source of an element, or undefined to keep it. Returns the keys it found.
 */
function rewriteArrays(dir, wanted) {
  const found = new Set();
  for (const file of filesUnder(dir)) {
    const source = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const edits = [];
    const visit = (node) => {
      if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) {
        const values = node.elements.map(literalValue);
        const key = values.every((v) => v !== undefined) && JSON.stringify(values);
        const rewrite = key && wanted.get(key);
        if (rewrite) {
          found.add(key);
          const elements = node.elements.map((el, i) => rewrite(el.getText(sf), i) ?? el.getText(sf));
          if (elements.some((e, i) => e !== node.elements[i].getText(sf))) {
            const start = node.getStart(sf);
            const indent = /^\s*/.exec(source.slice(source.lastIndexOf('\n', start) + 1))[0];
            edits.push({ start, end: node.getEnd(), text: `[\n${elements.map((e) => `${indent}  ${e},`).join('\n')}\n${indent}]` });
          }
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (edits.length === 0) continue;
    let out = source;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    writeFileSync(file, out);
    console.log(`${file.slice(root.length)}: ${edits.length} example lists`);
  }
  return found;
}

const names = (ids) => `[${ids.map((id) => `'${id}'`).join(', ')}]`;
const engines = await loadEngine();

function stateSecrets({ builtinRules, SecretEngine }) {
  const wanted = new Map();
  const ids = new Map();
  for (const rule of builtinRules) {
    const texts = rule.examples.match;
    if (!texts.some((m) => typeof m === 'string') || !texts.every((m) => typeof m === 'string')) continue;
    const engine = new SecretEngine([rule]);
    const path = rule.examples.path ?? 'example.txt';
    const secrets = texts.map((t) => engine.scan(t, path).map((m) => m.secret));
    const key = JSON.stringify(texts);
    ids.set(key, rule.id);
    wanted.set(key, (source, i) => {
      const found = secrets[i];
      if (found.length === 0) throw new Error(`${rule.id}: match[${i}] captures nothing`);
      return `{ text: ${source}, secret: ${found.length === 1 ? quote(found[0]) : `[${found.map(quote).join(', ')}]`} }`;
    });
  }
  const found = rewriteArrays(rulesDir, wanted);
  return [...wanted.keys()].filter((k) => !found.has(k)).map((k) => ids.get(k));
}

function stateSast({ ALL_RULES, compileCatalogue, scanSource }) {
  const matchers = compileCatalogue(ALL_RULES);
  const byLanguage = (rule, code) =>
    rule.languages.flatMap((language) => scanSource(matchers.get(language), code).hits.map((h) => ({ id: h.rule.id, line: h.line })));
  const wanted = new Map();
  const ids = new Map();
  for (const rule of ALL_RULES) {
    for (const kind of ['match', 'noMatch']) {
      const list = rule.examples[kind];
      if (!list.every((m) => typeof m === 'string')) continue;
      const states = list.map((code) => {
        const hits = byLanguage(rule, code);
        const others = [...new Set(hits.filter((h) => h.id !== rule.id).map((h) => h.id))];
        if (kind === 'noMatch') return others.length > 0 ? (source) => `{ code: ${source}, firedBy: ${names(others)} }` : undefined;
        const lines = [...new Set(hits.filter((h) => h.id === rule.id).map((h) => h.line))].sort((a, b) => a - b);
        if (lines.length === 0) throw new Error(`${rule.id}: match example finds nothing`);
        if (!code.includes('\n') && lines.join() === '1' && others.length === 0) return undefined;
        const also = others.length > 0 ? `, alsoFiredBy: ${names(others)}` : '';
        return (source) => `{ code: ${source}, lines: [${lines.join(', ')}]${also} }`;
      });
      if (states.every((s) => s === undefined)) continue;
      const key = JSON.stringify(list);
      ids.set(key, `${rule.id} (${kind})`);
      wanted.set(key, (source, i) => states[i]?.(source));
    }
  }
  const found = rewriteArrays(sastDir, wanted);
  return [...wanted.keys()].filter((k) => !found.has(k)).map((k) => ids.get(k));
}

const missed = [...stateSecrets(engines), ...stateSast(engines)];
if (missed.length > 0) {
  console.error(`not found in the source (edit by hand): ${missed.join(', ')}`);
  process.exitCode = 1;
}
