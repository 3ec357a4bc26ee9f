import { parentPort, workerData } from 'node:worker_threads';
import { isBinary } from '../../core/content.js';
import { keywordIndexFor } from './keyword-tables.js';
import { keystoreHit } from './keystore.js';
import type { ReadAheadFile, ReadAheadInit, ReadAheadReply, ReadAheadRequest } from './read-ahead.js';
import { readInto } from './read-buffer.js';
import { readWorktreeFile } from './worktree-scan.js';

// The reading thread of a one-thread scan (read-ahead.ts): reads each batch of paths into one
// buffer, tells binary files from text, and finds the keywords' occurrences in the text.
const { root, maxFileSize, keywords } = workerData as ReadAheadInit;
const index = keywordIndexFor(keywords);

parentPort!.on('message', ({ paths, buffer }: ReadAheadRequest) => {
  try {
    const reply = readBatch(paths, buffer);
    parentPort!.postMessage(reply, [reply.buffer, reply.keywordIds.buffer, reply.endOffsets.buffer]);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});

function readBatch(paths: readonly string[], reused: ArrayBuffer | undefined): ReadAheadReply {
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(reused ?? new ArrayBuffer(1 << 20));
  let used = 0;
  let ids: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let ends: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let occurrences = 0;
  const files: ReadAheadFile[] = [];
  const readAtEnd = (fd: number, size: number): Buffer => {
    if (used + size > bytes.length) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, used + size));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    return Buffer.from(bytes.buffer, used, readInto(fd, bytes, used, 0, size));
  };
  for (const path of paths) {
    const read = readWorktreeFile(root, path, maxFileSize, readAtEnd);
    if (read.kind === 'absent') continue;
    if (read.kind !== 'content') {
      files.push({ path, kind: read.kind });
      continue;
    }
    const { content } = read;
    if (isBinary(content)) {
      files.push({ path, kind: 'binary', keystore: keystoreHit(content, content.length) });
      continue; // its bytes are overwritten by the next file's
    }
    const count = index.scan(content);
    if (occurrences + count > ids.length) {
      const size = Math.max(2 * ids.length, occurrences + count);
      ids = grownTo(ids, size);
      ends = grownTo(ends, size);
    }
    ids.set(index.keywordIds.subarray(0, count), occurrences);
    ends.set(index.endOffsets.subarray(0, count), occurrences);
    files.push({ path, kind: 'text', start: used, length: content.length, from: occurrences, count });
    used += content.length;
    occurrences += count;
  }
  return { files, buffer: bytes.buffer, keywordIds: ids, endOffsets: ends };
}

function grownTo(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
