import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import type { UsageError } from '../../src/core/errors.js';
import { memoryScope, type MemoryScopeInit } from '../../src/core/memory-scope.js';
import type { CommitChange, GateOutcome } from '../../src/core/types.js';
import gate from '../../src/gates/secrets/index.js';
import type { SecretsOptions } from '../../src/gates/secrets/options.js';
import { tempDir } from '../helpers/repo.js';

// Planted values are assembled at run time so this file itself holds no secret.
const DB_PASSWORD = ['Vq8r', '2LmZ', '4tW9', 'xK'].join('');
const API_KEY = ['a8f3', 'Kq92', 'LmZx', '7Vb4', 'Nw1T'].join('');
const TOKEN = ['Qm3v', 'T8xK', '2pLr', '9sWn', '5Zb7'].join('');
const PLANTED = [DB_PASSWORD, API_KEY, TOKEN];

const dbUrl = (password: string) => `DATABASE_URL=postgres://app:${password}@db.internal:5432/app\n`;
const apiKeyLine = (key: string) => `const api_key = "${key}";\n`;

async function run(init: MemoryScopeInit, options: Partial<SecretsOptions> = {}): Promise<GateOutcome> {
  const config = resolveConfig({});
  const defaults = config.gates.secrets as unknown as SecretsOptions;
  return gate.run({
    scope: memoryScope(init),
    options: { ...defaults, ...options },
    explicit: false,
    config,
    signal: new AbortController().signal,
  });
}

function expectNoPlantedValue(outcome: GateOutcome): void {
  const text = JSON.stringify(outcome);
  for (const value of PLANTED) expect(text).not.toContain(value);
}

function commit(id: string, date: string, files: Record<string, { line: number; text: string }[]>): CommitChange {
  return { commit: id, author: 'T', date, subject: id, files: Object.entries(files).map(([path, added]) => ({ path, added })) };
}

describe('secrets gate', () => {
  it('reports each secret with rule, position, redacted preview, fingerprint and fix, never the value', async () => {
    const outcome = await run({ files: { 'app/.env': `# db\n${dbUrl(DB_PASSWORD)}`, 'src/client.ts': apiKeyLine(API_KEY) } });
    expect(outcome.status).toBeUndefined();
    const byRule = Object.fromEntries(outcome.findings.map((f) => [f.ruleId, f]));
    expect(Object.keys(byRule).sort()).toEqual(['database-connection-string', 'generic-secret']);
    const db = byRule['database-connection-string'];
    expect(db).toMatchObject({ gate: 'secrets', severity: 'critical', file: 'app/.env', line: 2, column: 'DATABASE_URL=postgres://app:'.length + 1 });
    expect(db.preview).toBe(`${DB_PASSWORD.slice(0, 3)}…(${DB_PASSWORD.length} chars)`);
    expect(db.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(db.fix).toMatch(/^Rotate this credential.*If it was ever pushed, removing it in a new commit is not enough/);
    expect(db.isNew).toBeUndefined();
    expect(outcome.metrics).toMatchObject({ files: 2 });
    expectNoPlantedValue(outcome);
  });

  it('keeps the fingerprint when the secret moves to another line', async () => {
    const a = await run({ files: { 'x.ts': apiKeyLine(API_KEY) } });
    const b = await run({ files: { 'x.ts': `// moved\n\n${apiKeyLine(API_KEY)}` } });
    expect(b.findings[0].line).toBe(3);
    expect(b.findings[0].fingerprint).toBe(a.findings[0].fingerprint);
  });

  it('marks findings on changed lines as new and the rest as existing in diff-aware scopes', async () => {
    const outcome = await run({
      kind: 'staged',
      files: { 'src/client.ts': apiKeyLine(API_KEY) + apiKeyLine(TOKEN) },
      base: { 'src/client.ts': apiKeyLine(API_KEY) },
      changed: { 'src/client.ts': [{ start: 2, end: 2 }] },
    });
    expect(outcome.findings.map((f) => [f.line, f.isNew])).toEqual([[1, false], [2, true]]);
    expect(outcome.findings[1].fix).toMatch(/Unstage it before committing/);
    expectNoPlantedValue(outcome);
  });

  it('reports a secret added and removed inside a range, naming the commit that added it', async () => {
    const outcome = await run({
      kind: 'range',
      files: { 'app/.env': 'DATABASE_URL=${DATABASE_URL}\n' },
      changed: { 'app/.env': [{ start: 1, end: 1 }] },
      commits: [
        commit('c2222222222222222222222222222222222222222', '2024-05-02T10:00:00Z', { 'app/.env': [{ line: 1, text: 'DATABASE_URL=${DATABASE_URL}' }] }),
        commit('c1111111111111111111111111111111111111111', '2024-05-01T10:00:00Z', { 'app/.env': [{ line: 1, text: dbUrl(DB_PASSWORD).trim() }] }),
      ],
    });
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({
      ruleId: 'database-connection-string',
      commit: 'c1111111111111111111111111111111111111111',
      isNew: true,
      blocking: true,
      file: 'app/.env',
      line: 1,
    });
    expect(outcome.findings[0].message).toContain('commit c11111111111');
    expect(outcome.findings[0].fix).toMatch(/It is in pushed history/);
    expect(outcome.metrics).toMatchObject({ commits: 2 });
    expectNoPlantedValue(outcome);
  });

  it('keeps one finding per secret: the introducing commit replaces the final-content copy', async () => {
    const outcome = await run({
      kind: 'base',
      files: { 'src/client.ts': `// client\n${apiKeyLine(API_KEY)}` },
      changed: { 'src/client.ts': [{ start: 1, end: 2 }] },
      commits: [
        commit('b2', '2024-05-02T10:00:00Z', { 'src/client.ts': [{ line: 1, text: '// client' }, { line: 2, text: apiKeyLine(API_KEY).trim() }] }),
        commit('b1', '2024-05-01T10:00:00Z', { 'src/client.ts': [{ line: 1, text: apiKeyLine(API_KEY).trim() }] }),
      ],
    });
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ commit: 'b1', line: 1 });
  });

  it('honours inline markers on commit lines itself and returns those findings as suppressed', async () => {
    const outcome = await run({
      kind: 'range',
      files: {},
      commits: [
        commit('d1', '2024-05-01T10:00:00Z', {
          'src/a.ts': [{ line: 4, text: `${apiKeyLine(API_KEY).trim()} // wfo-gate-ignore: generic-secret test double` }],
          'src/b.ts': [{ line: 7, text: '// gitleaks:allow' }, { line: 8, text: apiKeyLine(TOKEN).trim() }],
        }),
      ],
    });
    expect(outcome.findings).toEqual([]);
    expect(outcome.suppressed?.map((f) => [f.file, f.line, f.suppression?.by])).toEqual([
      ['src/a.ts', 4, 'wfo-gate-ignore: generic-secret'],
      ['src/b.ts', 8, 'gitleaks:allow'],
    ]);
    expectNoPlantedValue(outcome);
  });

  it('skips excluded paths and disabled rules', async () => {
    const files = { 'vendor/x.ts': apiKeyLine(API_KEY), 'src/y.ts': apiKeyLine(TOKEN), 'app/.env': dbUrl(DB_PASSWORD) };
    const outcome = await run({ files }, { exclude: ['vendor/**'], disable: ['database-connection-string', 'url-credentials'] });
    expect(outcome.findings.map((f) => f.file)).toEqual(['src/y.ts']);
  });

  it('runs custom rules from config, which must prove themselves on their examples', async () => {
    const custom = {
      id: 'acme-internal-token',
      title: 'ACME internal token',
      severity: 'high',
      family: 'internal',
      regex: '\\bacme_(?<secret>[a-z0-9]{20})\\b',
      keywords: ['acme_'],
      examples: { match: ['acme_' + 'k3j4h5g6f7d8s9a0q1w2', 'x=acme_' + 'p0o9i8u7y6t5r4e3w2q1'], noMatch: ['acme_short', 'acme_' + 'k3j4h5g6f7d8s9a0q1w2x'] },
    };
    const outcome = await run({ files: { 'a.txt': 'token acme_' + 'z1x2c3v4b5n6m7l8k9j0' } }, { rules: [custom] });
    expect(outcome.findings.map((f) => f.ruleId)).toEqual(['acme-internal-token']);

    const broken = await run({ files: { 'a.txt': '' } }, { rules: [{ ...custom, examples: { ...custom.examples, noMatch: ['acme_' + 'aaaaaaaaaabbbbbbbbbb', 'no'] } }] });
    expect(broken.status).toBe('error');
    expect(broken.error).toContain('gates.secrets.rules[0]: acme-internal-token: examples.noMatch[0] produced a finding');

    // A custom rule's shape is checked with the configuration, before any gate runs (exit 2).
    let details: string[] = [];
    try {
      resolveConfig({ gates: { secrets: { rules: [{ id: 'Bad Id', regex: '(' }] } } } as never, 'c.json');
    } catch (error) {
      details = (error as UsageError).details;
    }
    expect(details).toContain('c.json: /gates/secrets/rules/0/id: must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"');
  });

  it('custom rules may state the exact secret of a match example; a wrong statement is an error naming it', async () => {
    const body = 'k3j4h5g6f7d8s9a0q1w2';
    const custom = {
      id: 'acme-stated-token',
      title: 'ACME internal token',
      severity: 'high',
      family: 'internal',
      regex: '\\bacme_(?<secret>[a-z0-9]{20})\\b',
      keywords: ['acme_'],
      examples: { match: [{ text: 'x=acme_' + body, secret: body }, 'y=acme_' + 'p0o9i8u7y6t5r4e3w2q1'], noMatch: ['acme_short', { text: 'acme_no', firedBy: ['generic-secret'] }] },
    };
    expect(() => resolveConfig({ gates: { secrets: { rules: [custom] } } } as never, 'c.json')).not.toThrow();
    const outcome = await run({ files: { 'a.txt': 'token acme_' + 'z1x2c3v4b5n6m7l8k9j0' } }, { rules: [custom] });
    expect(outcome.findings.map((f) => f.ruleId)).toEqual(['acme-stated-token']);

    const wrong = { ...custom, examples: { ...custom.examples, match: [{ text: 'x=acme_' + body, secret: 'acme_' + body }, custom.examples.match[1]] } };
    const broken = await run({ files: { 'a.txt': '' } }, { rules: [wrong] });
    expect(broken.status).toBe('error');
    expect(broken.error).toContain('gates.secrets.rules[0]: acme-stated-token: examples.match[0] captured 1 secret(s) that are not the 1 it states');
    expect(broken.error).not.toContain(body);
  });

  it('rejects an unknown rule id in disable with what to do', async () => {
    const outcome = await run({ files: {} }, { disable: ['no-such-rule'] });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toContain('"no-such-rule"');
    expect(outcome.error).toContain('wfo-gate rules');
  });

  it('scans a large work tree on worker threads with the same findings as in-thread', async () => {
    const root = tempDir('wfo-secrets-');
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`pkg/f${i}.ts`] = `export const n${i} = ${i};\n`;
    for (const i of [7, 150, 299]) files[`pkg/f${i}.ts`] += apiKeyLine(API_KEY);
    files['pkg/f7.ts'] += `// ${'padding '.repeat(4096)}\n`; // the largest file, sent to a thread first
    files['pkg/bin.dat'] = 'a\0b';
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, 'pkg'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const threaded = await run({ root, files }, { workers: 2 });
    const inThread = await run({ root, files }, { workers: 1 });
    expect(threaded.findings).toEqual(inThread.findings);
    // In path order whichever thread finished first.
    expect(threaded.findings.map((f) => [f.file, f.line])).toEqual([['pkg/f150.ts', 2], ['pkg/f299.ts', 2], ['pkg/f7.ts', 2]]);
    expect(threaded.metrics?.bytes).toBe(inThread.metrics?.bytes);
  });

  it('reading a large work tree by path, never follows a symlink out of the repository nor waits on a FIFO', async () => {
    const outside = tempDir('wfo-secrets-outside-');
    writeFileSync(join(outside, 'creds.ts'), apiKeyLine(TOKEN));
    const root = tempDir('wfo-secrets-links-');
    mkdirSync(join(root, 'pkg'), { recursive: true });
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`pkg/f${i}.ts`] = `export const n${i} = ${i};\n`;
    for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
    // A tracked symlink to a file elsewhere, and a tracked file replaced by a FIFO in the work tree.
    symlinkSync(join(outside, 'creds.ts'), join(root, 'pkg/link.ts'));
    execFileSync('mkfifo', [join(root, 'pkg/pipe.ts')]);
    files['pkg/link.ts'] = '';
    files['pkg/pipe.ts'] = '';
    for (const workers of [1, 2]) {
      const scope = memoryScope({ root, files });
      const config = resolveConfig({});
      const outcome = await gate.run({ scope, options: { ...(config.gates.secrets as unknown as SecretsOptions), workers }, explicit: false, config, signal: new AbortController().signal });
      expect(outcome.status, `workers: ${workers}: ${outcome.error ?? ''}`).toBeUndefined();
      expect(outcome.findings).toEqual([]);
      expect(scope.skipped.symlinks).toEqual(['pkg/link.ts']);
      expect(outcome.metrics?.scannedFiles).toBe(250);
    }
  });

  it('skips a large binary file split across workers as a whole, as one pass does', async () => {
    const root = tempDir('wfo-secrets-bin-');
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`pkg/f${i}.ts`] = `export const n${i} = ${i};\n`;
    // ~9 MB with a NUL in its head and keys in every later piece: an executable, not source.
    const filler = 'const x = 1; // filler line\n'.repeat(40_000);
    files['bin/tool'] = 'ELF\0\0\0' + [1, 2, 3, 4, 5, 6, 7, 8].map(() => filler + apiKeyLine(API_KEY)).join('');
    mkdirSync(join(root, 'pkg'), { recursive: true });
    mkdirSync(join(root, 'bin'), { recursive: true });
    for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
    expect(files['bin/tool'].length).toBeGreaterThan(8 * 1024 * 1024);
    const threaded = await run({ root, files, maxFileSize: 64 * 1024 * 1024 }, { workers: 2 });
    const inThread = await run({ root, files, maxFileSize: 64 * 1024 * 1024 }, { workers: 1 });
    expect(threaded.findings).toEqual([]);
    expect(inThread.findings).toEqual([]);
    expect(threaded.metrics?.bytes).toBe(inThread.metrics?.bytes);
    expect(threaded.metrics?.scannedFiles).toBe(250);
  });

  it('splits a large file across workers with the same lines and columns as one pass', async () => {
    const root = tempDir('wfo-secrets-big-');
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`pkg/f${i}.ts`] = `export const n${i} = ${i};\n`;
    // ~10 MB: short lines, then one minified line longer than a piece's overlap, with secrets
    // near the 4 MiB piece boundaries and on the long line.
    const lines: string[] = [];
    let size = 0;
    let n = 0;
    while (size < 10_000_000) {
      const line = n % 40_000 === 39_999 ? apiKeyLine(API_KEY).trim() : `const v${n} = ${n} * 2; // filler line`;
      lines.push(line);
      size += line.length + 1;
      n++;
    }
    const longLine = 'var a=1;'.repeat(20_000) + apiKeyLine(TOKEN).trim() + 'var b=2;'.repeat(20_000);
    lines.splice(Math.floor(lines.length * 0.41), 0, longLine);
    files['dist/big.js'] = lines.join('\n') + '\n';
    mkdirSync(join(root, 'pkg'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
    const threaded = await run({ root, files, maxFileSize: 64 * 1024 * 1024 }, { workers: 2 });
    const inThread = await run({ root, files, maxFileSize: 64 * 1024 * 1024 }, { workers: 1 });
    const shape = (o: GateOutcome) => o.findings.map((f) => [f.file, f.line, f.column, f.fingerprint]);
    expect(shape(threaded)).toEqual(shape(inThread));
    // One key every 40,000 filler lines (five in ~10 MB) and the one on the long line.
    expect(threaded.findings.length).toBe(6);
    expect(threaded.findings.some((f) => f.column === 'var a=1;'.length * 20_000 + 'const api_key = "'.length + 1)).toBe(true);
    expect(threaded.metrics?.bytes).toBe(inThread.metrics?.bytes);
  });
});
