// Builds dist/: the CLI (code-split so each gate is its own lazily loaded chunk), the library
// entry, worker entries, and the self-contained GitHub Action bundle (dist/action.js).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const define = { __WFO_GATE_VERSION__: JSON.stringify(pkg.version) };
const onlyAction = process.argv.includes('--action');
// `--outdir DIR` builds into DIR instead of dist/ (test/action/dist-fresh.test.ts compares a
// fresh build with the committed bundles without touching dist/).
const outdirArg = process.argv.indexOf('--outdir');
const dist = outdirArg === -1 ? join(root, 'dist') : resolve(process.argv[outdirArg + 1]);

function workerEntries(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...workerEntries(path));
    else if (entry.name.endsWith('.worker.ts')) found.push(path);
  }
  return found;
}

const common = { platform: 'node', target: 'node20', format: 'esm', define, logLevel: 'warning', legalComments: 'none' };

if (!onlyAction) {
  const entryPoints = [join(root, 'src/cli/main.ts'), join(root, 'src/index.ts'), ...workerEntries(join(root, 'src'))]
    .filter((p) => existsSync(p));
  // Build beside dist/ and swap it in, so a CLI running meanwhile never sees a half-built
  // tree, and chunks from earlier builds do not pile up.
  const staging = join(dirname(dist), `.${basename(dist)}-build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await build({
    ...common,
    entryPoints: entryPoints.map((p) => ({ in: p, out: p.includes('/cli/main.ts') ? 'cli' : p.endsWith('src/index.ts') ? 'index' : p.slice(join(root, 'src').length + 1).replace(/\.ts$/, '') })),
    outdir: staging,
    bundle: true,
    splitting: true,
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
  });
  await buildValidators(staging);
  await buildRuleAnalysis(staging);
  await buildKeywordTables(staging);
  if (existsSync(join(dist, 'action.js'))) copyFileSync(join(dist, 'action.js'), join(staging, 'action.js'));
  const old = join(dirname(dist), `.${basename(dist)}-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
}

if (existsSync(join(root, 'src/action/main.ts'))) {
  await build({
    ...common,
    entryPoints: [join(root, 'src/action/main.ts')],
    outfile: join(dist, 'action.js'),
    bundle: true,
    target: 'node24',
    // The Action runs from a checkout of this repo with no node_modules: bundle every pure-JS
    // dependency. Native addons cannot be bundled; gates that need them say so at run time.
    external: ['@ast-grep/napi', '@ast-grep/lang-python'],
    banner: { js: "import { createRequire as __wfoCreateRequire } from 'node:module'; const require = __wfoCreateRequire(import.meta.url);" },
  });
}

/**
 * Runs `contents` (TypeScript importing from src/, resolved from the repository root) and
 * writes what it exports as default to gates/secrets/<file>: data the secrets gate would
 * otherwise work out again in every thread of every run.
 */
async function buildSecretsData(outdir, file, contents, serialise) {
  // Under node_modules, so the script's bare imports (packages stay external) resolve from there.
  const tmp = join(root, 'node_modules', '.cache', 'wfo-gate-build', `${file}-${process.pid}.mjs`);
  await build({ ...common, stdin: { contents, resolveDir: root, sourcefile: `${file}.source.ts`, loader: 'ts' }, outfile: tmp, bundle: true, packages: 'external' });
  try {
    const { default: data } = await import(tmp);
    mkdirSync(join(outdir, 'gates', 'secrets'), { recursive: true });
    writeFileSync(join(outdir, 'gates', 'secrets', file), serialise(data));
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * The built-in secret rules' regex analysis (reach, anchored beginnings), so each scan thread
 * of a whole-tree run does not spend ~0.14 s of CPU on it (src/gates/secrets/rule-analysis.ts).
 */
function buildRuleAnalysis(outdir) {
  const contents =
    "import { builtinRules } from './src/gates/secrets/rules/index.ts';\n" +
    "import { analysisTable } from './src/gates/secrets/rule-analysis.ts';\n" +
    'export default analysisTable(builtinRules);\n';
  return buildSecretsData(outdir, 'rule-analysis.json', contents, (table) => JSON.stringify(table) + '\n');
}

/** The built-in rules' keyword automaton, as its tables (src/gates/secrets/keyword-tables.ts): ~20 ms of CPU per hook run and per scanning thread. */
function buildKeywordTables(outdir) {
  const contents =
    "import { builtinRules } from './src/gates/secrets/rules/index.ts';\n" +
    "import { SecretEngine } from './src/gates/secrets/engine.ts';\n" +
    "import { buildAutomaton } from './src/gates/secrets/keyword-index.ts';\n" +
    "import { encodeKeywordTables } from './src/gates/secrets/keyword-tables.ts';\n" +
    'const keywords = new SecretEngine(builtinRules, { checked: true }).keywords;\n' +
    'export default encodeKeywordTables(keywords, buildAutomaton(keywords));\n';
  return buildSecretsData(outdir, 'keyword-tables.bin', contents, (bytes) => bytes);
}

/**
 * Compiles JSON Schemas once at build time (ajv standalone), so that a hook or a report does
 * not pay for compiling them on every run; bundled with ajv's small runtime helpers. Each
 * file exports one validator per name. Sources come from stdin, so no build-specific path
 * lands in the output: the committed files must be reproducible.
 */
async function buildValidators(outdir) {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const schemas = join(root, 'schemas');
  const readSchema = (file) => JSON.parse(readFileSync(join(schemas, file), 'utf8'));
  const idOf = (file) => readSchema(file).$id;

  const configAjv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, allowUnionTypes: true, code: { source: true } });
  for (const file of readdirSync(join(schemas, 'gates'))) if (file.endsWith('.schema.json')) configAjv.addSchema(readSchema(`gates/${file}`));
  // Keep in step with REFERENCED_SCHEMAS in src/core/config.ts.
  configAjv.addSchema(readSchema('secrets-rule.schema.json'));
  configAjv.addSchema(readSchema('config.schema.json'));
  await bundleValidators(join(outdir, 'config-validator.cjs'), standaloneCode(configAjv, { config: idOf('config.schema.json') }));

  // Keep in step with SCHEMA_FILES in src/cost/ledger-schema.ts (no defaults: ledgers are read as written).
  const ledger = { daily: 'cost-daily.schema.json', mtd: 'cost-mtd.schema.json', 'by-feature': 'cost-by-feature.schema.json', 'budget-config': 'cost-budget-config.schema.json' };
  const ledgerAjv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, code: { source: true } });
  for (const file of Object.values(ledger)) ledgerAjv.addSchema(readSchema(file));
  await bundleValidators(join(outdir, 'ledger-validators.cjs'), standaloneCode(ledgerAjv, Object.fromEntries(Object.entries(ledger).map(([k, f]) => [k, idOf(f)]))));
}

async function bundleValidators(outfile, contents) {
  await build({ ...common, format: 'cjs', stdin: { contents, resolveDir: root, sourcefile: 'validators.source.cjs', loader: 'js' }, outfile, bundle: true });
}
