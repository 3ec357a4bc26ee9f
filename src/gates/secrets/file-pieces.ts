import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { READ_ONLY_NO_FOLLOW } from './worktree-scan.js';
import { isBinary } from '../../core/content.js';
import type { SecretEngine } from './engine.js';
import { type SecretHit, hitsInContent } from './hits.js';
import { type BinaryHit, keystoreHit } from './keystore.js';
import { readReused } from './read-buffer.js';

/**
 * Large files are split into pieces scanned by different workers, so one 70 MB file does not
 * leave the other cores idle. Each piece is read with OVERLAP bytes on both sides (more than
 * any rule's reach in practice: a PEM body, a JWT, a manifest's look-behind) and keeps only
 * the secrets that start inside its own range; lines are made absolute once all pieces of the
 * file are back.
 */
export const PIECE_BYTES = 4 * 1024 * 1024;
const OVERLAP = 64 * 1024;
/** How much of a file's head decides whether it is binary (isBinary reads 8,000 bytes). */
const BINARY_HEAD = 8000;

export interface Piece {
  path: string;
  start: number;
  end: number;
  /** How many pieces the file has, so the collector knows when it is complete. */
  of: number;
}

export interface PieceResult {
  piece: Piece;
  /** Lines relative to the piece's first line (the line holding byte `start`). */
  hits: SecretHit[];
  newlines: number;
  binary: boolean;
  /** The first piece of a binary file that is a key store: its verdict. */
  keystore?: BinaryHit;
  unreadable: boolean;
}

export function splitIntoPieces(path: string, size: number): Piece[] {
  const count = Math.ceil(size / PIECE_BYTES);
  return Array.from({ length: count }, (_, i) => ({ path, start: i * PIECE_BYTES, end: Math.min(size, (i + 1) * PIECE_BYTES), of: count }));
}

export function scanPiece(engine: SecretEngine, absolutePath: string, piece: Piece): PieceResult {
  const result: PieceResult = { piece, hits: [], newlines: 0, binary: false, unreadable: false };
  let fd: number;
  try {
    fd = openSync(absolutePath, READ_ONLY_NO_FOLLOW);
  } catch {
    return { ...result, unreadable: true };
  }
  try {
    // A binary file's pieces past the first are not scanned either: its head decides (the
    // collector drops the file's hits when any piece says binary), and a 24 MB executable
    // would otherwise cost five pieces of scanning for nothing.
    if (piece.start > 0 && isBinary(readReused(fd, 0, Math.min(piece.start, BINARY_HEAD)))) return { ...result, binary: true };
    const readStart = Math.max(0, piece.start - OVERLAP);
    const content = readReused(fd, readStart, piece.end + OVERLAP);
    if (piece.start === 0 && isBinary(content)) return { ...result, binary: true, keystore: keystoreHit(content, fstatSync(fd).size) };
    const own = content.subarray(piece.start - readStart, piece.end - readStart);
    result.newlines = countNewlines(own);
    const before = countNewlines(content.subarray(0, piece.start - readStart));
    // Where the line holding `readStart` began, for columns of secrets on that line.
    const firstLineStart = readStart === 0 ? 0 : lastNewlineBefore(fd, readStart) + 1;
    for (const hit of hitsInContent(engine, content, piece.path)) {
      const at = readStart + hit.offset;
      if (at < piece.start || at >= piece.end) continue;
      const column = hit.line === 1 ? hit.column + (readStart - firstLineStart) : hit.column;
      result.hits.push({ ...hit, offset: at, line: hit.line - before, column });
    }
    return result;
  } catch {
    return { ...result, unreadable: true };
  } finally {
    closeSync(fd);
  }
}

function readRange(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(end - start);
  let read = 0;
  while (read < buffer.length) {
    const n = readSync(fd, buffer, read, buffer.length - read, start + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
  return count;
}

/** Offset of the last newline before `offset`, reading backwards in blocks; -1 if none. */
function lastNewlineBefore(fd: number, offset: number): number {
  const block = 64 * 1024;
  for (let end = offset; end > 0; end -= block) {
    const start = Math.max(0, end - block);
    const found = readRange(fd, start, end).lastIndexOf(10);
    if (found !== -1) return start + found;
  }
  return -1;
}

/** Gathers the pieces of split files; when a file is complete, hands back its hits with absolute lines. */
export class PieceCollector {
  private readonly files = new Map<string, PieceResult[]>();

  /** Returns the file's outcome once its last piece arrives, else undefined. */
  add(result: PieceResult): { path: string; size: number; hits: SecretHit[]; binary: boolean; keystore?: BinaryHit; unreadable: boolean } | undefined {
    const { path, of } = result.piece;
    const pieces = this.files.get(path) ?? [];
    pieces.push(result);
    this.files.set(path, pieces);
    if (pieces.length < of) return undefined;
    this.files.delete(path);
    pieces.sort((a, b) => a.piece.start - b.piece.start);
    const binary = pieces.some((p) => p.binary);
    const unreadable = pieces.some((p) => p.unreadable);
    const hits: SecretHit[] = [];
    let linesBefore = 0;
    for (const p of pieces) {
      for (const hit of p.hits) hits.push({ ...hit, line: hit.line + linesBefore });
      linesBefore += p.newlines;
    }
    const keystore = unreadable ? undefined : pieces[0].keystore;
    return { path, size: pieces[pieces.length - 1].piece.end, hits: binary || unreadable ? [] : hits, binary, ...(keystore ? { keystore } : {}), unreadable };
  }
}
