import { loadConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { repoInfo, type RepoInfo } from '../core/git.js';
import { createScope, type ScopeRequest } from '../core/scope.js';
import { GATE_IDS, type GateId, type ResolvedConfig, type Scope } from '../core/types.js';

export interface RunContext {
  cwd: string;
  root: string;
  repo: RepoInfo | null;
  config: ResolvedConfig;
}

/** Finds the repository (or directory) and loads its configuration: the first step of every command. */
export async function openContext(cwd: string, configFile?: string): Promise<RunContext> {
  const repo = (await repoInfo(cwd)) ?? null;
  const root = repo?.root ?? cwd;
  const config = loadConfig({ root, file: configFile });
  return { cwd, root, repo, config };
}

export async function openScope(ctx: RunContext, request: Omit<ScopeRequest, 'cwd' | 'maxFileSize' | 'exclude' | 'repo'> & { maxFileSize?: number }): Promise<Scope> {
  return createScope({
    ...request,
    cwd: ctx.cwd,
    repo: ctx.repo,
    maxFileSize: request.maxFileSize ?? ctx.config.maxFileSize,
    exclude: ctx.config.exclude,
  });
}

/** `secrets,sast` -> validated gate ids. */
export function parseGateList(text: string, flag = '--gate'): GateId[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !(GATE_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new UsageError(`${flag}: unknown gate "${unknown[0]}"`, [`Gates: ${GATE_IDS.join(', ')}.`]);
  if (ids.length === 0) throw new UsageError(`${flag} needs at least one gate id`, [`Gates: ${GATE_IDS.join(', ')}.`]);
  return [...new Set(ids)] as GateId[];
}
