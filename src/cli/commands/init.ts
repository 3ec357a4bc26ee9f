import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE, loadConfig, resolveConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { repoInfo } from '../../core/git.js';
import { createScope } from '../../core/scope.js';
import { addRecipe, RECIPE_NAMES, RECIPES } from '../recipes.js';

export function registerInit(program: Command, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write wfo-gate.config.json (with $schema) for the gates this repository has something for, and turn the git hooks on')
    .option('--force', 'overwrite an existing wfo-gate.config.json')
    .option('--no-hooks', 'only write the configuration')
    .option('--recipe <names>', `add ready custom gates (comma-separated) to the configuration, new or existing: ${RECIPE_NAMES.join(', ')}`)
    .addHelpText('after', '\nExamples:\n  $ wfo-gate init && git add wfo-gate.config.json\n  $ wfo-gate init --recipe eslint,jscpd,type-coverage')
    .action(async (flags: { force?: boolean; hooks: boolean; recipe?: string }) => {
      const cwd = process.cwd();
      const repo = (await repoInfo(cwd)) ?? null;
      const root = repo?.root ?? cwd;
      const path = join(root, CONFIG_FILE);
      const recipes = flags.recipe === undefined ? [] : parseRecipes(flags.recipe);
      if (recipes.length && existsSync(path)) {
        // Recipes go into the configuration there is: it is read, validated and written back with them.
        loadConfig({ root, file: path });
        const written = await writeWithRecipes(path, JSON.parse(await readFile(path, 'utf8')), recipes, Boolean(flags.force));
        process.stdout.write(`updated ${CONFIG_FILE}: ${written}\n`);
        setExit(0);
        return;
      }
      if (existsSync(path) && !flags.force) {
        throw new UsageError(`${CONFIG_FILE} already exists; nothing written`, ['Run `wfo-gate init --force` to replace it with what this repository needs now.']);
      }
      const { initialConfig } = await import('../init-config.js');
      const defaults = resolveConfig({});
      const scope = await createScope({ kind: 'all', cwd, repo, maxFileSize: defaults.maxFileSize, exclude: defaults.exclude });
      const { config, hints } = await initialConfig(root, scope.files.map((f) => f.path));
      if (recipes.length) process.stdout.write(`${await writeWithRecipes(path, config, recipes, true)}\n`);
      else await writeFile(path, JSON.stringify(config, null, 2) + '\n');
      process.stdout.write(`wrote ${CONFIG_FILE} (gates: ${Object.keys(JSON.parse(await readFile(path, 'utf8')).gates as object).join(', ')})\n`);
      const budget = (config.gates as Record<string, { ledger?: unknown } | undefined>).budget;
      // Only where there is a ledger to share (the first `cost log` sets it up otherwise): the
      // entries are appended on every branch, and git keeps both sides' lines on merge.
      if (repo && budget) {
        const { ensureUnionMerge } = await import('../../cost/ledger-setup.js');
        const ledger = typeof budget?.ledger === 'string' ? budget.ledger : 'costs';
        const attributes = await ensureUnionMerge(join(root, ledger), root);
        if (attributes) process.stdout.write(`set merge=union for ${ledger}/by-feature.jsonl in .gitattributes (commit it: branches that log spend then merge without conflicts)\n`);
      }
      if (hints.length) {
        process.stdout.write('not configured, so skipped (with the reason) until they have something to check:\n');
        for (const hint of hints) process.stdout.write(`  ${hint}\n`);
      }
      if (flags.hooks && repo) {
        const { installHooks } = await import('../../hooks/install.js');
        const outcome = await installHooks(repo);
        for (const line of outcome.messages) process.stdout.write(`${line}\n`);
      } else if (flags.hooks) {
        process.stderr.write(
          `wfo-gate init: the git hooks were NOT installed: ${root} is not a git repository, so nothing blocks a commit yet.\n` +
            'Run `git init && npx wfo-gate install` to turn them on.\n',
        );
      }
      setExit(0);
    });
}

function parseRecipes(text: string): string[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.find((n) => !RECIPE_NAMES.includes(n));
  if (!names.length || unknown !== undefined) {
    throw new UsageError(`--recipe: ${unknown === undefined ? 'name at least one recipe' : `unknown recipe "${unknown}"`}`, [`Recipes: ${RECIPE_NAMES.join(', ')}.`]);
  }
  return [...new Set(names)];
}

/** Adds the recipes to `config`, checks the result against the schema, writes it; says what it did. */
async function writeWithRecipes(path: string, config: Record<string, unknown>, recipes: readonly string[], replace: boolean): Promise<string> {
  let next = config;
  const said: string[] = [];
  for (const name of recipes) {
    const outcome = addRecipe(next, name, replace);
    next = outcome.config;
    const recipe = RECIPES[name]!;
    const tools = recipe.tools.length ? ` (needs: npm i -D ${recipe.tools.join(' ')})` : '';
    said.push(outcome.added ? `gate "${recipe.id}" from recipe ${name}: ${recipe.summary}${tools}` : `gate "${recipe.id}" is already there, kept (--force replaces it)`);
  }
  resolveConfig(next, path);
  await writeFile(path, JSON.stringify(next, null, 2) + '\n');
  return said.join('\n');
}
