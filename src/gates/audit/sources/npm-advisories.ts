import semver from 'semver';
import type { Severity } from '../../../core/types.js';
import type { PackageVulnerability } from '../osv/match.js';
import type { LockedPackage, Vulnerability } from '../types.js';

/** An advisory as npm's audit endpoints and `npm audit --json` describe it. */
export interface NpmAdvisory {
  name: string;
  /** A semver range such as `<1.2.6` or `>=1.0.0 <1.2.6 || <0.2.4`. */
  range: string;
  severity: string;
  url?: string;
  title?: string;
  /** npm's numeric id, used when the URL names no GHSA. */
  source?: number | string;
}

const NPM_SEVERITY: Record<string, Severity> = { info: 'info', low: 'low', moderate: 'medium', medium: 'medium', high: 'high', critical: 'critical' };

/** Applies advisories (which name a package and a range) to the lockfile's packages. */
export function applyNpmAdvisories(advisories: readonly NpmAdvisory[], packages: readonly LockedPackage[]): PackageVulnerability[] {
  const byName = new Map<string, NpmAdvisory[]>();
  for (const a of advisories) {
    const key = a.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), a]);
  }
  const out: PackageVulnerability[] = [];
  for (const pkg of packages) {
    for (const advisory of byName.get(pkg.name.toLowerCase()) ?? []) {
      const range = new semver.Range(advisory.range, { loose: true, includePrerelease: true });
      if (!semver.valid(pkg.version, { loose: true }) || !range.test(pkg.version)) continue;
      out.push({ pkg, vuln: { ...npmVulnerability(advisory), ...boundsAbove(range, pkg.version) } });
    }
  }
  return out;
}

function npmVulnerability(a: NpmAdvisory): Vulnerability {
  const ghsa = /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(a.url ?? '')?.[0];
  return {
    id: ghsa ?? `npm-${a.source ?? a.name}`,
    aliases: [],
    severity: NPM_SEVERITY[a.severity.toLowerCase()],
    title: a.title,
    url: a.url,
  };
}

/** The `<X` (fixed) or `<=X` (last affected) bound of the comparator set the version falls in. */
function boundsAbove(range: semver.Range, version: string): Pick<Vulnerability, 'fixed' | 'lastAffected'> {
  for (const set of range.set) {
    if (!set.every((c) => c.test(version))) continue;
    for (const c of set) {
      if (c.operator === '<') return { fixed: c.semver.version };
      if (c.operator === '<=') return { lastAffected: c.semver.version };
    }
  }
  return {};
}
