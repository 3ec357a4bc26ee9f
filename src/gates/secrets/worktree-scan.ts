import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { isBinary } from '../../core/content.js';
import type { SecretEngine } from './engine.js';
import { type SecretHit, hitsInContent } from './hits.js';
import { readReused } from './read-buffer.js';

export interface WorktreeBatchResult {
  hits: { path: string; hits: SecretHit[] }[];
  binary: string[];
  tooLarge: string[];
  unreadable: string[];
  /** Every path read and scanned in full (with or without hits), for the result cache. */
  scanned: { path: string; bytes: number }[];
  bytes: number;
}

/** Reads and scans work-tree files by path, applying the scope's binary and size rules itself. */
export function scanWorktreeFiles(engine: SecretEngine, root: string, paths: readonly string[], maxFileSize: number): WorktreeBatchResult {
  const result: WorktreeBatchResult = { hits: [], binary: [], tooLarge: [], unreadable: [], scanned: [], bytes: 0 };
  for (const path of paths) {
    let content: Buffer;
    try {
      const fd = openSync(join(root, path), 'r');
      try {
        const size = fstatSync(fd).size;
        if (size > maxFileSize) {
          result.tooLarge.push(path);
          continue;
        }
        content = readReused(fd, 0, size);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      // As the scope's own reader: a tracked file deleted in the work tree is simply not there.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') result.unreadable.push(path);
      continue;
    }
    if (isBinary(content)) {
      result.binary.push(path);
      continue;
    }
    result.bytes += content.length;
    const hits = hitsInContent(engine, content, path);
    if (hits.length > 0) result.hits.push({ path, hits });
    result.scanned.push({ path, bytes: content.length });
  }
  return result;
}
