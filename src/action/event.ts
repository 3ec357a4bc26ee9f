import { readFileSync } from 'node:fs';

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
