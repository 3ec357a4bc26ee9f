import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { errorMessage } from '../../core/errors.js';
import type { Finding, Gate, GateContext, GateOutcome, RuleInfo, Scope } from '../../core/types.js';
import { makeAllowlist, todayUtc } from './allowlist.js';
import { findingOf, groupMatches, packageKey, ruleOf } from './findings.js';
import { LockfileError, readLockfile } from './lockfiles/index.js';
import type { AuditOptions } from './options.js';
import { chooseSources } from './sources/choose.js';
import { type LoadedLockfile, SourceError, withoutUrlCredentials } from './sources/source.js';
import type { Match } from './types.js';
import { versionScheme } from './versions/index.js';

const gate: Gate<AuditOptions> = {
  id: 'audit',
  title: 'dependency audit',
  run: runAudit,
};
export default gate;

export async function runAudit(ctx: GateContext<AuditOptions>): Promise<GateOutcome> {
  const { scope, options } = ctx;
  const files = lockfilePaths(scope, options, ctx.config.exclude);
  if (files.length === 0) {
    const what = `no lockfile matching ${options.lockfiles.join(', ')} in ${scope.description}`;
    if (ctx.explicit && !scope.diffAware) return { findings: [], summary: what, status: 'error', error: `${what}: commit a lockfile or set gates.audit.lockfiles` };
    return { findings: [], summary: what, status: 'skipped' };
  }
  const lockfiles: LoadedLockfile[] = [];
  for (const file of files) {
    const loaded = await loadLockfile(scope, file, 'head');
    if ('error' in loaded) return { findings: [], summary: loaded.error, status: 'error', error: loaded.error };
    lockfiles.push(loaded);
  }
  const choice = chooseSources(options, scope.root);
  const matches: Match[] = [];
  const used = new Set<string>();
  for (const lockfile of lockfiles) {
    const audited = { ...lockfile, packages: options.dev ? lockfile.packages : lockfile.packages.filter((p) => !p.dev) };
    const tried: string[] = [];
    let raw;
    for (const source of choice.sourcesFor(lockfile.kind)) {
      try {
        raw = await source.audit(audited, ctx.signal);
        used.add(source.name);
        break;
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        tried.push(withoutUrlCredentials(`${source.name}: ${error.message}`));
      }
    }
    if (!raw) {
      const why = tried.length > 0 ? `tried ${tried.join('; ')}` : choice.noSourceHint(lockfile.kind);
      const error = `cannot audit ${lockfile.file}: ${why}`;
      return { findings: [], summary: error, status: 'error', error };
    }
    matches.push(...groupMatches(lockfile.file, raw));
  }
  const atBase = scope.diffAware ? await baseVersions(scope, files) : undefined;
  return outcome(ctx, lockfiles, matches, atBase, [...used]);
}

function outcome(
  ctx: GateContext<AuditOptions>,
  lockfiles: LoadedLockfile[],
  matches: Match[],
  atBase: Map<string, Set<string>> | undefined,
  sources: string[],
): GateOutcome {
  const { options } = ctx;
  const allowlist = makeAllowlist(options.allow, todayUtc());
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const rules = new Map<string, RuleInfo>();
  for (const m of matches) {
    const finding = findingOf(m, options.unknownSeverity);
    if (atBase) finding.isNew = !atBase.get(m.lockfile)?.has(packageKey(m.pkg));
    rules.set(m.vuln.id, ruleOf(m.vuln, finding.severity));
    const entry = allowlist.find([m.vuln.id, ...m.vuln.aliases]);
    if (entry) suppressed.push({ ...finding, suppression: { kind: 'allowlist', by: entry.id, reason: entry.reason } });
    else findings.push(finding);
  }
  findings.push(...allowlist.expiredWarnings(ctx.config.file));
  const packages = lockfiles.reduce((n, l) => n + l.packages.length, 0);
  const newCount = atBase ? findings.filter((f) => f.isNew).length : undefined;
  const unpinned = lockfiles.flatMap((l) => l.unpinned.map((u) => `${l.file}:${u.line} ${u.name}`));
  // Git, file and tarball dependencies have no registry version to compare with advisories.
  const unversioned = lockfiles.flatMap((l) => l.packages.filter((p) => versionScheme(p.ecosystem).parse(p.version) === undefined).map((p) => withoutUrlCredentials(`${p.name}@${p.version || '?'}`)));
  const summary = [
    `${matches.length} vulnerable package version${matches.length === 1 ? '' : 's'} in ${lockfiles.length} lockfile${lockfiles.length === 1 ? '' : 's'} (${packages} packages, ${sources.join(', ')})`,
    newCount !== undefined ? `${newCount} new` : '',
    suppressed.length > 0 ? `${suppressed.length} allowlisted` : '',
    unpinned.length > 0 ? `${unpinned.length} requirement${unpinned.length === 1 ? '' : 's'} not pinned with == and not audited (${unpinned.slice(0, 3).join(', ')}${unpinned.length > 3 ? ', …' : ''})` : '',
    unversioned.length > 0 ? `${unversioned.length} package${unversioned.length === 1 ? '' : 's'} without a registry version, checked against explicit version lists only (${unversioned.slice(0, 3).join(', ')}${unversioned.length > 3 ? ', …' : ''})` : '',
  ].filter(Boolean).join('; ');
  return {
    findings,
    suppressed,
    summary,
    rules: [...rules.values()],
    metrics: { lockfiles: lockfiles.length, packages, vulnerable: matches.length, unpinned: unpinned.length, unversioned: unversioned.length },
  };
}

function lockfilePaths(scope: Scope, options: AuditOptions, globalExclude: readonly string[]): string[] {
  const wanted = picomatch(options.lockfiles, { dot: true });
  const excluded = picomatch(['**/node_modules/**', ...globalExclude, ...(options.exclude ?? [])], { dot: true });
  return scope.files.map((f) => f.path).filter((p) => wanted(p) && !excluded(p)).sort();
}

type Side = 'head' | 'base';

async function loadLockfile(scope: Scope, file: string, side: Side): Promise<LoadedLockfile | { error: string }> {
  const read = (path: string) => (side === 'head' ? scope.readOne(path) : scope.readAtBase(path));
  const content = await read(file);
  if (content === undefined) return { error: `cannot read ${file}${side === 'base' ? ' at the base' : ''}` };
  const dir = posix.dirname(file);
  const sibling = async (name: string): Promise<string | undefined> => {
    const path = dir === '.' ? name : `${dir}/${name}`;
    const found = (await read(path)) ?? (side === 'head' ? await readFile(join(scope.root, path)).catch(() => undefined) : undefined);
    return found?.toString('utf8');
  };
  const text = content.toString('utf8');
  const manifest = await sibling('package.json');
  try {
    const parsed = readLockfile(file, text, manifest);
    return { file, kind: parsed.kind, text, manifest, npmrc: parsed.kind === 'npm' ? await sibling('.npmrc') : undefined, packages: parsed.packages, unpinned: parsed.unpinned };
  } catch (error) {
    if (error instanceof LockfileError) return { error: `${file}${side === 'base' ? ' (at the base)' : ''}: ${error.message}` };
    return { error: `${file}: cannot read it as a lockfile (${errorMessage(error)})` };
  }
}

/**
 * (package, version) keys per lockfile at the scope's base. Advisories depend only on the
 * package and version, so a pair present at the base had the same vulnerabilities there:
 * only pairs missing at the base are new. A base lockfile that is absent or unreadable
 * contributes nothing, so everything in it counts as new (fail closed).
 */
async function baseVersions(scope: Scope, files: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    const loaded = await loadLockfile(scope, file, 'base');
    if ('error' in loaded) continue;
    out.set(file, new Set(loaded.packages.map(packageKey)));
  }
  return out;
}
