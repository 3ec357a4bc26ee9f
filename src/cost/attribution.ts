// Which change a spend belongs to: the branch (and repository) it was made on.
import { getConfig } from '../core/git.js';
import type { FeatureLine } from './types.js';

/** The feature of spend that has no branch and no feature named for it. */
export const UNATTRIBUTED = '(unattributed)';

/** `https://github.com/acme/app.git`, `git@github.com:acme/app` -> `acme/app`; anything else as it is. */
export function normaliseRepository(url: string): string {
  const path = url
    .trim()
    .replace(/^[a-z+]+:\/\/(?:[^@/]+@)?[^/]+\//i, '')
    .replace(/^[^@/:]+@[^:]+:/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? parts.slice(-2).join('/') : url.trim();
}

/** The repository's `origin` as `owner/name`, or undefined. */
export async function repositoryOf(root: string | undefined): Promise<string | undefined> {
  if (!root) return undefined;
  const url = await getConfig(root, 'remote.origin.url');
  return url ? normaliseRepository(url) : undefined;
}

/**
 * True when the line was spent on `branch`: recorded on it, or recorded with no branch and
 * charged to a feature of that name. With `repository`, a line made in another repository is not.
 */
export function spentOn(entry: FeatureLine, branch: string, repository?: string): boolean {
  if (repository && entry.repository && entry.repository.toLowerCase() !== repository.toLowerCase()) return false;
  return entry.branch !== undefined ? entry.branch === branch : (entry.feature ?? entry.task) === branch;
}
