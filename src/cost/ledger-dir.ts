import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The ledger folder cannot be used: a sentence for the user, never a raw errno. */
export class LedgerPathError extends Error {
  override name = 'LedgerPathError';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'folders cannot be created there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists and is not a folder',
};

/**
 * Makes the ledger folder, one level at a time from the nearest folder that exists. (A
 * recursive mkdir under a virtual file system such as /proc retries forever instead of
 * failing.) Throws LedgerPathError at once when the path cannot be a ledger folder.
 */
export async function ensureLedgerDir(dir: string, display: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw new LedgerPathError(unusable(display, at === dir ? 'it is a file, not a folder' : `${at} is a file, not a folder`));
      break;
    }
    if (info.code !== 'ENOENT') throw new LedgerPathError(unusable(display, REASONS[info.code ?? ''] ?? info.code ?? 'unknown error'));
    const parent = dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST' && (await stat(folder).catch(() => undefined))?.isDirectory()) continue;
      throw new LedgerPathError(unusable(display, `cannot create ${folder}: ${REASONS[code] ?? code}`));
    }
  }
}

function unusable(display: string, reason: string): string {
  return `the cost ledger folder ${display}/ cannot be used (${reason}); nothing was written. Point --ledger or gates.budget.ledger at a folder you can write`;
}
