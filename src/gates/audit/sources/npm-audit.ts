import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyNpmAdvisories, type NpmAdvisory } from './npm-advisories.js';
import { type AdvisorySource, SourceError } from './source.js';

/**
 * `npm audit --json` on the lockfile as the scope sees it (written to a private temp folder
 * with its package.json and .npmrc, so staged content is what is audited and the project's
 * registry settings apply). npm's report is turned back into per-package advisories and
 * applied to the lockfile's packages, so paths and versions come from one reader.
 */
export function npmAuditSource(registry: string | undefined): AdvisorySource {
  return {
    name: 'npm audit',
    async audit(lockfile, signal) {
      if (lockfile.kind !== 'npm') throw new SourceError(`npm audit reads package-lock.json and npm-shrinkwrap.json, not ${lockfile.file}`);
      const dir = await mkdtemp(join(tmpdir(), 'wfo-gate-npm-audit-'));
      try {
        await writeFile(join(dir, 'package-lock.json'), lockfile.text);
        await writeFile(join(dir, 'package.json'), lockfile.manifest ?? '{"name":"wfo-gate-audit","version":"0.0.0"}');
        if (lockfile.npmrc !== undefined) await writeFile(join(dir, '.npmrc'), lockfile.npmrc, { mode: 0o600 });
        const stdout = await runNpmAudit(dir, registry, signal);
        return applyNpmAdvisories(parseNpmAuditReport(stdout), lockfile.packages);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

async function runNpmAudit(cwd: string, registry: string | undefined, signal: AbortSignal): Promise<string> {
  const { execa } = await import('execa');
  const args = ['audit', '--json', '--package-lock-only', ...(registry ? ['--registry', registry] : [])];
  const result = await execa('npm', args, {
    cwd,
    reject: false,
    cancelSignal: signal,
    env: { npm_config_audit_level: 'info', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  if (result.failed && result.exitCode === undefined) {
    throw new SourceError(`could not run npm (${result.shortMessage}); install npm or choose source osv-db / osv-api`);
  }
  return result.stdout;
}

/**
 * npm's JSON: a report (`auditReportVersion: 2`, vulnerabilities whose `via` lists advisory
 * objects) or, when the registry fails, an error object. Anything else is an error too: a
 * report that cannot be read must not pass.
 */
export function parseNpmAuditReport(stdout: string): NpmAdvisory[] {
  let data: any;
  try {
    data = JSON.parse(stdout);
  } catch {
    throw new SourceError(`npm audit printed no JSON report (${preview(stdout)})`);
  }
  if (data?.auditReportVersion !== 2 || typeof data.vulnerabilities !== 'object' || data.vulnerabilities === null) {
    const message = data?.message || data?.error?.summary || data?.error?.message;
    const status = data?.statusCode ?? data?.error?.code;
    if (message || status) throw new SourceError(`npm audit failed: ${[status, message].filter(Boolean).join(' ')}`.trim());
    throw new SourceError(`npm audit printed JSON that is not an audit report (${preview(stdout)})`);
  }
  const advisories: NpmAdvisory[] = [];
  for (const entry of Object.values<any>(data.vulnerabilities)) {
    for (const via of Array.isArray(entry?.via) ? entry.via : []) {
      // A string `via` names another vulnerable package (an effect), not an advisory.
      if (typeof via !== 'object' || via === null || typeof via.range !== 'string') continue;
      advisories.push({ name: String(via.name ?? entry.name), range: via.range, severity: String(via.severity ?? 'info'), url: via.url, title: via.title, source: via.source });
    }
  }
  return advisories;
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? 'empty output' : oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
