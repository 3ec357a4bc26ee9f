// Real `git push` to a local bare remote, the hook installed by `wfo-gate install`.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/repo.js';
import { expectPushBlockedBy, gitTry, hookRepo, packageSnapshot, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

interface PushSetup {
  repo: TestRepo;
  remote: TestRepo;
}

/** A clone-like pair: the local repo with hooks installed and `origin` pointing at a bare repo holding main. */
function pushSetup(): PushSetup {
  const remote = makeRepo({ bare: true });
  const repo = hookRepo();
  expect(wfo(repo.dir, ['install']).status).toBe(0);
  repo.commit('base', { 'app.js': 'a\n' });
  repo.git('remote', 'add', 'origin', remote.dir);
  repo.git('push', '-q', 'origin', 'main');
  return { repo, remote };
}

const remoteRefs = (remote: TestRepo) => remote.git('for-each-ref', '--format=%(refname) %(objectname)');

describe('pre-push hook', () => {
  it('refuses a push whose range brings a .env file and leaves the remote unchanged', () => {
    const { repo, remote } = pushSetup();
    const before = remoteRefs(remote);
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'sneaks past pre-commit');
    repo.commit('later', { 'app.js': 'a\nb\n' });
    const push = gitTry(repo.dir, ['push', 'origin', 'main']);
    expectPushBlockedBy(push, '.env', 'env-file-tracked');
    expect(push.output).toContain('git push --no-verify');
    expect(remoteRefs(remote)).toBe(before);
  });

  it('lets a clean update through', () => {
    const { repo, remote } = pushSetup();
    repo.commit('more', { 'lib.js': 'x\n' });
    const push = gitTry(repo.dir, ['push', 'origin', 'main']);
    expect(push.status, push.output).toBe(0);
    expect(push.output).toMatch(/wfo-gate pre-push: ok/);
    expect(remoteRefs(remote)).toContain(repo.git('rev-parse', 'HEAD').trim());
  });

  it('a new branch is judged only by the commits the remote has not got', () => {
    const { repo, remote } = pushSetup();
    // A .env already on the remote (pushed past the hook) is not the new branch's doing.
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'old mistake');
    repo.git('push', '-q', '--no-verify', 'origin', 'main');
    repo.git('switch', '-q', '-c', 'feature');
    repo.commit('feature work', { 'feature.js': 'f\n' });
    const clean = gitTry(repo.dir, ['push', 'origin', 'feature']);
    expect(clean.status, clean.output).toBe(0);

    repo.git('switch', '-q', '-c', 'feature2', 'main');
    repo.write('config/.env', 'TOKEN=abc\n');
    repo.git('add', 'config/.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'new mistake');
    const dirty = gitTry(repo.dir, ['push', 'origin', 'feature2']);
    expectPushBlockedBy(dirty, 'config/.env', 'env-file-tracked');
    // Only the new mistake: the .env main already has on the remote is not this branch's.
    expect(dirty.output).not.toMatch(/^ {2}\.env\b/m);
    expect(remoteRefs(remote)).not.toContain('refs/heads/feature2');
  });

  it('a deletion checks nothing, even of a branch that holds a finding', () => {
    const { repo, remote } = pushSetup();
    repo.git('switch', '-q', '-c', 'bad');
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'bad');
    repo.git('push', '-q', '--no-verify', 'origin', 'bad');
    const push = gitTry(repo.dir, ['push', 'origin', ':bad']);
    expect(push.status, push.output).toBe(0);
    expect(push.output).toContain('bad: deleted on origin, nothing to check');
    expect(remoteRefs(remote)).not.toContain('refs/heads/bad');
  });

  it('a tag brings its commits: refused when they hold a finding, through when the remote has them', () => {
    const { repo, remote } = pushSetup();
    repo.git('tag', '-a', 'v1', '-m', 'release');
    const onRemote = gitTry(repo.dir, ['push', 'origin', 'v1']);
    expect(onRemote.status, onRemote.output).toBe(0);

    repo.git('switch', '-q', '--detach');
    repo.write('.env', 'TOKEN=abc\n');
    repo.git('add', '.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'only reachable from the tag');
    repo.git('tag', 'v2');
    const brings = gitTry(repo.dir, ['push', 'origin', 'v2']);
    expectPushBlockedBy(brings, '.env', 'env-file-tracked');
    expect(brings.output).toContain('tag v2');
    expect(remoteRefs(remote)).not.toContain('refs/tags/v2');
  });

  it('passes an up-to-date push (git runs the hook with no refs)', () => {
    const { repo } = pushSetup();
    const push = gitTry(repo.dir, ['push', 'origin', 'main']);
    expect(push.status, push.output).toBe(0);
  });

  it('answers malformed input with a usage error, not a pass', () => {
    const { repo } = pushSetup();
    const result = wfo(repo.dir, ['hook', 'pre-push', 'origin', 'x'], {}, 'refs/heads/main nonsense\n');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('line 1');
  });
});
