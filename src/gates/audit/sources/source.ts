import type { LockfileKind } from '../lockfiles/index.js';
import type { PackageVulnerability } from '../osv/match.js';
import type { LockedPackage } from '../types.js';

/** A lockfile as read from the scope, ready for a source to audit. */
export interface LoadedLockfile {
  file: string;
  kind: LockfileKind;
  text: string;
  /** The package.json beside it, when there is one. */
  manifest?: string;
  /** The .npmrc beside it, so npm audit asks the registry the project uses. */
  npmrc?: string;
  packages: LockedPackage[];
  /** Requirements without an exact pin (requirements files): not audited, said in the summary. */
  unpinned: { name: string; line: number }[];
}

export interface AdvisorySource {
  /** How reports and errors name it: `npm audit`, `OSV database x.zip` … */
  name: string;
  audit(lockfile: LoadedLockfile, signal: AbortSignal): Promise<PackageVulnerability[]>;
}

/** The source could not answer (tool missing, network down, unreadable output): try the next, or fail closed. */
export class SourceError extends Error {}

/** URLs in tools' messages may carry `user:token@`: report them without it. */
export function withoutUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@');
}
