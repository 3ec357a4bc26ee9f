import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Piece, type PieceResult, PIECE_BYTES, PieceCollector, scanPiece, splitIntoPieces } from './file-pieces.js';
import type { SecretRule } from './rule.js';
import type { SecretEngine } from './engine.js';
import { ReadAhead, scanReadBatch } from './read-ahead.js';
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
  scripts: { scan?: string; readAhead?: string },
  threads: number,
  init: { rules: SecretRule[]; root: string; maxFileSize: number },
  engine: SecretEngine,
  paths: readonly string[],
  signal: AbortSignal,
  onResult: (result: WorktreeBatchResult) => void,
): Promise<{ threads: number; readAhead: boolean }> {
  const { batches, bytes } = largestFirstBatches(init.root, paths, init.maxFileSize);
  const script = scripts.scan;
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
  if (count === 1 && scripts.readAhead !== undefined && readsAhead(threads, bytes)) {
    await scanReadingAhead(scripts.readAhead, init, engine, batches, signal, deliver);
    return { threads: 1, readAhead: true };
  }
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
  return { threads: count, readAhead: false };
}

/** Bytes of text past which a one-thread scan has a second thread read ahead (read-ahead.ts): its start-up (~30 ms of CPU) is then a few per cent of the scan. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/** Whether a one-thread scan of `bytes` reads ahead on a second thread: with `workers` left to the size (0), and a second core to run it. */
function readsAhead(threads: number, bytes: number): boolean {
  return threads === 0 && bytes >= READ_AHEAD_BYTES && availableParallelism() > 1;
}

/** Batches sent to the reading thread and not yet read: one being read, one waiting, so it never idles between them. */
const READING_BATCHES = 2;
/** Batches read and not yet scanned here, at most: what bounds the bytes held at once. */
const READ_BATCHES = 4;

/**
 * One scanning thread, with a second reading path batches ahead of it (read-ahead.ts). This
 * thread first reads and scans the pieces of large files itself, and whenever no read batch
 * is ready it takes the last batch not yet sent and reads it too, so neither thread waits
 * while the other has work left. A scanned batch's buffer goes back to the reading thread
 * with a later request: the bytes of a few batches are all that is held at once, and pages
 * are not faulted in afresh for every file.
 */
async function scanReadingAhead(
  script: string,
  init: { root: string; maxFileSize: number },
  engine: SecretEngine,
  batches: readonly Batch[],
  signal: AbortSignal,
  deliver: (reply: BatchReply) => void,
): Promise<void> {
  const pathBatches = batches.filter((b) => b.paths.length > 0);
  const pieceBatches = batches.filter((b) => b.pieces.length > 0);
  // Batches [front, back) are neither sent nor scanned here yet.
  let front = 0;
  let back = pathBatches.length;
  let unscanned = 0; // sent, and not yet scanned here
  const buffers: ArrayBuffer[] = [];
  const send = () => {
    while (front < back && reader.reading < READING_BATCHES && unscanned < READING_BATCHES + READ_BATCHES) {
      reader.request(pathBatches[front++].paths, buffers.pop());
      unscanned++;
    }
  };
  const reader = new ReadAhead(script, { root: init.root, maxFileSize: init.maxFileSize, keywords: engine.keywords }, send);
  const unlessCancelled = (result: () => BatchReply) => {
    if (signal.aborted) throw new Error('the secrets scan was cancelled');
    deliver(result());
  };
  const scanHere = (batch: Batch) => unlessCancelled(() => scanBatch(engine, init.root, init.maxFileSize, batch));
  try {
    send();
    for (const batch of pieceBatches) {
      scanHere(batch);
      await new Promise(setImmediate);
    }
    while (unscanned > 0) {
      if (!reader.ready && front < back) {
        scanHere(pathBatches[--back]);
        // Let the reading thread's replies in (they arrive as events): else this thread would
        // take every batch while the other waits for its next request.
        await new Promise(setImmediate);
        continue;
      }
      const reply = await reader.next();
      unscanned--;
      unlessCancelled(() => ({ result: scanReadBatch(engine, reply) }));
      buffers.push(reply.buffer);
      send();
    }
  } finally {
    await reader.close();
  }
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
