// Test repos where wfo-gate, husky and lint-staged resolve as after `npm install`: a snapshot of
// the built package (so a concurrent rebuild of dist/ cannot change it mid-test) linked into
// node_modules, with node_modules/.bin entries.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { gitEnv, makeRepo, PROJECT_ROOT, tempDir, type TestRepo } from '../helpers/repo.js';
import { expect } from 'vitest';

let snapshot: string | undefined;

/** The built package copied once per test file, its dependencies linked from the project. */
export function packageSnapshot(): string {
  if (snapshot) return snapshot;
  const dir = tempDir('wfo-pkg-');
  for (const part of ['dist', 'schemas', 'hooks', 'package.json']) cpSync(join(PROJECT_ROOT, part), join(dir, part), { recursive: true });
  if (!existsSync(join(dir, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run the build first');
  chmodSync(join(dir, 'dist', 'cli.js'), 0o755);
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  snapshot = dir;
  return dir;
}

const BINS: Record<string, string> = { 'wfo-gate': 'dist/cli.js', husky: 'bin.js', 'lint-staged': 'bin/lint-staged.js' };

/** Links packages into the repo's node_modules as npm would (package folder + .bin entry). */
export function linkPackages(repo: TestRepo, names: readonly string[] = ['wfo-gate']): void {
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  for (const name of names) {
    const target = name === 'wfo-gate' ? packageSnapshot() : join(PROJECT_ROOT, 'node_modules', name);
    symlinkSync(target, join(repo.dir, 'node_modules', name));
    symlinkSync(join('..', name, BINS[name]), join(repo.dir, 'node_modules', '.bin', name));
  }
}

/** A repo with a committer identity, node_modules ignored and wfo-gate linked in. */
export function hookRepo(options: { packages?: string[]; packageJson?: Record<string, unknown> } = {}): TestRepo {
  const repo = makeRepo();
  repo.git('config', 'user.name', 'Test');
  repo.git('config', 'user.email', 'test@example.invalid');
  repo.write('.gitignore', 'node_modules\n');
  if (options.packageJson) repo.write('package.json', JSON.stringify(options.packageJson, null, 2) + '\n');
  linkPackages(repo, options.packages);
  return repo;
}

/** Bytes and modes of every file under `dir` (skipping .git and node_modules), for before/after comparisons. */
export function treeFingerprint(dir: string, skip = new Set(['.git', 'node_modules'])): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else out[path] = `${(statSync(join(dir, path)).mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(join(dir, path))).digest('hex')}`;
    }
  };
  walk('');
  return out;
}

/** Assembled at run time so this source never holds the value a scanner would flag. */
export const PLANTED_AWS_KEY_ID = ['AKIA', 'Q3EGRZ7NBX4TYUPW'].join('');

/** Runs git and returns status and output instead of throwing: for commands a hook may refuse. */
export function gitTry(cwd: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync('git', args, { cwd, env: gitEnv(env), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function commitCount(repo: TestRepo): number {
  const result = gitTry(repo.dir, ['rev-list', '--count', 'HEAD']);
  return result.status === 0 ? Number(result.output.trim()) : 0;
}

/** Runs the snapshot's CLI in `cwd`, as node_modules/.bin/wfo-gate would. */
export function wfo(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(packageSnapshot(), 'dist', 'cli.js'), ...args], { cwd, env: gitEnv(env), encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh random AWS key pair as a credentials file holds it (never a known sample value). */
export function randomAwsKeyPair(): { id: string; secret: string; file: string } {
  const pick = (alphabet: string, n: number) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
  const id = 'AKIA' + pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  const secret = pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 40);
  return { id, secret, file: `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n` };
}

/**
 * A commit the pre-commit hook blocked, for the reason named: git's exit code for a failed hook
 * (1), wfo-gate's BLOCKED line, and the finding itself (`  <file>  <rule>  `). A crash, a usage
 * error (exit 2) or a block for another reason fails this.
 */
export function expectBlockedBy(result: { status: number | null; output: string }, file: string, ruleId: string): void {
  expectHookBlockedBy('pre-commit', result, escapeRegExp(file), ruleId);
}

/**
 * A push the pre-push hook refused, for the reason named: git's exit code (1), wfo-gate's BLOCKED
 * line and the finding (`  <file>  <rule>  `, or `  <file> @ <commit>  <rule>  ` for a finding in
 * one commit of the range: pass `commit`). A crash, a usage error or a refusal for another reason fails this.
 */
export function expectPushBlockedBy(result: { status: number | null; output: string }, file: string, ruleId: string, commit?: string): void {
  const at = commit ? ` @ ${commit.slice(0, 12)}` : '';
  expectHookBlockedBy('pre-push', result, `${escapeRegExp(file)}${at}`, ruleId);
  expect(result.output).toMatch(/error: failed to push some refs/);
}

function expectHookBlockedBy(hook: 'pre-commit' | 'pre-push', result: { status: number | null; output: string }, where: string, ruleId: string): void {
  expect(result.status, result.output).toBe(1);
  expect(result.output).toContain(`wfo-gate ${hook}: BLOCKED`);
  expect(result.output).toMatch(new RegExp(`^ {2}${where} {2}${escapeRegExp(ruleId)} {2}`, 'm'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
