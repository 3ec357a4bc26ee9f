import { parentPort, workerData } from 'node:worker_threads';
import { SecretEngine } from './engine.js';
import type { Piece } from './file-pieces.js';
import type { SecretRule } from './rule.js';
import { scanBatch } from './worker-pool.js';

// A worker of the whole-tree scan: it compiles the rules once, then reads and scans the
// batches of paths (and pieces of large files) it is sent, so file contents never cross threads.
const { rules, root, maxFileSize } = workerData as { rules: SecretRule[]; root: string; maxFileSize: number };
const engine = new SecretEngine(rules, { checked: true }); // the gate's own rules, checked on its thread

parentPort!.on('message', (batch: { id: number; paths: string[]; pieces: Piece[] }) => {
  try {
    parentPort!.postMessage({ id: batch.id, ...scanBatch(engine, root, maxFileSize, batch) });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
  }
});
