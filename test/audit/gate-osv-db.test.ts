import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryScope } from '../../src/core/memory-scope.js';
import type { Finding } from '../../src/core/types.js';
import { runAudit } from '../../src/gates/audit/index.js';
import { tempDir } from '../helpers/repo.js';
import { auditContext } from './helpers/context.js';
import { writeOsvFolder } from './helpers/osv-facts.js';
import { NPM_V3, PNPM_V6, PNPM_V9, YARN_BERRY, YARN_CLASSIC } from './helpers/samples.js';
import { todayUtc } from '../../src/gates/audit/allowlist.js';
import { testNow } from '../helpers/clock.js';

const MONOREPO = {
  'package-lock.json': NPM_V3,
  'apps/web/pnpm-lock.yaml': PNPM_V9,
  'apps/old/pnpm-lock.yaml': PNPM_V6,
  'apps/classic/yarn.lock': YARN_CLASSIC,
  'apps/classic/package.json': JSON.stringify({ dependencies: { qs: '~6.5.2' }, devDependencies: { '@babel/core': '^7.0.0' } }),
  'apps/berry/yarn.lock': YARN_BERRY,
  'py/requirements.txt': 'Django==3.2.13\nrequests==2.30.0\nPyYAML==5.3.1\nurllib3==1.26.16\nflask>=2\n',
  'py/uv.lock': `version = 1\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [\n    { name = "jinja2" },\n]\n\n[[package]]\nname = "jinja2"\nversion = "3.1.2"\nsource = { registry = "https://pypi.example/simple" }\n`,
  'py/poetry.lock': `[[package]]\nname = "urllib3"\nversion = "2.0.5"\noptional = false\n\n[metadata]\nlock-version = "2.0"\n`,
  'py/Pipfile.lock': JSON.stringify({ default: { django: { version: '==4.0.5' } }, develop: { flask: { version: '==2.2.0' } } }, null, 4),
  'src/index.ts': 'export {};\n',
};

function rows(findings: Finding[]): string[] {
  return findings.map((f) => `${f.file} ${f.ruleId} ${/^(\S+@\S+) has/.exec(f.message)?.[1]} ${f.severity}`).sort();
}

const EXPECTED = [
  'apps/berry/yarn.lock GHSA-29mw-wpgm-hmr9 lodash@4.17.20 medium',
  'apps/berry/yarn.lock GHSA-8hc4-vh64-cxmj axios@1.5.0 high',
  'apps/berry/yarn.lock GHSA-wf5p-g6vw-rhxx axios@1.5.0 medium',
  'apps/classic/yarn.lock GHSA-9c47-m6qq-7p4h json5@2.2.1 high',
  'apps/classic/yarn.lock GHSA-c2qf-rxjj-qqgw semver@6.3.0 medium',
  'apps/classic/yarn.lock GHSA-hrpp-h998-j3pp qs@6.5.2 high',
  'apps/old/pnpm-lock.yaml GHSA-pxg6-pf52-xh8x cookie@0.6.0 low',
  'apps/old/pnpm-lock.yaml GHSA-rv95-896h-c2vc express@5.0.0-beta.1 medium',
  'apps/web/pnpm-lock.yaml GHSA-3h5v-q93c-6h6q ws@8.17.0 high',
  'apps/web/pnpm-lock.yaml GHSA-8hc4-vh64-cxmj axios@1.7.2 high',
  'apps/web/pnpm-lock.yaml GHSA-c2qf-rxjj-qqgw semver@7.5.1 medium',
  'package-lock.json GHSA-29mw-wpgm-hmr9 lodash@4.17.19 medium',
  'package-lock.json GHSA-p6mc-m468-83gw lodash@4.17.19 high',
  'package-lock.json GHSA-pxg6-pf52-xh8x cookie@0.5.0 low',
  'package-lock.json GHSA-rv95-896h-c2vc express@4.18.2 medium',
  'package-lock.json GHSA-vh95-rmgr-6w4m minimist@0.2.0 medium',
  'package-lock.json GHSA-xvch-5gv4-984h minimist@0.2.0 critical',
  'package-lock.json GHSA-xvch-5gv4-984h minimist@1.2.5 critical',
  'py/Pipfile.lock GHSA-p64x-8rxx-wf6q django@4.0.5 critical',
  'py/Pipfile.lock TEST-NO-SEVERITY flask@2.2.0 high',
  'py/poetry.lock GHSA-v845-jxx5-vc9f urllib3@2.0.5 medium',
  'py/requirements.txt GHSA-8q59-q68h-6hv4 PyYAML@5.3.1 critical',
  'py/requirements.txt GHSA-j8r2-6x86-q33q requests@2.30.0 medium',
  'py/requirements.txt GHSA-p64x-8rxx-wf6q Django@3.2.13 critical',
  'py/requirements.txt GHSA-v845-jxx5-vc9f urllib3@1.26.16 medium',
  'py/uv.lock GHSA-h5c8-rqwp-cp95 jinja2@3.1.2 medium',
];

describe('audit gate on an offline OSV database', () => {
  const db = writeOsvFolder(join(tempDir('wfo-osv-'), 'osv'));

  it('audits every lockfile format of a monorepo, each under its own path', async () => {
    const out = await runAudit(auditContext(memoryScope({ files: MONOREPO }), { source: 'osv-db', osvDatabase: db }));
    expect(out.status).toBeUndefined();
    expect(rows(out.findings)).toEqual(EXPECTED);
    expect(out.metrics).toMatchObject({ lockfiles: 9, vulnerable: 26, unpinned: 1 });
    expect(out.summary).toMatch(/1 requirement not pinned with == and not audited \(py\/requirements.txt:5 flask\)/);
  });

  it('says package, version, advisory, severity, fix and dependency path', async () => {
    const out = await runAudit(auditContext(memoryScope({ files: { 'package-lock.json': NPM_V3 } }), { source: 'osv-db', osvDatabase: db }));
    const minimist = out.findings.find((f) => f.ruleId === 'GHSA-xvch-5gv4-984h' && f.message.startsWith('minimist@0.2.0'))!;
    expect(minimist).toMatchObject({
      file: 'package-lock.json',
      line: 42,
      severity: 'critical',
      fix: 'upgrade minimist to 0.2.4',
      message: 'minimist@0.2.0 has GHSA-xvch-5gv4-984h (critical); fixed in 0.2.4; dev path mocha > minimist',
    });
    const other = out.findings.find((f) => f.ruleId === 'GHSA-xvch-5gv4-984h' && f.message.startsWith('minimist@1.2.5'))!;
    expect(other.fingerprint).not.toBe(minimist.fingerprint);
    const flask = (await runAudit(auditContext(memoryScope({ files: { 'Pipfile.lock': MONOREPO['py/Pipfile.lock'] } }), { source: 'osv-db', osvDatabase: db }))).findings.find((f) => f.ruleId === 'TEST-NO-SEVERITY')!;
    expect(flask.message).toContain('severity unknown, treated as high');
    expect(out.rules?.map((r) => r.id)).toContain('GHSA-xvch-5gv4-984h');
  });

  it('reads the same records from a zip made by a real zip tool', async () => {
    const dir = tempDir('wfo-osvzip-');
    const zip = join(dir, 'all.zip');
    execFileSync('python3', ['-m', 'zipfile', '-c', zip, db]);
    const out = await runAudit(auditContext(memoryScope({ files: MONOREPO }), { source: 'osv-db', osvDatabase: zip }));
    expect(rows(out.findings)).toEqual(EXPECTED);
  });

  it('resolves a relative osvDatabase from the repository root', async () => {
    const root = tempDir('wfo-root-');
    writeOsvFolder(join(root, 'vendor', 'osv'));
    const out = await runAudit(auditContext(memoryScope({ root, files: { 'py/requirements.txt': 'PyYAML==5.3.1\n' } }), { source: 'osv-db', osvDatabase: 'vendor/osv' }));
    expect(rows(out.findings)).toEqual(['py/requirements.txt GHSA-8q59-q68h-6hv4 PyYAML@5.3.1 critical']);
  });

  it('dedupes one name@version reached by several paths and lists them', async () => {
    const lock = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { a: '1', b: '1' } },
        'node_modules/a': { version: '1.0.0', dependencies: { lodash: '4' } },
        'node_modules/b': { version: '1.0.0', dependencies: { lodash: '4' } },
        'node_modules/b/node_modules/lodash': { version: '4.17.15' },
        'node_modules/lodash': { version: '4.17.15' },
      },
    });
    const out = await runAudit(auditContext(memoryScope({ files: { 'package-lock.json': lock } }), { source: 'osv-db', osvDatabase: db, failOn: 'high' }));
    const high = out.findings.filter((f) => f.ruleId === 'GHSA-p6mc-m468-83gw');
    expect(high).toHaveLength(1);
    expect(high[0]!.message).toContain('path a > lodash (and 1 more path)');
  });

  it('says which packages have no registry version to compare (git or file dependencies)', async () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { a: '*' } }, 'node_modules/a': { version: 'git+ssh://git@example.invalid/a.git#abc' } } });
    const out = await runAudit(auditContext(memoryScope({ files: { 'package-lock.json': lock } }), { source: 'osv-db', osvDatabase: db }));
    expect(out.metrics).toMatchObject({ unversioned: 1 });
    expect(out.summary).toContain('1 package without a registry version, checked against explicit version lists only (a@git+ssh://');
  });

  it('skips dev dependencies with dev: false', async () => {
    const out = await runAudit(auditContext(memoryScope({ files: { 'package-lock.json': NPM_V3 } }), { source: 'osv-db', osvDatabase: db, dev: false }));
    expect(out.findings.some((f) => f.message.startsWith('minimist@'))).toBe(false);
    expect(out.findings.some((f) => f.message.startsWith('lodash@'))).toBe(true);
  });

  it('allowlists by advisory id or alias, and an expired entry stops suppressing and warns', async () => {
    const allow = [
      { id: 'CVE-2021-44906', reason: 'minimist only parses our own argv' },
      { id: 'GHSA-p6mc-m468-83gw', reason: 'waiting for upstream', until: '2020-01-31' },
      { id: 'GHSA-pxg6-pf52-xh8x', reason: 'cookie names are constants', until: '2999-12-31' },
    ];
    const out = await runAudit(auditContext(memoryScope({ files: { 'package-lock.json': NPM_V3 } }), { source: 'osv-db', osvDatabase: db, allow }));
    expect(out.suppressed?.map((f) => `${f.ruleId} ${f.suppression?.by} ${f.suppression?.reason}`).sort()).toEqual([
      'GHSA-pxg6-pf52-xh8x GHSA-pxg6-pf52-xh8x cookie names are constants',
      'GHSA-xvch-5gv4-984h CVE-2021-44906 minimist only parses our own argv',
      'GHSA-xvch-5gv4-984h CVE-2021-44906 minimist only parses our own argv',
    ]);
    expect(out.suppressed?.map((f) => f.suppression?.kind)).toEqual(['allowlist', 'allowlist', 'allowlist']);
    expect(out.findings.some((f) => f.ruleId === 'GHSA-p6mc-m468-83gw')).toBe(true);
    const warning = out.findings.find((f) => f.ruleId === 'audit/allowlist-expired')!;
    expect(warning).toMatchObject({ blocking: false, file: 'wfo-gate.config.json' });
    expect(warning.message).toContain('GHSA-p6mc-m468-83gw expired on 2020-01-31');
  });

  it('an entry suppresses through its until day (UTC) and has expired the day after', async () => {
    const today = todayUtc(testNow());
    const yesterday = todayUtc(new Date(testNow().getTime() - 86_400_000));
    const run = (until: string) =>
      runAudit(auditContext(memoryScope({ files: { 'package-lock.json': NPM_V3 } }), { source: 'osv-db', osvDatabase: db, allow: [{ id: 'GHSA-p6mc-m468-83gw', reason: 'r', until }] }));
    const live = await run(today);
    expect(live.suppressed?.map((f) => f.ruleId)).toEqual(['GHSA-p6mc-m468-83gw']);
    expect(live.findings.some((f) => f.ruleId === 'audit/allowlist-expired')).toBe(false);
    const expired = await run(yesterday);
    expect(expired.suppressed ?? []).toEqual([]);
    expect(expired.findings.find((f) => f.ruleId === 'audit/allowlist-expired')?.message).toContain(`expired on ${yesterday}`);
  });

  it('marks new only the vulnerable versions the change introduces (diff-aware scope)', async () => {
    const base = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { lodash: '4' } }, 'node_modules/lodash': { version: '4.17.19' } } });
    const head = JSON.stringify({
      lockfileVersion: 3,
      packages: { '': { dependencies: { lodash: '4', minimist: '1' } }, 'node_modules/lodash': { version: '4.17.19' }, 'node_modules/minimist': { version: '1.2.5' } },
    });
    const scope = memoryScope({ files: { 'package-lock.json': head }, base: { 'package-lock.json': base }, changed: { 'package-lock.json': [{ start: 1, end: 1 }] } });
    const out = await runAudit(auditContext(scope, { source: 'osv-db', osvDatabase: db }));
    expect(out.findings.map((f) => `${f.ruleId} ${f.isNew}`).sort()).toEqual([
      'GHSA-29mw-wpgm-hmr9 false',
      'GHSA-p6mc-m468-83gw false',
      'GHSA-xvch-5gv4-984h true',
    ]);
  });

  it('treats everything as new when the lockfile is new at the base', async () => {
    const scope = memoryScope({ files: { 'py/requirements.txt': 'PyYAML==5.3.1\n' }, changed: { 'py/requirements.txt': [{ start: 1, end: 1 }] } });
    const out = await runAudit(auditContext(scope, { source: 'osv-db', osvDatabase: db }));
    expect(out.findings.map((f) => f.isNew)).toEqual([true]);
  });
});

describe('audit gate: when it cannot decide', () => {
  it('skips without a lockfile, unless configured explicitly in a full scan', async () => {
    const scope = memoryScope({ files: { 'src/a.ts': 'x' } });
    expect((await runAudit(auditContext(scope, {}, false))).status).toBe('skipped');
    const explicit = await runAudit(auditContext(scope, {}, true));
    expect(explicit.status).toBe('error');
    expect(explicit.error).toMatch(/no lockfile matching/);
  });

  it('names the file and what to do for a broken lockfile', async () => {
    const out = await runAudit(auditContext(memoryScope({ files: { 'web/package-lock.json': '{"lockfileVersion": 3,' } }), { source: 'osv-db', osvDatabase: '/nonexistent' }));
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/^web\/package-lock.json: not valid JSON .*regenerate/);
  });

  it('fails closed when the database is missing, broken or not configured', async () => {
    const scope = memoryScope({ files: { 'requirements.txt': 'PyYAML==5.3.1\n' } });
    const missing = await runAudit(auditContext(scope, { source: 'osv-db', osvDatabase: '/nonexistent/osv' }));
    expect(missing).toMatchObject({ status: 'error' });
    expect(missing.error).toMatch(/osvDatabase \/nonexistent\/osv does not exist/);
    const broken = tempDir('wfo-badosv-');
    mkdirSync(join(broken, 'PyPI'));
    writeFileSync(join(broken, 'PyPI', 'X.json'), '{"id": ');
    expect((await runAudit(auditContext(scope, { source: 'osv-db', osvDatabase: broken }))).error).toMatch(/PyPI\/X.json is not valid JSON/);
    expect((await runAudit(auditContext(scope, { source: 'osv-db' }))).error).toMatch(/needs gates.audit.osvDatabase/);
  });

  it('auto without pip-audit or a database says what it tried', async () => {
    const out = await runAudit(auditContext(memoryScope({ files: { 'requirements.txt': 'PyYAML==5.3.1\n' } }), { source: 'auto' }));
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/cannot audit requirements.txt: tried pip-audit: pip-audit is not installed/);
  });

  it('auto falls back from a missing pip-audit to the OSV database', async () => {
    const db = writeOsvFolder(tempDir('wfo-osv2-'));
    const out = await runAudit(auditContext(memoryScope({ files: { 'requirements.txt': 'PyYAML==5.3.1\n' } }), { source: 'auto', osvDatabase: db }));
    expect(out.status).toBeUndefined();
    expect(out.findings.map((f) => f.ruleId)).toEqual(['GHSA-8q59-q68h-6hv4']);
  });
});
