import { fingerprint } from '../../core/fingerprint.js';
import type { Finding, RuleInfo, Severity } from '../../core/types.js';
import type { LockedPackage, Match, Vulnerability } from './types.js';
import type { PackageVulnerability } from './osv/match.js';
import { normalizePackageName } from './versions/index.js';

/**
 * Folds a lockfile's raw matches into one Match per (package, version, advisory): the same
 * name@version reached by several paths, or installed twice, is one finding listing its
 * paths; advisories that are aliases of each other (a GHSA and its CVE) are one.
 */
export function groupMatches(lockfile: string, raw: readonly PackageVulnerability[]): Match[] {
  const groups = new Map<string, Match>();
  const idsByPackage = new Map<string, Map<string, string>>();
  for (const { pkg, vuln } of raw) {
    const pkgKey = packageKey(pkg);
    let ids = idsByPackage.get(pkgKey);
    if (!ids) idsByPackage.set(pkgKey, (ids = new Map()));
    const known = [vuln.id, ...vuln.aliases].map((id) => ids!.get(id.toUpperCase())).find((k) => k !== undefined);
    const key = `${pkgKey}\0${known ?? vuln.id}`;
    for (const id of [vuln.id, ...vuln.aliases]) if (!ids.has(id.toUpperCase())) ids.set(id.toUpperCase(), known ?? vuln.id);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { lockfile, pkg, vuln, paths: [pkg.path] });
      continue;
    }
    if (!group.paths.some((p) => p.join('>') === pkg.path.join('>'))) group.paths.push(pkg.path);
    if (group.pkg.dev && !pkg.dev) group.pkg = pkg;
    group.vuln = mergeVulnerability(group.vuln, vuln);
  }
  for (const group of groups.values()) group.paths.sort((a, b) => a.length - b.length || a.join('>').localeCompare(b.join('>')));
  return [...groups.values()];
}

function mergeVulnerability(a: Vulnerability, b: Vulnerability): Vulnerability {
  return {
    ...a,
    aliases: [...new Set([...a.aliases, ...b.aliases, b.id].filter((id) => id !== a.id))],
    severity: a.severity ?? b.severity,
    fixed: a.fixed ?? b.fixed,
    lastAffected: a.lastAffected ?? b.lastAffected,
    title: a.title ?? b.title,
    url: a.url ?? b.url,
  };
}

/** One installed package version, as advisories see it (npm names case-insensitive, PyPI per PEP 503). */
export function packageKey(pkg: LockedPackage): string {
  return `${pkg.ecosystem}\0${normalizePackageName(pkg.ecosystem, pkg.name)}\0${pkg.version}`;
}

export function findingOf(m: Match, unknownSeverity: Severity): Finding {
  const { pkg, vuln } = m;
  const severity = vuln.severity ?? unknownSeverity;
  const label = vuln.severity ? severity : `severity unknown, treated as ${severity}`;
  const shownPath = m.paths[0]!.join(' > ');
  const more = m.paths.length > 1 ? ` (and ${m.paths.length - 1} more path${m.paths.length > 2 ? 's' : ''})` : '';
  const fixedText = vuln.fixed
    ? `fixed in ${vuln.fixed}`
    : vuln.lastAffected
      ? `no fixed version (affected up to ${vuln.lastAffected})`
      : 'no fixed version known';
  const title = vuln.title ? `: ${vuln.title}` : '';
  return {
    gate: 'audit',
    ruleId: vuln.id,
    severity,
    message: `${pkg.name}@${pkg.version} has ${vuln.id} (${label})${title}; ${fixedText}; ${pkg.dev ? 'dev ' : ''}path ${shownPath}${more}`,
    file: m.lockfile,
    ...(pkg.line !== undefined ? { line: pkg.line } : {}),
    fix: vuln.fixed ? `upgrade ${pkg.name} to ${vuln.fixed}` : `remove or replace ${pkg.name}, or accept ${vuln.id} in gates.audit.allow with a reason`,
    fingerprint: fingerprint('audit', vuln.id, m.lockfile, `${pkg.name}@${pkg.version}`),
  };
}

export function ruleOf(vuln: Vulnerability, severity: Severity): RuleInfo {
  return {
    gate: 'audit',
    id: vuln.id,
    title: vuln.title ?? vuln.id,
    severity,
    helpUri: vuln.url ?? (/^GHSA-/.test(vuln.id) ? `https://github.com/advisories/${vuln.id}` : `https://osv.dev/vulnerability/${vuln.id}`),
    ...(vuln.aliases.length > 0 ? { tags: vuln.aliases } : {}),
  };
}
