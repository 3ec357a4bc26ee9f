import type { LockedPackage, Vulnerability } from '../types.js';
import { type VersionScheme, versionScheme } from '../versions/index.js';
import type { OsvIndex } from './database.js';
import { type AffectedHit, affectedHit, recordSeverity, type OsvRecord } from './record.js';

export interface PackageVulnerability {
  pkg: LockedPackage;
  vuln: Vulnerability;
}

/**
 * Every (package, record) pair where the package's version is affected. A record that lists
 * the same package in several `affected[]` entries (one per release line) yields one pair.
 */
export function matchOsv(index: OsvIndex, packages: readonly LockedPackage[]): PackageVulnerability[] {
  const out: PackageVulnerability[] = [];
  for (const pkg of packages) {
    const scheme = versionScheme(pkg.ecosystem);
    const byRecord = new Map<OsvRecord, AffectedHit>();
    for (const { record, affected } of index.lookup(pkg.ecosystem, pkg.name)) {
      const hit = affectedHit(affected, pkg.version, scheme);
      if (hit) byRecord.set(record, nearestFix(byRecord.get(record), hit, scheme));
    }
    for (const [record, hit] of byRecord) {
      out.push({ pkg, vuln: { ...vulnerabilityOf(record), fixed: hit.fixed, lastAffected: hit.lastAffected } });
    }
  }
  return out;
}

export function vulnerabilityOf(record: OsvRecord): Vulnerability {
  return {
    id: record.id,
    aliases: Array.isArray(record.aliases) ? record.aliases.filter((a) => typeof a === 'string') : [],
    severity: recordSeverity(record),
    title: typeof record.summary === 'string' ? record.summary : undefined,
  };
}

/**
 * Overlapping ranges (a real node-fetch record has [1.0, 3.1.1) and [0, 2.6.7)) can both
 * contain a version: the lowest fix is the upgrade to advise.
 */
function nearestFix(a: AffectedHit | undefined, b: AffectedHit, scheme: VersionScheme): AffectedHit {
  if (!a?.fixed) return a && !b.fixed ? a : b;
  if (!b.fixed) return a;
  const pa = scheme.parse(a.fixed);
  const pb = scheme.parse(b.fixed);
  return pa !== undefined && pb !== undefined && scheme.compare(pb, pa) < 0 ? b : a;
}
