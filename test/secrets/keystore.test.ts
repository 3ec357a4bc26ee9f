import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { memoryScope } from '../../src/core/memory-scope.js';
import type { Finding, GateOutcome } from '../../src/core/types.js';
import type { SecretsOptions } from '../../src/gates/secrets/options.js';
import { binaryExampleFailures, binaryRules, detectKeystore, keystoreRule, pfxExample } from '../../src/gates/secrets/keystore.js';
import gate from '../../src/gates/secrets/index.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { requireTool, TOOLS } from '../helpers/tools.js';

// Key stores are made at run time by openssl and keytool: this file holds none. Those that
// should be found are locked with Java's default password, which anyone can open.
const DEFAULT_PASSWORD = 'changeit';
const OWN_PASSWORD = ['st', 'ore', '-pw', '-41'].join('');

interface Stores {
  p12: Buffer;
  /** A PKCS#12 of a certificate alone (`-nokeys`). */
  certOnlyP12: Buffer;
  /** A PKCS#12 with a key, locked with a password of its owner's. */
  ownP12: Buffer;
  jks: Buffer;
  jceks: Buffer;
  truststore: Buffer;
}

function makeStores(): Stores {
  requireTool(TOOLS.openssl);
  requireTool(TOOLS.keytool);
  const dir = tempDir('wfo-ks-');
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('k.pem'), '-out', at('c.pem'), '-days', '1', '-subj', '/CN=wfo-test');
  openssl('pkcs12', '-export', '-inkey', at('k.pem'), '-in', at('c.pem'), '-out', at('a.p12'), '-passout', `pass:${DEFAULT_PASSWORD}`);
  openssl('pkcs12', '-export', '-nokeys', '-in', at('c.pem'), '-out', at('c.p12'), '-passout', `pass:${DEFAULT_PASSWORD}`);
  openssl('pkcs12', '-export', '-inkey', at('k.pem'), '-in', at('c.pem'), '-out', at('own.p12'), '-passout', `pass:${OWN_PASSWORD}`);
  const keytool = (...args: string[]) => execFileSync('keytool', args, { stdio: 'pipe' });
  const gen = (type: string, file: string) =>
    keytool('-genkeypair', '-alias', 'app', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=wfo-test', '-validity', '1', '-storetype', type, '-keystore', at(file), '-storepass', DEFAULT_PASSWORD, '-keypass', DEFAULT_PASSWORD);
  gen('JKS', 'a.jks');
  gen('JCEKS', 'a.jceks');
  keytool('-exportcert', '-alias', 'app', '-keystore', at('a.jks'), '-storepass', DEFAULT_PASSWORD, '-file', at('app.cer'));
  keytool('-importcert', '-noprompt', '-alias', 'ca', '-file', at('app.cer'), '-storetype', 'JKS', '-keystore', at('trust.jks'), '-storepass', DEFAULT_PASSWORD);
  const read = (name: string) => readFileSync(at(name));
  return { p12: read('a.p12'), certOnlyP12: read('c.p12'), ownP12: read('own.p12'), jks: read('a.jks'), jceks: read('a.jceks'), truststore: read('trust.jks') };
}

let stores: Stores;
beforeAll(() => {
  stores = makeStores();
}, 60_000);

describe('keystore-file rule', () => {
  it('proves itself on its own byte examples (at least 2 match, 2 noMatch)', () => {
    for (const rule of binaryRules) {
      expect(rule.examples.match.length).toBeGreaterThanOrEqual(2);
      expect(rule.examples.noMatch.length).toBeGreaterThanOrEqual(2);
      expect(binaryExampleFailures(rule)).toEqual([]);
    }
  });

  it('fails an example that does not prove itself, naming it and not its bytes', () => {
    const broken = { ...keystoreRule, examples: { match: [keystoreRule.examples.noMatch[0]], noMatch: [keystoreRule.examples.match[0]] } };
    const failures = binaryExampleFailures(broken);
    expect(failures).toHaveLength(2);
    expect(failures.join('\n')).toMatch(/examples\.match\[0\].*produced no finding/);
    expect(failures.join('\n')).toMatch(/examples\.noMatch\[0\].*produced a finding/);
  });

  it('recognises key stores made by the real tools, and not a truststore', () => {
    expect(detectKeystore(stores.p12, stores.p12.length)).toEqual({ kind: 'pkcs12', confidence: 'high' });
    expect(detectKeystore(stores.jks, stores.jks.length)).toEqual({ kind: 'jks', confidence: 'high' });
    expect(detectKeystore(stores.jceks, stores.jceks.length)).toEqual({ kind: 'jceks', confidence: 'high' });
    // Certificates only: a JKS says so in clear (no finding); a PKCS#12 may hide keys in its encrypted parts (low).
    expect(detectKeystore(stores.truststore, stores.truststore.length)).toBeUndefined();
    expect(detectKeystore(stores.certOnlyP12, stores.certOnlyP12.length)).toEqual({ kind: 'pkcs12', confidence: 'low' });
  });

  it('does not report a store locked with its owner\'s own password, or one larger than the head it reads', () => {
    expect(detectKeystore(stores.ownP12, stores.ownP12.length)).toBeUndefined();
    // Only the head is read: a store that goes on past it cannot have its MAC checked.
    expect(detectKeystore(stores.p12, stores.p12.length + 1)).toBeUndefined();
  });

  it('decides on the content: an empty, truncated or unrelated file is none', () => {
    expect(detectKeystore(Buffer.alloc(0), 0)).toBeUndefined();
    // Cut short: the PFX's outer length runs past the file.
    expect(detectKeystore(stores.p12.subarray(0, 200), 200)).toBeUndefined();
    expect(detectKeystore(Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x02]), Buffer.alloc(300)]), 307)).toBeUndefined();
    expect(detectKeystore(Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 1]), 16)).toBeUndefined();
  });

  it('is a rule id like the others: `disable` takes it, a custom rule cannot', async () => {
    const run = (options: Partial<SecretsOptions>): Promise<GateOutcome> => {
      const config = resolveConfig({});
      const defaults = config.gates.secrets as unknown as SecretsOptions;
      return gate.run({ scope: memoryScope({ files: {} }), options: { ...defaults, ...options }, explicit: false, config, signal: new AbortController().signal });
    };
    const disabled = await run({ disable: ['keystore-file'] });
    expect(disabled.status).not.toBe('error');
    expect(disabled.error).toBeUndefined();
    const taken = await run({ rules: [{ id: 'keystore-file' }] as unknown as SecretsOptions['rules'] });
    expect(taken.status).toBe('error');
    expect(taken.error).toContain('id "keystore-file" is already taken');
  });

  it('reports a key store among in-memory files, at line 1, and nothing for a text file named .p12', async () => {
    const config = resolveConfig({});
    const defaults = config.gates.secrets as unknown as SecretsOptions;
    const outcome = await gate.run({
      scope: memoryScope({ files: { 'a/store.bin': stores.jks, 'b/readme.p12': 'not a key store\n' } }),
      options: defaults,
      explicit: false,
      config,
      signal: new AbortController().signal,
    });
    expect(outcome.findings.map((f) => [f.ruleId, f.file, f.line, f.confidence])).toEqual([['keystore-file', 'a/store.bin', 1, 'high']]);
  });

  it('is listed with the other rules', async () => {
    expect((await gate.rules!()).find((r) => r.id === 'keystore-file')).toMatchObject({ severity: 'critical', tags: ['private-key'] });
  });
});

function runJson(repo: TestRepo, ...args: string[]): { status: number | null; gate: { status: string; findings: Finding[]; metrics: Record<string, number> }; stdout: string } {
  const result = repo.run('run', '--gate', 'secrets', '--format', 'json', ...args);
  const report = JSON.parse(result.stdout);
  return { status: result.status, gate: report.gates.find((g: { gate: string }) => g.gate === 'secrets'), stdout: result.stdout };
}

const keystoreFindings = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'keystore-file');

/** Nothing of the key store's bytes in the output: no long base64 or hex run of its content. */
function expectNoBytes(text: string, store: Buffer): void {
  expect(text).not.toContain(store.subarray(40, 72).toString('base64'));
  expect(text).not.toContain(store.subarray(40, 72).toString('hex'));
  expect(text).not.toContain(store.subarray(40, 72).toString('latin1'));
}

describe('keystore-file through the gate (built CLI, real repos)', () => {
  it('reports committed key stores by content on --all, main thread and worker threads alike, not a renamed non-store', () => {
    const repo = makeRepo();
    repo.commit('stores', {
      'certs/server.p12': stores.p12,
      'deploy/release.bin': stores.jks,
      'config/app.jceks': stores.jceks,
      'certs/trust.jks': stores.truststore,
      // Named like key stores, but are not: no finding from this rule.
      'certs/empty.p12': Buffer.alloc(0),
      'certs/image.pfx': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.alloc(64, 7)]),
      'README.md': '# app\n',
      // Locked with its owner's password: not reported.
      'certs/own.p12': stores.ownP12,
      // Past one piece (4 MB): the workers split it; its head cannot prove it opens, so none.
      'backup/archive.p12': pfxExample(Buffer.concat([Buffer.from('060b2a864886f70d010c0a0102', 'hex'), Buffer.alloc(5 * 1024 * 1024)])),
    });
    const small = runJson(repo, '--all', '--no-cache', '--max-file-size', '10000000');
    expect(small.status).toBe(1);
    const found = keystoreFindings(small.gate.findings);
    expect(found.map((f) => [f.file, f.line, f.confidence, f.severity])).toEqual([
      ['certs/server.p12', 1, 'high', 'critical'],
      ['config/app.jceks', 1, 'high', 'critical'],
      ['deploy/release.bin', 1, 'high', 'critical'],
    ]);
    expect(found[0].preview).toBe('[binary PKCS#12 key store that opens with a well-known password, content not shown]');
    for (const store of [stores.p12, stores.jks, stores.jceks]) expectNoBytes(small.stdout, store);

    // Past the worker threshold (200 files): the worker pool reads them, and finds the same.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 220; i++) filler[`src/m${i}.js`] = `export const v${i} = ${i};\n`;
    repo.commit('many files', filler);
    const big = runJson(repo, '--all', '--no-cache', '--max-file-size', '10000000');
    expect(keystoreFindings(big.gate.findings)).toEqual(found);
  });

  it('reports a staged key store from the index blob, and its fingerprint enters the baseline', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': '# app\n' });
    repo.write('keys/signing.pfx', stores.p12);
    repo.git('add', 'keys/signing.pfx');
    // The work tree then differs: the index is what is committed.
    repo.write('keys/signing.pfx', Buffer.alloc(32, 0));
    const staged = runJson(repo, '--staged');
    expect(staged.status).toBe(1);
    expect(keystoreFindings(staged.gate.findings).map((f) => [f.file, f.line, f.isNew])).toEqual([['keys/signing.pfx', 1, true]]);

    repo.write('keys/signing.pfx', stores.p12);
    repo.commit('add the signing store');
    const before = keystoreFindings(runJson(repo, '--all', '--no-cache').gate.findings);
    expect(before).toHaveLength(1);
    // The staged finding and the committed one are the same secret: one fingerprint.
    expect(before[0].fingerprint).toBe(keystoreFindings(staged.gate.findings)[0].fingerprint);
    expect(repo.run('baseline', '--gate', 'secrets').status).toBe(0);
    const baseline = readFileSync(join(repo.dir, '.wfo-gate/baseline.json'), 'utf8');
    expect(baseline).toContain(before[0].fingerprint);
    expectNoBytes(baseline, stores.p12);
    const after = runJson(repo, '--all', '--no-cache');
    expect(after.status).toBe(0);
    expect(keystoreFindings(after.gate.findings)).toEqual([]);
  });

  it('reports a key store added in history and removed again, naming the commit (--range, --history)', () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'README.md': '# app\n' });
    const image = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.alloc(64, 7)]);
    repo.commit('images', { 'assets/logo one.bin': image, 'assets/café.bin': image });
    const added = repo.commit('add key stores', { 'ops/cluster.keystore': stores.jks, 'ops/clé.p12': stores.p12 });
    // Binary files changed into key stores, at a path with a space and one git quotes.
    const replaced = repo.commit('replace the images', { 'assets/logo one.bin': stores.p12, 'assets/café.bin': stores.jceks });
    repo.git('rm', '-q', 'ops/cluster.keystore', 'ops/clé.p12', 'assets/logo one.bin', 'assets/café.bin');
    repo.commit('remove them');
    for (const args of [['--range', `${base}..HEAD`], ['--history']]) {
      const { status, gate: outcome } = runJson(repo, ...args);
      expect(status).toBe(1);
      expect(keystoreFindings(outcome.findings).map((f) => [f.file, f.line, f.commit]).sort()).toEqual([
        ['assets/café.bin', 1, replaced],
        ['assets/logo one.bin', 1, replaced],
        ['ops/cluster.keystore', 1, added],
        ['ops/clé.p12', 1, added],
      ]);
    }
  });

  it('renders in SARIF like any finding', () => {
    const repo = makeRepo();
    repo.commit('store', { 'a.p12': stores.p12 });
    const result = repo.run('run', '--all', '--gate', 'secrets', '--format', 'sarif', '--no-cache');
    const sarif = JSON.parse(result.stdout);
    const results = sarif.runs.flatMap((r: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }) => r.results);
    const hit = results.find((r: { ruleId: string }) => r.ruleId.endsWith('keystore-file'));
    expect(hit.locations[0].physicalLocation.artifactLocation.uri).toBe('a.p12');
    expect(hit.locations[0].physicalLocation.region.startLine).toBe(1);
    expectNoBytes(result.stdout, stores.p12);
  });

  it('a binary skip cached while the rule was disabled does not hide the key store once it is enabled', () => {
    const repo = makeRepo();
    const filler: Record<string, string> = {};
    for (let i = 0; i < 210; i++) filler[`src/m${i}.js`] = `export const v${i} = ${i};\n`;
    repo.commit('seed', { ...filler, 'certs/server.p12': stores.p12 });
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { secrets: { disable: ['keystore-file'] } } }));
    const disabled = runJson(repo, '--all');
    expect(keystoreFindings(disabled.gate.findings)).toEqual([]);
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { secrets: {} } }));
    const cold = runJson(repo, '--all');
    expect(keystoreFindings(cold.gate.findings).map((f) => f.file)).toEqual(['certs/server.p12']);
    // And the finding itself is replayed from the cache on the next run.
    const warm = runJson(repo, '--all');
    expect(warm.gate.metrics.cacheHits).toBeGreaterThan(200);
    expect(keystoreFindings(warm.gate.findings)).toEqual(keystoreFindings(cold.gate.findings));
  });
});

