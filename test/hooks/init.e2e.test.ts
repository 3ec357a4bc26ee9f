// `wfo-gate init` as a new user runs it, on real repositories: after it returns 0 a commit of a
// secret is blocked with no further command, the config holds only the gates the repository has
// something for, and `uninstall` puts back the state before init however husky got turned on.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HUSKY_RUNNER } from '../../src/hooks/husky.js';
import { gitEnv, makeRepo, PROJECT_ROOT, tempDir, type TestRepo } from '../helpers/repo.js';
import { commitCount, expectBlockedBy, gitTry, hookRepo, linkPackages, packageSnapshot, randomAwsKeyPair, treeFingerprint, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

const PACKAGE = { name: 'demo', version: '1.0.0' };

/** Commits an AWS key pair; it must be refused by the installed hook, with the key never in clear. */
function expectSecretCommitBlocked(repo: TestRepo, env: Record<string, string> = {}): void {
  const key = randomAwsKeyPair();
  const commits = commitCount(repo);
  repo.write('deploy/credentials', key.file);
  repo.git('add', 'deploy/credentials');
  const result = gitTry(repo.dir, ['commit', '-m', 'add credentials'], env);
  // The key ID is on line 2 of the credentials file.
  expectBlockedBy(result, 'deploy/credentials:2', 'aws-access-key-id');
  expect(result.output).not.toContain(key.id);
  expect(result.output).not.toContain(key.secret);
  expect(commitCount(repo)).toBe(commits);
  repo.git('rm', '-q', '--cached', 'deploy/credentials');
  rmSync(join(repo.dir, 'deploy'), { recursive: true });
}

/** What `npm install` does once husky is installed: its `prepare` script, `husky`. */
function runHuskyPrepare(repo: TestRepo): void {
  const result = spawnSync(process.execPath, [join(repo.dir, 'node_modules', 'husky', 'bin.js')], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

/** Files (outside node_modules) and local git config, for "exactly as before" comparisons. */
function stateOf(repo: TestRepo): { files: Record<string, string>; config: string } {
  return { files: treeFingerprint(repo.dir, new Set(['node_modules', 'objects', 'logs', 'refs', 'index', 'ORIG_HEAD', 'COMMIT_EDITMSG'])), config: repo.git('config', '--local', '--list') };
}

describe('init turns the hooks on: the next commit of a secret is blocked', () => {
  it('in a Node repo where husky is not installed yet (the README flow): core.hooksPath set, husky\'s runner written, doctor happy', () => {
    const repo = hookRepo({ packageJson: PACKAGE });
    repo.commit('base', { 'app.js': 'a\n' });
    const init = wfo(repo.dir, ['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(readFileSync(join(repo.dir, '.husky', '_', 'h'), 'utf8')).toBe(HUSKY_RUNNER);
    expect(init.stdout).toContain('run `npm install` once so your lockfile records it');
    expectSecretCommitBlocked(repo);
    const doctor = wfo(repo.dir, ['doctor']);
    expect(doctor.status, doctor.stdout).toBe(0);
  });

  it('in a Node repo where husky is already installed: husky itself turns them on', () => {
    const repo = hookRepo({ packages: ['wfo-gate', 'husky'], packageJson: PACKAGE });
    repo.commit('base', { 'app.js': 'a\n' });
    const init = wfo(repo.dir, ['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).not.toContain('lockfile records it');
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expectSecretCommitBlocked(repo);
  });

  it('in a repo without package.json: plain shims in .git/hooks, with wfo-gate installed globally (on PATH)', () => {
    const repo = makeRepo();
    repo.commit('base', { 'app.py': 'print(1)\n' });
    const bin = tempDir('wfo-global-bin-');
    symlinkSync(join(packageSnapshot(), 'dist', 'cli.js'), join(bin, 'wfo-gate'));
    const path = { PATH: `${bin}:${process.env.PATH}` };
    const init = wfo(repo.dir, ['init'], path);
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(true);
    expectSecretCommitBlocked(repo, path);
  });

  it('the runner written without husky is husky\'s own: installing husky later (its prepare) rewrites the same bytes', () => {
    expect(HUSKY_RUNNER).toBe(readFileSync(join(PROJECT_ROOT, 'node_modules', 'husky', 'husky'), 'utf8'));
    const repo = hookRepo({ packageJson: PACKAGE });
    expect(wfo(repo.dir, ['init']).status).toBe(0);
    const written = treeFingerprint(join(repo.dir, '.husky', '_'));
    linkPackages(repo, ['husky']);
    runHuskyPrepare(repo);
    expect(treeFingerprint(join(repo.dir, '.husky', '_'))).toEqual(written);
  });
});

describe('init when hooks cannot be turned on', () => {
  it('HUSKY=0 in the environment: exit 2 with the reason, core.hooksPath left alone', () => {
    const repo = hookRepo({ packageJson: PACKAGE });
    const init = wfo(repo.dir, ['init'], { HUSKY: '0' });
    expect(init.status).toBe(2);
    expect(init.stderr).toContain('HUSKY=0 is set in this environment');
    // `git config <key>` exits 1 and prints nothing for a key that is not set.
    expect(gitTry(repo.dir, ['config', 'core.hooksPath'])).toEqual({ status: 1, output: '' });
  });
});

describe('init outside a git repository', () => {
  it('writes the config, says the hooks were not installed and what to run; running that blocks the next commit', () => {
    const repo = makeRepo({ init: false });
    const init = wfo(repo.dir, ['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(repo.dir, 'wfo-gate.config.json'))).toBe(true);
    expect(init.stderr).toContain('the git hooks were NOT installed');
    expect(init.stderr).toContain('`git init && npx wfo-gate install`');
    repo.git('init', '-q', '-b', 'main');
    linkPackages(repo);
    expect(wfo(repo.dir, ['install']).status).toBe(0);
    repo.commit('base', { '.gitignore': 'node_modules\n' });
    expectSecretCommitBlocked(repo);
  });
});

describe('uninstall after init puts back the state before init', () => {
  it('after the README flow (init, then the install that runs husky\'s prepare): core.hooksPath unset, .husky gone, .git/hooks run again', () => {
    const repo = hookRepo({ packageJson: PACKAGE });
    repo.commit('base', { 'app.js': 'a\n' });
    const before = stateOf(repo);
    expect(wfo(repo.dir, ['init']).status).toBe(0);
    // `npm install` now installs husky and runs `prepare`, which is `husky`.
    linkPackages(repo, ['husky']);
    runHuskyPrepare(repo);
    const uninstall = wfo(repo.dir, ['uninstall']);
    expect(uninstall.status, uninstall.stderr).toBe(0);
    rmSync(join(repo.dir, 'wfo-gate.config.json'));
    expect(stateOf(repo)).toEqual(before);

    mkdirSync(join(repo.dir, '.git', 'hooks'), { recursive: true });
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho "USER HOOK ran"\n');
    chmodSync(join(repo.dir, '.git', 'hooks', 'pre-commit'), 0o755);
    repo.write('b.js', 'b\n');
    repo.git('add', 'b.js');
    expect(gitTry(repo.dir, ['commit', '-m', 'b']).output).toContain('USER HOOK ran');
  });

  it('with husky installed before init', () => {
    const repo = hookRepo({ packages: ['wfo-gate', 'husky'], packageJson: PACKAGE });
    repo.commit('base', { 'app.js': 'a\n' });
    const before = stateOf(repo);
    expect(wfo(repo.dir, ['init']).status).toBe(0);
    expect(wfo(repo.dir, ['uninstall']).status).toBe(0);
    rmSync(join(repo.dir, 'wfo-gate.config.json'));
    expect(stateOf(repo)).toEqual(before);
  });
});

describe('init writes what the repository has', () => {
  function config(dir: string): Record<string, any> {
    return JSON.parse(readFileSync(join(dir, 'wfo-gate.config.json'), 'utf8'));
  }

  it('a fresh Node repo: no audit, coverage or budget section, each named in a hint; the first run is not blocked', () => {
    const repo = hookRepo({ packageJson: PACKAGE });
    repo.commit('base', { 'app.js': 'export const a = 1;\n' });
    const init = wfo(repo.dir, ['init', '--no-hooks']);
    expect(init.status, init.stderr).toBe(0);
    const written = config(repo.dir);
    expect(Object.keys(written.gates)).toEqual(['secrets', 'sast', 'env-ignore']);
    expect(written.$schema).toBe('./node_modules/wfo-gate/schemas/config.schema.json');
    expect(existsSync(join(repo.dir, written.$schema))).toBe(true);
    expect(init.stdout).toMatch(/^ {2}audit: no lockfile/m);
    expect(init.stdout).toMatch(/^ {2}coverage: no coverage report .*npx vitest run --coverage/m);
    expect(init.stdout).toMatch(/^ {2}budget: no cost ledger at costs\//m);
    const run = wfo(repo.dir, ['run', '--format', 'json']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const statusOf = (id: string) => report.gates.find((g: { gate: string }) => g.gate === id)?.status;
    expect([statusOf('audit'), statusOf('coverage'), statusOf('budget')]).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('a lockfile, a test runner that writes coverage and a costs/ ledger each turn their gate on; init --force writes the same file again', () => {
    const repo = hookRepo({ packageJson: { ...PACKAGE, scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4.1.0', '@vitest/coverage-v8': '^4.1.0' } } });
    repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
    repo.write('costs/mtd.json', '{}\n');
    expect(wfo(repo.dir, ['init', '--no-hooks']).status).toBe(0);
    const first = readFileSync(join(repo.dir, 'wfo-gate.config.json'), 'utf8');
    const written = config(repo.dir);
    expect(Object.keys(written.gates)).toEqual(['secrets', 'sast', 'audit', 'coverage', 'env-ignore', 'budget']);
    expect(written.gates.audit.source).toBe('npm');
    expect(written.gates.coverage.command).toBe('pnpm exec vitest run --coverage --coverage.reporter=lcov');
    expect(wfo(repo.dir, ['init', '--no-hooks', '--force']).status).toBe(0);
    expect(readFileSync(join(repo.dir, 'wfo-gate.config.json'), 'utf8')).toBe(first);
  });

  it('a Python repo without package.json: $schema is a URL that resolves, the advice is coverage.py, not vitest', () => {
    const repo = makeRepo();
    repo.write('pyproject.toml', '[project]\nname = "demo"\n');
    repo.write('requirements.txt', 'requests==2.31.0\n');
    const init = wfo(repo.dir, ['init', '--no-hooks'], { PATH: '/usr/bin:/bin' });
    expect(init.status, init.stderr).toBe(0);
    const written = config(repo.dir);
    const version = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;
    expect(written.$schema).toBe(`https://unpkg.com/wfo-gate@${version}/schemas/config.schema.json`);
    expect(written.gates.audit.source).toBe('osv-api');
    expect(init.stdout).toContain('python3 -m coverage run -m pytest && python3 -m coverage json');
    expect(init.stdout).not.toMatch(/vitest|npx/);
  });

  it('a bun project: the hint says bun.lock is not read, rather than "no lockfile"', () => {
    const repo = hookRepo({ packageJson: PACKAGE });
    repo.write('bun.lock', '{}\n');
    const init = wfo(repo.dir, ['init', '--no-hooks']);
    expect(init.stdout).toContain('audit: bun.lock is not a lockfile the audit gate reads');
  });
});
