// Ready custom gates for the workflow's quality thresholds: `wfo-gate init --recipe <name>`
// writes one into the configuration, and the README lists them. Each is tested end to end with
// the real tool (test/e2e/recipes.test.ts).

export interface Recipe {
  /** The gate id it writes under `gates`. */
  id: string;
  summary: string;
  /** Packages the command runs, for `npm i -D`. */
  tools: string[];
  /** Fits the pre-commit hook: quick, and diff-aware (only what is staged blocks). */
  preCommit: boolean;
  gate: Record<string, unknown>;
}

/** Reports the tools write go where nothing tracks them and every ignore file already ignores. */
const CACHE = 'node_modules/.cache/wfo-gate';

export const RECIPES: Record<string, Recipe> = {
  eslint: {
    id: 'lint',
    summary: 'ESLint errors = 0 (its JSON output: errorCount over all files)',
    tools: ['eslint'],
    preCommit: false,
    gate: { type: 'command', title: 'ESLint', run: ['npx', '--no', '--', 'eslint', '--format', 'json', '.'], read: { json: '/*/errorCount' }, max: 0, unit: 'errors' },
  },
  'eslint-sarif': {
    id: 'lint-sarif',
    summary: "ESLint through its SARIF formatter: errors on the lines a change adds block (diff-aware), the others are listed as existing",
    tools: ['eslint', '@microsoft/eslint-formatter-sarif'],
    preCommit: true,
    gate: { type: 'command', title: 'ESLint', run: ['npx', '--no', '--', 'eslint', '--format', '@microsoft/eslint-formatter-sarif', '.'], read: { sarif: '-' }, failOn: 'high' },
  },
  tsc: {
    id: 'types',
    summary: 'TypeScript errors = 0 (`tsc --noEmit`)',
    tools: ['typescript'],
    preCommit: false,
    gate: { type: 'command', title: 'TypeScript', run: ['npx', '--no', '--', 'tsc', '--noEmit', '--pretty', 'false'], read: { count: 'error TS\\d+:' }, max: 0, unit: 'errors' },
  },
  jscpd: {
    id: 'duplication',
    summary: 'code duplication ≤ 5 % of the lines of JavaScript and TypeScript files (jscpd; its --format takes other languages)',
    tools: ['jscpd'],
    preCommit: false,
    gate: {
      type: 'command',
      title: 'duplication',
      run: ['npx', '--no', '--', 'jscpd', '--silent', '--gitignore', '--ignore', '**/node_modules/**,**/dist/**', '--format', 'javascript,typescript,jsx,tsx', '--reporters', 'json', '--output', `${CACHE}/jscpd`, '.'],
      read: { json: '/statistics/total/percentage', file: `${CACHE}/jscpd/jscpd-report.json` },
      max: 5,
      unit: '%',
    },
  },
  complexity: {
    id: 'complexity',
    summary: "cyclomatic complexity ≤ 10: ESLint's complexity rule, no function above it (JavaScript; with a TypeScript ESLint config, add the rule there and use the eslint recipe)",
    tools: ['eslint'],
    preCommit: false,
    gate: {
      type: 'command',
      title: 'complexity',
      run: ['npx', '--no', '--', 'eslint', '--no-config-lookup', '--ignore-pattern', 'dist/', '--rule', '{"complexity": ["error", 10]}', '--format', 'json', '.'],
      read: { json: '/*/errorCount' },
      max: 0,
      unit: 'functions over 10',
    },
  },
  'type-coverage': {
    id: 'type-coverage',
    summary: 'TypeScript type coverage ≥ 90 % (type-coverage)',
    tools: ['type-coverage', 'typescript'],
    preCommit: false,
    gate: { type: 'command', title: 'type coverage', run: ['npx', '--no', '--', 'type-coverage', '--json-output'], read: { json: '/percent' }, min: 90, unit: '%' },
  },
  'bundle-size': {
    id: 'bundle-size',
    summary: "bundle size growth ≤ 5 % against the base: `npm run build`, then the size of dist/index.js (change `read.size` to your bundle); the base is built on a worktree of the merge base",
    tools: [],
    preCommit: false,
    gate: { type: 'command', title: 'bundle size', run: ['npm', 'run', '--silent', 'build'], read: { size: 'dist/index.js' }, maxIncreasePercent: 5, unit: 'bytes' },
  },
  'bundle-stats': {
    id: 'bundle-size',
    summary: "bundle size growth ≤ 5 % from a bundler's stats file: esbuild's metafile (`--metafile=meta.json`, every output's bytes added up); for webpack's stats.json use `/assets/*/size`",
    tools: [],
    preCommit: false,
    gate: { type: 'command', title: 'bundle size', run: ['npm', 'run', '--silent', 'build'], read: { json: '/outputs/*/bytes', file: 'meta.json' }, maxIncreasePercent: 5, unit: 'bytes' },
  },
};

export const RECIPE_NAMES = Object.keys(RECIPES);

/**
 * `config` with the recipe's gate added (and listed in `ci`, and in the pre-commit hook where it
 * fits). An id already under `gates` is kept unless `replace`.
 */
export function addRecipe(config: Record<string, unknown>, name: string, replace: boolean): { config: Record<string, unknown>; added: boolean } {
  const recipe = RECIPES[name]!;
  const gates = { ...((config.gates as Record<string, unknown> | undefined) ?? {}) };
  if (gates[recipe.id] && !replace) return { config, added: false };
  gates[recipe.id] = structuredClone(recipe.gate);
  const next: Record<string, unknown> = { ...config, gates };
  const append = (list: unknown) => (Array.isArray(list) && !list.includes(recipe.id) ? [...list, recipe.id] : list);
  if (next.ci !== undefined) next.ci = append(next.ci);
  if (recipe.preCommit && next.hooks && typeof next.hooks === 'object') {
    const hooks = next.hooks as Record<string, unknown>;
    next.hooks = { ...hooks, 'pre-commit': append(hooks['pre-commit'] ?? ['secrets', 'env-ignore']) };
  }
  return { config: next, added: true };
}
