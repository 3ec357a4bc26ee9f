// Custom gates that cannot decide are errors that name the command and quote what it printed
// (redacted), and the configuration describes them: ids in lists, reserved ids, read shapes.
import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECIPES } from '../../src/cli/recipes.js';
import { applySkip } from '../../src/hooks/skip.js';
import { makeRepo, PROJECT_ROOT, runCli, type TestRepo } from '../helpers/repo.js';
import { runJson } from '../helpers/tool-repo.js';

// Assembled at run time so this source file holds no key-shaped string.
const PLANTED_KEY = ['AKIA', 'Q3EGRZ7NBX4TYUPW'].join('');
const NODE = process.execPath;
const Ajv2020 = ((Ajv2020Module as any).default ?? Ajv2020Module) as typeof Ajv2020Module.default;

function repoWith(gates: Record<string, unknown>, extra: Record<string, unknown> = {}): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { 'wfo-gate.config.json': JSON.stringify({ gates, ...extra }), 'a.txt': 'a\n' });
  return repo;
}

function onlyGate(repo: TestRepo, args: string[] = ['--all']) {
  const run = runJson(repo, args);
  return { status: run.status, gate: run.report.gates.find((g: { gate: string }) => !['secrets', 'sast', 'audit', 'coverage', 'env-ignore', 'budget'].includes(g.gate)) };
}

describe('a custom gate that cannot decide is an error, never a pass', () => {
  it('a command that is not installed: the error names it', () => {
    const repo = repoWith({ tool: { type: 'command', run: ['no-such-tool-wfo', '--check'], read: 'exit-code' } }, { ci: ['tool'] });
    const { status, gate } = onlyGate(repo);
    expect(status).toBe(1);
    expect(gate.status).toBe('error');
    expect(gate.error).toContain('`no-such-tool-wfo --check` could not run: "no-such-tool-wfo" is not installed or not on PATH');
  });

  it('a command that times out: the error says so and quotes what it printed, with the secret in it redacted', () => {
    const script = `console.log("connecting with ${PLANTED_KEY}"); setInterval(() => {}, 1000)`;
    const repo = repoWith({ slow: { type: 'command', run: [NODE, '-e', script], read: { json: '/n' }, timeoutMs: 3000 } }, { ci: ['slow'] });
    const run = runCli(repo.dir, ['run', '--all', '--format', 'json']);
    expect(run.status).toBe(1);
    const gate = JSON.parse(run.stdout).gates[0];
    expect(gate.status).toBe('error');
    expect(gate.error).toMatch(/timed out after 2\.\d s \(raise timeoutMs\)/);
    expect(gate.error).toContain('it printed: connecting with AKIA');
    for (const output of [run.stdout, runCli(repo.dir, ['run', '--all']).stdout, runCli(repo.dir, ['run', '--all', '--format', 'sarif']).stdout]) {
      expect(output).not.toContain(PLANTED_KEY);
    }
  });

  it('a report the command does not write, a stale one, and output that is not JSON', () => {
    const repo = repoWith(
      {
        nofile: { type: 'command', run: [NODE, '-e', 'console.error("wrote nothing")'], read: { json: '/total', file: 'out.json' } },
        stale: { type: 'command', run: [NODE, '-e', ''], read: { json: '/total', file: 'old.json' } },
        garbled: { type: 'command', run: [NODE, '-e', 'console.log("total: many")'], read: { json: '/total' }, max: 1 },
        silent: { type: 'command', run: [NODE, '-e', 'process.exit(3)'], read: { count: 'error' }, max: 0 },
      },
      { ci: ['nofile', 'stale', 'garbled', 'silent'] },
    );
    repo.write('old.json', '{"total": 0}');
    repo.git('add', 'old.json');
    repo.git('commit', '-q', '-m', 'old report');
    // A report left over from long ago: its content must never be judged.
    const longAgo = new Date(Date.parse('2020-01-01T00:00:00Z'));
    utimesSync(join(repo.dir, 'old.json'), longAgo, longAgo);
    const run = runJson(repo, ['--all']);
    expect(run.status).toBe(1);
    const byId = Object.fromEntries(run.report.gates.map((g: { gate: string }) => [g.gate, g]));
    expect(byId.nofile).toMatchObject({ status: 'error', error: expect.stringMatching(/out\.json is not there \(ENOENT\); it printed: wrote nothing/) });
    expect(byId.stale).toMatchObject({ status: 'error', error: expect.stringContaining('old.json was not written by this run') });
    expect(byId.garbled).toMatchObject({ status: 'error', error: expect.stringMatching(/not JSON: .*it printed: total: many/) });
    expect(byId.silent).toMatchObject({ status: 'error', error: expect.stringContaining('(it exited with code 3): the command failed, yet its output reports nothing') });
  });

  it('onError "warn" lets such an error through as a warning, like every gate', () => {
    const repo = repoWith({ tool: { type: 'command', run: ['no-such-tool-wfo'], read: 'exit-code', onError: 'warn' } }, { ci: ['tool'] });
    const run = runJson(repo, ['--all']);
    expect(run.status).toBe(0);
    expect(run.report.verdict).toBe('warn');
  });
});

describe('custom gates in the configuration', () => {
  it('reads a number at a JSON pointer, with * adding up every element, and judges it against min and max', () => {
    const out = JSON.stringify([{ errorCount: 2 }, { errorCount: 3 }]);
    const repo = repoWith({
      sum: { type: 'command', run: [NODE, '-e', `console.log(${JSON.stringify(out)})`], read: { json: '/*/errorCount' }, max: 4, unit: 'errors' },
      pct: { type: 'command', run: [NODE, '-e', 'console.log("coverage: 91.5%")'], read: { regex: 'coverage: ([\\d.]+)%' }, min: 90, unit: '%' },
    });
    const run = runJson(repo, ['--all', '--gate', 'sum,pct']);
    const [sum, pct] = run.report.gates;
    expect(sum).toMatchObject({ status: 'fail', measure: { value: 5, threshold: '≤ 4 errors', unit: 'errors' } });
    expect(sum.findings[0]).toMatchObject({ ruleId: 'max', blocking: true, message: 'sum: 5 errors is above the maximum 4 errors' });
    expect(pct).toMatchObject({ status: 'pass', measure: { value: 91.5, threshold: '≥ 90 %' }, summary: 'pct 91.5 % (≥ 90 %)' });
  });

  it('runs in CI by default when "ci" is not written, and lists its rules', () => {
    const repo = repoWith({ ok: { type: 'command', run: [NODE, '-e', ''], read: 'exit-code' } });
    const run = runJson(repo, ['--all']);
    expect(run.report.gates.map((g: { gate: string }) => g.gate)).toEqual(['secrets', 'sast', 'audit', 'coverage', 'env-ignore', 'budget', 'ok']);
    expect(run.report.gates.at(-1)).toMatchObject({ status: 'pass', measure: { value: 0, threshold: '≤ 0' } });
    const rules = JSON.parse(runCli(repo.dir, ['rules', '--gate', 'ok', '--json']).stdout);
    expect(rules).toEqual([{ gate: 'ok', id: 'max', title: 'ok ≤ 0', severity: 'high' }]);
  });

  it('an id in a list that is neither built in nor under "gates", a built-in id as a custom gate, and a read of no known shape: exit 2 with the JSON path', () => {
    const repo = makeRepo();
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { lint: { type: 'command', run: ['x'], read: { jsonn: '/a' } } }, ci: ['lint', 'lnt'] }));
    const bad = runCli(repo.dir, ['run']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('wfo-gate.config.json: /gates/lint/read: fits none of the allowed shapes');
    expect(bad.stderr).toContain(`wfo-gate.config.json: /ci/1: must be one of "secrets", "sast", "audit", "coverage", "env-ignore", "budget" or a custom gate's id under "gates", got "lnt"`);
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { secrets: { type: 'command', run: ['x'], read: 'exit-code' } } }));
    const reserved = runCli(repo.dir, ['run']);
    expect(reserved.status).toBe(2);
    expect(reserved.stderr).toContain('/gates/secrets: "secrets" is a built-in gate, so it cannot be a custom gate');
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { lint: { type: 'command', run: ['x'], read: 'exit-code' } } }));
    const flag = runCli(repo.dir, ['run', '--gate', 'nope']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--gate: unknown gate "nope"');
    expect(flag.stderr).toContain('Gates: secrets, sast, audit, coverage, env-ignore, budget, lint.');
  });
});

describe('the schema an editor reads from $schema', () => {
  it('describes custom gates: every recipe validates against the schema files, a typo in a key does not', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const file of readdirSync(join(PROJECT_ROOT, 'schemas/gates'))) ajv.addSchema(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/gates', file), 'utf8')));
    ajv.addSchema(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/secrets-rule.schema.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/config.schema.json'), 'utf8')));
    for (const [name, recipe] of Object.entries(RECIPES)) {
      expect(validate({ gates: { [recipe.id]: recipe.gate }, ci: [recipe.id] }), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ gates: { lint: { type: 'command', run: ['eslint'], read: 'exit-code', maxx: 0 } } })).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'unevaluatedProperties', params: { unevaluatedProperty: 'maxx' } }));
  });

  it('WFO_GATE_SKIP names custom gates too', () => {
    expect(applySkip(['secrets', 'lint-sarif'], 'lint-sarif')).toEqual({ run: ['secrets'], skipped: ['lint-sarif'], unknown: [] });
  });
});
