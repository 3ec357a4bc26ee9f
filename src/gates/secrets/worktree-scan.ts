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

const emptyBatchResult = (): WorktreeBatchResult => ({ hits: [], binary: [], keystores: [], tooLarge: [], symlinks: [], unreadable: [], scanned: [], bytes: 0 });

/**
 * Opens without following a final symlink (ELOOP instead) and without waiting for a FIFO's
 * writer: fstat then tells a regular file from the rest.
 */
export const READ_ONLY_NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** What reading one work-tree file found: its bytes, a reason it was not read, or nothing to check. */
type WorktreeRead = { kind: 'content'; content: Buffer } | { kind: 'tooLarge' | 'symlink' | 'unreadable' } | { kind: 'absent' };

/**
 * Reads a work-tree file as the scope's own reader would judge it: a FIFO, socket or device is
 * no file to check (and a FIFO's read would wait forever), a file deleted since it was listed
 * is simply not there, a symlink is not followed (its target may be outside the repository,
 * or huge). The bytes are in the thread's reused read buffer (read-buffer.ts).
 */
function readWorktreeFile(root: string, path: string, maxFileSize: number): WorktreeRead {
  try {
    const fd = openSync(join(root, path), READ_ONLY_NO_FOLLOW);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { kind: 'absent' };
      if (stat.size > maxFileSize) return { kind: 'tooLarge' };
      return { kind: 'content', content: readReused(fd, 0, stat.size) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: code === 'ELOOP' ? 'symlink' : code === 'ENOENT' ? 'absent' : 'unreadable' };
  }
}

/** Adds a read that found no content to scan to `result`. */
function addUnread(result: WorktreeBatchResult, path: string, kind: Exclude<WorktreeRead['kind'], 'content'>): void {
  if (kind === 'tooLarge') result.tooLarge.push(path);
  else if (kind === 'symlink') result.symlinks.push(path);
  else if (kind === 'unreadable') result.unreadable.push(path);
}

/** Adds a binary file to `result`, with its key store finding when its head is one. */
function addBinary(result: WorktreeBatchResult, path: string, keystore: BinaryHit | undefined): void {
  result.binary.push(path);
  if (keystore) result.keystores.push({ path, hit: keystore });
}

/** Scans a text file's content into `result`. */
function addScanned(result: WorktreeBatchResult, engine: SecretEngine, path: string, content: Buffer): void {
  result.bytes += content.length;
  const hits = hitsInContent(engine, content, path);
  if (hits.length > 0) result.hits.push({ path, hits });
  result.scanned.push({ path, bytes: content.length });
}

/** Reads and scans work-tree files by path, applying the scope's binary and size rules itself. */
export function scanWorktreeFiles(engine: SecretEngine, root: string, paths: readonly string[], maxFileSize: number): WorktreeBatchResult {
  const result = emptyBatchResult();
  for (const path of paths) {
    const read = readWorktreeFile(root, path, maxFileSize);
    if (read.kind !== 'content') addUnread(result, path, read.kind);
    else if (isBinary(read.content)) addBinary(result, path, keystoreHit(read.content, read.content.length));
    else addScanned(result, engine, path, read.content);
  }
  return result;
}
