import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, gitEnv, makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';

// Planted values are assembled at run time so this file itself holds no secret.
const DB_PASSWORD = ['Vq8r', '2LmZ', '4tW9', 'xK'].join('');
const API_KEY = ['a8f3', 'Kq92', 'LmZx', '7Vb4', 'Nw1T'].join('');
const OTHER_KEY = ['Qm3v', 'T8xK', '2pLr', '9sWn', '5Zb7'].join('');
const PLANTED = [DB_PASSWORD, API_KEY, OTHER_KEY];

const dbUrl = (password: string) => `DATABASE_URL=postgres://app:${password}@db.internal:5432/app\n`;
const apiKeyLine = (key: string) => `const api_key = "${key}";\n`;

function json(repo: TestRepo, ...args: string[]) {
  const result = repo.run('run', '--gate', 'secrets', '--format', 'json', ...args);
  const report = JSON.parse(result.stdout);
  return { status: result.status, report, gate: report.gates.find((g: { gate: string }) => g.gate === 'secrets'), result };
}

/** Every byte the CLI printed or wrote, searched for the planted values. */
function expectNothingLeaked(texts: string[]): void {
  for (const text of texts) for (const value of PLANTED) expect(text).not.toContain(value);
}

describe('secrets gate end to end (built CLI, real repos)', () => {
  it('blocks a range where a secret was added and removed again, naming the commit that added it', () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'README.md': '# app\n' });
    const added = repo.commit('configure the database', { 'app/.env': dbUrl(DB_PASSWORD) });
    repo.commit('use the environment instead', { 'app/.env': 'DATABASE_URL=${DATABASE_URL}\n' });
    const { status, gate, result } = json(repo, '--range', `${base}..HEAD`);
    expect(status).toBe(1);
    expect(gate.status).toBe('fail');
    expect(gate.findings).toHaveLength(1);
    expect(gate.findings[0]).toMatchObject({ ruleId: 'database-connection-string', commit: added, file: 'app/.env', line: 1, isNew: true });
    expect(gate.findings[0].fix).toContain('removing it in a new commit is not enough');
    expectNothingLeaked([result.stdout, result.stderr]);
  });

  it('scans all of history with --history and --since', () => {
    const repo = makeRepo();
    const first = repo.commit('leak', { 'src/client.ts': apiKeyLine(API_KEY) });
    repo.commit('fix', { 'src/client.ts': 'export {};\n' });
    const all = json(repo, '--history');
    expect(all.gate.findings.map((f: { commit: string }) => f.commit)).toEqual([first]);
    const since = json(repo, '--history', '--since', first);
    expect(since.gate.findings).toEqual([]);
    expect(since.status).toBe(0);
  });

  it('does not block on an inline-ignored or baselined secret, and counts both', () => {
    const repo = makeRepo();
    repo.commit('accepted fixtures', {
      'test/fixture.ts': `${apiKeyLine(API_KEY).trim()} // wfo-gate-ignore: generic-secret fixture for the client tests\n`,
      'src/legacy.ts': apiKeyLine(OTHER_KEY),
    });
    const before = json(repo, '--all');
    expect(before.status).toBe(1);
    expect(before.gate.suppressed.map((f: { file: string }) => f.file)).toEqual(['test/fixture.ts']);

    const baseline = repo.run('baseline', '--gate', 'secrets');
    expect(baseline.status).toBe(0);
    const after = json(repo, '--all');
    expect(after.status).toBe(0);
    expect(after.gate.findings).toEqual([]);
    expect(after.gate.suppressed.map((f: { suppression: { kind: string } }) => f.suppression.kind).sort()).toEqual(['baseline', 'inline']);
    expect(after.report.suppressedCount).toBe(2);
    expectNothingLeaked([before.result.stdout, after.result.stdout, readFileSync(join(repo.dir, '.wfo-gate/baseline.json'), 'utf8')]);
  });

  it('in a staged commit, blocks only the secret on an added line and lists the existing one', () => {
    const repo = makeRepo();
    repo.commit('existing', { 'src/client.ts': apiKeyLine(API_KEY) });
    repo.write('src/client.ts', apiKeyLine(API_KEY) + apiKeyLine(OTHER_KEY));
    repo.git('add', 'src/client.ts');
    const { status, gate } = json(repo, '--staged');
    expect(status).toBe(1);
    expect(gate.findings.map((f: { line: number; isNew: boolean }) => [f.line, f.isNew])).toEqual([[1, false], [2, true]]);
  });

  it('prints no planted value in any output format, nor in a configuration error', () => {
    const repo = makeRepo();
    repo.commit('leaks', { 'app/.env': dbUrl(DB_PASSWORD), 'src/client.ts': apiKeyLine(API_KEY) + apiKeyLine(OTHER_KEY) });
    const outputs: string[] = [];
    for (const format of ['pretty', 'json', 'sarif', 'markdown']) {
      const result = repo.run('run', '--gate', 'secrets', '--format', format, '--no-color');
      expect(result.status).toBe(1);
      // Each format names the finding by its redacted preview, never the value.
      expect(result.stdout, format).toContain('a8f3…(20 chars)');
      outputs.push(result.stdout, result.stderr);
    }
    expect(outputs.join('\n')).toContain('a8f3…(20 chars)');

    // A custom rule whose example is a planted value and fails: the error names the example by index.
    repo.write('wfo-gate.config.json', JSON.stringify({
      gates: { secrets: { rules: [{ id: 'team-key', title: 'Team key', severity: 'high', family: 'custom', regex: 'team_(\\w{40})', keywords: ['team_'], examples: { match: [`team_${API_KEY}`, `team_${OTHER_KEY}`], noMatch: ['a', 'b'] } }] } },
    }));
    const broken = repo.run('run', '--gate', 'secrets', '--format', 'json');
    const gate = JSON.parse(broken.stdout).gates[0];
    expect(gate.status).toBe('error');
    expect(gate.error).toContain('gates.secrets.rules[0]: team-key: examples.match[0] produced no finding');
    outputs.push(broken.stdout, broken.stderr);
    expectNothingLeaked(outputs);
  });
});

/** A token-shaped value made at run time: `prefix` and `length` random letters and digits. */
function randomToken(prefix: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** Neither the value nor any 8 characters of it after its well-known prefix. */
function expectTokenNowhere(texts: string[], token: string, prefix: string): void {
  const body = token.slice(prefix.length);
  for (const text of texts) {
    expect(text).not.toContain(token);
    for (let i = 0; i + 8 <= body.length; i++) expect(text).not.toContain(body.slice(i, i + 8));
  }
}

describe('no secret in clear in error messages (built CLI, real repos)', () => {
  const FORMATS = ['pretty', 'json', 'sarif', 'markdown'];

  it('quotes neither a broken pnpm-lock.yaml tarball URL nor an lcov value, in any output format', () => {
    const token = randomToken('ghp_', 36);
    const other = randomToken('ghp_', 36);
    const repo = makeRepo();
    repo.commit('broken inputs', {
      // The flow map is never closed: the YAML parser's context line holds the tarball URL.
      'pnpm-lock.yaml': `lockfileVersion: '9.0'\npackages:\n  foo@1.0.0:\n    resolution: {integrity: sha512-x, tarball: https://x:${token}@npm.pkg.github.com/foo/-/foo-1.0.0.tgz\n  bar@1.0.0:\n    resolution: {integrity: sha512-y}\n`,
      'lcov.info': `TN:\nSF:src/a.js\nDA:1,${other}\nend_of_record\n`,
      'wfo-gate.config.json': JSON.stringify({ gates: { audit: { source: 'osv-db', osvDatabase: 'osv' }, coverage: { reports: ['lcov.info'] } } }),
    });
    repo.write('osv/.keep', '');
    const outputs: string[] = [];
    for (const format of FORMATS) {
      const result = repo.run('run', '--all', '--gate', 'audit,coverage', '--format', format, '--no-color');
      expect(result.status, result.stderr).toBe(1);
      outputs.push(result.stdout, result.stderr);
    }
    const report = JSON.parse(outputs[2]!);
    const byGate = Object.fromEntries(report.gates.map((g: { gate: string; error: string }) => [g.gate, g.error]));
    expect(byGate.audit).toMatch(/^pnpm-lock\.yaml: not valid YAML \(.* at line \d+, column \d+/);
    expect(byGate.coverage).toContain('DA hit count is not a number: "ghp_…(40 chars)"');
    expect(JSON.parse(outputs[4]!).runs[0].invocations[0].toolExecutionNotifications).toHaveLength(2);
    expectTokenNowhere(outputs, token, 'ghp_');
    expectTokenNowhere(outputs, other, 'ghp_');
  });

  it('quotes no part of a token from a broken config file or costs/mtd.json', () => {
    const token = randomToken('ghp_', 36);
    const repo = makeRepo();
    repo.commit('ledger', { 'costs/mtd.json': `{"total": ${token}}\n` });
    const outputs: string[] = [];
    for (const format of FORMATS) {
      const budget = repo.run('run', '--all', '--gate', 'budget', '--format', format, '--no-color');
      expect(budget.status).toBe(1);
      outputs.push(budget.stdout, budget.stderr);
    }
    expect(JSON.parse(outputs[2]!).gates[0].error).toMatch(/^costs\/mtd\.json: not valid JSON \(Unexpected token 'g' at line 1, column 11/);
    const report = repo.run('cost', 'report');
    expect(report.status).toBe(2);
    expect(report.stderr).toContain('costs/mtd.json: not valid JSON');
    outputs.push(report.stdout, report.stderr);

    for (const config of [`{"gates": {"secrets": {"note": ${token}}}}`, `{"gates": {"secrets": {"note": "${token}" x}}}`]) {
      repo.write('wfo-gate.config.json', config);
      const broken = repo.run('run', '--all', '--gate', 'secrets');
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/wfo-gate\.config\.json: not valid JSON: .* at line 1, column \d+/);
      outputs.push(broken.stdout, broken.stderr);
    }
    expectTokenNowhere(outputs, token, 'ghp_');
  });
});

describe('the redaction of error messages stays off the fast path', () => {
  /** The built CLI's run, and which of its files Node loaded (through a module loader hook). */
  function loadedFiles(repo: TestRepo, args: string[]): { status: number | null; files: string[] } {
    const dir = tempDir('wfo-loaded-');
    writeFileSync(join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(process.env.WFO_LOADED_LOG, url + '\\n');\n  return next(url, context);\n}\n");
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    const log = join(dir, 'loaded.log');
    const result = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), CLI, ...args], { cwd: repo.dir, env: gitEnv({ WFO_LOADED_LOG: log }), encoding: 'utf8' });
    return { status: result.status, files: readFileSync(log, 'utf8').trim().split('\n').map((url) => fileURLToPath(url)) };
  }
  // A rule id only the built-in secrets rules hold: the file that has it is the rule catalogue.
  const holdsSecretRules = (files: string[]) => files.some((f) => readFileSync(f, 'utf8').includes('anthropic-api-key'));

  it('does not load the secrets rules for a run with nothing to redact, passing or blocked, and loads them for an error', () => {
    const repo = makeRepo();
    repo.commit('clean', { 'README.md': '# app\n' });
    const passing = loadedFiles(repo, ['run', '--all', '--gate', 'env-ignore']);
    expect(passing.status).toBe(0);
    expect(holdsSecretRules(passing.files)).toBe(false);

    repo.commit('oops', { '.env': 'A=1\n' });
    const blocked = loadedFiles(repo, ['run', '--all', '--gate', 'env-ignore']);
    expect(blocked.status).toBe(1);
    expect(holdsSecretRules(blocked.files)).toBe(false);

    repo.commit('broken report', { 'lcov.info': 'TN:\nSF:a.js\nDA:1,x\nend_of_record\n', 'wfo-gate.config.json': JSON.stringify({ gates: { coverage: { reports: ['lcov.info'] } } }) });
    const errored = loadedFiles(repo, ['run', '--all', '--gate', 'coverage']);
    expect(errored.status).toBe(1);
    expect(holdsSecretRules(errored.files)).toBe(true);
  });
});
