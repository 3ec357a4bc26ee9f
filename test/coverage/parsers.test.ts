import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '../../src/gates/coverage/load-reports.js';
import { fileTotals } from '../../src/gates/coverage/measure.js';
import { detectFormat, parseReport } from '../../src/gates/coverage/parse-report.js';
import { ReportParseError } from '../../src/gates/coverage/report-error.js';
import { tempDir } from '../helpers/repo.js';
import { TOOLS } from '../helpers/tools.js';
import { fixtureOrLive } from './fixture-or-live.js';
import { runCoveragePy, runGoCover, runJacoco, runNodeTestLcov, runVitestCoverage, MATH_JS } from './real-reports.js';

function only(root: string, report: string) {
  const loaded = loadReports(root, [report], new Set());
  expect(loaded.files.size).toBeGreaterThan(0);
  return loaded;
}

describe('vitest + @vitest/coverage-v8 reports', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('wfo-cov-vitest-');
    runVitestCoverage(root);
  });

  it.each([
    ['coverage/lcov.info', 'lcov'],
    ['coverage/coverage-final.json', 'istanbul-final'],
    ['coverage/cobertura-coverage.xml', 'cobertura'],
    ['coverage/coverage-summary.json', 'istanbul-summary'],
  ])('%s: detected as %s, same totals, path made repo-relative', (report, format) => {
    const loaded = only(root, report);
    expect(loaded.reports[0].format).toBe(format);
    expect([...loaded.files.keys()]).toEqual(['src/math.js']);
    const totals = fileTotals(loaded.files.get('src/math.js')!);
    expect(totals.lines).toEqual({ found: 8, hit: 5 });
    expect(totals.branches).toEqual({ found: 4, hit: 3 });
    expect(totals.functions).toEqual({ found: 3, hit: 2 });
  });

  it('line data: the unused function and the untaken branch are the uncovered lines', () => {
    for (const report of ['coverage/lcov.info', 'coverage/coverage-final.json', 'coverage/cobertura-coverage.xml']) {
      const lines = only(root, report).files.get('src/math.js')!.lines;
      const uncovered = [...lines].filter(([, hits]) => hits === 0).map(([n]) => n).sort((a, b) => a - b);
      expect(uncovered, report).toEqual([10, 16, 17]);
    }
  });

  it('coverage-summary.json: absolute paths, "pct": "Unknown" strings are never read as numbers', () => {
    const text = readFileSync(join(root, 'coverage/coverage-summary.json'), 'utf8');
    expect(text).toContain(join(root, 'src/math.js'));
    const parsed = parseReport(text, 'coverage-summary.json');
    expect(parsed.files[0].totalsOnly?.lines).toEqual({ found: 8, hit: 5 });
  });
});

describe("Node's test runner lcov", () => {
  it('reads its records (FN/FNDA/BRDA/DA, LH before LF) and resolves its relative SF paths', () => {
    const root = tempDir('wfo-cov-node-');
    const test = "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport { add } from '../src/math.js';\ntest('add', () => { assert.equal(add(1, 2), 3); });\n";
    runNodeTestLcov(root, { 'src/math.js': MATH_JS, 'test/math.test.js': test }, ['test/math.test.js'], 'lcov.info');
    const loaded = only(root, 'lcov.info');
    expect(loaded.reports[0].format).toBe('lcov');
    const math = loaded.files.get('src/math.js')!;
    expect(math.lines.get(2)).toBeGreaterThan(0);
    expect(math.lines.get(6)).toBe(0);
    expect(fileTotals(math).functions).toEqual({ found: 3, hit: 1 });
    expect(loaded.files.has('test/math.test.js')).toBe(true);
  });
});

describe('coverage.py reports', () => {
  // Made by the first test that needs it (not in beforeAll: a missing tool must fail each test, not skip it).
  let made: string | undefined;
  const reports = (): string => {
    if (made) return made;
    const root = tempDir('wfo-cov-py-');
    fixtureOrLive(TOOLS.coveragePy, 'coverage-py', root, () => runCoveragePy(root));
    return (made = root);
  };

  it('JSON: lines from executed/missing lines, branches from arcs', () => {
    const loaded = only(reports(), 'coverage.json');
    expect(loaded.reports[0].format).toBe('coverage-py');
    const calc = fileTotals(loaded.files.get('pkg/calc.py')!);
    expect(calc.lines).toEqual({ found: 11, hit: 6 });
    expect(calc.branches).toEqual({ found: 4, hit: 1 });
    expect(calc.functions).toEqual({ found: 0, hit: 0 });
  });

  it('Cobertura XML: the same lines and branches, paths joined to <source>', () => {
    const loaded = only(reports(), 'coverage.xml');
    expect(loaded.reports[0].format).toBe('cobertura');
    const calc = fileTotals(loaded.files.get('pkg/calc.py')!);
    expect(calc.lines).toEqual({ found: 11, hit: 6 });
    expect(calc.branches).toEqual({ found: 4, hit: 1 });
  });
});

describe('Go coverprofile', () => {
  it('maps import paths through go.mod; a line is covered when every block on it ran', () => {
    const root = tempDir('wfo-cov-go-');
    fixtureOrLive(TOOLS.go, 'go', root, () => runGoCover(root));
    const loaded = only(root, 'coverage.out');
    expect(loaded.reports[0].format).toBe('go-coverprofile');
    expect([...loaded.files.keys()]).toEqual(['calc/calc.go']);
    const calc = loaded.files.get('calc/calc.go')!;
    expect(fileTotals(calc).lines).toEqual({ found: 11, hit: 7 });
    expect(calc.lines.get(9)).toBeGreaterThan(0);
    expect(calc.lines.get(12)).toBe(0);
  });
});

describe('JaCoCo XML', () => {
  it('never fetches the DTD, finds the source under src/main/java, reads line/branch/method counters', () => {
    const root = tempDir('wfo-cov-jacoco-');
    fixtureOrLive(TOOLS.jacoco, 'jacoco', root, () => runJacoco(root));
    const text = readFileSync(join(root, 'target/site/jacoco/jacoco.xml'), 'utf8');
    expect(text).toContain('<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">');
    const loaded = only(root, 'target/site/jacoco/jacoco.xml');
    expect(loaded.reports[0].format).toBe('jacoco');
    expect([...loaded.files.keys()]).toEqual(['src/main/java/com/example/Calc.java']);
    const totals = fileTotals(loaded.files.get('src/main/java/com/example/Calc.java')!);
    expect(totals.lines).toEqual({ found: 9, hit: 5 });
    expect(totals.branches).toEqual({ found: 4, hit: 1 });
    expect(totals.functions).toEqual({ found: 4, hit: 3 });
  });
});

describe('format detection and bad input', () => {
  it('detects from content, whatever the file is called', () => {
    expect(detectFormat('TN:\nSF:a.js\n')).toBe('lcov');
    expect(detectFormat('mode: atomic\n')).toBe('go-coverprofile');
    expect(detectFormat('<?xml version="1.0"?>\n<!-- x -->\n<coverage line-rate="1">')).toBe('cobertura');
    expect(detectFormat('<?xml version="1.0"?><coverage generated="1" clover="4.4"><project/>')).toBeUndefined();
    expect(detectFormat('hello')).toBeUndefined();
  });

  it.each([
    ['garbage', 'hello world\n', 1, /not a coverage report/],
    ['lcov bad count', 'TN:\nSF:a.js\nDA:1,1\nDA:x,1\nend_of_record\n', 4, /DA line number/],
    ['lcov truncated', 'TN:\nSF:a.js\nDA:1,1\nDA:2,0\n', 4, /truncated.*a\.js.*no end_of_record/],
    ['lcov DA outside SF', 'TN:\nDA:1,1\n', 2, /outside a source-file record/],
    ['cobertura truncated', '<?xml version="1.0"?>\n<coverage>\n<packages>\n<package name="p">', 4, /not well-formed XML/],
    ['cobertura bad hits', '<?xml version="1.0"?>\n<coverage>\n<packages><package><classes>\n<class filename="a.py"><lines>\n<line number="1" hits="many"/>\n</lines></class></classes></package></packages></coverage>', 5, /hits must be a non-negative integer/],
    ['json truncated', '{"meta": {"version": "6.5"},\n "files": {', 2, /not valid JSON/],
    ['go bad block', 'mode: set\nexample.com/x/a.go:1.1,2.2 1\n', 2, /not a coverprofile block/],
  ])('%s: an error with file and line', (_name, text, line, reason) => {
    let thrown: unknown;
    try {
      parseReport(text, 'report.txt');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ReportParseError);
    expect((thrown as ReportParseError).file).toBe('report.txt');
    expect((thrown as ReportParseError).line).toBe(line);
    expect((thrown as ReportParseError).message).toMatch(reason);
  });

  it('an unreadable report names the path', () => {
    const root = tempDir('wfo-cov-missing-');
    expect(() => loadReports(root, ['nope/lcov.info'], new Set())).toThrow(/nope\/lcov\.info:1: cannot read the report \(ENOENT\)/);
  });
});

describe('merging and path normalisation', () => {
  it('merges a monorepo of reports by path; absolute, Windows and foreign-machine paths become repo paths', () => {
    const root = tempDir('wfo-cov-merge-');
    const a = runVitestCoverage(join(root, 'packages/a'));
    copyFileSync(join(a, 'lcov.info'), join(root, 'a.lcov'));
    const lcov = readFileSync(join(a, 'lcov.info'), 'utf8');
    // The same file as another machine (Windows CI) saw it: only the hits of a second run differ.
    const windows = lcov.replace('SF:src/math.js', 'SF:C:\\build\\repo\\packages\\a\\src\\math.js').replace('DA:10,0', 'DA:10,3');
    writeFileSync(join(root, 'win.lcov'), windows);
    const loaded = loadReports(root, ['packages/a/coverage/lcov.info', 'win.lcov'], new Set(['packages/a/src/math.js']));
    expect([...loaded.files.keys()]).toEqual(['packages/a/src/math.js']);
    const math = loaded.files.get('packages/a/src/math.js')!;
    expect(math.lines.get(10)).toBe(3);
    expect(fileTotals(math).lines).toEqual({ found: 8, hit: 6 });
  });
});
