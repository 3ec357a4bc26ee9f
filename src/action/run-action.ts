import { join, resolve } from 'node:path';
import { ScopeError } from '../core/errors.js';
import { deepenUntilMergeBase } from '../core/git.js';
import { exitCodeFor, runGates } from '../core/runner.js';
import type { Report } from '../core/types.js';
import { openContext, openScope } from '../cli/context.js';
import { writeOutput } from '../cli/outputs.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { planAnnotations, type Annotation } from './annotations.js';
import { COMMENT_LIMIT, COMMENT_MARKER, upsertComment, type CommentsApi, type CommentOutcome } from './comment.js';
import { branchCostFor, renderCostSection } from './cost-section.js';
import { readPullRequest } from './event.js';
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
  const ctx = await openContext(cwd, inputs.config);
  if (inputs.failOn) for (const gate of Object.values(ctx.config.gates)) gate.failOn = inputs.failOn;
  const pr = readPullRequest(env.eventPath, env.repository);

  let scope;
  if (inputs.mode === 'pr' && pr) {
    const mergeBase = ctx.repo?.head ? await deepenUntilMergeBase(ctx.root, 'origin', pr.baseSha, ctx.repo.head).catch(() => undefined) : undefined;
    if (!mergeBase) {
      throw new ScopeError(`cannot find the merge base of the pull request's base ${pr.baseSha.slice(0, 12)} and HEAD`, [
        'Check out with full history: `uses: actions/checkout@v4` `with: { fetch-depth: 0 }`.',
      ]);
    }
    scope = await openScope(ctx, { kind: 'base', base: pr.baseSha });
  } else {
    if (inputs.mode === 'pr') io.info('not a pull_request event: checking the whole tree');
    scope = await openScope(ctx, { kind: 'all' });
  }

  const gates = inputs.gates ?? ctx.config.ci;
  await ensureNativeDependencies(gates.filter((g) => ctx.config.gates[g].enabled), (message) => io.info(message)).catch((error) =>
    io.warning(`wfo-gate: could not install native dependencies (${(error as Error).message}); the gates that need them will report an error`),
  );
  const report = await runGates(scope, ctx.config, { gates });

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

  const branch = pr?.headRef ?? ctx.repo?.branch;
  const costSection = renderCostSection(report, branch, await branchCostFor(ctx.root, ctx.config, branch, env.repository));
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
