import type { RepoInfo } from '../core/git.js';

export interface InstallOutcome {
  messages: string[];
}

export async function installHooks(repo: RepoInfo): Promise<InstallOutcome> {
  void repo;
  return { messages: ['hooks: not installed yet (coming with the hooks work)'] };
}
