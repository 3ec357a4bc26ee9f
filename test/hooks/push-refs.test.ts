import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { describeRef, parsePushLines, planPush, refsFromPreCommitFramework } from '../../src/hooks/push-refs.js';
import { applySkip } from '../../src/hooks/skip.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);
const A256 = 'c'.repeat(64);
const Z256 = '0'.repeat(64);

describe('pre-push stdin', () => {
  it('parses SHA-1 and SHA-256 lines, blank lines and CRLF included', () => {
    const updates = parsePushLines(`refs/heads/main ${A} refs/heads/main ${B}\r\n\nrefs/heads/x ${A256} refs/heads/x ${Z256}\n`);
    expect(updates).toEqual([
      { localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main', remoteSha: B },
      { localRef: 'refs/heads/x', localSha: A256, remoteRef: 'refs/heads/x', remoteSha: Z256 },
    ]);
  });

  it('reads no refs from empty input (git runs the hook even when everything is up to date)', () => {
    expect(parsePushLines('')).toEqual([]);
  });

  it('refuses a malformed line with its number instead of guessing', () => {
    expect(() => parsePushLines(`refs/heads/main ${A} refs/heads/main\n`)).toThrow(UsageError);
    expect(() => parsePushLines(`\nrefs/heads/main xyz refs/heads/main ${B}`)).toThrow(/line 2/);
  });
});

describe('which commits a pushed ref brings', () => {
  it('an update: local minus what the remote has, including the sha it replaces', () => {
    const plan = planPush({ localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main', remoteSha: B }, 'origin', true);
    expect(plan).toMatchObject({ kind: 'update', tip: A, revArgs: [A, '--not', '--remotes=origin', B] });
  });

  it('an update whose old sha is not here (someone else pushed) is bounded by the remote-tracking refs only', () => {
    const plan = planPush({ localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main', remoteSha: B }, 'origin', false);
    expect(plan).toMatchObject({ kind: 'update', revArgs: [A, '--not', '--remotes=origin'] });
  });

  it('a new branch or tag (all-zero remote id, either length): commits no ref of that remote reaches', () => {
    expect(planPush({ localRef: 'refs/tags/v1', localSha: A256, remoteRef: 'refs/tags/v1', remoteSha: Z256 }, 'up', false)).toMatchObject({
      kind: 'new',
      revArgs: [A256, '--not', '--remotes=up'],
    });
  });

  it('a deletion (all-zero local id): nothing', () => {
    expect(planPush({ localRef: '(delete)', localSha: Z, remoteRef: 'refs/heads/old', remoteSha: B }, 'origin', true).kind).toBe('delete');
  });

  it('names refs for people', () => {
    expect(describeRef('refs/heads/feature/x')).toBe('feature/x');
    expect(describeRef('refs/tags/v1.0')).toBe('tag v1.0');
    expect(describeRef('refs/notes/commits')).toBe('refs/notes/commits');
  });
});

describe('pre-commit framework pre-push variables', () => {
  it('become the stdin line git would have sent', () => {
    const env = { PRE_COMMIT_FROM_REF: B, PRE_COMMIT_TO_REF: A, PRE_COMMIT_REMOTE_NAME: 'up', PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/f', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/f' };
    const input = refsFromPreCommitFramework(env)!;
    expect(input.remote).toBe('up');
    expect(parsePushLines(input.refs)).toEqual([{ localRef: 'refs/heads/f', localSha: A, remoteRef: 'refs/heads/f', remoteSha: B }]);
  });

  it('without a from-ref the push counts as new; without the variables there is nothing', () => {
    expect(parsePushLines(refsFromPreCommitFramework({ PRE_COMMIT_TO_REF: A })!.refs)[0].remoteSha).toBe(Z);
    expect(refsFromPreCommitFramework({})).toBeUndefined();
  });
});

describe('WFO_GATE_SKIP', () => {
  it('skips the named gates, keeps the rest, and reports names that are no gate', () => {
    expect(applySkip(['secrets', 'env-ignore'], ' secrets , typo')).toEqual({ run: ['env-ignore'], skipped: ['secrets'], unknown: ['typo'] });
  });

  it('skips everything with all, nothing when unset', () => {
    expect(applySkip(['secrets', 'env-ignore'], 'all').run).toEqual([]);
    expect(applySkip(['secrets', 'env-ignore'], undefined)).toEqual({ run: ['secrets', 'env-ignore'], skipped: [], unknown: [] });
  });
});
