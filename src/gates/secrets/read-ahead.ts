import { Worker } from 'node:worker_threads';
import type { SecretEngine } from './engine.js';
import type { BinaryHit } from './keystore.js';
import { type WorktreeBatchResult, addBinary, addScanned, addUnread, emptyBatchResult } from './worktree-scan.js';

// A one-thread scan of a large tree spends about half its time reading files and finding
// where the rules' keywords occur in them (KeywordIndex), neither of which needs the rules:
// a second thread can do both for the next batches while this one runs the rules on the last.
// The reading thread loads no rules and compiles no regex, so it costs little to start, where
// a second scanning thread costs more than it saves below a few hundred MB (worker-pool.ts).

export interface ReadAheadInit {
  root: string;
  maxFileSize: number;
  /** The engine's keywords, in its id order (SecretEngine.keywords). */
  keywords: readonly string[];
}

/** A batch of paths to read; `buffer` hands back one of the thread's earlier buffers for reuse. */
export interface ReadAheadRequest {
  paths: string[];
  buffer?: ArrayBuffer;
}

/** One file of a read batch: text (its bytes and keyword occurrences, by offset into the batch's arrays), binary, or not read. */
export type ReadAheadFile =
  | { path: string; kind: 'text'; start: number; length: number; from: number; count: number }
  | { path: string; kind: 'binary'; keystore?: BinaryHit }
  | { path: string; kind: 'tooLarge' | 'symlink' | 'unreadable' };

export interface ReadAheadReply {
  files: ReadAheadFile[];
  /** The text files' bytes, one after another. */
  buffer: ArrayBuffer;
  keywordIds: Int32Array<ArrayBuffer>;
  endOffsets: Int32Array<ArrayBuffer>;
  error?: string;
}

/** The reading thread, its replies taken in the order the batches were sent. */
export class ReadAhead {
  private readonly worker: Worker;
  private readonly replies: ReadAheadReply[] = [];
  private waiting: { resolve: (reply: ReadAheadReply) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  /** Batches sent and not yet read. */
  reading = 0;

  /** `onRead` runs as each batch arrives (before it is taken): the time to send the thread more. */
  constructor(script: string, init: ReadAheadInit, onRead: () => void) {
    this.worker = new Worker(script, { workerData: init });
    this.worker.on('message', (reply: ReadAheadReply) => {
      if (reply.error !== undefined) return this.fail(new Error(`the reading thread failed: ${reply.error}`));
      this.reading--;
      onRead();
      if (this.waiting) {
        this.waiting.resolve(reply);
        this.waiting = undefined;
      } else this.replies.push(reply);
    });
    this.worker.on('error', (error) => this.fail(new Error(`the reading thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`the reading thread exited with code ${code}`));
    });
  }

  request(paths: string[], buffer?: ArrayBuffer): void {
    const request: ReadAheadRequest = { paths, buffer };
    this.reading++;
    this.worker.postMessage(request, buffer ? [buffer] : []);
  }

  /** Whether a reply is waiting to be taken. */
  get ready(): boolean {
    return this.replies.length > 0;
  }

  /** The reply to the oldest batch not yet taken. */
  next(): Promise<ReadAheadReply> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the reading thread was closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = undefined;
  }
}

/** Runs the rules over a read batch, as scanWorktreeFiles would over the same paths. */
export function scanReadBatch(engine: SecretEngine, reply: ReadAheadReply): WorktreeBatchResult {
  const result = emptyBatchResult();
  for (const file of reply.files) {
    if (file.kind === 'text') {
      const content = Buffer.from(reply.buffer, file.start, file.length);
      const occurrences = {
        count: file.count,
        keywordIds: reply.keywordIds.subarray(file.from, file.from + file.count),
        endOffsets: reply.endOffsets.subarray(file.from, file.from + file.count),
      };
      addScanned(result, engine, file.path, content, occurrences);
    } else if (file.kind === 'binary') addBinary(result, file.path, file.keystore);
    else addUnread(result, file.path, file.kind);
  }
  return result;
}
