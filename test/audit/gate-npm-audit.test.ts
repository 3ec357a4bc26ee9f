import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryScope } from '../../src/core/memory-scope.js';
import { runAudit } from '../../src/gates/audit/index.js';
import { tempDir } from '../helpers/repo.js';
import { auditContext } from './helpers/context.js';
import { bulkAnswer } from './helpers/npm-advisories.js';
import { NPM_RECORDS, writeOsvFolder } from './helpers/osv-facts.js';
import { type LoopbackServer, startLoopbackServer } from './helpers/registry-server.js';
import { PNPM_V9, YARN_CLASSIC } from './helpers/samples.js';

// The npm path with the real npm client: the lockfile is written by `npm install
// --package-lock-only` and audited by `npm audit --json`, both against a registry on
// 127.0.0.1 that serves packuments and npm's bulk advisory endpoint.
// pnpm and yarn are not installed here (and pnpm 10 still calls npm's retired audit
// endpoints); their lockfiles go to the bulk endpoint that yarn 4 and pnpm 12 call, asked by
// the gate itself, tested against the same server.

const PACKAGES: Record<string, Record<string, Record<string, string>>> = {
  minimist: { '0.2.0': {}, '1.2.5': {} },
  mocha: { '10.2.0': { minimist: '0.2.0' } },
  ms: { '2.1.3': {} },
};

let registry: LoopbackServer;
let failing = false;
let project: string;
const savedCache = process.env.npm_config_cache;

beforeAll(async () => {
  registry = await startLoopbackServer((req) => {
    if (req.method === 'POST' && req.url === '/-/npm/v1/security/advisories/bulk') {
      if (failing) return { status: 500, body: { error: 'advisory database unavailable' } };
      return { status: 200, body: bulkAnswer(NPM_RECORDS, JSON.parse(req.body)) };
    }
    const name = decodeURIComponent(req.url.slice(1));
    const versions = PACKAGES[name];
    if (req.method !== 'GET' || !versions) return undefined;
    return {
      status: 200,
      body: {
        name,
        'dist-tags': { latest: Object.keys(versions).pop() },
        versions: Object.fromEntries(
          Object.entries(versions).map(([version, dependencies]) => [
            version,
            { name, version, dependencies, dist: { tarball: `${registry.url}/${name}/-/${name}-${version}.tgz`, integrity: `sha512-${Buffer.from(name + version).toString('base64')}` } },
          ]),
        ),
      },
    };
  });
  process.env.npm_config_cache = tempDir('wfo-npmcache-');
  project = tempDir('wfo-npmproj-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { minimist: '^1.2.0', ms: '^2.1.0' }, devDependencies: { mocha: '10.2.0' } }));
  // Asynchronously: the registry answering npm runs in this very process.
  await promisify(execFile)('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--registry', registry.url], { cwd: project });
});

afterAll(async () => {
  await registry.close();
  if (savedCache === undefined) delete process.env.npm_config_cache;
  else process.env.npm_config_cache = savedCache;
});

function projectScope() {
  return memoryScope({
    root: project,
    files: { 'package-lock.json': readFileSync(join(project, 'package-lock.json')), 'package.json': readFileSync(join(project, 'package.json')) },
  });
}

describe('audit gate through npm audit (real npm, loopback registry)', () => {
  it('turns npm\'s report into findings with paths and fixes from the lockfile', async () => {
    failing = false;
    registry.requests.length = 0;
    const out = await runAudit(auditContext(projectScope(), { source: 'npm', registry: registry.url }));
    expect(out.status).toBeUndefined();
    expect(out.findings.map((f) => `${f.ruleId} ${f.severity} ${f.fix} | ${f.message}`).sort()).toEqual([
      'GHSA-vh95-rmgr-6w4m medium upgrade minimist to 0.2.1 | minimist@0.2.0 has GHSA-vh95-rmgr-6w4m (medium): advisory GHSA-vh95-rmgr-6w4m; fixed in 0.2.1; dev path mocha > minimist',
      'GHSA-xvch-5gv4-984h critical upgrade minimist to 0.2.4 | minimist@0.2.0 has GHSA-xvch-5gv4-984h (critical): advisory GHSA-xvch-5gv4-984h; fixed in 0.2.4; dev path mocha > minimist',
      'GHSA-xvch-5gv4-984h critical upgrade minimist to 1.2.6 | minimist@1.2.5 has GHSA-xvch-5gv4-984h (critical): advisory GHSA-xvch-5gv4-984h; fixed in 1.2.6; path minimist',
    ]);
    expect(out.summary).toContain('npm audit');
    const bulk = registry.requests.find((r) => r.url === '/-/npm/v1/security/advisories/bulk')!;
    expect(bulk.gzip).toBe(true);
    const asked = JSON.parse(bulk.body) as Record<string, string[]>;
    expect(asked.minimist?.sort()).toEqual(['0.2.0', '1.2.5']);
    expect(asked.ms).toEqual(['2.1.3']);
  });

  it('makes npm\'s error JSON (registry answered 500) a gate error, never a pass', async () => {
    failing = true;
    const out = await runAudit(auditContext(projectScope(), { source: 'npm', registry: registry.url }));
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/cannot audit package-lock.json: tried npm audit: npm audit failed: 500 .*advisories\/bulk/);
    expect(out.findings).toEqual([]);
  });

  it('auto falls back to the OSV database when npm audit fails', async () => {
    failing = true;
    const db = writeOsvFolder(tempDir('wfo-osv-npm-'));
    const out = await runAudit(auditContext(projectScope(), { source: 'auto', registry: registry.url, osvDatabase: db }));
    expect(out.status).toBeUndefined();
    expect(out.findings.map((f) => f.ruleId).sort()).toEqual(['GHSA-vh95-rmgr-6w4m', 'GHSA-xvch-5gv4-984h', 'GHSA-xvch-5gv4-984h']);
    expect(out.summary).toContain(`OSV database ${db}`);
  });

  it('audits pnpm and yarn lockfiles through the same bulk endpoint, gzipped as npm sends it', async () => {
    failing = false;
    registry.requests.length = 0;
    const scope = memoryScope({ files: { 'web/pnpm-lock.yaml': PNPM_V9, 'classic/yarn.lock': YARN_CLASSIC, 'classic/package.json': JSON.stringify({ dependencies: { qs: '~6.5.2' } }) } });
    const out = await runAudit(auditContext(scope, { source: 'npm', registry: registry.url }));
    expect(out.status).toBeUndefined();
    expect(out.findings.map((f) => `${f.file} ${f.ruleId} ${/^\S+/.exec(f.message)?.[0]} ${f.fix}`).sort()).toEqual([
      'classic/yarn.lock GHSA-9c47-m6qq-7p4h json5@2.2.1 upgrade json5 to 2.2.2',
      'classic/yarn.lock GHSA-c2qf-rxjj-qqgw semver@6.3.0 upgrade semver to 6.3.1',
      'classic/yarn.lock GHSA-hrpp-h998-j3pp qs@6.5.2 upgrade qs to 6.5.3',
      'web/pnpm-lock.yaml GHSA-3h5v-q93c-6h6q ws@8.17.0 upgrade ws to 8.17.1',
      'web/pnpm-lock.yaml GHSA-8hc4-vh64-cxmj axios@1.7.2 upgrade axios to 1.7.4',
      'web/pnpm-lock.yaml GHSA-c2qf-rxjj-qqgw semver@7.5.1 upgrade semver to 7.5.2',
    ]);
    const bodies = registry.requests.filter((r) => r.url === '/-/npm/v1/security/advisories/bulk');
    expect(bodies.map((r) => r.gzip)).toEqual([true, true]);
    expect(JSON.parse(bodies.find((r) => r.body.includes('axios'))!.body)).toMatchObject({ axios: ['1.7.2'], ws: ['8.17.0'] });
    failing = true;
    const failed = await runAudit(auditContext(scope, { source: 'npm', registry: registry.url }));
    expect(failed.error).toMatch(/tried npm bulk advisory endpoint: .*advisories\/bulk answered HTTP 500/);
  });

  it('source npm refuses Python lockfiles', async () => {
    const out = await runAudit(auditContext(memoryScope({ files: { 'requirements.txt': 'PyYAML==5.3.1\n' } }), { source: 'npm' }));
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/source npm audits npm, pnpm and yarn lockfiles, not a requirements lockfile/);
  });
});
