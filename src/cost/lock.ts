import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = '.wfo-gate.lock';

/** Another writer held the lock for longer than we were willing to wait. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export interface LockOptions {
  timeoutMs?: number;
  /** A lock older than this is taken over even if its owner looks alive (e.g. another host). */
  staleMs?: number;
}

/**
 * Takes the ledger's lock file (created exclusively, O_EXCL), waiting while another process
 * holds it. A lock left by a process that died on this host, or older than `staleMs`, is
 * removed. Returns the release function.
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const started = Date.now();
  const owner = `${process.pid} ${hostname()} ${new Date().toISOString()}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(owner);
      } finally {
        await handle.close();
      }
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stale = await staleOwner(path, staleMs);
    // Re-read just before removing, so a lock another waiter has just re-taken is left alone.
    if (stale !== undefined && (await readFile(path, 'utf8').catch(() => undefined)) === stale) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      const holder = (await readFile(path, 'utf8').catch(() => '')).trim();
      throw new LockTimeoutError(
        `${path} is held by another wfo-gate process (${holder || 'unknown'}) for over ${Math.round(timeoutMs / 1000)} s; if none is running, delete the file`,
      );
    }
    await sleep(Math.min(5 + attempt * 5, 50) + Math.random() * 10);
  }
}

/** The lock file's content when its owner is gone or it is too old, else undefined. */
async function staleOwner(path: string, staleMs: number): Promise<string | undefined> {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, 'utf8')]);
    if (Date.now() - info.mtimeMs > staleMs) return text;
    const [pid, host] = text.split(' ');
    if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return undefined;
    return processAlive(Number(pid)) ? undefined : text;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
