// Real repositories, real `git commit`, the hook installed by `wfo-gate install`. A staged
// .env file is the critical finding (env-ignore gate); secrets have their own file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/repo.js';
import { commitCount, expectBlockedBy, gitTry, hookRepo, packageSnapshot, treeFingerprint, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

function installedRepo(): TestRepo {
  const repo = hookRepo();
  const install = wfo(repo.dir, ['install']);
  expect(install.status, install.stderr).toBe(0);
  return repo;
}

describe('pre-commit hook', () => {
  it('blocks the first commit of a repo when it stages a .env file, creates no commit, and says what to do', () => {
    const repo = installedRepo();
    repo.write('app.js', 'console.log(1)\n');
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.');
    const result = gitTry(repo.dir, ['commit', '-m', 'first']);
    expectBlockedBy(result, '.env', 'env-file-tracked');
    expect(commitCount(repo)).toBe(0);
    expect(result.output).toMatch(/^ {2}\.env {2}env-file-tracked {2}/m);
    expect(result.output).toContain('wfo-gate pre-commit: BLOCKED');
    expect(result.output).toContain('git commit --no-verify');
    expect(result.output).toContain('WFO_GATE_SKIP=secrets,env-ignore');
    expect(result.output).toContain('wfo-gate-ignore: <rule> <reason>');
    expect(result.output).toMatch(/\d+(?: ms| s)/);
  });

  it('lets a clean commit through with a one-line ok', () => {
    const repo = installedRepo();
    repo.write('app.js', 'console.log(1)\n');
    repo.git('add', '.');
    const result = gitTry(repo.dir, ['commit', '-m', 'clean']);
    expect(result.status, result.output).toBe(0);
    expect(commitCount(repo)).toBe(1);
    expect(result.output).toMatch(/wfo-gate pre-commit: ok · secrets, env-ignore · 2 file\(s\)/);
  });

  it('judges the index, not the work tree: an unstaged .env does not block, a staged one does', () => {
    const repo = installedRepo();
    repo.commit('base', { 'app.js': 'a\n' });
    repo.write('app.js', 'a\nb\n');
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', 'app.js');
    expect(gitTry(repo.dir, ['commit', '-m', 'only app.js']).status).toBe(0);
    repo.git('add', '.env');
    expectBlockedBy(gitTry(repo.dir, ['commit', '-m', 'with .env']), '.env', 'env-file-tracked');
  });

  it('leaves the work tree and the index exactly as they were, blocked or not', () => {
    const repo = installedRepo();
    repo.commit('base', { 'app.js': 'one\ntwo\n', 'lib.js': 'x\n' });
    repo.write('app.js', 'one\nTWO\nthree\n');
    repo.git('add', 'app.js');
    repo.write('app.js', 'one\nTWO\nthree\nunstaged four\n');
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.env');
    repo.write('untracked.txt', 'u\n');
    const before = { tree: treeFingerprint(repo.dir), diff: repo.git('diff'), cached: repo.git('diff', '--cached'), index: readFileSync(join(repo.dir, '.git', 'index')) };

    const direct = wfo(repo.dir, ['hook', 'pre-commit']);
    expect(direct.status).toBe(1);
    expect(readFileSync(join(repo.dir, '.git', 'index')).equals(before.index)).toBe(true);

    expectBlockedBy(gitTry(repo.dir, ['commit', '-m', 'blocked']), '.env', 'env-file-tracked');
    expect(treeFingerprint(repo.dir)).toEqual(before.tree);
    expect(repo.git('diff')).toBe(before.diff);
    expect(repo.git('diff', '--cached')).toBe(before.cached);
  });

  it('judges what `git commit -a` and `git commit <path>` commit (git hands the hook a temporary index)', () => {
    const repo = installedRepo();
    repo.commit('base', { 'app.js': 'a\n' });
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'tracked .env, let through on purpose');
    repo.write('.env', 'TOKEN=changed\n');
    repo.write('app.js', 'a\nb\n');
    // -a stages the changed .env in git's temporary index: blocked.
    expectBlockedBy(gitTry(repo.dir, ['commit', '-a', '-m', 'all']), '.env', 'env-file-tracked');
    // Only app.js, though .env is staged in the real index: git's temporary index holds HEAD + app.js.
    repo.git('add', '.env');
    const partial = gitTry(repo.dir, ['commit', '-m', 'only app.js', '--', 'app.js']);
    expect(partial.status, partial.output).toBe(0);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('app.js');
  });

  it('WFO_GATE_SKIP skips the named gates for one commit, loudly', () => {
    const repo = installedRepo();
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.');
    const result = gitTry(repo.dir, ['commit', '-m', 'skip'], { WFO_GATE_SKIP: 'env-ignore' });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('!!! WFO_GATE_SKIP: env-ignore NOT checked for this commit. !!!');
  });
});
