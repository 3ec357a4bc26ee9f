import { inlineSuppression } from '../../core/ignores.js';
import type { CommitChange, Finding } from '../../core/types.js';
import type { SecretEngine } from './engine.js';
import { type SecretFinding, secretFinding } from './findings.js';
import { hitsIn } from './hits.js';
import { binaryFinding } from './binary-scan.js';
import type { BinaryHit, BinaryRule } from './keystore.js';

/** How the commit scan judges binary files it meets: the rule, and a reader of blob heads by id. */
export interface BinaryJudge {
  rule: BinaryRule;
  read(blobs: readonly string[]): Promise<Map<string, BinaryHit>>;
}

export interface CommitScanResult {
  /** One per secret (rule, file, value): the commit that introduced it. */
  found: Map<string, SecretFinding & { date: number }>;
  /** Secrets whose adding line carried an ignore marker, one per (rule, file, value). */
  suppressed: Map<string, Finding>;
  commits: number;
}

/**
 * Scans every commit's added lines. A secret counts even if a later commit removed it: once
 * pushed, history is public. Inline markers are honoured here (the runner only sees the final
 * content), reading them from the added lines themselves.
 */
export async function scanCommits(
  engine: SecretEngine,
  commits: AsyncIterable<CommitChange>,
  wanted: (path: string) => boolean,
  signal: AbortSignal,
  binary?: BinaryJudge,
): Promise<CommitScanResult> {
  const result: CommitScanResult = { found: new Map(), suppressed: new Map(), commits: 0 };
  const keep = (found: SecretFinding, date: number) => {
    const earlier = result.found.get(found.key);
    // The introducing commit is the oldest; `git log` streams newest first, so on equal
    // dates the later one in the stream is the older.
    if (!earlier || !(earlier.date < date)) result.found.set(found.key, { ...found, date: Number.isNaN(date) ? 0 : date });
  };
  // Binary files added or changed, judged once all commits are read (one blob reader for all).
  const binaries: { commit: string; date: number; path: string; blob: string }[] = [];
  for await (const commit of commits) {
    if (signal.aborted) throw new Error('the secrets scan was cancelled');
    result.commits++;
    const date = Date.parse(commit.date);
    for (const change of commit.files) {
      if (change.binary !== undefined && binary && wanted(change.path)) binaries.push({ commit: commit.commit, date, path: change.path, blob: change.binary });
      if (change.added.length === 0 || !wanted(change.path)) continue;
      const hits = hitsIn(engine, change.added.map((l) => l.text).join('\n'), change.path);
      if (hits.length === 0) continue;
      const lines: string[] = [];
      for (const added of change.added) lines[added.line - 1] = added.text;
      for (const hit of hits) {
        const rule = engine.rules[hit.ruleIndex].rule;
        const line = change.added[hit.line - 1].line;
        const found = secretFinding(rule, { ...hit, line }, {
          file: change.path,
          exposure: 'pushed',
          isNew: true,
          commit: commit.commit,
          blocking: true,
        });
        const suppression = inlineSuppression(lines, line, 'secrets', rule.id);
        if (suppression) {
          if (!result.suppressed.has(found.key)) result.suppressed.set(found.key, { ...found.finding, suppression });
          continue;
        }
        keep(found, date);
      }
    }
  }
  if (binary && binaries.length > 0) {
    const verdicts = await binary.read(binaries.map((b) => b.blob));
    for (const { commit, date, path, blob } of binaries) {
      const hit = verdicts.get(blob);
      if (hit) keep(binaryFinding(binary.rule, hit, { file: path, exposure: 'pushed', isNew: true, commit, blocking: true }), date);
    }
  }
  return result;
}
