import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Scope } from '../../core/types.js';

export interface Mirror {
  dir: string;
  /** path -> content, to read source lines back for fingerprints. */
  contents: Map<string, string>;
  remove(): Promise<void>;
}

/**
 * Writes the scope's files as the trigger sees them (index blobs for a commit, commit blobs for
 * a range) into a temp dir, so external engines that read the file system check the same
 * content wfo-gate does, not the work tree.
 */
export async function mirrorScope(scope: Scope, paths: readonly string[]): Promise<Mirror> {
  const dir = await mkdtemp(join(tmpdir(), 'wfo-sast-'));
  const contents = new Map<string, string>();
  try {
    for await (const { file, content } of scope.read(paths)) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
      contents.set(file.path, content.toString('utf8'));
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, contents, remove: () => rm(dir, { recursive: true, force: true }) };
}
