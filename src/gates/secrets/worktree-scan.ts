import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { isBinary } from '../../core/content.js';
import type { SecretEngine } from './engine.js';
import { type SecretHit, hitsInContent } from './hits.js';
import { type BinaryHit, keystoreHit } from './keystore.js';
import { readReused } from './read-buffer.js';

export interface WorktreeBatchResult {
  hits: { path: string; hits: SecretHit[] }[];
  binary: string[];
  /** Binary files whose content is a key store (keystore.ts), judged on their head: findings although not scanned as text. */
  keystores: { path: string; hit: BinaryHit }[];
  tooLarge: string[];
  symlinks: string[];
  unreadable: string[];
  /** Every path read and scanned in full (with or without hits), for the result cache. */
  scanned: { path: string; bytes: number }[];
  bytes: number;
}

/**
 * Opens without following a final symlink (ELOOP instead) and without waiting for a FIFO's
 * writer: fstat then tells a regular file from the rest.
 */
export const READ_ONLY_NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Reads and scans work-tree files by path, applying the scope's binary and size rules itself. */
export function scanWorktreeFiles(engine: SecretEngine, root: string, paths: readonly string[], maxFileSize: number): WorktreeBatchResult {
  const result: WorktreeBatchResult = { hits: [], binary: [], keystores: [], tooLarge: [], symlinks: [], unreadable: [], scanned: [], bytes: 0 };
  for (const path of paths) {
    let content: Buffer;
    try {
      const fd = openSync(join(root, path), READ_ONLY_NO_FOLLOW);
      try {
        const stat = fstatSync(fd);
        // As the scope's reader: a FIFO, socket or device is no file to check (and a FIFO's read would wait forever).
        if (!stat.isFile()) continue;
        const size = stat.size;
        if (size > maxFileSize) {
          result.tooLarge.push(path);
          continue;
        }
        content = readReused(fd, 0, size);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      // As the scope's own reader: a tracked file deleted in the work tree is simply not there,
      // and a symlink is not followed (its target may be outside the repository, or huge).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') result.symlinks.push(path);
      else if (code !== 'ENOENT') result.unreadable.push(path);
      continue;
    }
    if (isBinary(content)) {
      result.binary.push(path);
      const keystore = keystoreHit(content, content.length);
      if (keystore) result.keystores.push({ path, hit: keystore });
      continue;
    }
    result.bytes += content.length;
    const hits = hitsInContent(engine, content, path);
    if (hits.length > 0) result.hits.push({ path, hits });
    result.scanned.push({ path, bytes: content.length });
  }
  return result;
}
