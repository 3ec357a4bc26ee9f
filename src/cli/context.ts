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

/** The gates a `--gate` flag names, or the fallback when the flag is absent (an empty value is a mistake, not "absent"). */
export function gatesFromFlag(flag: string | undefined, fallback: () => readonly GateId[], known: readonly GateId[] = GATE_IDS): GateId[] {
  return flag === undefined ? [...fallback()] : parseGateList(flag, '--gate', known);
}

/**
 * `secrets,sast` -> validated gate ids. An empty list or an empty item (`secrets,,sast`) is refused.
 * `known`: the ids there are (the config's custom gates too); null: checked later, against the config.
 */
export function parseGateList(text: string, flag = '--gate', known: readonly GateId[] | null = GATE_IDS): GateId[] {
  const hint = [`Gates: ${(known ?? GATE_IDS).join(', ')}.`];
  const ids = text.split(',').map((s) => s.trim());
  if (ids.every((id) => id === '')) throw new UsageError(`${flag} needs at least one gate id, got ${JSON.stringify(text)}`, hint);
  if (ids.includes('')) throw new UsageError(`${flag}: empty gate id in ${JSON.stringify(text)} (a doubled or trailing comma?)`, hint);
  const unknown = known ? ids.filter((id) => !known.includes(id)) : [];
  if (unknown.length) throw new UsageError(`${flag}: unknown gate "${unknown[0]}"`, hint);
  return [...new Set(ids)] as GateId[];
}
