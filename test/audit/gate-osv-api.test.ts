import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryScope } from '../../src/core/memory-scope.js';
import { runAudit } from '../../src/gates/audit/index.js';
import { auditContext } from './helpers/context.js';
import { ALL_RECORDS } from './helpers/osv-facts.js';
import { type LoopbackServer, startLoopbackServer } from './helpers/registry-server.js';

// The OSV API path against an OSV-shaped server on 127.0.0.1: querybatch names the ids,
// each record is fetched once. Like osv.dev, it compares PyPI names normalised.

const AFFECTED: Record<string, string[]> = { 'npm minimist 1.2.5': ['GHSA-xvch-5gv4-984h'], 'PyPI django 3.2.13': ['GHSA-p64x-8rxx-wf6q'] };
let server: LoopbackServer;
let mode: 'ok' | 'fail' | 'short' = 'ok';

beforeAll(async () => {
  server = await startLoopbackServer((req) => {
    if (mode === 'fail') return { status: 503, body: { message: 'unavailable' } };
    if (req.method === 'POST' && req.url === '/v1/querybatch') {
      const { queries } = JSON.parse(req.body) as { queries: { package: { name: string; ecosystem: string }; version: string }[] };
      const results = queries.map((q) => ({ vulns: (AFFECTED[`${q.package.ecosystem} ${q.package.name.toLowerCase()} ${q.version}`] ?? []).map((id) => ({ id, modified: '2024-01-01T00:00:00Z' })) }));
      return { status: 200, body: { results: mode === 'short' ? results.slice(1) : results } };
    }
    const id = /^\/v1\/vulns\/(.+)$/.exec(req.url)?.[1];
    const record = id && ALL_RECORDS.find((r) => r.id === decodeURIComponent(id));
    return record ? { status: 200, body: record } : undefined;
  });
});
afterAll(() => server.close());

const LOCK = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { minimist: '1', ms: '2' } }, 'node_modules/minimist': { version: '1.2.5' }, 'node_modules/ms': { version: '2.1.3' } } });
const files = { 'package-lock.json': LOCK, 'requirements.txt': 'Django==3.2.13\n' };

describe('audit gate through the OSV API', () => {
  it('queries in one batch per lockfile, fetches each record once, reports severity and fix', async () => {
    mode = 'ok';
    server.requests.length = 0;
    const out = await runAudit(auditContext(memoryScope({ files }), { source: 'osv-api', osvApiUrl: `${server.url}/` }));
    expect(out.status).toBeUndefined();
    expect(out.findings.map((f) => `${f.file} ${f.ruleId} ${f.severity} ${f.fix}`).sort()).toEqual([
      'package-lock.json GHSA-xvch-5gv4-984h critical upgrade minimist to 1.2.6',
      'requirements.txt GHSA-p64x-8rxx-wf6q critical upgrade Django to 3.2.14',
    ]);
    const batches = server.requests.filter((r) => r.url === '/v1/querybatch').map((r) => JSON.parse(r.body));
    expect(batches[0].queries).toEqual([
      { package: { name: 'minimist', ecosystem: 'npm' }, version: '1.2.5' },
      { package: { name: 'ms', ecosystem: 'npm' }, version: '2.1.3' },
    ]);
    expect(server.requests.filter((r) => r.url.startsWith('/v1/vulns/')).map((r) => r.url).sort()).toEqual(['/v1/vulns/GHSA-p64x-8rxx-wf6q', '/v1/vulns/GHSA-xvch-5gv4-984h']);
  });

  it('fails closed when the API errors or answers the wrong number of results', async () => {
    mode = 'fail';
    const failed = await runAudit(auditContext(memoryScope({ files }), { source: 'osv-api', osvApiUrl: server.url }));
    expect(failed.status).toBe('error');
    expect(failed.error).toMatch(/tried OSV API .*: .*\/v1\/querybatch answered HTTP 503/);
    mode = 'short';
    const short = await runAudit(auditContext(memoryScope({ files }), { source: 'osv-api', osvApiUrl: server.url }));
    expect(short.error).toMatch(/answered 1 results for 2 queries/);
  });

  it('never repeats credentials of a configured URL in its error', async () => {
    // Assembled at run time so that this file holds no credential-shaped URL.
    const port = await closedPort();
    const osvApiUrl = ['http://robot', `s3cr3t-t0ken@127.0.0.1:${port}`].join(':');
    const out = await runAudit(auditContext(memoryScope({ files }), { source: 'osv-api', osvApiUrl }));
    expect(out.status).toBe('error');
    expect(out.error).toContain(`http://***@127.0.0.1:${port}`);
    expect(JSON.stringify(out)).not.toContain('s3cr3t-t0ken');
  });

  it('says so when the API cannot be reached', async () => {
    // A port that was just bound and closed: nothing listens there (port 9 may have a listener).
    const port = await closedPort();
    const out = await runAudit(auditContext(memoryScope({ files }), { source: 'osv-api', osvApiUrl: `http://127.0.0.1:${port}` }));
    expect(out.status).toBe('error');
    expect(out.error).toContain(`cannot reach http://127.0.0.1:${port}/v1/querybatch`);
  });
});

/** A loopback port that was free a moment ago: bound to an ephemeral port, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}
