import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';

export interface PullRequestInfo {
  number: number;
  owner: string;
  repo: string;
  baseSha: string;
  baseRef: string;
  headSha: string;
  headRef: string;
  /** A PR from a fork: the workflow token is read-only, so no comment can be written. */
  fromFork: boolean;
}

/** The pull request of the event that started the workflow, or undefined for other events. */
export function readPullRequest(eventPath: string | undefined, repository: string | undefined): PullRequestInfo | undefined {
  if (!eventPath) return undefined;
  let payload: any;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload at ${eventPath}: ${(error as Error).message}`);
  }
  const pr = payload?.pull_request;
  if (!pr) return undefined;
  const [owner, repo] = (payload.repository?.full_name ?? repository ?? '/').split('/');
  const baseRepo = pr.base?.repo?.full_name;
  const headRepo = pr.head?.repo?.full_name;
  return {
    number: pr.number ?? payload.number,
    owner,
    repo,
    baseSha: pr.base?.sha,
    baseRef: pr.base?.ref,
    headSha: pr.head?.sha,
    headRef: pr.head?.ref,
    fromFork: Boolean(baseRepo && headRepo && baseRepo !== headRepo),
  };
}

const ZERO_SHA = /^0+$/;

/** What the workflow's event asks wfo-gate to check. */
export type EventScope =
  | { kind: 'pull_request'; pr: PullRequestInfo }
  /** A push: the pushed commits. `created`: a new branch (no `before`); `forced`: a force-push. */
  | { kind: 'push'; before?: string; after: string; ref: string; created: boolean; forced: boolean; deleted: boolean; defaultBranch?: string }
  | { kind: 'merge_group'; baseSha: string; headSha: string; baseRef?: string }
  /** workflow_dispatch, schedule and every other event: the whole tree. */
  | { kind: 'whole-tree'; event: string };

/**
 * The event that started the workflow (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH), as a scope to
 * check. `pull_request_target` is refused: it runs with the base repository's write token and
 * secrets, and a run that checks out the PR's head there hands both to the PR's code.
 */
export function readEventScope(eventName: string | undefined, eventPath: string | undefined, repository: string | undefined): EventScope {
  if (eventName === 'pull_request_target') {
    throw new UsageError('wfo-gate does not run on pull_request_target: that event has a write token and the repository secrets, and checking out the pull request there hands them to its code', [
      'Run wfo-gate `on: pull_request` instead: the job gets a read-only token for a PR from a fork, so the comment is skipped, and the job summary and annotations still carry the verdict.',
      'To comment on fork PRs too, let the `pull_request` job upload its JSON report as an artifact and post it from a separate `on: workflow_run` workflow with `mode: merge`, which only reads reports and never checks out or runs the PR.',
    ]);
  }
  const payload = readPayload(eventPath);
  const name = eventName ?? (payload?.pull_request ? 'pull_request' : 'unknown');
  if (name === 'pull_request' || (payload?.pull_request && !eventName)) {
    const pr = readPullRequest(eventPath, repository);
    if (pr) return { kind: 'pull_request', pr };
  }
  if (name === 'push' && payload?.after) {
    const before = typeof payload.before === 'string' && !ZERO_SHA.test(payload.before) ? payload.before : undefined;
    return {
      kind: 'push',
      before,
      after: payload.after,
      ref: payload.ref ?? '',
      created: Boolean(payload.created) || before === undefined,
      forced: Boolean(payload.forced),
      deleted: Boolean(payload.deleted) || ZERO_SHA.test(payload.after),
      defaultBranch: payload.repository?.default_branch ?? payload.repository?.master_branch,
    };
  }
  if (name === 'merge_group' && payload?.merge_group?.base_sha && payload.merge_group.head_sha) {
    return { kind: 'merge_group', baseSha: payload.merge_group.base_sha, headSha: payload.merge_group.head_sha, baseRef: payload.merge_group.base_ref };
  }
  return { kind: 'whole-tree', event: name };
}

function readPayload(eventPath: string | undefined): any {
  if (!eventPath) return undefined;
  try {
    return JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload at ${eventPath}: ${(error as Error).message}`);
  }
}
