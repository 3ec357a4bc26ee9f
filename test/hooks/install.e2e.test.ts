// `wfo-gate install | uninstall | doctor` on real repositories: chaining existing hooks, husky in
// a Node project, exact restoration, and the reasons hooks silently do not run.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TestRepo } from '../helpers/repo.js';
import { commitCount, expectBlockedBy, gitTry, hookRepo, packageSnapshot, treeFingerprint, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

const ORIGINAL_PRE_COMMIT = '#!/bin/sh\necho "ORIGINAL pre-commit ran"\nexit ${FAIL_ORIGINAL:-0}\n';
const ORIGINAL_PRE_PUSH = '#!/bin/sh\nwhile read line; do echo "ORIGINAL pre-push saw: $line"; done\n';

function withOriginalHooks(repo: TestRepo, dir = join(repo.dir, '.git', 'hooks')): void {
  mkdirSync(dir, { recursive: true });
  repo.write(join(dir, 'pre-commit').slice(repo.dir.length + 1), ORIGINAL_PRE_COMMIT);
  repo.write(join(dir, 'pre-push').slice(repo.dir.length + 1), ORIGINAL_PRE_PUSH);
  chmodSync(join(dir, 'pre-commit'), 0o755);
  chmodSync(join(dir, 'pre-push'), 0o750);
}

function snapshotOf(repo: TestRepo): { files: Record<string, string>; config: string } {
  return { files: treeFingerprint(repo.dir, new Set(['node_modules', 'objects', 'logs', 'refs', 'index', 'ORIG_HEAD', 'COMMIT_EDITMSG'])), config: repo.git('config', '--local', '--list') };
}

describe('install into .git/hooks that already has hooks', () => {
  it('chains them: the old hooks still run and their exit status counts; uninstall restores them byte for byte', () => {
    const repo = hookRepo();
    withOriginalHooks(repo);
    repo.commit('base', { 'app.js': 'a\n' });
    const before = snapshotOf(repo);

    const install = wfo(repo.dir, ['install']);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout).toContain('.git/hooks/pre-commit: runs the hook that was there');
    const installed = snapshotOf(repo);
    expect(wfo(repo.dir, ['install']).stdout).toContain('nothing to change');
    expect(snapshotOf(repo)).toEqual(installed);

    repo.write('lib.js', 'x\n');
    repo.git('add', 'lib.js');
    const commitsBefore = commitCount(repo);
    const refused = gitTry(repo.dir, ['commit', '-m', 'original says no'], { FAIL_ORIGINAL: '3' });
    // git's status for a refused hook is 1, whatever the hook's own was; the refusal is the old hook's.
    expect(refused.status, refused.output).toBe(1);
    expect(refused.output).toContain('ORIGINAL pre-commit ran');
    expect(refused.output).not.toContain('wfo-gate pre-commit: BLOCKED');
    expect(commitCount(repo)).toBe(commitsBefore);
    const ok = gitTry(repo.dir, ['commit', '-m', 'both say yes']);
    expect(ok.status, ok.output).toBe(0);
    expect(ok.output).toContain('ORIGINAL pre-commit ran');
    expect(ok.output).toContain('wfo-gate pre-commit: ok');
    repo.write('.env', 'T=1\n');
    repo.git('add', '.env');
    const blocked = gitTry(repo.dir, ['commit', '-m', 'wfo-gate says no']);
    expectBlockedBy(blocked, '.env', 'env-file-tracked');
    expect(blocked.output).toContain('ORIGINAL pre-commit ran');
    repo.git('rm', '-q', '--cached', '.env');

    // pre-push: both hooks read git's stdin.
    const remote = tempDir('wfo-remote-');
    gitTry(remote, ['init', '-q', '--bare']);
    repo.git('remote', 'add', 'origin', remote);
    const push = gitTry(repo.dir, ['push', 'origin', 'main']);
    expect(push.status, push.output).toBe(0);
    expect(push.output).toMatch(/ORIGINAL pre-push saw: refs\/heads\/main [0-9a-f]{40} refs\/heads\/main 0{40}/);
    expect(push.output).toContain('wfo-gate pre-push: ok');

    const uninstall = wfo(repo.dir, ['uninstall']);
    expect(uninstall.status, uninstall.stderr).toBe(0);
    repo.git('remote', 'remove', 'origin');
    const after = snapshotOf(repo);
    expect(after.files['.git/hooks/pre-commit']).toBe(before.files['.git/hooks/pre-commit']);
    expect(after.files['.git/hooks/pre-push']).toBe(before.files['.git/hooks/pre-push']);
    expect(Object.keys(after.files).filter((p) => p.includes('wfo-gate'))).toEqual([]);
    expect(readFileSync(join(repo.dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe(ORIGINAL_PRE_COMMIT);
  });

  it('chains inside core.hooksPath, and uninstall without a record still finds its own shims', () => {
    const repo = hookRepo();
    repo.git('config', 'core.hooksPath', '.githooks');
    withOriginalHooks(repo, join(repo.dir, '.githooks'));
    const before = snapshotOf(repo);
    const install = wfo(repo.dir, ['install']);
    expect(install.stdout).toContain('core.hooksPath is .githooks');
    expect(existsSync(join(repo.dir, '.githooks', 'pre-commit.wfo-gate-chained'))).toBe(true);
    repo.write('.env', 'T=1\n');
    repo.git('add', '.env');
    const blocked = gitTry(repo.dir, ['commit', '-m', 'x']);
    expectBlockedBy(blocked, '.env', 'env-file-tracked');
    expect(blocked.output).toContain('ORIGINAL pre-commit ran');
    // As on another clone of a repo whose .githooks were committed: no install record.
    rmSync(join(repo.dir, '.git', 'wfo-gate'), { recursive: true });
    const uninstall = wfo(repo.dir, ['uninstall']);
    expect(uninstall.stdout).toContain('.githooks/pre-commit: original hook restored');
    expect(snapshotOf(repo).files['.githooks/pre-commit']).toBe(before.files['.githooks/pre-commit']);
  });
});

describe('install with a core.hooksPath from the global config', () => {
  it('refuses to write into hooks every repository shares, and says what to do instead', () => {
    const repo = hookRepo();
    const shared = tempDir('wfo-global-hooks-');
    const globalConfig = join(tempDir('wfo-home-'), 'gitconfig');
    writeFileSync(globalConfig, `[core]\n\thooksPath = ${shared}\n`);
    const install = wfo(repo.dir, ['install'], { GIT_CONFIG_GLOBAL: globalConfig });
    expect(install.status).toBe(2);
    expect(install.stderr).toContain('comes from your global git config');
    expect(install.stderr).toContain('git config --local core.hooksPath .git/hooks && wfo-gate install');
    expect(readdirSync(shared)).toEqual([]);
  });
});

describe('install in a Node project: husky', () => {
  const PACKAGE = { name: 'demo', version: '1.0.0', scripts: { prepare: 'echo prepared', test: 'true' }, devDependencies: { typescript: '5.9.3' } };

  function huskyRepo(): TestRepo {
    const repo = hookRepo({ packages: ['wfo-gate', 'husky'], packageJson: PACKAGE });
    repo.write('.husky/pre-commit', 'echo "EXISTING husky line ran"\n');
    repo.commit('base', { 'app.js': 'a\n' });
    return repo;
  }

  it('sets husky up as `husky init` would, keeps existing lines, blocks through husky, and uninstall restores every byte', () => {
    const repo = huskyRepo();
    const before = snapshotOf(repo);
    const install = wfo(repo.dir, ['install']);
    expect(install.status, install.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.husky).toMatch(/^\^9/);
    expect(pkg.scripts.prepare).toBe('echo prepared && husky');
    expect(readFileSync(join(repo.dir, '.husky', 'pre-commit'), 'utf8')).toBe('echo "EXISTING husky line ran"\nwfo-gate hook pre-commit\n');
    expect(readFileSync(join(repo.dir, '.husky', 'pre-push'), 'utf8')).toBe('wfo-gate hook pre-push "$@"\n');
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    const installed = snapshotOf(repo);
    expect(wfo(repo.dir, ['install']).stdout).toContain('nothing to change');
    expect(snapshotOf(repo)).toEqual(installed);

    repo.write('.env', 'T=1\n');
    repo.git('add', '.env');
    const blocked = gitTry(repo.dir, ['commit', '-m', 'x']);
    expectBlockedBy(blocked, '.env', 'env-file-tracked');
    expect(blocked.output).toContain('EXISTING husky line ran');
    expect(commitCount(repo)).toBe(1);
    repo.git('rm', '-q', '--cached', '.env');
    rmSync(join(repo.dir, '.env'));

    const doctor = wfo(repo.dir, ['doctor']);
    expect(doctor.status, doctor.stdout).toBe(0);

    expect(wfo(repo.dir, ['uninstall']).status).toBe(0);
    expect(snapshotOf(repo)).toEqual(before);
  });

  it('doctor: a new linked worktree lacks husky\'s ignored .husky/_, so no hook runs there; it says so and how to fix it', () => {
    const repo = huskyRepo();
    expect(wfo(repo.dir, ['install']).status).toBe(0);
    repo.git('add', '.husky', 'package.json');
    repo.git('commit', '-q', '--no-verify', '-m', 'husky');
    const worktree = join(tempDir('wfo-wt-'), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    mkdirSync(join(worktree, 'node_modules'));
    symlinkSync(join(repo.dir, 'node_modules', '.bin'), join(worktree, 'node_modules', '.bin'));
    const doctor = wfo(worktree, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(/pre-commit: core\.hooksPath is \.husky\/_ but \.husky\/_\/pre-commit does not exist/);
    expect(doctor.stdout).toContain('fix: npx husky');
  });
});

describe('doctor with husky', () => {
  it('names a fresh clone where husky was never turned on (.husky/ calls wfo-gate, core.hooksPath unset)', () => {
    const repo = hookRepo({ packages: ['wfo-gate', 'husky'], packageJson: { name: 'demo', version: '1.0.0' } });
    expect(wfo(repo.dir, ['install']).status).toBe(0);
    repo.git('config', '--unset', 'core.hooksPath');
    const doctor = wfo(repo.dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(/pre-commit: \.husky\/pre-commit calls wfo-gate, but husky is not active here/);
    expect(doctor.stdout).toContain('fix: npx husky');
  });

  it('names a package manager that blocks install scripts (husky would not turn on after a fresh clone)', () => {
    const repo = hookRepo({ packages: ['wfo-gate', 'husky'], packageJson: { name: 'demo', version: '1.0.0' } });
    expect(wfo(repo.dir, ['install']).status).toBe(0);
    expect(wfo(repo.dir, ['doctor']).status).toBe(0);
    repo.write('.npmrc', 'ignore-scripts=true\n');
    const doctor = wfo(repo.dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain('install scripts are blocked (.npmrc has ignore-scripts=true)');
    expect(doctor.stdout).toContain('fix: npx husky');
  });
});

describe('doctor on plain hooks', () => {
  it('passes when installed, and names a hook git would skip with the chmod that fixes it', () => {
    const repo = hookRepo();
    expect(wfo(repo.dir, ['doctor']).status).toBe(1);
    expect(wfo(repo.dir, ['install']).status).toBe(0);
    const good = wfo(repo.dir, ['doctor']);
    expect(good.status, good.stdout).toBe(0);
    expect(good.stdout).toContain('all good');
    chmodSync(join(repo.dir, '.git', 'hooks', 'pre-push'), 0o644);
    const bad = wfo(repo.dir, ['doctor']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('fix: chmod +x .git/hooks/pre-push');
  });

  it('a hook run with a thin PATH (no node on it) still finds node through the path recorded at install', () => {
    const repo = hookRepo();
    expect(wfo(repo.dir, ['install']).status).toBe(0);
    const bin = tempDir('wfo-bin-');
    const gitBinary = gitTry(repo.dir, ['--exec-path']).output.trim();
    symlinkSync(join(gitBinary, 'git'), join(bin, 'git'));
    repo.write('.env', 'T=1\n');
    repo.git('add', '.env');
    const result = gitTry(repo.dir, ['commit', '-m', 'x'], { PATH: bin });
    expectBlockedBy(result, '.env', 'env-file-tracked');
  });
});
