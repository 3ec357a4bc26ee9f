// The record of what `wfo-gate install` changed, kept in the repository's git directory, so
// `wfo-gate uninstall` undoes exactly that and restores every original byte for byte.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type Change =
  /** A file that did not exist. `sha256`: its content as written. */
  | { kind: 'created'; path: string; sha256: string }
  /** A hook that was there, moved aside to `original` and run first by the shim at `path`. */
  | { kind: 'chained'; path: string; original: string; sha256: string }
  /** A file edited in place: its bytes before (base64) and the hash of what was written. */
  | { kind: 'edited'; path: string; before: string; sha256: string }
  /** A directory that did not exist. */
  | { kind: 'directory'; path: string }
  /** A local git config value, and what it was before (undefined: unset). */
  | { kind: 'git-config'; key: string; value: string; before?: string };

interface Manifest {
  version: 1;
  changes: Change[];
}

export function manifestPath(commonDir: string): string {
  return join(commonDir, 'wfo-gate', 'install.json');
}

export async function readManifest(commonDir: string): Promise<Change[] | undefined> {
  try {
    const parsed = JSON.parse(await readFile(manifestPath(commonDir), 'utf8')) as Manifest;
    return parsed.version === 1 && Array.isArray(parsed.changes) ? parsed.changes : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(commonDir: string, changes: Change[]): Promise<void> {
  const path = manifestPath(commonDir);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify({ version: 1, changes } satisfies Manifest, null, 2) + '\n');
}

export async function removeManifest(commonDir: string): Promise<void> {
  await rm(manifestPath(commonDir), { force: true });
  // The folder goes too when nothing else of ours is in it.
  await rmdir(dirname(manifestPath(commonDir))).catch(() => undefined);
}

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}
