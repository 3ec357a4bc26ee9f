// `wfo-gate uninstall`: undoes what install recorded, newest first. Files nobody touched since
// get their original bytes back; files edited since lose only the wfo-gate line.
import { existsSync } from 'node:fs';
import { readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig, gitPath, setConfig, unsetConfig, type RepoInfo } from '../core/git.js';
import { displayPath, readIfExists } from './hook-files.js';
import { CHAINED_SUFFIX, HOOK_NAMES, huskyLine, isOurShim } from './hook-scripts.js';
import { readManifest, removeManifest, sha256, type Change } from './manifest.js';

export interface UninstallOutcome {
  messages: string[];
}

export async function uninstallHooks(repo: RepoInfo): Promise<UninstallOutcome> {
  const changes = await readManifest(repo.commonDir);
  const show = (path: string) => displayPath(repo.root, path);
  const messages: string[] = [];
  if (!changes) {
    messages.push('no install record in the git directory: removing the wfo-gate hooks found by their marker');
    messages.push(...(await removeByMarker(repo.root, show)));
  } else {
    for (const change of [...changes].reverse()) messages.push(...(await undo(repo.root, change, show)));
    await removeManifest(repo.commonDir);
  }
  if (messages.length === (changes ? 0 : 1)) messages.push('nothing to remove: wfo-gate hooks were not installed here');
  return { messages };
}

async function undo(root: string, change: Change, show: (path: string) => string): Promise<string[]> {
  switch (change.kind) {
    case 'created': {
      const current = await readIfExists(change.path);
      if (!current) return [];
      if (sha256(current) === change.sha256 || isOurShim(current.toString('utf8'))) {
        await rm(change.path);
        return [`${show(change.path)}: removed`];
      }
      return removeOurLine(change.path, current, show);
    }
    case 'chained': {
      const current = await readIfExists(change.path);
      if (current && !isOurShim(current.toString('utf8'))) {
        return [`${show(change.path)}: changed since install, left as is; the original hook is ${show(change.original)}`];
      }
      if (!existsSync(change.original)) {
        if (current) await rm(change.path);
        return [`${show(change.path)}: removed (the original hook ${show(change.original)} was gone)`];
      }
      await rename(change.original, change.path);
      return [`${show(change.path)}: original hook restored`];
    }
    case 'edited': {
      const current = await readIfExists(change.path);
      if (!current) return [`${show(change.path)}: gone, nothing to restore`];
      if (sha256(current) === change.sha256) {
        await writeFile(change.path, Buffer.from(change.before, 'base64'));
        return [`${show(change.path)}: restored as it was`];
      }
      if (change.path.endsWith('package.json')) {
        return [`${show(change.path)}: changed since install, left as is (remove husky from devDependencies and "prepare" yourself if you no longer want it)`];
      }
      return removeOurLine(change.path, current, show);
    }
    case 'directory': {
      if (!existsSync(change.path)) return [];
      // husky generates `.husky/_` wholesale (and git-ignores it); other directories go only when empty.
      if (change.path.endsWith(join('.husky', '_'))) await rm(change.path, { recursive: true, force: true });
      else if ((await readdir(change.path)).length === 0) await rmdir(change.path);
      else return [`${show(change.path)}: not empty, left in place`];
      return [`${show(change.path)}/: removed`];
    }
    case 'git-config': {
      if ((await getConfig(root, change.key)) !== change.value) return [`${change.key}: changed since install, left as is`];
      if (change.before === undefined) await unsetConfig(root, change.key);
      else await setConfig(root, change.key, change.before);
      return [`${change.key}: ${change.before === undefined ? 'unset' : `back to ${change.before}`}`];
    }
  }
}

/** Drops the wfo-gate lines from a hook file someone edited after install. */
async function removeOurLine(path: string, current: Buffer, show: (path: string) => string): Promise<string[]> {
  const ours = new Set<string>(HOOK_NAMES.map(huskyLine));
  const lines = current.toString('utf8').split('\n');
  const kept = lines.filter((l) => !ours.has(l.trim()));
  if (kept.length === lines.length) return [`${show(path)}: changed since install and has no wfo-gate line, left as is`];
  await writeFile(path, kept.join('\n'));
  return [`${show(path)}: wfo-gate line removed (the file was edited since install, so the rest stays as it is now)`];
}

/** Without an install record (e.g. another clone): shims by their marker, husky files by their line. */
async function removeByMarker(root: string, show: (path: string) => string): Promise<string[]> {
  const messages: string[] = [];
  const hooksDir = await gitPath(root, 'hooks');
  for (const hook of HOOK_NAMES) {
    const path = join(hooksDir, hook);
    const current = await readIfExists(path);
    if (current && isOurShim(current.toString('utf8'))) {
      const original = path + CHAINED_SUFFIX;
      if (existsSync(original)) {
        await rename(original, path);
        messages.push(`${show(path)}: original hook restored`);
      } else {
        await rm(path);
        messages.push(`${show(path)}: removed`);
      }
    }
    const husky = join(root, '.husky', hook);
    const huskyFile = await readIfExists(husky);
    if (huskyFile) {
      const result = await removeOurLine(husky, huskyFile, show);
      if (!result[0].includes('has no wfo-gate line')) messages.push(`${show(husky)}: wfo-gate line removed`);
    }
  }
  return messages;
}
