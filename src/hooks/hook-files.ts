// File operations install and uninstall share: each change is recorded so it can be undone.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { UsageError } from '../core/errors.js';
import { CHAINED_SUFFIX, isOurShim } from './hook-scripts.js';
import { sha256, type Change } from './manifest.js';

export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function ensureDirectory(path: string, changes: Change[]): Promise<void> {
  if (existsSync(path)) return;
  await mkdir(path, { recursive: true });
  changes.push({ kind: 'directory', path });
}

export type ShimResult = 'already' | 'created' | 'chained';

/**
 * Puts a shim at `path`. A hook already there that is not ours moves to `<path>.wfo-gate-chained`
 * (rename keeps its bytes and mode) and the shim runs it first.
 */
export async function placeShim(path: string, script: (chained: boolean) => string, changes: Change[]): Promise<ShimResult> {
  const existing = await readIfExists(path);
  if (existing && isOurShim(existing.toString('utf8'))) return 'already';
  if (!existing) {
    const content = script(false);
    await writeFile(path, content, { mode: 0o755 });
    changes.push({ kind: 'created', path, sha256: sha256(content) });
    return 'created';
  }
  const original = path + CHAINED_SUFFIX;
  if (existsSync(original)) {
    throw new UsageError(`${original} already exists, so the hook at ${path} cannot be chained without overwriting it`, [
      `Move one of them away (e.g. merge ${original} into ${path}), then run \`wfo-gate install\` again.`,
    ]);
  }
  await rename(path, original);
  const content = script(true);
  await writeFile(path, content, { mode: 0o755 });
  changes.push({ kind: 'chained', path, original, sha256: sha256(content) });
  return 'chained';
}

/** Appends one line to a text file (created when missing), unless a line already says it. */
export async function appendLine(path: string, line: string, changes: Change[]): Promise<'already' | 'created' | 'edited'> {
  const before = await readIfExists(path);
  const text = before?.toString('utf8') ?? '';
  if (text.split('\n').some((l) => l.trim() === line)) return 'already';
  const after = text + (text && !text.endsWith('\n') ? '\n' : '') + line + '\n';
  if (!before) {
    await writeFile(path, after, { mode: 0o755 });
    changes.push({ kind: 'created', path, sha256: sha256(after) });
    return 'created';
  }
  await writeFile(path, after);
  changes.push({ kind: 'edited', path, before: before.toString('base64'), sha256: sha256(after) });
  return 'edited';
}

/** Rewrites a file in place (mode kept), recording its bytes before. */
export async function editFile(path: string, before: Buffer, after: string, changes: Change[]): Promise<void> {
  await writeFile(path, after);
  changes.push({ kind: 'edited', path, before: before.toString('base64'), sha256: sha256(after) });
}

/** A path as the user sees it: relative to the repository root when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
