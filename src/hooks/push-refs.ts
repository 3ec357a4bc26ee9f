// What git hands a pre-push hook on stdin, and which commits each pushed ref brings.
import { UsageError } from '../core/errors.js';

export interface RefUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** A commit selection for one pushed ref: rev-list arguments and the tip they end at. */
export type PushPlan =
  | { kind: 'delete'; update: RefUpdate }
  | { kind: 'new' | 'update'; update: RefUpdate; tip: string; revArgs: string[] };

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ALL_ZERO = /^0+$/;

export const isZeroId = (id: string): boolean => ALL_ZERO.test(id);

/** Parses `<local ref> <local sha> <remote ref> <remote sha>` lines (SHA-1 or SHA-256 ids). */
export function parsePushLines(text: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    if (!line) return;
    const fields = line.split(/\s+/);
    const [localRef, localSha, remoteRef, remoteSha] = fields;
    if (fields.length !== 4 || !OBJECT_ID.test(localSha) || !OBJECT_ID.test(remoteSha)) {
      throw new UsageError(`pre-push: line ${index + 1} of the refs git sent is not "<local ref> <local sha> <remote ref> <remote sha>"`, [
        'This command is meant to be run by git as a pre-push hook (`wfo-gate install` sets that up).',
      ]);
    }
    updates.push({ localRef, localSha, remoteRef, remoteSha });
  });
  return updates;
}

/**
 * The commits a ref update brings to `remote`: for an update `remote..local`, for a new ref
 * (branch or tag) everything not reachable from a ref of that remote, for a deletion nothing.
 * Commits the remote already has (its remote-tracking refs, the sha being replaced) are never
 * listed twice. `remoteShaKnown` says whether the replaced sha exists locally (it may not, after
 * someone else pushed): then only the remote-tracking refs bound the range.
 */
export function planPush(update: RefUpdate, remote: string, remoteShaKnown: boolean): PushPlan {
  if (isZeroId(update.localSha)) return { kind: 'delete', update };
  const isNew = isZeroId(update.remoteSha);
  const exclude = [`--remotes=${remote}`, ...(!isNew && remoteShaKnown ? [update.remoteSha] : [])];
  return { kind: isNew ? 'new' : 'update', update, tip: update.localSha, revArgs: [update.localSha, '--not', ...exclude] };
}

/** `refs/heads/main` -> `main`, `refs/tags/v1` -> `tag v1`, for messages. */
export function describeRef(ref: string): string {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref.startsWith('refs/tags/')) return `tag ${ref.slice('refs/tags/'.length)}`;
  return ref;
}

/**
 * The pre-commit framework runs pre-push hooks without git's stdin and passes the range in
 * PRE_COMMIT_* variables instead (FROM_REF: what the remote has, or the parent of the first new
 * commit). Returns the equivalent stdin line, or undefined when those variables are not set.
 */
export function refsFromPreCommitFramework(env: NodeJS.ProcessEnv): { refs: string; remote?: string } | undefined {
  const to = env.PRE_COMMIT_TO_REF;
  if (!to) return undefined;
  const from = env.PRE_COMMIT_FROM_REF && OBJECT_ID.test(env.PRE_COMMIT_FROM_REF) ? env.PRE_COMMIT_FROM_REF : '0'.repeat(to.length);
  const local = env.PRE_COMMIT_LOCAL_BRANCH || 'HEAD';
  const remoteRef = env.PRE_COMMIT_REMOTE_BRANCH || local;
  return { refs: `${local} ${to} ${remoteRef} ${from}\n`, remote: env.PRE_COMMIT_REMOTE_NAME };
}
