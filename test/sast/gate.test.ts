import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { memoryScope, type MemoryScopeInit } from '../../src/core/memory-scope.js';
import type { GateOutcome } from '../../src/core/types.js';
import gate from '../../src/gates/sast/index.js';
import type { SastOptions } from '../../src/gates/sast/options.js';
import { MAX_PARSE_BYTES, MAX_PARSE_DEPTH } from '../../src/gates/sast/scan.js';
import { tempDir } from '../helpers/repo.js';
import { SEMGREP_SCAN, usageError, writeStandIn } from '../helpers/stand-in.js';

async function runGate(init: MemoryScopeInit, sast: Record<string, unknown> = {}): Promise<GateOutcome> {
  const config = resolveConfig({ gates: { sast: { bandit: { enabled: false }, ...sast } } });
  const options = config.gates.sast as unknown as SastOptions;
  return gate.run({ scope: memoryScope(init), options, explicit: true, config, signal: new AbortController().signal });
}

const EXPRESS = [
  "const express = require('express');",
  "const { exec } = require('child_process');",
  'const app = express();',
  "app.get('/ping', (req, res) => {",
  '  const host = req.query.host;',
  "  exec('ping -c 1 ' + host, (err, out) => res.send(out));",
  '});',
  '',
].join('\n');

describe('sast gate', () => {
  it('reports a finding with file, lines, column, rule, severity, message, fix and fingerprint', async () => {
    const outcome = await runGate({ files: { 'server.js': EXPRESS } });
    expect(outcome.status).toBeUndefined();
    const finding = outcome.findings.find((f) => f.ruleId === 'js-shell-command-request-data');
    expect(finding).toMatchObject({ gate: 'sast', file: 'server.js', line: 6, endLine: 6, column: 3, severity: 'critical' });
    expect(finding?.message).toMatch(/shell/);
    expect(finding?.fix).toMatch(/execFile/);
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // Two rules see the same line (built command, request data): one finding of the class stays.
    expect(outcome.findings.filter((f) => f.line === 6)).toHaveLength(1);
    expect(outcome.metrics).toMatchObject({ 'sast.files': 1, 'sast.unparsable': 0, 'sast.findings': outcome.findings.length });
    expect(outcome.rules?.map((r) => r.id)).toContain('js-shell-command-request-data');
  });

  it('keeps the fingerprint when the code moves down the file', async () => {
    const before = await runGate({ files: { 'server.js': EXPRESS } });
    const after = await runGate({ files: { 'server.js': '// a new header comment\n\n' + EXPRESS } });
    expect(after.findings[0].line).toBe(before.findings[0].line! + 2);
    expect(after.findings[0].fingerprint).toBe(before.findings[0].fingerprint);
  });

  it('scans TypeScript, TSX and Python in the same run, each with its grammar', async () => {
    const outcome = await runGate({
      files: {
        'src/view.tsx': 'export const Post = ({ body }: { body: string }) => <div dangerouslySetInnerHTML={{ __html: body }} />;\n',
        'src/tls.ts': 'const agent: https.Agent = new https.Agent({ rejectUnauthorized: false });\n',
        'app/settings.py': 'DEBUG = True\n',
        'README.md': 'eval(x)\n',
      },
    });
    expect(outcome.findings.map((f) => `${f.file}:${f.ruleId}`).sort()).toEqual([
      'app/settings.py:py-django-debug',
      'src/tls.ts:js-reject-unauthorized-false',
      'src/view.tsx:js-dangerously-set-inner-html',
    ]);
    expect(outcome.summary).toMatch(/JS\/TS 2, Python 1/);
  });

  it('applies severity overrides and disables rules or whole classes', async () => {
    const files = { 'a.py': 'DEBUG = True\nr = requests.get(url, verify=False)\n' };
    const overridden = await runGate({ files }, { severity: { 'py-django-debug': 'low' }, rules: { 'tls-verification-disabled': { severity: 'critical' } } });
    expect(overridden.findings.map((f) => [f.ruleId, f.severity]).sort()).toEqual([
      ['py-django-debug', 'low'],
      ['py-verify-false', 'critical'],
    ]);
    const disabled = await runGate({ files }, { disable: ['tls-verification-disabled'], rules: { 'py-django-debug': { enabled: false } } });
    expect(disabled.findings).toEqual([]);
  });

  it('answers a rule id that does not exist with an error naming it', async () => {
    const outcome = await runGate({ files: { 'a.js': 'eval(x);\n' } }, { disable: ['js-no-such-rule'] });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatch(/disable: "js-no-such-rule"/);
  });

  it('counts files with syntax errors and still reports what it can read in them', async () => {
    const outcome = await runGate({ files: { 'broken.js': 'function ( {{ = ;\neval(userInput);\n', 'ok.py': 'x = 1\n', 'bad.py': 'eval(code)\nx = = 3\n' } });
    expect(outcome.status).toBeUndefined();
    expect(outcome.metrics?.['sast.unparsable']).toBe(2);
    expect(outcome.summary).toMatch(/2 with syntax errors/);
    expect(outcome.findings.some((f) => f.file === 'broken.js' && f.ruleId === 'js-eval-non-literal')).toBe(true);
  });

  it('marks only findings on changed lines as new in diff-aware scopes', async () => {
    const source = "eval(a);\neval(b);\neval(\n  c\n);\n";
    const outcome = await runGate({ files: { 'a.js': source }, changed: { 'a.js': [{ start: 2, end: 2 }, { start: 4, end: 4 }] } });
    expect(outcome.findings.map((f) => [f.line, f.isNew])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    const full = await runGate({ files: { 'a.js': source } });
    expect(full.findings.map((f) => [f.line, f.isNew])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
    ]);
  });

  it('follows request data through variables only within its function', async () => {
    const source = [
      "app.get('/a', (req, res) => { const target = req.query.next; const url = '/x' + target; res.redirect(url); });",
      "app.get('/b', (req, res) => { const url = '/home'; res.redirect(url); });",
      'function later(url) { res.redirect(url); }',
      '',
    ].join('\n');
    const outcome = await runGate({ files: { 'r.js': source } });
    expect(outcome.findings.map((f) => [f.ruleId, f.line])).toEqual([['js-redirect-request-data', 1]]);
  });

  describe('parse budget', () => {
    const SINK = 'function h(req){eval(req.query.code)}';
    /** One line of minified-looking code, `bytes` long, with the sink in the middle. */
    const minified = (bytes: number) => {
      const filler = 'var a=b.c||d,e={f:1,g:"h"};';
      const half = filler.repeat(Math.ceil(bytes / 2 / filler.length));
      return (half + SINK + half).slice(0, bytes - 1) + '\n';
    };
    const run = async (files: Record<string, string>) => {
      const scope = memoryScope({ files, maxFileSize: 2 * MAX_PARSE_BYTES });
      const config = resolveConfig({ gates: { sast: { bandit: { enabled: false } } } });
      const options = config.gates.sast as unknown as SastOptions;
      const outcome = await gate.run({ scope, options, explicit: true, config, signal: new AbortController().signal });
      return { outcome, scope };
    };

    it('skips a file past the size budget unparsed, counts it in skipped and says why, and checks the rest', async () => {
      const big = minified(MAX_PARSE_BYTES + 1);
      expect(big.includes(SINK)).toBe(true);
      const { outcome, scope } = await run({ 'dist/bundle.min.js': big, 'server.js': EXPRESS });
      expect(outcome.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['server.js:6:js-shell-command-request-data']);
      expect(scope.skipped.tooLargeToParse).toEqual(['dist/bundle.min.js']);
      expect(scope.skipped.tooLarge).toEqual([]);
      expect(scope.notes).toEqual(['dist/bundle.min.js: not parsed by SAST: 4.0 MiB is past the SAST parse budget of 4.0 MiB; its other gates still checked it']);
      expect(outcome.summary).toMatch(/1 file past the parse budget, not parsed \(dist\/bundle\.min\.js\)/);
      expect(outcome.metrics).toMatchObject({ 'sast.files': 1, 'sast.tooLargeToParse': 1 });
    });

    it('skips a file whose brackets nest past the depth budget, and parses one at it', async () => {
      // The sink nests two deep itself ({ and eval( ).
      const nested = (depth: number) => `x=${'['.repeat(depth - 2)}${SINK}${']'.repeat(depth - 2)};\n`;
      const { outcome, scope } = await run({ 'deep.js': nested(MAX_PARSE_DEPTH + 1), 'ok.js': nested(MAX_PARSE_DEPTH) });
      expect(outcome.findings.map((f) => `${f.file}:${f.ruleId}`)).toEqual(['ok.js:js-eval-request-data']);
      expect(scope.skipped.tooLargeToParse).toEqual(['deep.js']);
      expect(scope.notes).toEqual([`deep.js: not parsed by SAST: brackets nest more than ${MAX_PARSE_DEPTH} deep, past the SAST parse budget; its other gates still checked it`]);
    });

    it('is skipped, not passed, when every file is past the budget', async () => {
      const { outcome } = await run({ 'bundle.min.js': minified(MAX_PARSE_BYTES + 1) });
      expect(outcome.status).toBe('skipped');
      expect(outcome.findings).toEqual([]);
      expect(outcome.summary).toBe('1 file past the parse budget, not parsed (bundle.min.js)');
    });
  });

  it('is skipped, with the reason, when no JS/TS/Python file is in scope', async () => {
    const outcome = await runGate({ files: { 'notes.md': '# nothing\n' } });
    expect(outcome.status).toBe('skipped');
    expect(outcome.summary).toMatch(/no JavaScript, TypeScript or Python files/);
  });

  it('limits the run to the configured languages', async () => {
    const outcome = await runGate({ files: { 'a.js': 'eval(x);\n', 'b.py': 'eval(x)\n' } }, { languages: ['python'] });
    expect(outcome.findings.map((f) => f.file)).toEqual(['b.py']);
  });

  it('lists its catalogue as RuleInfo with CWE tags', async () => {
    const rules = await gate.rules!();
    expect(rules.length).toBeGreaterThanOrEqual(60);
    expect(rules.find((r) => r.id === 'py-yaml-unsafe-load')).toMatchObject({ gate: 'sast', severity: 'high', tags: expect.arrayContaining(['CWE-502']) });
  });
});

describe('sast gate with external engines', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('is an error with the install command when bandit is required but not on PATH', async () => {
    process.env.PATH = tempDir('wfo-empty-path-');
    const outcome = await runGate({ files: { 'a.py': 'x = 1\n' } }, { bandit: { enabled: true } });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatch(/apt-get install bandit/);
  });

  it('is an error naming semgrep when semgrep.config is set but semgrep is missing', async () => {
    process.env.PATH = tempDir('wfo-empty-path-');
    const outcome = await runGate({ files: { 'a.js': 'x = 1;\n' } }, { semgrep: { config: 'rules.yml' } });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatch(/semgrep` is not on PATH/);
  });

  it('merges semgrep results, mapped to classes by CWE and deduplicated against built-in findings', async () => {
    // semgrep cannot be installed here: a stand-in that checks its arguments against semgrep's
    // documented `scan` CLI (usage errors exit 2) and prints a report in semgrep's JSON shape.
    const report = JSON.stringify({
      results: [
        { check_id: 'js.eval', path: 'a.js', start: { line: 1, col: 1 }, end: { line: 1 }, extra: { message: 'eval', severity: 'ERROR', metadata: { cwe: ['CWE-95: Eval Injection'] } } },
        { check_id: 'js.other', path: 'a.js', start: { line: 2, col: 1 }, end: { line: 2 }, extra: { message: 'other', severity: 'WARNING', metadata: {} } },
      ],
      errors: [],
    });
    const bin = writeStandIn(SEMGREP_SCAN, '1.99.0', report);
    process.env.PATH = `${bin}:${savedPath}`;
    const outcome = await runGate({ files: { 'a.js': 'eval(input);\nfoo();\n' } }, { semgrep: { config: 'rules.yml' } });
    // Line 1: both engines report code injection; the more severe report (semgrep's ERROR) stays.
    expect(outcome.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([
      [1, 'semgrep-eval', 'high'],
      [2, 'semgrep-other', 'medium'],
    ]);
    expect(outcome.summary).toMatch(/semgrep 1\.99\.0: 2 merged/);
  });

  it('the semgrep stand-in rejects what semgrep rejects, with its usage exit code', () => {
    expect(usageError(SEMGREP_SCAN, ['scan', '--json', '--metrics', 'off', '--config', 'r.yml', '.'])).toBeUndefined();
    expect(usageError(SEMGREP_SCAN, ['--json', '--config', 'r.yml', '.'])).toMatch(/scan subcommand/);
    expect(usageError(SEMGREP_SCAN, ['scan', '--jsonn', '.'])).toBe('no such option: --jsonn');
    expect(usageError(SEMGREP_SCAN, ['scan', '--json', '--sarif', '.'])).toMatch(/mutually exclusive/);
    expect(usageError(SEMGREP_SCAN, ['scan', '--metrics', 'never', '.'])).toMatch(/invalid value for --metrics/);
    expect(usageError(SEMGREP_SCAN, ['scan', '--config'])).toMatch(/requires an argument/);
    const bin = writeStandIn(SEMGREP_SCAN, '1.99.0', '{}');
    const run = spawnSync(join(bin, 'semgrep'), ['scan', '--json', '--no-such-flag', '.'], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'Error: no such option: --no-such-flag\n']);
  });
});
