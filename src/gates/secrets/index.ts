import picomatch from 'picomatch';
import { inRanges } from '../../core/content.js';
import type { Finding, Gate, GateContext, GateOutcome, RuleInfo, Scope, ScopeFile } from '../../core/types.js';
import { scanCommits } from './commit-scan.js';
import { SecretsConfigError, activeRules } from './custom-rules.js';
import { RuleCompileError, SecretEngine } from './engine.js';
import { type Exposure, type SecretFinding, secretFinding } from './findings.js';
import { type SecretHit, hitsInContent } from './hits.js';
import type { SecretsOptions } from './options.js';
import type { SecretRule } from './rule.js';
import { builtinRules } from './rules/index.js';
import { scanOnWorkers, workerCount, workerScript } from './worker-pool.js';
import type { WorktreeBatchResult } from './worktree-scan.js';

/** Below this many files a whole-tree scan is faster in one thread than starting workers. */
const WORKER_MIN_FILES = 200;
const HISTORY_KINDS = new Set(['base', 'range', 'history']);

const gate: Gate<SecretsOptions> = {
  id: 'secrets',
  title: 'secrets',
  rules: () => builtinRules.map(ruleInfo),
  async run(ctx) {
    let rules: SecretRule[];
    let engine: SecretEngine;
    try {
      rules = activeRules(builtinRules, ctx.options.rules ?? [], ctx.options.disable ?? []);
      engine = new SecretEngine(rules);
    } catch (error) {
      if (error instanceof SecretsConfigError || error instanceof RuleCompileError) {
        return { findings: [], summary: 'the secrets configuration is invalid', status: 'error', error: error.message };
      }
      throw error;
    }
    try {
      return await scan(ctx, rules, engine);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { findings: [], summary: 'the secrets scan did not finish', status: 'error', error: `${reason}; nothing was passed unscanned` };
    }
  },
};
export default gate;

function ruleInfo(rule: SecretRule): RuleInfo {
  return { gate: 'secrets', id: rule.id, title: rule.title, severity: rule.severity, tags: [rule.family] };
}

async function scan(ctx: GateContext<SecretsOptions>, rules: SecretRule[], engine: SecretEngine): Promise<GateOutcome> {
  const { scope } = ctx;
  const excluded = picomatch([...(ctx.config?.exclude ?? []), ...(ctx.options.exclude ?? [])], { dot: true });
  const wanted = (path: string) => !excluded(path);
  const files = scope.files.filter((f) => wanted(f.path));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const exposure: Exposure = scope.kind === 'staged' ? 'staged' : HISTORY_KINDS.has(scope.kind) ? 'pushed' : 'maybe-pushed';

  const contentFindings: SecretFinding[] = [];
  const addHits = (path: string, hits: SecretHit[]) => {
    const file = byPath.get(path)!;
    for (const hit of hits) {
      const rule = engine.rules[hit.ruleIndex].rule;
      contentFindings.push(secretFinding(rule, hit, { file: path, exposure, isNew: isNewLine(scope, file, hit.line) }));
    }
  };
  const bytes = await scanContent(ctx, rules, engine, files, addHits);

  let commits = 0;
  const suppressed: Finding[] = [];
  let findings = contentFindings.map((f) => f.finding);
  if (HISTORY_KINDS.has(scope.kind)) {
    const history = await scanCommits(engine, scope.commits(), wanted, ctx.signal);
    commits = history.commits;
    suppressed.push(...history.suppressed.values());
    // One finding per secret: the commit that introduced it replaces the final-content copy.
    findings = contentFindings
      .filter((f) => !history.found.has(f.key) && !history.suppressed.has(f.key))
      .map((f) => f.finding)
      .concat([...history.found.values()].map((f) => f.finding));
  }

  const summary =
    `${findings.length} secret${findings.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}` +
    (HISTORY_KINDS.has(scope.kind) ? ` and ${commits} commit${commits === 1 ? '' : 's'}` : '') +
    ` (${rules.length} rules)`;
  return {
    findings,
    suppressed,
    summary,
    metrics: { files: files.length, bytes, commits, rules: rules.length },
    rules: [...new Set(findings.concat(suppressed).map((f) => f.ruleId))].map((id) => ruleInfo(rules.find((r) => r.id === id)!)),
  };
}

function isNewLine(scope: Scope, file: ScopeFile, line: number): boolean | undefined {
  if (!scope.diffAware) return undefined;
  return inRanges(line, file.changed ?? []);
}

/** Scans the scope's files as the trigger sees them; returns the bytes scanned. */
async function scanContent(
  ctx: GateContext<SecretsOptions>,
  rules: SecretRule[],
  engine: SecretEngine,
  files: ScopeFile[],
  onHits: (path: string, hits: SecretHit[]) => void,
): Promise<number> {
  const { scope } = ctx;
  const script = workerScript();
  const threads = workerCount(ctx.options.workers ?? 0, files.length);
  const useWorkers =
    script !== undefined && scope.source === 'worktree' &&
    (scope.kind === 'all' || scope.kind === 'files') && files.length >= WORKER_MIN_FILES && threads > 1;
  if (useWorkers) {
    let bytes = 0;
    const init = { rules, root: scope.root, maxFileSize: scope.maxFileSize };
    await scanOnWorkers(script, threads, init, files.map((f) => f.path), ctx.signal, (result: WorktreeBatchResult) => {
      bytes += result.bytes;
      for (const { path, hits } of result.hits) onHits(path, hits);
      recordSkipped(scope, result);
    });
    return bytes;
  }
  let bytes = 0;
  for await (const { file, content } of scope.read(files.map((f) => f.path))) {
    if (ctx.signal.aborted) throw new Error('the secrets scan was cancelled');
    bytes += content.length;
    const hits = hitsInContent(engine, content, file.path);
    if (hits.length > 0) onHits(file.path, hits);
  }
  return bytes;
}

function recordSkipped(scope: Scope, result: WorktreeBatchResult): void {
  for (const kind of ['binary', 'tooLarge', 'unreadable'] as const) {
    for (const path of result[kind]) scope.noteSkipped(kind, path);
  }
}
