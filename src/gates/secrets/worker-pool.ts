import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/package-info.js';
import { type Piece, type PieceResult, PIECE_BYTES, PieceCollector, splitIntoPieces } from './file-pieces.js';
import type { SecretRule } from './rule.js';
import type { WorktreeBatchResult } from './worktree-scan.js';

const BATCH_FILES = 32;
/** A batch closes at this many bytes, so one worker is not handed several large files at once. */
const BATCH_BYTES = 4 * 1024 * 1024;

/** The built worker (dist/gates/secrets/scan.worker.js), or undefined when running from source. */
export function workerScript(): string | undefined {
  const path = join(packageRoot(), 'dist', 'gates', 'secrets', 'scan.worker.js');
  return existsSync(path) ? path : undefined;
}

export function workerCount(requested: number, files: number): number {
  const cores = requested > 0 ? requested : availableParallelism();
  return Math.max(1, Math.min(cores, Math.ceil(files / BATCH_FILES)));
}

/**
 * Scans work-tree files on `count` worker threads. Batches are handed out as workers finish
 * them, so one huge file does not hold up the rest. Rejects on the first worker failure.
 */
export async function scanOnWorkers(
  script: string,
  count: number,
  init: { rules: SecretRule[]; root: string; maxFileSize: number },
  paths: readonly string[],
  signal: AbortSignal,
  onResult: (result: WorktreeBatchResult) => void,
): Promise<void> {
  const batches = largestFirstBatches(init.root, paths, init.maxFileSize);
  const collector = new PieceCollector();
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: init }));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      const fail = (error: Error) => reject(error);
      signal.addEventListener('abort', () => fail(new Error('the secrets scan was cancelled')), { once: true });
      const feed = (worker: Worker) => {
        if (next >= batches.length) {
          if (pending === 0) resolve();
          return;
        }
        pending++;
        worker.postMessage({ id: next, ...batches[next++] });
      };
      for (const worker of workers) {
        worker.on('message', (message: { result?: WorktreeBatchResult; pieces?: PieceResult[]; error?: string }) => {
          pending--;
          if (message.error !== undefined) return fail(new Error(`a scan worker failed: ${message.error}`));
          onResult(message.result!);
          for (const piece of message.pieces ?? []) {
            const file = collector.add(piece);
            if (!file) continue;
            onResult({
              hits: file.hits.length ? [{ path: file.path, hits: file.hits }] : [],
              binary: file.binary ? [file.path] : [],
              tooLarge: [],
              unreadable: file.unreadable ? [file.path] : [],
              scanned: file.binary || file.unreadable ? [] : [{ path: file.path, bytes: file.size }],
              bytes: file.binary || file.unreadable ? 0 : file.size,
            });
          }
          feed(worker);
        });
        worker.on('error', (error) => fail(new Error(`a scan worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a scan worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Batches of paths, largest files first: the longest single job starts at once instead of
 * last, so the other workers drain the small files meanwhile. Files over two pieces' worth are
 * split into pieces, one batch each, so several workers share them.
 */
function largestFirstBatches(root: string, paths: readonly string[], maxFileSize: number): { paths: string[]; pieces: Piece[] }[] {
  const sized = paths.map((path) => {
    try {
      return { path, size: statSync(join(root, path)).size };
    } catch {
      return { path, size: 0 }; // the worker reports it as unreadable
    }
  });
  sized.sort((a, b) => b.size - a.size);
  const batches: { paths: string[]; pieces: Piece[] }[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const { path, size } of sized) {
    if (size > 2 * PIECE_BYTES && size <= maxFileSize) {
      for (const piece of splitIntoPieces(path, size)) batches.push({ paths: [], pieces: [piece] });
      continue;
    }
    current.push(path);
    bytes += size;
    if (current.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      batches.push({ paths: current, pieces: [] });
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) batches.push({ paths: current, pieces: [] });
  return batches;
}
