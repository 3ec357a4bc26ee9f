// The hooks with the secrets gate: planted keys (assembled at run time) in the index and in
// pushed history. No output may ever hold a planted value.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/repo.js';
import { commitCount, expectBlockedBy, expectPushBlockedBy, gitTry, hookRepo, packageSnapshot, PLANTED_AWS_KEY_ID, treeFingerprint, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

const SECOND_KEY_ID = ['AKIA', 'ZZ3GRZ7NBX4TYUPQ'].join('');

function installedRepo(): TestRepo {
  const repo = hookRepo();
  expect(wfo(repo.dir, ['install']).status).toBe(0);
  repo.commit('base', { 'app.js': 'export const a = 1;\n' });
  return repo;
}

function expectNoSecret(output: string): void {
  expect(output).not.toContain(PLANTED_AWS_KEY_ID);
  expect(output).not.toContain(SECOND_KEY_ID);
}

describe('pre-commit with the secrets gate', () => {
  it('blocks a staged key, creates no commit, shows file:line, rule and a redacted preview only', () => {
    const repo = installedRepo();
    repo.write('config.js', `export const key = "${PLANTED_AWS_KEY_ID}";\n`);
    repo.git('add', 'config.js');
    const result = gitTry(repo.dir, ['commit', '-m', 'leak']);
    expectBlockedBy(result, 'config.js:1', 'aws-access-key-id');
    expect(commitCount(repo)).toBe(1);
    expect(result.output).toMatch(/^ {2}config\.js:1 {2}aws-access-key-id {2}AKIA…/m);
    expectNoSecret(result.output);
  });

  it('only added lines block; a key already in the file is listed as existing', () => {
    const repo = installedRepo();
    repo.write('old.js', `const old = "${PLANTED_AWS_KEY_ID}";\n`);
    repo.git('add', 'old.js');
    repo.git('commit', '-q', '--no-verify', '-m', 'history we live with');
    repo.write('old.js', `const old = "${PLANTED_AWS_KEY_ID}";\nconst more = 2;\n`);
    repo.git('add', 'old.js');
    const through = gitTry(repo.dir, ['commit', '-m', 'unrelated line']);
    expect(through.status, through.output).toBe(0);
    repo.write('old.js', `const old = "${PLANTED_AWS_KEY_ID}";\nconst more = 2;\nconst fresh = "${SECOND_KEY_ID}";\n`);
    repo.git('add', 'old.js');
    const blocked = gitTry(repo.dir, ['commit', '-m', 'new key']);
    expectBlockedBy(blocked, 'old.js:3', 'aws-access-key-id');
    expect(blocked.output).toMatch(/^ {2}old\.js:3 {2}aws-access-key-id .*critical$/m);
    expect(blocked.output).toMatch(/existing before this change[\s\S]*old\.js:1 {2}aws-access-key-id .*existing/);
    expectNoSecret(blocked.output);
  });

  it('a partly staged file is judged by its staged lines, and the hook changes neither work tree nor index', () => {
    const repo = installedRepo();
    // Key only in the work tree: the commit (index) is clean.
    repo.write('app.js', 'export const a = 1;\nexport const b = 2;\n');
    repo.git('add', 'app.js');
    repo.write('app.js', `export const a = 1;\nexport const b = 2;\nexport const k = "${PLANTED_AWS_KEY_ID}";\n`);
    const clean = gitTry(repo.dir, ['commit', '-m', 'staged part is clean']);
    expect(clean.status, clean.output).toBe(0);
    // Key staged, then deleted in the work tree only: the commit would carry it.
    repo.git('add', 'app.js');
    repo.write('app.js', 'export const a = 1;\nexport const b = 2;\n');
    const before = { tree: treeFingerprint(repo.dir), diff: repo.git('diff'), cached: repo.git('diff', '--cached') };
    const blocked = gitTry(repo.dir, ['commit', '-m', 'staged part has the key']);
    expectBlockedBy(blocked, 'app.js:3', 'aws-access-key-id');
    expect({ tree: treeFingerprint(repo.dir), diff: repo.git('diff'), cached: repo.git('diff', '--cached') }).toEqual(before);
  });

  it('a false positive marked `wfo-gate-ignore: <rule> <reason>` goes through', () => {
    const repo = installedRepo();
    repo.write('fixture.js', `// wfo-gate-ignore: aws-access-key-id documentation sample\nexport const k = "${PLANTED_AWS_KEY_ID}";\n`);
    repo.git('add', 'fixture.js');
    const result = gitTry(repo.dir, ['commit', '-m', 'fixture']);
    expect(result.status, result.output).toBe(0);
  });
});

describe('pre-push with the secrets gate', () => {
  it('refuses a range where one commit added a key and the next removed it, naming the commit; the remote is unchanged', () => {
    const remote = makeRepo({ bare: true });
    const repo = installedRepo();
    repo.git('remote', 'add', 'origin', remote.dir);
    repo.git('push', '-q', 'origin', 'main');
    const before = remote.git('for-each-ref');
    repo.write('config.js', `export const key = "${PLANTED_AWS_KEY_ID}";\n`);
    repo.git('add', 'config.js');
    repo.git('commit', '-q', '--no-verify', '-m', 'add key');
    const leaking = repo.git('rev-parse', 'HEAD').trim();
    repo.write('config.js', 'export const key = process.env.KEY;\n');
    repo.commit('remove key again');
    const push = gitTry(repo.dir, ['push', 'origin', 'main']);
    expectPushBlockedBy(push, 'config.js:1', 'aws-access-key-id', leaking);
    expect(push.output).toContain('git rebase -i');
    expectNoSecret(push.output);
    expect(remote.git('for-each-ref')).toBe(before);
  });
});
