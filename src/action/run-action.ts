import { join, relative, resolve } from 'node:path';
import { readdir } from 'node:fs/promises';
import { ScopeError, UsageError } from '../core/errors.js';
import { deepenUntilMergeBase, deepenUntilMergeBaseWithBranch } from '../core/git.js';
import { exitCodeFor, runGates } from '../core/runner.js';
import type { Report, Scope, ShardSpec } from '../core/types.js';
import { openContext, openScope, parseGateList, type RunContext } from '../cli/context.js';
import { readShardReports } from '../cli/commands/merge.js';
import { knownGates } from '../core/config.js';
import { mergeReports } from '../report/merge.js';
import { writeOutput } from '../cli/outputs.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { planAnnotations, type Annotation } from './annotations.js';
import { COMMENT_LIMIT, COMMENT_MARKER, upsertComment, type CommentsApi, type CommentOutcome } from './comment.js';
import type { BranchSpend } from '../cost/report.js';
import { branchCostFor, renderCostSection } from './cost-section.js';
import { readEventScope, type EventScope, type PullRequestInfo } from './event.js';
import type { ActionInputs } from './inputs.js';
import { ensureNativeDependencies } from './native-deps.js';

/** What the action writes to the runner; main.ts binds it to @actions/core, tests to arrays. */
export interface ActionIO {
  setOutput(name: string, value: string): void;
  annotate(annotation: Annotation): void;
  notice(message: string): void;
  warning(message: string): void;
  info(message: string): void;
  writeSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export interface ActionEnv {
  workspace: string;
  eventPath?: string;
  /** GITHUB_EVENT_NAME. */
  eventName?: string;
  repository?: string;
  /** Where the JSON report goes (the runner's temp dir). */
  tempDir: string;
}

export interface ActionResult {
  report: Report;
  comment?: CommentOutcome;
}

// The job summary is capped at 1 MiB per step.
const SUMMARY_LIMIT = 1_000_000;

export async function runAction(inputs: ActionInputs, env: ActionEnv, io: ActionIO, commentsApi: () => Promise<CommentsApi>): Promise<ActionResult> {
  const cwd = resolve(env.workspace, inputs.workingDirectory);
  const event = readEventScope(env.eventName, env.eventPath, env.repository);
  const pr = event.kind === 'pull_request' ? event.pr : undefined;
  if (inputs.mode === 'merge' && inputs.shard) throw new UsageError('input "shard" is for the matrix jobs; the job with `mode: merge` joins their reports and takes no shard');

  let report: Report;
  let branch: string | undefined;
  // What this branch has cost: read from the ledger in the checkout (a merge job has none).
  let branchSpend: BranchSpend | undefined;
  if (inputs.mode === 'merge') {
    // The final job of a matrix: it reads the shards' reports only, and needs no checkout.
    const dir = resolve(cwd, inputs.reports);
    const files = await reportFiles(dir);
    if (files.length === 0) {
      throw new UsageError(`no shard reports (*.json) in ${inputs.reports}: nothing to merge`, [
        'Download the shard jobs\' artifacts there first: `uses: actions/download-artifact@v4` with `pattern: wfo-gate-shard-*`, `path: wfo-gate-reports`, `merge-multiple: true`.',
      ]);
    }
    report = mergeReports(await readShardReports(dir, files));
    io.info(`wfo-gate: merged ${report.merged?.shards.length ?? 0} shard report(s) from ${inputs.reports}`);
  } else {
    const ctx = await openContext(cwd, inputs.config);
    if (inputs.failOn) for (const gate of Object.values(ctx.config.gates)) gate.failOn = inputs.failOn;
    const scope = inputs.mode === 'full' ? await openScope(ctx, { kind: 'all' }) : await eventScope(ctx, event, io);
    const gates = inputs.gates ? parseGateList(inputs.gates.join(','), 'input "gates"', knownGates(ctx.config)) : ctx.config.ci;
    await ensureNativeDependencies(gates.filter((g) => ctx.config.gates[g].enabled), (message) => io.info(message)).catch((error) =>
      io.warning(`wfo-gate: could not install native dependencies (${(error as Error).message}); the gates that need them will report an error`),
    );
    report = await runGates(scope, ctx.config, { gates, shard: inputs.shard });
    branch = pr?.headRef ?? ctx.repo?.branch;
    branchSpend = await branchCostFor(ctx.root, ctx.config, branch, env.repository);
  }

  if (inputs.shard) return publishShard(report, inputs.shard, cwd, env, io);
  return publish(report, inputs, cwd, env, io, pr, { branch: pr?.headRef ?? branch, spend: branchSpend }, commentsApi);
}

/** The scope the event asks for, diff-aware: a PR against its base, a push its pushed commits, a merge group its base and head. */
async function eventScope(ctx: RunContext, event: EventScope, io: ActionIO): Promise<Scope> {
  const head = ctx.repo?.head;
  switch (event.kind) {
    case 'pull_request': {
      const { pr } = event;
      const mergeBase = head ? await deepenUntilMergeBase(ctx.root, 'origin', pr.baseSha, head).catch(() => undefined) : undefined;
      if (!mergeBase) {
        throw new ScopeError(`cannot find the merge base of the pull request's base ${pr.baseSha.slice(0, 12)} and HEAD`, [
          'Check out with full history: `uses: actions/checkout@v4` `with: { fetch-depth: 0 }`.',
        ]);
      }
      return openScope(ctx, { kind: 'base', base: pr.baseSha });
    }
    case 'push': {
      if (event.deleted) {
        io.info(`wfo-gate: the push deleted ${event.ref}: no commit to check`);
        return openScope(ctx, { kind: 'files', files: [] });
      }
      // The pushed commits: before..after, or from where a force-push left the old history.
      let from = event.before && !event.created ? await deepenUntilMergeBase(ctx.root, 'origin', event.before, event.after).catch(() => undefined) : undefined;
      if (event.before && !event.created && !from) io.warning(`wfo-gate: the push's previous tip ${event.before.slice(0, 12)} is not in the repository (rewritten history?): checking the commits not on ${event.defaultBranch ?? 'the default branch'}`);
      if (!from) {
        const pushed = event.ref.replace(/^refs\/heads\//, '');
        if (!event.defaultBranch || (event.ref.startsWith('refs/heads/') && pushed === event.defaultBranch)) {
          io.info('wfo-gate: the first push of the default branch: checking the whole tree');
          return openScope(ctx, { kind: 'all' });
        }
        from = await deepenUntilMergeBaseWithBranch(ctx.root, 'origin', event.defaultBranch, event.after).catch(() => undefined);
        if (!from) {
          throw new ScopeError(`cannot find where ${pushed} left ${event.defaultBranch}: they share no history here`, ['Check out with full history: `uses: actions/checkout@v4` `with: { fetch-depth: 0 }`.']);
        }
      }
      return openScope(ctx, { kind: 'range', range: `${from}..${event.after}` });
    }
    case 'merge_group': {
      const from = await deepenUntilMergeBase(ctx.root, 'origin', event.baseSha, event.headSha).catch(() => undefined);
      if (!from) throw new ScopeError(`cannot find the merge base of the merge group's base ${event.baseSha.slice(0, 12)} and head ${event.headSha.slice(0, 12)}`, ['Check out with full history: `fetch-depth: 0`.']);
      return openScope(ctx, { kind: 'range', range: `${from}..${event.headSha}` });
    }
    case 'whole-tree':
      io.info(`wfo-gate: a ${event.event} event: checking the whole tree`);
      return openScope(ctx, { kind: 'all' });
  }
}

/** Every *.json below a directory (download-artifact may nest them one folder per artifact), sorted. */
async function reportFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A matrix job: its report for the merge job, the outputs and a summary; the merge job comments and decides. */
async function publishShard(report: Report, shard: ShardSpec, cwd: string, env: ActionEnv, io: ActionIO): Promise<ActionResult> {
  const jsonPath = join(env.tempDir, `wfo-gate-shard-${shard.index}-of-${shard.total}.json`);
  await writeOutput(cwd, jsonPath, renderJson(report));
  io.setOutput('report-json', jsonPath);
  io.setOutput('verdict', report.verdict);
  io.setOutput('findings', String(report.gates.reduce((n, g) => n + g.findings.length, 0)));
  await io.writeSummary(renderMarkdown(report, { title: `### wfo-gate shard ${shard.index}/${shard.total}`, maxChars: SUMMARY_LIMIT, truncatedPointer: 'the merge job has the whole report' }));
  io.info(`wfo-gate: shard ${shard.index}/${shard.total}: ${report.verdict}; upload ${jsonPath} as an artifact, and the job with \`mode: merge\` posts the verdict`);
  return { report };
}

async function publish(
  report: Report,
  inputs: ActionInputs,
  cwd: string,
  env: ActionEnv,
  io: ActionIO,
  pr: PullRequestInfo | undefined,
  cost: { branch: string | undefined; spend: BranchSpend | undefined },
  commentsApi: () => Promise<CommentsApi>,
): Promise<ActionResult> {
  const jsonPath = join(env.tempDir, 'wfo-gate-report.json');
  await writeOutput(cwd, jsonPath, renderJson(report));
  io.setOutput('report-json', jsonPath);
  if (inputs.sarif) {
    const sarifPath = resolve(env.workspace, inputs.sarif);
    await writeOutput(cwd, sarifPath, renderSarif(report));
    io.setOutput('sarif', sarifPath);
  }
  io.setOutput('verdict', report.verdict);
  io.setOutput('findings', String(report.gates.reduce((n, g) => n + g.findings.length, 0)));
  const budget = report.gates.find((g) => g.gate === 'budget')?.metrics;
  io.setOutput('cost-mtd', budget?.['cost.mtd'] !== undefined ? budget['cost.mtd'].toFixed(2) : '');
  io.setOutput('cost-change', budget?.['cost.change'] !== undefined ? budget['cost.change'].toFixed(2) : '');

  const plan = planAnnotations(report, inputs.annotations);
  for (const annotation of plan.annotations) io.annotate(annotation);

  const costSection = renderCostSection(report, cost.branch, cost.spend);
  const omittedNote = plan.omitted ? `_${plan.omitted} more finding(s) were not annotated (GitHub shows at most 10 errors and 10 warnings per step): all are listed above._` : undefined;
  const summary = renderMarkdown(report, {
    maxChars: SUMMARY_LIMIT,
    truncatedPointer: 'download the JSON report (output report-json) for the rest',
    extraSections: [costSection, omittedNote].filter((s): s is string => Boolean(s)),
  });
  await io.writeSummary(summary);

  let comment: CommentOutcome | undefined;
  if (inputs.comment && pr) {
    if (pr.fromFork) {
      comment = { action: 'skipped', reason: 'this pull request comes from a fork, whose workflow token is read-only' };
    } else {
      const body = renderMarkdown(report, {
        maxChars: COMMENT_LIMIT - COMMENT_MARKER.length - 1,
        truncatedPointer: "see the job summary of this workflow run",
        extraSections: costSection ? [costSection] : [],
      });
      comment = await upsertComment(await commentsApi(), pr, body);
    }
    if (comment.action === 'skipped') io.notice(`wfo-gate: PR comment skipped: ${comment.reason}. The job summary and annotations have the verdict.`);
    else if (comment.action === 'failed') io.warning(`wfo-gate: could not write the PR comment: ${comment.reason}`);
    else io.info(`wfo-gate: PR comment ${comment.action} (id ${comment.id})`);
  }

  if (exitCodeFor(report.verdict) !== 0) {
    const blocked = report.gates.filter((g) => g.status === 'fail' || g.status === 'error').map((g) => g.gate);
    io.setFailed(`wfo-gate: blocked by ${blocked.join(', ')}`);
  }
  return { report, comment };
}
