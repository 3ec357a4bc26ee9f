import type { PullRequestInfo } from './event.js';

export const COMMENT_MARKER = '<!-- wfo-gate:pr-comment -->';
// GitHub rejects comment bodies over 65,536 characters with a 422 at run time.
export const COMMENT_LIMIT = 65_536;

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped'; reason: string }
  | { action: 'failed'; reason: string };

interface IssueComment {
  id: number;
  body?: string | null;
}

/** The few REST calls the sticky comment needs; Octokit's `rest.issues` satisfies it. */
export interface CommentsApi {
  list(pr: PullRequestInfo): Promise<IssueComment[]>;
  create(pr: PullRequestInfo, body: string): Promise<IssueComment>;
  update(pr: PullRequestInfo, id: number, body: string): Promise<IssueComment>;
}

export async function octokitCommentsApi(token: string): Promise<CommentsApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token);
  return {
    list: (pr) => octokit.paginate(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 }),
    create: async (pr, body) => (await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body })).data,
    update: async (pr, id, body) => (await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body })).data,
  };
}

/**
 * Keeps exactly one wfo-gate comment on the PR: found by its hidden marker, updated in place,
 * left alone when the body has not changed. API failures are reported, never thrown: the
 * verdict must not depend on whether a comment could be written.
 */
export async function upsertComment(api: CommentsApi, pr: PullRequestInfo, markdown: string): Promise<CommentOutcome> {
  const body = `${COMMENT_MARKER}\n${markdown}`;
  try {
    const existing = (await api.list(pr)).find((c) => c.body?.includes(COMMENT_MARKER));
    if (!existing) return { action: 'created', id: (await api.create(pr, body)).id };
    if (existing.body === body) return { action: 'unchanged', id: existing.id };
    return { action: 'updated', id: (await api.update(pr, existing.id, body)).id };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) {
      return { action: 'skipped', reason: `the token cannot write PR comments (HTTP ${status}); grant \`pull-requests: write\` in the workflow's permissions (a PR from a fork only ever gets a read-only token)` };
    }
    return { action: 'failed', reason: `the GitHub API answered ${status ?? 'with an error'}: ${(error as Error).message}` };
  }
}
