// The README's first minute, exactly as a new user lives it: the packed tarball installed with
// each package manager into a fresh repository, `wfo-gate init`, then a commit of a random AWS
// key pair must be refused, and the first `wfo-gate` run must pass or name a real problem.
// Installs come from the npm registry (this test's network use: CI reaches the npm registry); a
// package manager that cannot be had from it fails the test, naming what went wrong.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitEnv, makeRepo, PROJECT_ROOT, tempDir, type TestRepo } from '../helpers/repo.js';
import { commitCount, expectBlockedBy, gitTry, randomAwsKeyPair } from '../hooks/helpers.js';

const SLOW = 300_000;
let tarball: string;

beforeAll(() => {
  const out = tempDir('wfo-pack-');
  // --ignore-scripts: `prepare` would rebuild dist/ and run husky in the project itself.
  const pack = run(PROJECT_ROOT, 'npm', ['pack', '--ignore-scripts', '--pack-destination', out]);
  expect(pack.status, pack.stderr).toBe(0);
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
}, SLOW);

/** The environment of a user's shell: none of the npm_* variables `npx vitest` adds. */
function userEnv(extraPath?: string): NodeJS.ProcessEnv {
  const env = gitEnv();
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  if (extraPath) env.PATH = `${extraPath}${delimiter}${env.PATH}`;
  return env;
}

function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = userEnv()): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

interface Manager {
  name: 'npm' | 'pnpm' | 'yarn' | 'bun';
  add: (tgz: string) => string[];
  /** How the user runs a package's bin. */
  exec: string[];
}

const MANAGERS: Manager[] = [
  { name: 'npm', add: (tgz) => ['i', '-D', tgz, '--prefer-offline', '--no-audit', '--no-fund'], exec: ['npx'] },
  { name: 'pnpm', add: (tgz) => ['add', '-D', tgz], exec: ['pnpm', 'exec'] },
  { name: 'yarn', add: (tgz) => ['add', '-D', `file:${tgz}`, '--prefer-offline'], exec: ['yarn', '-s'] },
  { name: 'bun', add: (tgz) => ['add', '-d', tgz], exec: ['bunx'] },
];

/** A folder whose bin/ holds the package manager: on PATH already, else installed from the npm registry. */
function managerPath(name: Manager['name']): { path?: string; why?: string } {
  if (name === 'npm' || run(PROJECT_ROOT, name, ['--version']).status === 0) return {};
  const prefix = tempDir(`wfo-${name}-`);
  const install = run(PROJECT_ROOT, 'npm', ['i', '-g', '--prefix', prefix, name, '--prefer-offline', '--no-audit', '--no-fund']);
  if (install.status !== 0) return { why: `${name} is not on PATH and \`npm i -g ${name}\` failed: ${install.stderr.trim().split('\n').at(-1)}` };
  const path = join(prefix, 'bin');
  if (run(PROJECT_ROOT, name, ['--version'], userEnv(path)).status !== 0) return { why: `${name} installed from the npm registry does not run here` };
  return { path };
}

function freshRepo(): TestRepo {
  const repo = makeRepo();
  repo.write('package.json', JSON.stringify({ name: 'demo', version: '1.0.0', private: true }, null, 2) + '\n');
  repo.write('.gitignore', 'node_modules\n');
  repo.write('index.js', 'export const answer = 42;\n');
  return repo;
}

describe.each(MANAGERS)('the packed tarball, installed with $name', (manager) => {
  it('`init` alone makes the next commit of an AWS key pair fail; the first run passes or names a real problem; uninstall after an install puts back the state before', { timeout: SLOW }, () => {
    const found = managerPath(manager.name);
    expect(found.why, `${manager.name} could not be had`).toBeUndefined();
    const env = userEnv(found.path);
    const repo = freshRepo();
    const add = run(repo.dir, manager.name, manager.add(tarball), env);
    // pnpm ≥ 10 refuses dependency build scripts by default (ERR_PNPM_IGNORED_BUILDS) but has installed the package.
    expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'wfo-gate')), add.stdout + add.stderr).toBe(true);
    const configBefore = repo.git('config', '--local', '--list');

    const init = run(repo.dir, manager.exec[0], [...manager.exec.slice(1), 'wfo-gate', 'init'], env);
    expect(init.status, init.stdout + init.stderr).toBe(0);
    repo.git('add', '-A');
    const base = gitTry(repo.dir, ['commit', '-m', 'wfo-gate init'], { PATH: env.PATH! });
    expect(base.status, base.output).toBe(0);
    expect(base.output).toContain('wfo-gate pre-commit: ok');

    const key = randomAwsKeyPair();
    repo.write('config/aws-credentials', key.file);
    repo.git('add', 'config/aws-credentials');
    const blocked = gitTry(repo.dir, ['commit', '-m', 'credentials'], { PATH: env.PATH! });
    expectBlockedBy(blocked, 'config/aws-credentials:2', 'aws-access-key-id');
    expectBlockedBy(blocked, 'config/aws-credentials:3', 'aws-secret-access-key');
    expect(blocked.output).not.toContain(key.id);
    expect(blocked.output).not.toContain(key.secret);
    expect(commitCount(repo)).toBe(1);
    repo.git('rm', '-q', '--cached', 'config/aws-credentials');
    rmSync(join(repo.dir, 'config'), { recursive: true });

    const first = run(repo.dir, manager.exec[0], [...manager.exec.slice(1), 'wfo-gate', '--format', 'json'], env);
    const report = JSON.parse(first.stdout);
    const byGate = Object.fromEntries(report.gates.map((g: { gate: string }) => [g.gate, g])) as Record<string, { status: string; error?: string }>;
    // Nothing to check is not a problem: init did not configure those gates.
    expect(byGate.coverage.status).toBe('skipped');
    expect(byGate.budget.status).toBe('skipped');
    if (first.status !== 0) {
      // A real problem only: the registry here may not answer audits; the error says which and how.
      const problems = report.gates.filter((g: { status: string }) => g.status === 'error' || g.status === 'fail');
      expect(problems.map((g: { gate: string }) => g.gate), first.stdout).toEqual(['audit']);
      expect(byGate.audit.error).toMatch(/cannot audit \S+: tried npm (audit|bulk advisory endpoint)/);
    }

    if (manager.name === 'npm') {
      // The README flow goes on with `npm install` (husky arrives, its prepare runs), then uninstall.
      const install = run(repo.dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], env);
      expect(install.status, install.stderr).toBe(0);
      const uninstall = run(repo.dir, 'npx', ['wfo-gate', 'uninstall'], env);
      expect(uninstall.status, uninstall.stdout + uninstall.stderr).toBe(0);
      expect(repo.git('config', '--local', '--list')).toBe(configBefore);
      expect(existsSync(join(repo.dir, '.husky'))).toBe(false);
      expect(JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8')).devDependencies.husky).toBeUndefined();
      writeFileSync(join(repo.dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "USER HOOK ran"\n', { mode: 0o755 });
      repo.write('b.js', 'b\n');
      repo.git('add', 'b.js');
      expect(gitTry(repo.dir, ['commit', '-m', 'b'], { PATH: env.PATH! }).output).toContain('USER HOOK ran');
    }
  });
});
