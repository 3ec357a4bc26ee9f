import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { type RuleAnalysis, SecretEngine } from './engine.js';
import { type Piece, scanPiece } from './file-pieces.js';
import type { SecretRule } from './rule.js';
import { scanWorktreeFiles } from './worktree-scan.js';

// A worker of the whole-tree scan: it compiles the rules once, then reads and scans the
// batches of paths (and pieces of large files) it is sent, so file contents never cross threads.
// The rules' analysis (anchors, search radii) comes in the first message when the pool
// sends it, worked out once for all workers instead of by each.
const { rules, root, maxFileSize } = workerData as { rules: SecretRule[]; root: string; maxFileSize: number };
let engine: SecretEngine | undefined;

parentPort!.on('message', (message: { id: number; paths: string[]; pieces: Piece[] } | { analysis: RuleAnalysis[] }) => {
  if ('analysis' in message) {
    engine = new SecretEngine(rules, message.analysis);
    return;
  }
  const batch = message;
  const scanner = (engine ??= new SecretEngine(rules));
  try {
    parentPort!.postMessage({
      id: batch.id,
      result: scanWorktreeFiles(scanner, root, batch.paths, maxFileSize),
      pieces: batch.pieces.map((piece) => scanPiece(scanner, join(root, piece.path), piece)),
    });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
  }
});
