import { isAbsolute, join } from 'node:path';
import type { LockfileKind } from '../lockfiles/index.js';
import type { AuditOptions } from '../options.js';
import { npmAuditSource } from './npm-audit.js';
import { npmBulkSource } from './npm-bulk.js';
import { osvApiSource } from './osv-api.js';
import { osvDatabaseSource } from './osv-db.js';
import { pipAuditSource } from './pip-audit.js';
import type { AdvisorySource } from './source.js';

const PYTHON: readonly LockfileKind[] = ['requirements', 'poetry', 'uv', 'pipenv'];

export interface SourceChoice {
  /** Sources to try in order for this kind of lockfile; the first that answers wins. */
  sourcesFor(kind: LockfileKind): AdvisorySource[];
  /** What to do when sourcesFor gave nothing. */
  noSourceHint(kind: LockfileKind): string;
}

/**
 * `auto`: the package manager's own audit (npm audit; for pnpm and yarn lockfiles the npm
 * bulk advisory endpoint they call; pip-audit), then the OSV database if osvDatabase names
 * one. The other settings use exactly one source.
 */
export function chooseSources(options: AuditOptions, root: string): SourceChoice {
  const db = options.osvDatabase
    ? osvDatabaseSource(isAbsolute(options.osvDatabase) ? options.osvDatabase : join(root, options.osvDatabase), options.osvDatabase)
    : undefined;
  const api = osvApiSource(options.osvApiUrl);
  const npm = npmAuditSource(options.registry);
  const bulk = npmBulkSource(options.registry);
  const pip = pipAuditSource(db?.index);
  return {
    sourcesFor(kind) {
      switch (options.source) {
        case 'osv-db':
          return db ? [db] : [];
        case 'osv-api':
          return [api];
        case 'npm':
          return kind === 'npm' ? [npm] : kind === 'pnpm' || kind === 'yarn' ? [bulk] : [];
        case 'auto': {
          const manager = kind === 'npm' ? [npm] : kind === 'pnpm' || kind === 'yarn' ? [bulk] : PYTHON.includes(kind) ? [pip] : [];
          return [...manager, ...(db ? [db] : [])];
        }
      }
    },
    noSourceHint(kind) {
      if (options.source === 'osv-db') return 'source osv-db needs gates.audit.osvDatabase (a folder or zip of OSV records)';
      if (options.source === 'npm') return `source npm audits npm, pnpm and yarn lockfiles, not a ${kind} lockfile: use source osv-db or osv-api`;
      return `no advisory source for a ${kind} lockfile: set gates.audit.osvDatabase (offline OSV records) or source osv-api`;
    },
  };
}
