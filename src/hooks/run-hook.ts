// `wfo-gate hook pre-commit|pre-push`: picks the scope git is about to record or send, runs the
// hook's gates from config on it, and reports in the hook's short form.
import { UsageError } from '../core/errors.js';
import { resolveCommit } from '../core/git.js';
import { runGates } from '../core/runner.js';
import { openContext, openScope, type RunContext } from '../cli/context.js';
import type { HookName } from './hook-scripts.js';
import { blocked, renderHookOutput, type HookSection, type HookSummary } from './output.js';
import { describeRef, isZeroId, parsePushLines, planPush } from './push-refs.js';
import { applySkip } from './skip.js';

export interface HookRunOptions {
  cwd: string;
  config?: string;
  /** Value of WFO_GATE_SKIP. */
  skip?: string;
  color: boolean;
}

export interface HookRunResult {
  exitCode: 0 | 1;
  output: string;
}

export async function runPreCommit(options: HookRunOptions): Promise<HookRunResult> {
  const started = Date.now();
  const ctx = await openHookContext(options, 'pre-commit');
  const skip = applySkip(ctx.config.hooks['pre-commit'], options.skip);
  const sections: HookSection[] = [];
  if (skip.run.length) {
    const scope = await openScope(ctx, { kind: 'staged' });
    sections.push({ report: await runGates(scope, ctx.config, { gates: skip.run }) });
  }
  return finish({ hook: 'pre-commit', sections, skip, notes: [], durationMs: 0 }, started, options.color);
}

export interface PrePushOptions extends HookRunOptions {
  /** git's first argument: the remote's name (or its URL when pushing to a URL). */
  remote: string;
  /** git's stdin: one line per ref being pushed. */
  refs: string;
}

export async function runPrePush(options: PrePushOptions): Promise<HookRunResult> {
  const started = Date.now();
  const updates = parsePushLines(options.refs);
  const ctx = await openHookContext(options, 'pre-push');
  const skip = applySkip(ctx.config.hooks['pre-push'], options.skip);
  const sections: HookSection[] = [];
  const notes: string[] = [];
  if (updates.length === 0) notes.push('git sent no refs: nothing to push, nothing to check');
  for (const update of updates) {
    const known = await commitExists(ctx, update.remoteSha);
    const plan = planPush(update, options.remote, known);
    const ref = describeRef(update.remoteRef);
    if (plan.kind === 'delete') {
      notes.push(`${ref}: deleted on ${options.remote}, nothing to check`);
      continue;
    }
    if (!(await commitExists(ctx, plan.tip))) {
      notes.push(`${ref}: points at no commit (a tag of a tree or blob), nothing to check`);
      continue;
    }
    if (!skip.run.length) continue;
    const scope = await openScope(ctx, { kind: 'range', revArgs: { args: plan.revArgs, tip: plan.tip } });
    const title = `${ref} (${plan.kind === 'new' ? 'new on ' + options.remote : 'update'}: ${scope.description})`;
    sections.push({ title, report: await runGates(scope, ctx.config, { gates: skip.run }) });
  }
  return finish({ hook: 'pre-push', sections, skip, notes, durationMs: 0 }, started, options.color);
}

async function openHookContext(options: HookRunOptions, hook: HookName): Promise<RunContext> {
  const ctx = await openContext(options.cwd, options.config);
  if (!ctx.repo) throw new UsageError(`${hook}: ${options.cwd} is not inside a git repository`, ['This command is run by git as a hook; `wfo-gate install` sets it up.']);
  return ctx;
}

async function commitExists(ctx: RunContext, id: string): Promise<boolean> {
  if (isZeroId(id)) return false;
  try {
    await resolveCommit(ctx.root, id);
    return true;
  } catch {
    return false;
  }
}

function finish(summary: HookSummary, started: number, color: boolean): HookRunResult {
  const done: HookSummary = { ...summary, durationMs: Date.now() - started };
  return { exitCode: blocked(done) ? 1 : 0, output: renderHookOutput(done, color) };
}
