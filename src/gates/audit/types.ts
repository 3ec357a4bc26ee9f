import type { Severity } from '../../core/types.js';

/** The ecosystems the gate reads lockfiles for, spelled as OSV spells them. */
export type Ecosystem = 'npm' | 'PyPI';

/** One installed package as a lockfile records it. */
export interface LockedPackage {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  /** Only reachable through development dependencies. */
  dev: boolean;
  /** Shortest dependency chain from the project root, ending with this package's name. */
  path: string[];
  /** 1-based line of the package's entry in the lockfile, where cheap to know. */
  line?: number;
}

export interface Lockfile {
  /** Repo-relative path. */
  file: string;
  packages: LockedPackage[];
}

/** A package manager or database's verdict that one package version is vulnerable. */
export interface Vulnerability {
  /** Advisory id (GHSA/CVE/OSV id). */
  id: string;
  aliases: string[];
  /** `undefined` when the source gives none (pip-audit, records without severity data). */
  severity?: Severity;
  /** First version that is no longer affected, when the source knows one. */
  fixed?: string;
  /** Last affected version, for ranges that end in `last_affected` without a fix. */
  lastAffected?: string;
  title?: string;
  url?: string;
}

export interface Match {
  lockfile: string;
  pkg: LockedPackage;
  vuln: Vulnerability;
  /** Every dependency path the same name@version was reached by. */
  paths: string[][];
}
