import type { LockedPackage } from '../types.js';
import { LockfileError } from './graph.js';
import { readNpmLock } from './npm-lock.js';
import { readPnpmLock } from './pnpm-lock.js';
import { readPipfileLock, readPoetryLock, readRequirements, readUvLock } from './python-lock.js';
import { readYarnLock } from './yarn-lock.js';

export { LockfileError };

/** Where the gate looks for lockfiles unless `lockfiles` says otherwise. */
export const DEFAULT_LOCKFILE_GLOBS = [
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/pnpm-lock.yaml',
  '**/yarn.lock',
  '**/requirements*.txt',
  '**/poetry.lock',
  '**/uv.lock',
  '**/Pipfile.lock',
];

export type LockfileKind = 'npm' | 'pnpm' | 'yarn' | 'requirements' | 'poetry' | 'uv' | 'pipenv';

export function lockfileKind(path: string): LockfileKind | undefined {
  const base = path.split('/').pop() ?? '';
  if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') return 'npm';
  if (base === 'pnpm-lock.yaml') return 'pnpm';
  if (base === 'yarn.lock') return 'yarn';
  if (/^requirements.*\.txt$/.test(base)) return 'requirements';
  if (base === 'poetry.lock') return 'poetry';
  if (base === 'uv.lock') return 'uv';
  if (base === 'Pipfile.lock') return 'pipenv';
  return undefined;
}

export interface ParsedLockfile {
  kind: LockfileKind;
  packages: LockedPackage[];
  /** Requirements without an exact pin, which the gate cannot audit (requirements files only). */
  unpinned: { name: string; line: number }[];
}

/**
 * Reads one lockfile. `manifest` is the package.json beside it, when there is one: classic and
 * berry yarn.lock and v1 package-lock.json need it to tell direct and dev dependencies.
 * Throws LockfileError with what is wrong and how to fix it.
 */
export function readLockfile(path: string, text: string, manifest?: string): ParsedLockfile {
  const kind = lockfileKind(path);
  if (!kind) throw new LockfileError('not a lockfile the audit gate can read (see the `lockfiles` option)');
  switch (kind) {
    case 'npm':
      return { kind, packages: readNpmLock(text, manifest), unpinned: [] };
    case 'pnpm':
      return { kind, packages: readPnpmLock(text), unpinned: [] };
    case 'yarn':
      return { kind, packages: readYarnLock(text, manifest), unpinned: [] };
    case 'requirements': {
      const { packages, unpinned } = readRequirements(text, path);
      return { kind, packages, unpinned };
    }
    case 'poetry':
      return { kind, packages: readPoetryLock(text), unpinned: [] };
    case 'uv':
      return { kind, packages: readUvLock(text), unpinned: [] };
    case 'pipenv':
      return { kind, packages: readPipfileLock(text), unpinned: [] };
  }
}
