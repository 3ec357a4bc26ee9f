import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { CACHE_DIR } from '../../src/core/result-cache.js';
import { runGates } from '../../src/core/runner.js';
import { createScope, type ScopeRequest } from '../../src/core/scope.js';
import { shardOf } from '../../src/core/shard.js';
import type { Finding, GateResult, Report, ShardSpec } from '../../src/core/types.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

// The package version the engine key sees: a test changes it to play an upgrade.
const version = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock('../../src/core/package-info.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/package-info.js')>();
  return { ...actual, packageVersion: () => version.value ?? actual.packageVersion() };
});

afterEach(() => {
  version.value = undefined;
});

// Planted values are assembled at run time so this file itself holds no secret.
const API_KEY = ['a8f3', 'Kq92', 'LmZx', '7Vb4', 'Nw1T'].join('');
const OTHER_KEY = ['Qm3v', 'T8xK', '2pLr', '9sWn', '5Zb7'].join('');
const apiKeyLine = (key: string) => `const api_key = "${key}";\n`;
const EVAL = 'const run = (x) => eval(x);\n';

function seed(): TestRepo {
  const repo = makeRepo();
  repo.commit('seed', {
    'src/client.js': apiKeyLine(API_KEY) + EVAL,
    'src/plain.js': 'export const two = 1 + 1;\n',
    'src/other.ts': 'export function id<T>(x: T): T { return x; }\n',
    'config/.env': `TOKEN=${OTHER_KEY}\n`,
    'docs/readme.md': '# nothing here\n',
    'img/logo.bin': Buffer.from([0x89, 0x50, 0x00, 0x01, 0x02]),
  });
  return repo;
}

async function runAll(repo: TestRepo, raw: Record<string, unknown> = {}, kind: ScopeRequest['kind'] = 'all', shard?: ShardSpec): Promise<Report> {
  const config = resolveConfig({ gates: { sast: { bandit: { enabled: false } } }, ...raw });
  const scope = await createScope({ kind, cwd: repo.dir, maxFileSize: config.maxFileSize, files: kind === 'files' ? ['.'] : undefined });
  return runGates(scope, config, { gates: ['secrets', 'sast'], baseline: new Map(), shard });
}

function gate(report: Report, id: 'secrets' | 'sast'): GateResult {
  return report.gates.find((g) => g.gate === id)!;
}

/** How many files each gate read and scanned, and how many came from the cache. */
function reads(report: Report): Record<string, number | undefined> {
  const s = gate(report, 'secrets').metrics ?? {};
  const a = gate(report, 'sast').metrics ?? {};
  return { secretsScanned: s.scannedFiles, secretsHits: s.cacheHits, sastScanned: a['sast.scannedFiles'], sastHits: a['sast.cacheHits'] };
}

/** Findings in a stable order, for comparing runs (workers finish files in any order). */
function findings(report: Report): Finding[] {
  const key = (f: Finding) => `${f.gate}\0${f.file}\0${String(f.line).padStart(8)}\0${f.column}\0${f.ruleId}`;
  return report.gates.flatMap((g) => [...g.findings, ...g.suppressed]).sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

function segments(repo: TestRepo, gateId: string): { namespace: string; files: string[] }[] {
  const dir = join(repo.dir, CACHE_DIR, gateId);
  return readdirSync(dir).map((namespace) => ({ namespace, files: readdirSync(join(dir, namespace)).map((f) => join(dir, namespace, f)) }));
}

/** Changes the stored secrets finding of src/client.js: it would report another line if it were believed. */
function tamperWithClientEntry(repo: TestRepo): void {
  const [{ files }] = segments(repo, 'secrets');
  const lines = readFileSync(files[0], 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('"src/client.js"'));
  lines[at] = lines[at].replace('"line":1,', '"line":7,');
  writeFileSync(files[0], lines.join('\n'));
}

describe('result cache', () => {
  it('a second whole-tree run reads no file of an unchanged tree, and finds exactly what a scan without the cache finds', async () => {
    const repo = seed();
    const cold = await runAll(repo);
    // Five text files for secrets (the binary one is skipped), three JS/TS files for SAST.
    expect(reads(cold)).toEqual({ secretsScanned: 5, secretsHits: 0, sastScanned: 3, sastHits: 0 });
    expect(findings(cold).map((f) => `${f.gate}:${f.file}:${f.line}`)).toEqual(expect.arrayContaining(['secrets:src/client.js:1', 'sast:src/client.js:2']));

    const warm = await runAll(repo);
    expect(reads(warm)).toEqual({ secretsScanned: 0, secretsHits: 6, sastScanned: 0, sastHits: 3 });
    expect(gate(warm, 'secrets').metrics).toMatchObject({ bytes: gate(cold, 'secrets').metrics!.bytes, scannedBytes: 0 });
    expect(gate(warm, 'sast').metrics).toMatchObject({ 'sast.files': 3, 'sast.bytes': gate(cold, 'sast').metrics!['sast.bytes'] });
    expect(warm.skipped.binary).toEqual(['img/logo.bin']);

    const uncached = await runAll(repo, { cache: false });
    expect(reads(uncached)).toEqual({ secretsScanned: 5, secretsHits: undefined, sastScanned: 3, sastHits: undefined });
    expect(findings(warm)).toEqual(findings(uncached));
    expect(findings(cold)).toEqual(findings(uncached));
    expect(warm.gates.map((g) => [g.status, g.summary])).toEqual(uncached.gates.map((g) => [g.status, g.summary]));
  });

  it('holds only what the report holds: no planted secret in clear in any cache file, and git ignores the folder', async () => {
    const repo = seed();
    await runAll(repo);
    const text = [...segments(repo, 'secrets'), ...segments(repo, 'sast')].flatMap((s) => s.files).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('generic-secret');
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(OTHER_KEY);
    expect(text).not.toContain('eval(x)');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('rescans only the file whose content changed; an uncommitted edit is scanned and never stored', async () => {
    const repo = seed();
    await runAll(repo);
    repo.commit('edit', { 'src/plain.js': 'export const three = 1 + 2;\n' });
    const afterCommit = await runAll(repo);
    expect(reads(afterCommit)).toEqual({ secretsScanned: 1, secretsHits: 5, sastScanned: 1, sastHits: 2 });
    expect(gate(afterCommit, 'secrets').metrics).toMatchObject({ cacheStored: 1 });

    repo.write('src/other.ts', `${apiKeyLine(OTHER_KEY)}export const x = 1;\n`);
    const dirty = await runAll(repo);
    expect(reads(dirty)).toEqual({ secretsScanned: 1, secretsHits: 5, sastScanned: 1, sastHits: 2 });
    expect(gate(dirty, 'secrets').metrics).toMatchObject({ cacheStored: 0 });
    expect(gate(dirty, 'secrets').findings.map((f) => f.file)).toContain('src/other.ts');
    expect(findings(dirty)).toEqual(findings(await runAll(repo, { cache: false })));
  });

  it('a changed rule option is another namespace: everything is rescanned and the old namespace deleted', async () => {
    const repo = seed();
    await runAll(repo);
    const [before] = segments(repo, 'secrets');
    const disabled = await runAll(repo, { gates: { secrets: { disable: ['generic-secret'] }, sast: { bandit: { enabled: false } } } });
    expect(reads(disabled)).toEqual({ secretsScanned: 5, secretsHits: 0, sastScanned: 0, sastHits: 3 });
    expect(gate(disabled, 'secrets').findings.map((f) => f.ruleId)).not.toContain('generic-secret');
    const after = segments(repo, 'secrets');
    expect(after).toHaveLength(1);
    expect(after[0].namespace).not.toBe(before.namespace);
    // Back to the default rules: the first namespace was deleted, so that is a full scan again.
    expect(reads(await runAll(repo))).toMatchObject({ secretsScanned: 5, secretsHits: 0 });
  });

  it('a new package version invalidates every gate', async () => {
    const repo = seed();
    await runAll(repo);
    version.value = '99.0.0';
    expect(reads(await runAll(repo))).toEqual({ secretsScanned: 5, secretsHits: 0, sastScanned: 3, sastHits: 0 });
    expect(reads(await runAll(repo))).toEqual({ secretsScanned: 0, secretsHits: 6, sastScanned: 0, sastHits: 3 });
  });

  it('a corrupted entry is discarded, never trusted: its file is rescanned and the entry replaced', async () => {
    const repo = seed();
    const cold = await runAll(repo);
    tamperWithClientEntry(repo);

    const repaired = await runAll(repo);
    expect(gate(repaired, 'secrets').metrics).toMatchObject({ cacheCorrupt: 1, scannedFiles: 1, cacheHits: 5, cacheStored: 1 });
    expect(findings(repaired)).toEqual(findings(cold));
    const again = await runAll(repo);
    expect(gate(again, 'secrets').metrics).toMatchObject({ cacheCorrupt: 0, scannedFiles: 0, cacheHits: 6 });
    expect(findings(again)).toEqual(findings(cold));
  });

  it('a shard takes its own files from the cache and judges only their entries: a damaged entry of another shard\'s file is caught by that shard', async () => {
    const repo = seed();
    const cold = await runAll(repo);
    tamperWithClientEntry(repo);

    const owner = shardOf('src/client.js', 2);
    const other = await runAll(repo, {}, 'all', { index: 3 - owner, total: 2 });
    const otherFiles = other.scope.files;
    expect(gate(other, 'secrets').metrics).toMatchObject({ cacheCorrupt: 0, scannedFiles: 0, cacheHits: otherFiles });
    const mine = await runAll(repo, {}, 'all', { index: owner, total: 2 });
    expect(gate(mine, 'secrets').metrics).toMatchObject({ cacheCorrupt: 1, scannedFiles: 1, cacheHits: 6 - otherFiles - 1, cacheStored: 1 });
    // Together the two shards report what the whole-tree run reported, the damaged entry not believed.
    expect([...findings(other), ...findings(mine)].map((f) => `${f.gate}:${f.file}:${f.line}`).sort()).toEqual(findings(cold).map((f) => `${f.gate}:${f.file}:${f.line}`).sort());
  });

  it('is off for staged scans and, unless "cache": true, for --files', async () => {
    const repo = seed();
    repo.write('src/plain.js', 'export const four = 2 + 2;\n');
    repo.git('add', '-A');
    const staged = await runAll(repo, {}, 'staged');
    expect(gate(staged, 'secrets').metrics?.cacheHits).toBeUndefined();
    const files = await runAll(repo, {}, 'files');
    expect(gate(files, 'secrets').metrics?.cacheHits).toBeUndefined();
    expect(() => readdirSync(join(repo.dir, CACHE_DIR))).toThrow();
    // The staged file's work-tree content is the index's: clean, so cached like the rest.
    expect(reads(await runAll(repo, { cache: true }, 'files'))).toMatchObject({ secretsScanned: 5, secretsHits: 0 });
    expect(reads(await runAll(repo, { cache: true }, 'files'))).toMatchObject({ secretsScanned: 0, secretsHits: 6 });
  });
});
