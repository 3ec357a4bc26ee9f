import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OsvIndex } from '../osv/database.js';
import type { PackageVulnerability } from '../osv/match.js';
import { recordSeverity } from '../osv/record.js';
import type { LockedPackage } from '../types.js';
import { normalizePackageName } from '../versions/index.js';
import { type AdvisorySource, SourceError } from './source.js';

/**
 * `pip-audit -f json` on the lockfile's pinned versions (written as a requirements file, so
 * poetry.lock, uv.lock and Pipfile.lock go the same way, without resolving or installing).
 * pip-audit gives no severity: it is looked up in the OSV database when one is configured,
 * by the advisory id or its aliases; otherwise it stays unknown and the gate's
 * unknownSeverity applies. The finding is never dropped.
 */
export function pipAuditSource(severities: (() => Promise<OsvIndex>) | undefined): AdvisorySource {
  return {
    name: 'pip-audit',
    async audit(lockfile, signal) {
      if (lockfile.packages.some((p) => p.ecosystem !== 'PyPI')) throw new SourceError(`pip-audit audits Python packages, not ${lockfile.file}`);
      const dir = await mkdtemp(join(tmpdir(), 'wfo-gate-pip-audit-'));
      try {
        const requirements = join(dir, 'requirements.txt');
        await writeFile(requirements, lockfile.packages.map((p) => `${p.name}==${p.version}\n`).join(''));
        const { execa } = await import('execa');
        const result = await execa('pip-audit', ['-f', 'json', '--progress-spinner', 'off', '--disable-pip', '--no-deps', '-r', requirements], {
          reject: false,
          cancelSignal: signal,
        });
        if (result.failed && result.exitCode === undefined) throw new SourceError(`pip-audit is not installed (${result.shortMessage})`);
        const index = severities ? await severities().catch(() => undefined) : undefined;
        return applyPipAudit(parsePipAuditReport(result.stdout, result.stderr), lockfile.packages, index);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface PipAuditDependency {
  name: string;
  version: string;
  vulns: { id: string; fix_versions?: string[]; aliases?: string[]; description?: string }[];
}

/** pip-audit's JSON: `{dependencies: [...]}` (2.x) or a bare list (older releases). */
export function parsePipAuditReport(stdout: string, stderr = ''): PipAuditDependency[] {
  let data: any;
  try {
    data = JSON.parse(stdout);
  } catch {
    const why = stderr.trim().split('\n').pop() ?? '';
    throw new SourceError(`pip-audit printed no JSON report${why ? ` (${why.slice(0, 200)})` : ''}`);
  }
  const deps = Array.isArray(data) ? data : data?.dependencies;
  if (!Array.isArray(deps)) throw new SourceError('pip-audit printed JSON without a dependencies list');
  return deps.filter((d: any) => typeof d?.name === 'string' && typeof d?.version === 'string' && Array.isArray(d.vulns ?? []));
}

export function applyPipAudit(deps: readonly PipAuditDependency[], packages: readonly LockedPackage[], index: OsvIndex | undefined): PackageVulnerability[] {
  const byKey = new Map<string, LockedPackage[]>();
  for (const p of packages) {
    const key = `${normalizePackageName('PyPI', p.name)}\0${p.version}`;
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const out: PackageVulnerability[] = [];
  for (const dep of deps) {
    for (const v of dep.vulns ?? []) {
      const aliases = Array.isArray(v.aliases) ? v.aliases : [];
      const record = index && [v.id, ...aliases].map((id) => index.byIdOrAlias(id)).find((r) => r !== undefined);
      const fixed = Array.isArray(v.fix_versions) ? v.fix_versions[0] : undefined;
      for (const pkg of byKey.get(`${normalizePackageName('PyPI', dep.name)}\0${dep.version}`) ?? []) {
        out.push({ pkg, vuln: { id: v.id, aliases, severity: record ? recordSeverity(record) : undefined, fixed } });
      }
    }
  }
  return out;
}
