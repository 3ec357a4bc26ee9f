// The pre-commit hook in the git situations that break hook tools: amend, merge conflict
// resolutions, cherry-picks, `rebase -i --exec`, renames, deletions and a 10,000-file commit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/repo.js';
import { commitCount, expectBlockedBy, gitTry, hookRepo, packageSnapshot, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

function installedRepo(): TestRepo {
  const repo = hookRepo();
  expect(wfo(repo.dir, ['install']).status).toBe(0);
  repo.commit('base', { 'app.js': 'a\n', 'notes.txt': 'n\n' });
  return repo;
}

function stageEnv(repo: TestRepo, path = '.env'): void {
  repo.write(path, 'TOKEN=abc\n');
  repo.git('add', path);
}

describe('pre-commit hook in git situations', () => {
  it('--amend: judges what the amended commit will hold', () => {
    const repo = installedRepo();
    stageEnv(repo);
    expectBlockedBy(gitTry(repo.dir, ['commit', '--amend', '--no-edit']), '.env', 'env-file-tracked');
    repo.git('rm', '-q', '--cached', '.env');
    repo.write('app.js', 'a\nb\n');
    repo.git('add', 'app.js');
    const amend = gitTry(repo.dir, ['commit', '--amend', '--no-edit']);
    expect(amend.status, amend.output).toBe(0);
    expect(commitCount(repo)).toBe(1);
  });

  it('a merge whose conflict resolution is committed: through when clean, blocked when it stages a .env', () => {
    const repo = installedRepo();
    repo.git('switch', '-q', '-c', 'other');
    repo.commit('other side', { 'app.js': 'other\n' });
    repo.git('switch', '-q', 'main');
    repo.commit('main side', { 'app.js': 'main\n' });
    const conflict = gitTry(repo.dir, ['merge', 'other']);
    expect(conflict.status, conflict.output).toBe(1);
    expect(conflict.output).toContain('CONFLICT (content): Merge conflict in app.js');
    repo.write('app.js', 'resolved\n');
    repo.git('add', 'app.js');
    stageEnv(repo);
    expectBlockedBy(gitTry(repo.dir, ['commit', '--no-edit']), '.env', 'env-file-tracked');
    repo.git('rm', '-q', '--cached', '.env');
    const merge = gitTry(repo.dir, ['commit', '--no-edit']);
    expect(merge.status, merge.output).toBe(0);
    expect(repo.git('rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
  });

  it('cherry-picks: a picked clean commit goes through; a picked .env is stopped when committed', () => {
    const repo = installedRepo();
    repo.git('switch', '-q', '-c', 'source');
    const clean = repo.commit('clean', { 'lib.js': 'x\n' });
    stageEnv(repo);
    repo.git('commit', '-q', '--no-verify', '-m', 'bad');
    const bad = repo.git('rev-parse', 'HEAD').trim();
    repo.git('switch', '-q', 'main');
    expect(gitTry(repo.dir, ['cherry-pick', clean]).status).toBe(0);
    expect(gitTry(repo.dir, ['cherry-pick', '-n', bad]).status).toBe(0);
    expectBlockedBy(gitTry(repo.dir, ['commit', '-m', 'picked']), '.env', 'env-file-tracked');
  });

  it('`git rebase -i --exec` amending each commit runs the hook on a detached HEAD', () => {
    const repo = installedRepo();
    repo.commit('two', { 'b.js': 'b\n' });
    repo.commit('three', { 'c.js': 'c\n' });
    const rebase = gitTry(repo.dir, ['rebase', '-i', '--exec', 'git commit --amend --no-edit --allow-empty', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: 'true' });
    expect(rebase.status, rebase.output).toBe(0);
    expect(rebase.output).toContain('wfo-gate pre-commit: ok');
    expect(commitCount(repo)).toBe(3);
  });

  it('renames: a moved clean file goes through; a file renamed to .env is stopped', () => {
    const repo = installedRepo();
    repo.git('mv', 'app.js', 'src-app.js');
    expect(gitTry(repo.dir, ['commit', '-m', 'move']).status).toBe(0);
    repo.git('mv', 'notes.txt', '.env');
    expectBlockedBy(gitTry(repo.dir, ['commit', '-m', 'rename to .env']), '.env', 'env-file-tracked');
  });

  it('deletions: removing a tracked .env is never blocked', () => {
    const repo = installedRepo();
    stageEnv(repo);
    repo.git('commit', '-q', '--no-verify', '-m', 'mistake');
    repo.git('rm', '-q', '.env');
    const result = gitTry(repo.dir, ['commit', '-m', 'remove .env']);
    expect(result.status, result.output).toBe(0);
  });

  it('a commit of 10,000 files', () => {
    const repo = installedRepo();
    for (let i = 0; i < 10_000; i++) repo.write(`gen/d${i % 100}/f${i}.js`, `export const v${i} = ${i};\n`);
    repo.git('add', 'gen');
    stageEnv(repo, 'gen/d7/.env');
    const blocked = gitTry(repo.dir, ['commit', '-q', '-m', 'many with .env']);
    expectBlockedBy(blocked, 'gen/d7/.env', 'env-file-tracked');
    repo.git('rm', '-q', '--cached', 'gen/d7/.env');
    const clean = gitTry(repo.dir, ['commit', '-q', '-m', 'many']);
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toContain('10000 file(s)');
  }, 300_000);
});
