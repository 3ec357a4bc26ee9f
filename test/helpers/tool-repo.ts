// Test repositories for custom gates: the project's node_modules linked in (so `npx --no -- eslint`
// finds the real tool, as in a project that installed it), ignored by git.
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CLI, gitEnv, makeRepo, PROJECT_ROOT, runCli, type TestRepo } from './repo.js';

export function toolRepo(files: Record<string, string> = {}): TestRepo {
  const repo = makeRepo();
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(repo.dir, 'node_modules'), 'dir');
  repo.write('.gitignore', 'node_modules\ndist\nmeta.json\n*.sarif\n');
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  return repo;
}

/** `wfo-gate init --no-hooks --recipe <name>` in the repo, which must succeed. */
export function initRecipe(repo: TestRepo, recipe: string): void {
  const result = runCli(repo.dir, ['init', '--no-hooks', '--recipe', recipe]);
  expect(result.status, result.stderr).toBe(0);
}

/** The JSON report of `run <args> --format json`, with its exit code. */
export function runJson(repo: TestRepo, args: string[]): { status: number | null; report: any; stderr: string } {
  const result = runCli(repo.dir, ['run', ...args, '--format', 'json']);
  expect(result.status, result.stderr).not.toBe(2);
  return { status: result.status, report: JSON.parse(result.stdout), stderr: result.stderr };
}

/** A pre-commit hook that runs what the installed hooks run: `wfo-gate hook pre-commit`. */
export function installPreCommit(repo: TestRepo): void {
  const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" hook pre-commit\n`);
  chmodSync(hook, 0o755);
}

/** `git commit` through the hooks, with its exit status and output instead of throwing. */
export function commitThroughHooks(repo: TestRepo, message: string): { status: number | null; output: string } {
  const result = spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A flat ESLint config as a project keeps one: its build output ignored, undefined names an error. */
export const ESLINT_CONFIG = `export default [{ ignores: ['dist/'] }, { files: ['**/*.js'], languageOptions: { sourceType: 'module' }, rules: { 'no-undef': 'error' } }];\n`;
