import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Piece, type PieceResult, PIECE_BYTES, PieceCollector, scanPiece, splitIntoPieces } from './file-pieces.js';
import type { SecretRule } from './rule.js';
import type { SecretEngine } from './engine.js';
import { type WorktreeBatchResult, scanWorktreeFiles } from './worktree-scan.js';

const BATCH_FILES = 32;
/** A batch closes at this many bytes, so one worker is not handed several large files at once. */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Bytes of files worth one more thread. Each thread pays its own start-up before it scans a
 * byte — loading the worker, compiling the rules, V8 optimising the scanner (~0.45 s of CPU,
 * measured on the 118 MB real-code tree of issue #15) — while one thread scans ~120 MB in about
 * a second: on that tree one thread used a third less CPU than two workers and, on a loaded
 * 2-core machine, less wall time too. Past this much text the extra threads pay for themselves.
 */
const THREAD_BYTES = 256 * 1024 * 1024;

/**
 * Threads for a scan of `files` files of `bytes` bytes: `requested` (`workers` in the config),
 * or for 0 one per core and per THREAD_BYTES; never more than there are batches.
 */
export function workerCount(requested: number, files: number, bytes: number): number {
  const wanted = requested > 0 ? requested : Math.min(availableParallelism(), Math.ceil(bytes / THREAD_BYTES));
  return Math.max(1, Math.min(wanted, Math.ceil(files / BATCH_FILES)));
}

type Batch = { paths: string[]; pieces: Piece[] };
type BatchReply = { result?: WorktreeBatchResult; pieces?: PieceResult[]; error?: string };

/** Scans one batch in this thread, as a worker would (scan.worker.ts). */
export function scanBatch(engine: SecretEngine, root: string, maxFileSize: number, batch: Batch): BatchReply {
  return {
    result: scanWorktreeFiles(engine, root, batch.paths, maxFileSize),
    pieces: batch.pieces.map((piece) => scanPiece(engine, join(root, piece.path), piece)),
  };
}

/**
 * Scans work-tree files on up to `threads` threads (workerCount: fewer for a small tree):
 * this thread, which scans with `engine` (already built here for the gate), and workers
 * running `script` (without one, this thread alone). Batches are handed out as threads
 * finish them, so one huge file does not hold up the rest; each worker holds two batches so
 * it does not wait while this thread is busy scanning. Rejects on the first failure.
 */
export async function scanOnWorkers(
  script: string | undefined,
  threads: number,
  init: { rules: SecretRule[]; root: string; maxFileSize: number },
  engine: SecretEngine,
  paths: readonly string[],
  signal: AbortSignal,
  onResult: (result: WorktreeBatchResult) => void,
): Promise<number> {
  const { batches, bytes } = largestFirstBatches(init.root, paths, init.maxFileSize);
  const count = script === undefined ? 1 : workerCount(threads, paths.length, bytes);
  const collector = new PieceCollector();
  const workers = Array.from({ length: count - 1 }, () => new Worker(script!, { workerData: init }));
  const deliver = (message: BatchReply) => {
    if (message.error !== undefined) throw new Error(`a scan worker failed: ${message.error}`);
    onResult(message.result!);
    for (const piece of message.pieces ?? []) {
      const file = collector.add(piece);
      if (!file) continue;
      onResult({
        hits: file.hits.length ? [{ path: file.path, hits: file.hits }] : [],
        binary: file.binary ? [file.path] : [],
        keystores: file.keystore ? [{ path: file.path, hit: file.keystore }] : [],
        tooLarge: [],
        symlinks: [],
        unreadable: file.unreadable ? [file.path] : [],
        scanned: file.binary || file.unreadable ? [] : [{ path: file.path, bytes: file.size }],
        bytes: file.binary || file.unreadable ? 0 : file.size,
      });
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      const done = () => {
        if (next >= batches.length && pending === 0) resolve();
      };
      signal.addEventListener('abort', () => fail(new Error('the secrets scan was cancelled')), { once: true });
      const feed = (worker: Worker) => {
        if (next >= batches.length) return done();
        pending++;
        worker.postMessage({ id: next, ...batches[next++] });
      };
      // This thread takes a batch, then lets the workers' replies in before the next one.
      const scanHere = () => {
        if (failed) return;
        if (next >= batches.length) return done();
        pending++;
        const batch = batches[next++];
        try {
          deliver(scanBatch(engine, init.root, init.maxFileSize, batch));
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        pending--;
        setImmediate(scanHere);
      };
      for (const worker of workers) {
        worker.on('message', (message: BatchReply) => {
          pending--;
          try {
            deliver(message);
          } catch (error) {
            return fail(error as Error);
          }
          feed(worker);
        });
        worker.on('error', (error) => fail(new Error(`a scan worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a scan worker exited with code ${code}`));
        });
        feed(worker);
        feed(worker);
      }
      scanHere();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return count;
}

/**
 * Batches of paths, largest files first: the longest single job starts at once instead of
 * last, so the other workers drain the small files meanwhile. Files over two pieces' worth are
 * split into pieces, one batch each, so several workers share them.
 */
function largestFirstBatches(root: string, paths: readonly string[], maxFileSize: number): { batches: Batch[]; bytes: number } {
  const sized = paths.map((path) => {
    try {
      // lstat: a symlink is never followed to its target's size (the worker skips it as a symlink).
      const stat = lstatSync(join(root, path));
      return { path, size: stat.isFile() ? stat.size : 0 };
    } catch {
      return { path, size: 0 }; // the worker reports it as unreadable
    }
  });
  sized.sort((a, b) => b.size - a.size);
  let total = 0;
  for (const { size } of sized) if (size <= maxFileSize) total += size;
  const batches: Batch[] = [];
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
  return { batches, bytes: total };
}
