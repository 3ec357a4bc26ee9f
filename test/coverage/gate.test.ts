import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { memoryScope, type MemoryScopeInit } from '../../src/core/memory-scope.js';
import type { GateOutcome } from '../../src/core/types.js';
import coverageGate from '../../src/gates/coverage/index.js';
import type { CoverageOptions } from '../../src/gates/coverage/options.js';
import { tempDir } from '../helpers/repo.js';
import { MATH_JS, runVitestCoverage } from './real-reports.js';

let reports: string;
beforeAll(() => {
  reports = runVitestCoverage(tempDir('wfo-cov-gate-src-'));
});

// Fixed file times, never the machine's clock: the report is a minute newer than the source,
// and both are older than any file a test writes now (a report made by `command`).
const SOURCE_TIME = new Date('2000-01-01T00:00:00Z');
const REPORT_TIME = new Date('2000-01-01T00:01:00Z');

/** A project dir with src/math.js and the given real vitest reports copied into coverage/. */
function project(names: string[] = ['lcov.info']): string {
  const root = tempDir('wfo-cov-gate-');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/math.js'), MATH_JS);
  utimesSync(join(root, 'src/math.js'), SOURCE_TIME, SOURCE_TIME);
  mkdirSync(join(root, 'coverage'));
  for (const name of names) {
    copyFileSync(join(reports, name), join(root, 'coverage', name));
    utimesSync(join(root, 'coverage', name), REPORT_TIME, REPORT_TIME);
  }
  return root;
}

async function run(root: string, gateConfig: Record<string, unknown> | undefined, scope: Partial<MemoryScopeInit> = {}): Promise<GateOutcome> {
  const config = resolveConfig(gateConfig === undefined ? {} : { gates: { coverage: gateConfig } });
  return coverageGate.run({
    scope: memoryScope({ root, files: { 'src/math.js': MATH_JS }, ...scope }),
    options: config.gates.coverage as unknown as CoverageOptions,
    explicit: config.explicitGates.has('coverage'),
    config,
    signal: new AbortController().signal,
  });
}

describe('coverage gate: totals', () => {
  it('finds the report in its default place; total below min is one blocking finding with the metrics', async () => {
    const out = await run(project(), undefined);
    expect(out.status).toBeUndefined();
    // The counts beside each percentage let a merge of shard reports recompute it from the lines.
    expect(out.metrics).toEqual({
      'coverage.lines': 62.5, 'coverage.lines.hit': 5, 'coverage.lines.found': 8,
      'coverage.branches': 75, 'coverage.branches.hit': 3, 'coverage.branches.found': 4,
      'coverage.functions': 66.67, 'coverage.functions.hit': 2, 'coverage.functions.found': 3,
    });
    expect(out.findings.map((f) => [f.ruleId, f.blocking])).toEqual([['coverage/lines', true]]);
    expect(out.findings[0].message).toBe('Total lines coverage is 62.5% (5/8), below the threshold (min 80%)');
  });

  it('branchesMin / functionsMin and a negative "at most N uncovered"', async () => {
    const out = await run(project(), { min: -3, branchesMin: 80, functionsMin: 60 });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['coverage/branches']);
    const strict = await run(project(), { min: -2 });
    expect(strict.findings.map((f) => f.ruleId)).toEqual(['coverage/lines']);
  });

  it('thresholds globs are checked in aggregate over the files they match', async () => {
    const out = await run(project(), { min: 0, thresholds: { 'src/**': { lines: 60, functions: 70 }, 'lib/**': { lines: 90 } } });
    expect(out.findings.map((f) => f.message)).toEqual(['Functions coverage of src/** is 66.6% (2/3), below the threshold (min 70%)']);
    expect(out.summary).toContain('threshold glob lib/** matched no covered file');
  });

  it('exclude drops files before anything is measured', async () => {
    const out = await run(project(), { exclude: ['src/**'] });
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/measures no executable line/);
  });
});

describe('coverage gate: patch coverage in diff-aware scopes', () => {
  it('covered / executable among added lines; one finding per file with the uncovered ranges', async () => {
    // Lines 1-17 added: executable 2,6,7,9,10,12,16,17; 10, 16 and 17 never ran.
    const out = await run(project(), { min: 0 }, { changed: { 'src/math.js': [{ start: 1, end: 17 }] } });
    expect(out.metrics?.['coverage.patch']).toBe(62.5);
    const [patch, file] = out.findings;
    expect(patch.ruleId).toBe('coverage/patch');
    expect(patch.blocking).toBe(true);
    expect(file).toMatchObject({ ruleId: 'coverage/uncovered-lines', file: 'src/math.js', line: 10, endLine: 17, isNew: true, blocking: false, ranges: [{ start: 10, end: 10 }, { start: 16, end: 17 }] });
  });

  it('patch coverage equal to patchMin passes; a hair above it blocks (documented: below it blocks)', async () => {
    const changed = { changed: { 'src/math.js': [{ start: 1, end: 17 }] } };
    const equal = await run(project(), { min: 0, patchMin: 62.5 }, changed);
    expect(equal.metrics?.['coverage.patch']).toBe(62.5);
    expect(equal.findings.map((f) => f.ruleId)).toEqual(['coverage/uncovered-lines']);
    const above = await run(project(), { min: 0, patchMin: 62.6 }, changed);
    expect(above.findings.map((f) => [f.ruleId, f.blocking])).toEqual([
      ['coverage/patch', true],
      ['coverage/uncovered-lines', false],
    ]);
  });

  it('total coverage equal to min passes; a hair above it blocks', async () => {
    const equal = await run(project(), { min: 62.5 });
    expect(equal.findings).toEqual([]);
    const above = await run(project(), { min: 62.6 });
    expect(above.findings.map((f) => f.ruleId)).toEqual(['coverage/lines']);
  });

  it('added lines the report does not know (blank, declarations) do not count', async () => {
    const out = await run(project(), { min: 0 }, { changed: { 'src/math.js': [{ start: 13, end: 15 }] } });
    expect(out.metrics?.['coverage.patch']).toBeUndefined();
    expect(out.summary).toContain('no added executable line');
    expect(out.findings).toEqual([]);
  });

  it('a totals-only report cannot judge added lines: error, not a pass', async () => {
    const out = await run(project(['coverage-summary.json']), { min: 0 }, { changed: { 'src/math.js': [{ start: 16, end: 17 }] } });
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/patch coverage needs line data.*coverage-summary\.json/);
  });

  it('the fingerprint follows the uncovered text, not its line numbers', async () => {
    const a = await run(project(), { min: 0 }, { changed: { 'src/math.js': [{ start: 16, end: 17 }] } });
    const b = await run(project(), { min: 0 }, { changed: { 'src/math.js': [{ start: 10, end: 10 }] } });
    expect(a.findings.at(-1)!.fingerprint).not.toBe(b.findings.at(-1)!.fingerprint);
    const again = await run(project(), { min: 0 }, { changed: { 'src/math.js': [{ start: 15, end: 17 }] } });
    expect(again.findings.at(-1)!.fingerprint).toBe(a.findings.at(-1)!.fingerprint);
  });
});

describe('coverage gate: never a silent pass', () => {
  it('no report, gate not configured: skipped with the reason', async () => {
    const out = await run(tempDir('wfo-cov-none-'), undefined);
    expect(out.status).toBe('skipped');
    expect(out.summary).toMatch(/no coverage report found \(looked for \*\*\/coverage\/lcov\.info/);
  });

  it('no report, gate configured: error naming where it looked and the command that makes one', async () => {
    const root = tempDir('wfo-cov-none-');
    const out = await run(root, { reports: ['out/lcov.info'] });
    expect(out.status).toBe('error');
    expect(out.error).toContain(`looked for out/lcov.info under ${root}`);
    expect(out.error).toMatch(/your test command with coverage on/);
  });

  it('no report: the advice is in the language the repository has', async () => {
    const python = tempDir('wfo-cov-py-');
    writeFileSync(join(python, 'pyproject.toml'), '[project]\nname = "demo"\n');
    const py = await run(python, { reports: ['coverage.json'] });
    expect(py.error).toContain('python3 -m coverage run -m pytest && python3 -m coverage json');
    expect(py.error).not.toMatch(/vitest|npx/);

    const go = tempDir('wfo-cov-go-');
    writeFileSync(join(go, 'go.mod'), 'module example.com/demo\n');
    expect((await run(go, { reports: ['coverage.out'] })).error).toContain('go test -coverprofile=coverage.out ./...');

    const node = tempDir('wfo-cov-node-');
    writeFileSync(join(node, 'package.json'), JSON.stringify({ devDependencies: { vitest: '4', '@vitest/coverage-v8': '4' } }));
    writeFileSync(join(node, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    expect((await run(node, { reports: ['coverage/lcov.info'] })).error).toContain('`pnpm exec vitest run --coverage --coverage.reporter=lcov`');
  });

  it('an unreadable report: error with file and line', async () => {
    const root = project();
    writeFileSync(join(root, 'coverage/lcov.info'), 'TN:\nSF:src/math.js\nDA:2,1\n');
    const out = await run(root, {});
    expect(out.error).toMatch(/^unreadable coverage report coverage\/lcov\.info:3: truncated/);
  });

  it('a report older than a source it covers: error naming both', async () => {
    const root = project();
    const later = new Date(REPORT_TIME.getTime() + 60_000);
    utimesSync(join(root, 'src/math.js'), later, later);
    const out = await run(root, {});
    expect(out.error).toMatch(/coverage\/lcov\.info is older than src\/math\.js/);
    const off = await run(root, { maxAgeCheck: false });
    expect(off.status).toBeUndefined();
  });

  it('command runs first and makes the report; a failing command is an error naming it', async () => {
    const root = project([]);
    const lcov = readFileSync(join(reports, 'lcov.info'), 'utf8');
    writeFileSync(join(root, 'make.cjs'), `require('fs').writeFileSync('coverage/lcov.info', ${JSON.stringify(lcov)}); console.log('made');`);
    const out = await run(root, { command: `"${process.execPath}" make.cjs`, min: 0 });
    expect(out.metrics?.['coverage.lines']).toBe(62.5);
    const failing = await run(project([]), { command: 'exit 3' });
    expect(failing.error).toMatch(/^`exit 3` exited with code 3, so no coverage report was produced/);
  });

  it('branchesMin set while the report has no branch data: error', async () => {
    const root = project([]);
    writeFileSync(join(root, 'coverage/lcov.info'), 'TN:\nSF:src/math.js\nDA:2,1\nend_of_record\n');
    const out = await run(root, { branchesMin: 50 });
    expect(out.error).toMatch(/branchesMin is set but the report has no branch data/);
  });
});

describe('coverage gate: delta against a base report', () => {
  it('coverage.delta is the line-coverage difference in points', async () => {
    const root = project();
    const base = readFileSync(join(reports, 'lcov.info'), 'utf8').replace('DA:10,0', 'DA:10,1').replace('DA:16,0', 'DA:16,1');
    writeFileSync(join(root, 'base.lcov'), base);
    const out = await run(root, { min: 0, baseReport: 'base.lcov' });
    expect(out.metrics?.['coverage.delta']).toBe(-25);
    expect(out.summary).toContain('delta -25.00 pts vs base.lcov');
  });
});
