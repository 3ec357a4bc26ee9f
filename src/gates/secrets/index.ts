import picomatch from 'picomatch';
import { inRanges } from '../../core/content.js';
import type { Finding, Gate, GateContext, GateOutcome, RuleInfo, Scope, ScopeFile } from '../../core/types.js';
import { gateWorkerScript } from '../../core/package-info.js';
import { scanCommits } from './commit-scan.js';
import { SecretsConfigError, activeRules } from './custom-rules.js';
import { RuleCompileError, SecretEngine } from './engine.js';
import { type Exposure, type SecretFinding, secretFinding } from './findings.js';
import { type SecretHit, hitsInContent } from './hits.js';
import type { SecretsOptions } from './options.js';
import type { SecretRule } from './rule.js';
import { type SecretsCacheValue, openSecretsCache } from './cache.js';
import { builtinRules } from './rules/index.js';
import { binaryFinding, blobKeystores, skippedKeystores } from './binary-scan.js';
import { type BinaryHit, type BinaryRule, binaryRules } from './keystore.js';
import { scanOnWorkers } from './worker-pool.js';
import type { WorktreeBatchResult } from './worktree-scan.js';

/** Below this many files a whole-tree scan reads through the scope (the pool's stat pass and batching do not pay). */
const WORKER_MIN_FILES = 200;
const HISTORY_KINDS = new Set(['base', 'range', 'history']);

const gate: Gate<SecretsOptions> = {
  id: 'secrets',
  title: 'secrets',
  rules: () => [...builtinRules, ...binaryRules].map(ruleInfo),
  async run(ctx) {
    let rules: SecretRule[];
    let engine: SecretEngine;
    const disable = ctx.options.disable ?? [];
    const binaryIds = new Set(binaryRules.map((r) => r.id));
    const binary = binaryRules.filter((r) => !disable.includes(r.id));
    try {
      rules = activeRules(builtinRules, ctx.options.rules ?? [], disable.filter((id) => !binaryIds.has(id)), [...binaryIds]);
      engine = new SecretEngine(rules, { checked: true });
    } catch (error) {
      if (error instanceof SecretsConfigError || error instanceof RuleCompileError) {
        return { findings: [], summary: 'the secrets configuration is invalid', status: 'error', error: error.message };
      }
      throw error;
    }
    try {
      return await scan(ctx, rules, engine, binary);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { findings: [], summary: 'the secrets scan did not finish', status: 'error', error: `${reason}; nothing was passed unscanned` };
    }
  },
};
export default gate;

function ruleInfo(rule: SecretRule | BinaryRule): RuleInfo {
  return { gate: 'secrets', id: rule.id, title: rule.title, severity: rule.severity, tags: [rule.family] };
}

async function scan(ctx: GateContext<SecretsOptions>, rules: SecretRule[], engine: SecretEngine, binary: BinaryRule[]): Promise<GateOutcome> {
  const { scope } = ctx;
  const excluded = picomatch([...(ctx.config?.exclude ?? []), ...(ctx.options.exclude ?? [])], { dot: true });
  const wanted = (path: string) => !excluded(path);
  const files = scope.files.filter((f) => wanted(f.path));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const exposure: Exposure = scope.kind === 'staged' ? 'staged' : HISTORY_KINDS.has(scope.kind) ? 'pushed' : 'maybe-pushed';

  const contentFindings: SecretFinding[] = [];
  // Consulted before any file is read, filled as each is scanned (whole-tree runs only).
  const cache = await openSecretsCache(ctx, rules, binary, exposure);
  let toScan = files;
  let cachedBytes = 0;
  if (cache) {
    const { hits: cached, misses } = cache.lookup(files);
    toScan = misses;
    for (const { file, value } of cached) cachedBytes += replayCached(scope, file.path, value, contentFindings);
  }
  const addHits = (path: string, hits: SecretHit[], size: number) => {
    const file = byPath.get(path)!;
    const found = hits.map((hit) => secretFinding(engine.rules[hit.ruleIndex].rule, hit, { file: path, exposure, isNew: isNewLine(scope, file, hit.line) }));
    contentFindings.push(...found);
    cache?.store(path, { f: found.map((f) => f.finding), b: size });
  };
  // A binary file is skipped by the text scan; the binary rules judge its head (keystore.ts).
  const keystoreRule = binary[0] as BinaryRule | undefined;
  const noteSkip = (path: string, kind: 'binary' | 'tooLarge', keystore?: BinaryHit) => {
    const file = byPath.get(path)!;
    const found = keystore && keystoreRule
      ? [binaryFinding(keystoreRule, keystore, { file: path, exposure, isNew: scope.diffAware ? file.status !== 'unchanged' : undefined })]
      : [];
    contentFindings.push(...found);
    cache?.store(path, found.length ? { s: kind, f: found.map((f) => f.finding) } : { s: kind });
  };
  const { bytes: scannedBytes, scanned, threads } = await scanContent(ctx, rules, engine, toScan, addHits, noteSkip, keystoreRule !== undefined);
  await cache?.save();
  const bytes = scannedBytes + cachedBytes;
  // Threads finish in any order; a report must not change with the thread count.
  contentFindings.sort(byLocation);

  let commits = 0;
  const suppressed: Finding[] = [];
  let findings = contentFindings.map((f) => f.finding);
  if (HISTORY_KINDS.has(scope.kind)) {
    const judge = keystoreRule && scope.isGitRepo ? { rule: keystoreRule, read: (blobs: readonly string[]) => blobKeystores(scope.root, blobs, scope.maxFileSize) } : undefined;
    const history = await scanCommits(engine, scope.commits(), wanted, ctx.signal, judge);
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
    metrics: { files: files.length, bytes, commits, rules: rules.length, scannedFiles: scanned, scannedBytes, ...threads, ...cache?.metrics() },
    rules: [...new Set(findings.concat(suppressed).map((f) => f.ruleId))].map((id) => ruleInfo([...rules, ...binary].find((r) => r.id === id)!)),
  };
}

function byLocation(a: SecretFinding, b: SecretFinding): number {
  const x = a.finding;
  const y = b.finding;
  const file = (x.file ?? '') < (y.file ?? '') ? -1 : (x.file ?? '') > (y.file ?? '') ? 1 : 0;
  return file || (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0) || (x.ruleId < y.ruleId ? -1 : x.ruleId > y.ruleId ? 1 : 0);
}

function isNewLine(scope: Scope, file: ScopeFile, line: number): boolean | undefined {
  if (!scope.diffAware) return undefined;
  return inRanges(line, file.changed ?? []);
}

/** A file's findings (or skip) from the cache, as a scan of it would have reported them; returns its bytes. */
function replayCached(scope: Scope, path: string, value: SecretsCacheValue, into: SecretFinding[]): number {
  if ('s' in value) {
    scope.noteSkipped(value.s, path);
    // A binary file's own finding (a key store) is replayed with its skip.
    for (const finding of value.f ?? []) into.push({ finding, key: finding.fingerprint });
    return 0;
  }
  for (const finding of value.f) into.push({ finding, key: finding.fingerprint });
  return value.b;
}

/**
 * Scans the scope's files as the trigger sees them, calling onFile for each file scanned in
 * full (hits or none) and onSkip for each binary or oversized one the workers met; returns the
 * bytes and files scanned.
 */
async function scanContent(
  ctx: GateContext<SecretsOptions>,
  rules: SecretRule[],
  engine: SecretEngine,
  files: ScopeFile[],
  onFile: (path: string, hits: SecretHit[], bytes: number) => void,
  onSkip: (path: string, kind: 'binary' | 'tooLarge', keystore?: BinaryHit) => void,
  judgeBinary: boolean,
): Promise<{ bytes: number; scanned: number; threads?: { scanThreads: number } }> {
  const { scope } = ctx;
  // A large work tree is read and scanned by path, on as many threads as its size pays for
  // (one below 256 MB of text; worker-pool.ts), with synchronous reads: the scope's
  // asynchronous ones (five file system calls through libuv's pool per file) cost more CPU
  // than the scan itself.
  const byPath =
    scope.source === 'worktree' && (scope.kind === 'all' || scope.kind === 'files') && files.length >= WORKER_MIN_FILES;
  if (byPath) {
    let bytes = 0;
    let scanned = 0;
    const init = { rules, root: scope.root, maxFileSize: scope.maxFileSize };
    const used = await scanOnWorkers(gateWorkerScript('secrets'), ctx.options.workers ?? 0, init, engine, files.map((f) => f.path), ctx.signal, (result: WorktreeBatchResult) => {
      bytes += result.bytes;
      scanned += result.scanned.length;
      const hitsOf = new Map(result.hits.map(({ path, hits }) => [path, hits]));
      for (const { path, bytes: size } of result.scanned) onFile(path, hitsOf.get(path) ?? [], size);
      const keystores = new Map(result.keystores.map(({ path, hit }) => [path, hit]));
      for (const path of result.binary) onSkip(path, 'binary', keystores.get(path));
      for (const path of result.tooLarge) onSkip(path, 'tooLarge');
      recordSkipped(scope, result);
    });
    return { bytes, scanned, threads: { scanThreads: used } };
  }
  let bytes = 0;
  let scanned = 0;
  for await (const { file, content } of scope.read(files.map((f) => f.path))) {
    if (ctx.signal.aborted) throw new Error('the secrets scan was cancelled');
    bytes += content.length;
    scanned++;
    onFile(file.path, hitsInContent(engine, content, file.path), content.length);
  }
  // The scope's reader records the files it did not yield; binary and oversized ones are results too.
  const binary = new Set(scope.skipped.binary);
  const binaryFiles = files.filter((f) => binary.has(f.path));
  // Only files the reader found binary are judged by the binary rules, on their heads.
  const keystores = judgeBinary ? new Map((await skippedKeystores(scope, binaryFiles)).map(({ file, hit }) => [file.path, hit])) : new Map<string, BinaryHit>();
  for (const file of binaryFiles) onSkip(file.path, 'binary', keystores.get(file.path));
  const tooLarge = new Set(scope.skipped.tooLarge);
  for (const file of files) if (tooLarge.has(file.path)) onSkip(file.path, 'tooLarge');
  return { bytes, scanned };
}

function recordSkipped(scope: Scope, result: WorktreeBatchResult): void {
  for (const kind of ['binary', 'tooLarge', 'symlinks', 'unreadable'] as const) {
    for (const path of result[kind]) scope.noteSkipped(kind, path);
  }
}
