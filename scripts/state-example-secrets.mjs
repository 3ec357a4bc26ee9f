// One-off data migration (kept for the record and for rules written the old way): rewrites every
// built-in secret rule's match example `'text'` into `{ text: 'text', secret: '…' }`, the secret
// being what the engine captures today when the rule runs alone. REVIEW the diff: a stated secret
// must be the token alone, never its keyword or quotes. Run: node scripts/state-example-secrets.mjs
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const rulesDir = join(root, 'src/gates/secrets/rules');

async function loadEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'wfo-state-secrets-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { builtinRules } from '${rulesDir}/index.js';\nexport { SecretEngine } from '${root}src/gates/secrets/engine.js';\n`);
  await build({ entryPoints: [entry], outfile: join(dir, 'out.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const mod = await import(join(dir, 'out.mjs'));
  rmSync(dir, { recursive: true, force: true });
  return mod;
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

const { builtinRules, SecretEngine } = await loadEngine();
const wanted = new Map(); // JSON of match texts -> secrets per text
for (const rule of builtinRules) {
  const texts = rule.examples.match.filter((m) => typeof m === 'string');
  if (texts.length === 0) continue;
  const engine = new SecretEngine([rule]);
  const path = rule.examples.path ?? 'example.txt';
  const secrets = texts.map((t) => engine.scan(t, path).map((m) => m.secret));
  wanted.set(JSON.stringify(texts), { id: rule.id, secrets, done: false });
}

for (const file of filesUnder(rulesDir)) {
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) {
      const values = node.elements.map(literalValue);
      const target = values.every((v) => v !== undefined) && wanted.get(JSON.stringify(values));
      if (target) {
        target.done = true;
        const stated = node.elements.map((el, i) => {
          const found = target.secrets[i];
          if (found.length === 0) throw new Error(`${target.id}: match[${i}] captures nothing`);
          const secret = found.length === 1 ? quote(found[0]) : `[${found.map(quote).join(', ')}]`;
          return `{ text: ${el.getText(sf)}, secret: ${secret} }`;
        });
        const start = node.getStart(sf);
        const lineStart = source.lastIndexOf('\n', start) + 1;
        const indent = /^\s*/.exec(source.slice(lineStart))[0];
        const text = `[\n${stated.map((e) => `${indent}  ${e},`).join('\n')}\n${indent}]`;
        edits.push({ start, end: node.getEnd(), text });
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
  console.log(`${file.slice(root.length)}: ${edits.length} examples`);
}
const missed = [...wanted.values()].filter((w) => !w.done).map((w) => w.id);
if (missed.length > 0) {
  console.error(`not found in the source (edit by hand): ${missed.join(', ')}`);
  process.exitCode = 1;
}
