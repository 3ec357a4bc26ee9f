// Husky, set up as `husky init` would: devDependency, `prepare` script, `.husky/<hook>` files
// (each gaining the wfo-gate line, existing lines kept), and husky's own `.husky/_` activation.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { getConfig } from '../core/git.js';
import { UsageError } from '../core/errors.js';
import { appendLine, editFile, ensureDirectory, readIfExists } from './hook-files.js';
import { HOOK_NAMES, huskyLine } from './hook-scripts.js';
import type { Change } from './manifest.js';

export const HUSKY_RANGE = '^9.1.7';
/** husky 9 points core.hooksPath here; husky 4-8 used `.husky` itself. */
export const HUSKY_HOOKS_PATH = '.husky/_';

export function isHuskyHooksPath(hooksPath: string | undefined): boolean {
  return hooksPath !== undefined && /^(?:\.\/)?\.husky\/?(?:_\/?)?$/.test(hooksPath);
}

/** husky's bin.js as the repository resolves it, or undefined when husky is not installed there. */
export function resolveHuskyBin(root: string): string | undefined {
  try {
    return join(dirname(createRequire(join(root, 'package.json')).resolve('husky')), 'bin.js');
  } catch {
    return undefined;
  }
}

export async function installHusky(root: string, changes: Change[]): Promise<string[]> {
  const messages: string[] = [];
  if (await addToPackageJson(root, changes)) messages.push(`package.json: husky (${HUSKY_RANGE}) in devDependencies, \`husky\` in the prepare script`);
  const dir = join(root, '.husky');
  await ensureDirectory(dir, changes);
  for (const hook of HOOK_NAMES) {
    const result = await appendLine(join(dir, hook), huskyLine(hook), changes);
    messages.push(result === 'already' ? `.husky/${hook}: already runs wfo-gate` : `.husky/${hook}: ${result === 'created' ? 'created with' : 'added'} \`${huskyLine(hook)}\``);
  }
  messages.push(...(await activateHusky(root, changes)));
  return messages;
}

/** Runs the repo's husky so git uses `.husky/_` (what `npm install` does through `prepare`). */
async function activateHusky(root: string, changes: Change[]): Promise<string[]> {
  const before = await getConfig(root, 'core.hooksPath');
  if (isHuskyHooksPath(before) && (existsSync(join(root, HUSKY_HOOKS_PATH, 'h')) || before === '.husky')) return ['husky: active'];
  const bin = resolveHuskyBin(root);
  if (!bin) return ['husky is not installed yet: run `npm install` (its prepare script runs husky, which turns the hooks on)'];
  const generated = join(root, HUSKY_HOOKS_PATH);
  const existed = existsSync(generated);
  const result = await execa(process.execPath, [bin], { cwd: root, reject: false });
  const after = await getConfig(root, 'core.hooksPath');
  if (after !== HUSKY_HOOKS_PATH) {
    throw new UsageError(`husky did not turn the hooks on: ${(result.stdout + result.stderr).trim() || `exit ${result.exitCode}`}`, [
      'Run `npx husky` in the repository and look at what it says (HUSKY=0 in the environment skips it).',
    ]);
  }
  if (before !== after) changes.push({ kind: 'git-config', key: 'core.hooksPath', value: after, ...(before === undefined ? {} : { before }) });
  if (!existed) changes.push({ kind: 'directory', path: generated });
  return [`husky: active (core.hooksPath=${HUSKY_HOOKS_PATH})`];
}

/** Adds husky to devDependencies and to the prepare script, as `husky init` does; false when both were there. */
async function addToPackageJson(root: string, changes: Change[]): Promise<boolean> {
  const path = join(root, 'package.json');
  const before = await readIfExists(path);
  if (!before) return false;
  const text = before.toString('utf8');
  let pkg: Record<string, any>;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`package.json is not valid JSON (${(error as Error).message}), so husky cannot be added to it`, [
      'Fix package.json, or install plain git hooks instead: `wfo-gate install --no-husky`.',
    ]);
  }
  let changed = false;
  if (!pkg.devDependencies?.husky && !pkg.dependencies?.husky) {
    const devDependencies = { ...(pkg.devDependencies ?? {}), husky: HUSKY_RANGE };
    pkg.devDependencies = Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    changed = true;
  }
  const prepare: unknown = pkg.scripts?.prepare;
  if (typeof prepare !== 'string' || !/\bhusky\b/.test(prepare)) {
    pkg.scripts = { ...(pkg.scripts ?? {}), prepare: typeof prepare === 'string' && prepare.trim() ? `${prepare} && husky` : 'husky' };
    changed = true;
  }
  if (!changed) return false;
  await editFile(path, before, JSON.stringify(pkg, null, indentOf(text)) + (text.endsWith('\n') ? '\n' : ''), changes);
  return true;
}

function indentOf(text: string): string | number {
  const m = /^[{[]\s*\n([ \t]+)/.exec(text);
  return m ? m[1] : 2;
}
