// The configuration `wfo-gate init` writes, from what the repository holds: a gate written in
// the config counts as configured (its missing inputs are errors), so only the gates that have
// something to check are written; the others are named in a hint with what would turn them on.
import { existsSync, statSync } from 'node:fs';
import { delimiter, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { resolveConfig } from '../core/config.js';
import { packageRoot, packageVersion } from '../core/package-info.js';
import { coverageAdvice, coverageCommand, readProject } from '../core/project.js';
import { GATE_IDS, type GateId } from '../core/types.js';
import type { AuditOptions } from '../gates/audit/options.js';
import { findReports } from '../gates/coverage/find-reports.js';
import type { CoverageOptions } from '../gates/coverage/options.js';
import { findOnPath } from '../hooks/doctor.js';

export interface InitialConfig {
  config: Record<string, unknown>;
  /** One line per gate left out: why, and what turns it on. */
  hints: string[];
}

const PYTHON_LOCKFILE = /(?:^|\/)(?:requirements[^/]*\.txt|poetry\.lock|uv\.lock|Pipfile\.lock)$/;

/** `files`: the repository's paths (tracked and untracked-not-ignored), as the gates see them. */
export async function initialConfig(root: string, files: readonly string[]): Promise<InitialConfig> {
  const defaults = resolveConfig({});
  const project = readProject(root);
  const gates: Partial<Record<GateId, Record<string, unknown>>> = {};
  const hints: string[] = [];
  const always: GateId[] = ['secrets', 'sast', 'env-ignore'];
  for (const id of always) gates[id] = defaults.gates[id];

  const audit = defaults.gates.audit as unknown as AuditOptions;
  const wanted = picomatch(audit.lockfiles, { dot: true });
  const lockfiles = files.filter((p) => wanted(p) && !p.split('/').includes('node_modules')).sort();
  if (lockfiles.length) {
    gates.audit = { ...defaults.gates.audit, source: await auditSource(lockfiles) };
  } else if (files.some((p) => /^bun\.lockb?$/.test(p))) {
    hints.push('audit: bun.lock is not a lockfile the audit gate reads; add a package-lock.json (`npm i --package-lock-only`) or use source osv-api with one, then add "audit" under "gates"');
  } else {
    hints.push('audit: no lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock, requirements*.txt, poetry.lock, uv.lock, Pipfile.lock) to audit; commit one, then add "audit" under "gates"');
  }

  const coverage = defaults.gates.coverage as unknown as CoverageOptions;
  const command = coverageCommand(project);
  if (command) gates.coverage = { ...defaults.gates.coverage, command };
  else if (findReports(root, coverage.reports).length) gates.coverage = defaults.gates.coverage;
  else hints.push(`coverage: no coverage report and no test runner here that writes one; make one with ${coverageAdvice(project)}, then add "coverage" under "gates"`);

  const ledger = (defaults.gates.budget as { ledger?: string }).ledger ?? 'costs';
  if (isDirectory(join(root, ledger))) gates.budget = defaults.gates.budget;
  else hints.push(`budget: no cost ledger at ${ledger}/; record spend with \`wfo-gate cost log\` or \`wfo-gate cost import claude-code\`, then add "budget" under "gates"`);

  const ordered = Object.fromEntries(GATE_IDS.filter((id) => gates[id]).map((id) => [id, gates[id]]));
  return {
    config: { $schema: schemaRef(root), onError: defaults.onError, gates: ordered, hooks: defaults.hooks, ci: defaults.ci },
    hints,
  };
}

/** npm's advisories answer for npm, pnpm and yarn lockfiles; Python ones need pip-audit, else the OSV API. */
async function auditSource(lockfiles: readonly string[]): Promise<string> {
  if (!lockfiles.some((f) => PYTHON_LOCKFILE.test(f))) return 'npm';
  const pipAudit = await findOnPath('pip-audit', (process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return pipAudit ? 'auto' : 'osv-api';
}

/**
 * A `$schema` editors can open: the package in the repository's node_modules when it is there,
 * else the same version's file on a CDN that mirrors the npm registry.
 */
function schemaRef(root: string): string {
  const local = 'node_modules/wfo-gate/schemas/config.schema.json';
  if (existsSync(join(root, local))) return `./${local}`;
  const own = relative(root, join(packageRoot(), 'schemas', 'config.schema.json'));
  if (!own.startsWith('..') && !own.startsWith(sep) && existsSync(join(root, own))) return `./${own.split(sep).join('/')}`;
  return `https://unpkg.com/wfo-gate@${packageVersion()}/schemas/config.schema.json`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
