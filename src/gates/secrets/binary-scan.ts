import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import * as git from '../../core/git.js';
import type { Scope, ScopeFile } from '../../core/types.js';
import { findingConfidence } from './confidence.js';
import { type HitContext, type SecretFinding, secretFinding } from './findings.js';
import { type BinaryHit, type BinaryRule, KEYSTORE_HEAD_BYTES, keystoreHit, keystorePreview } from './keystore.js';
import { readReused } from './read-buffer.js';
import { READ_ONLY_NO_FOLLOW } from './worktree-scan.js';

/** A binary file's finding from its verdict: line 1, the head's hash as the secret's, a preview that shows no byte. */
export function binaryFinding(rule: BinaryRule, hit: BinaryHit, context: HitContext): SecretFinding {
  return secretFinding(rule, {
    ruleIndex: -1,
    offset: 0,
    line: 1,
    column: 1,
    secretSha256: hit.headSha256,
    preview: keystorePreview(hit),
    // The place still counts: a key store under docs/ or examples/ is low, as any finding there.
    confidence: findingConfidence(hit.confidence, context.file, ''),
  }, context);
}

/** The verdict on a work-tree file's head (a file the scope's reader found binary); undefined if it is none or is gone. */
export function worktreeKeystore(root: string, path: string): BinaryHit | undefined {
  let fd: number;
  try {
    fd = openSync(join(root, path), READ_ONLY_NO_FOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    return keystoreHit(readReused(fd, 0, Math.min(stat.size, KEYSTORE_HEAD_BYTES)), stat.size);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Verdicts on blobs by id, reading only their heads through one `git cat-file` run. */
export async function blobKeystores(root: string, blobs: readonly string[], maxFileSize: number): Promise<Map<string, BinaryHit>> {
  const found = new Map<string, BinaryHit>();
  const unique = [...new Set(blobs)];
  for await (const blob of git.readBlobs(root, unique, maxFileSize, KEYSTORE_HEAD_BYTES)) {
    if (!blob.content) continue;
    const hit = keystoreHit(blob.content, blob.size);
    if (hit) found.set(blob.oid, hit);
  }
  return found;
}

/**
 * The key stores among files the scope's reader skipped as binary (main-thread scans): work-tree
 * heads from disk, index and commit content by blob id.
 */
export async function skippedKeystores(scope: Scope, binary: readonly ScopeFile[]): Promise<{ file: ScopeFile; hit: BinaryHit }[]> {
  if (binary.length === 0) return [];
  if (scope.source === 'worktree' && scope.isGitRepo) {
    return binary.flatMap((file) => {
      const hit = worktreeKeystore(scope.root, file.path);
      return hit ? [{ file, hit }] : [];
    });
  }
  if (scope.source === 'worktree') {
    // Outside git (a plain directory, in-memory files): through the scope's own reader.
    const found: { file: ScopeFile; hit: BinaryHit }[] = [];
    for (const file of binary) {
      const content = await scope.readOne(file.path);
      const hit = content && keystoreHit(content, content.length);
      if (hit) found.push({ file, hit });
    }
    return found;
  }
  const withBlob = binary.filter((f) => f.blob);
  const found = await blobKeystores(scope.root, withBlob.map((f) => f.blob!), scope.maxFileSize);
  return withBlob.flatMap((file) => {
    const hit = found.get(file.blob!);
    return hit ? [{ file, hit }] : [];
  });
}
