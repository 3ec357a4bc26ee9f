import { UsageError } from '../core/errors.js';
import { parseShard } from '../core/shard.js';
import { SEVERITIES, type ShardSpec, type FailOn, type GateId } from '../core/types.js';
import { parseGateList } from '../cli/context.js';

export interface ActionInputs {
  gates?: GateId[];
  config?: string;
  /** pr: diff-aware for the event (PR, push, merge queue); full: the whole tree; merge: join the shards' reports. */
  mode: 'pr' | 'full' | 'merge';
  /** This job's part of a matrix run (`shard: i/n`). */
  shard?: ShardSpec;
  /** mode merge: the directory holding the shards' JSON reports (searched recursively). */
  reports: string;
  failOn?: FailOn;
  comment: boolean;
  annotations: 'changed-lines' | 'all' | 'none';
  sarif?: string;
  token: string;
  workingDirectory: string;
}

/** Turns the action's string inputs into typed options; a bad value is a UsageError naming the input. */
export function parseInputs(get: (name: string) => string): ActionInputs {
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = get(name).trim() || fallback;
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`input "${name}": "${value}" is not one of ${allowed.join(', ')}`);
    return value as T;
  };
  const failOn = get('fail-on').trim();
  if (failOn && ![...SEVERITIES, 'none'].includes(failOn)) throw new UsageError(`input "fail-on": "${failOn}" is not one of ${[...SEVERITIES, 'none'].join(', ')}`);
  const gates = get('gates').trim();
  return {
    // Checked against the config's gates (custom ones too) once it is loaded.
    gates: gates ? parseGateList(gates, 'input "gates"', null) : undefined,
    config: get('config').trim() || undefined,
    mode: choice('mode', ['pr', 'full', 'merge'] as const, 'pr'),
    shard: get('shard').trim() ? parseShard(get('shard'), 'input "shard"') : undefined,
    reports: get('reports').trim() || 'wfo-gate-reports',
    failOn: (failOn || undefined) as FailOn | undefined,
    comment: choice('comment', ['true', 'false'] as const, 'true') === 'true',
    annotations: choice('annotations', ['changed-lines', 'all', 'none'] as const, 'changed-lines'),
    sarif: get('sarif').trim() || undefined,
    token: get('github-token').trim(),
    workingDirectory: get('working-directory').trim() || '.',
  };
}
