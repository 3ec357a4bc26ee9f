// Patch coverage must agree with Debian's diff-cover on the same report and the same git diff.
// diff-cover 7.4 rounds total_percent_covered down, so the comparison uses its line counts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { createScope } from '../../src/core/scope.js';
import coverageGate from '../../src/gates/coverage/index.js';
import type { CoverageOptions } from '../../src/gates/coverage/options.js';
import { gitEnv, makeRepo, type TestRepo } from '../helpers/repo.js';
import { requireTool, TOOLS } from '../helpers/tools.js';
import { MATH_JS, runNodeTestLcov, runVitestCoverage } from './real-reports.js';


interface DiffCoverJson {
  total_num_lines: number;
  total_num_violations: number;
  src_stats: Record<string, { violation_lines: number[] }>;
}

function diffCover(repo: TestRepo, report: string): DiffCoverJson {
  execFileSync('diff-cover', [report, '--compare-branch=main', '--json-report', 'diff-cover.json'], { cwd: repo.dir, env: gitEnv(), stdio: 'pipe' });
  return JSON.parse(readFileSync(join(repo.dir, 'diff-cover.json'), 'utf8')) as DiffCoverJson;
}

/** The gate on the lead's git-backed `base` scope (what `wfo-gate run --base main` builds). */
async function wfoGate(repo: TestRepo) {
  const config = loadConfig({ root: repo.dir });
  const scope = await createScope({ kind: 'base', cwd: repo.dir, base: 'main', maxFileSize: config.maxFileSize });
  const outcome = await coverageGate.run({
    scope,
    options: config.gates.coverage as unknown as CoverageOptions,
    explicit: config.explicitGates.has('coverage'),
    config,
    signal: new AbortController().signal,
  });
  expect(outcome.error).toBeUndefined();
  const uncovered: Record<string, number[]> = {};
  for (const f of outcome.findings) {
    if (f.ruleId !== 'coverage/uncovered-lines') continue;
    uncovered[f.file!] = f.ranges!.flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
  }
  return { patch: outcome.metrics?.['coverage.patch'], uncovered };
}

async function expectAgreement(repo: TestRepo, report: string): Promise<void> {
  // Every comparison needs the real diff-cover: missing, the test fails naming it and its install command.
  requireTool(TOOLS.diffCover);
  const dc = diffCover(repo, report);
  const ours = await wfoGate(repo);
  expect(dc.total_num_lines).toBeGreaterThan(0);
  expect(dc.total_num_violations).toBeGreaterThan(0);
  const theirs = ((dc.total_num_lines - dc.total_num_violations) / dc.total_num_lines) * 100;
  expect(Math.abs(ours.patch! - theirs)).toBeLessThanOrEqual(0.1);
  const theirUncovered = Object.fromEntries(Object.entries(dc.src_stats).filter(([, s]) => s.violation_lines.length > 0).map(([p, s]) => [p, [...s.violation_lines].sort((a, b) => a - b)]));
  expect(ours.uncovered).toEqual(theirUncovered);
}

function newRepo(reports: string[]): TestRepo {
  const repo = makeRepo();
  repo.commit('base', {
    '.gitignore': [...reports, 'diff-cover.json', 'node_modules/'].join('\n') + '\n',
    'wfo-gate.config.json': JSON.stringify({ gates: { coverage: { reports, min: 0, patchMin: 0 } } }),
    'package.json': '{"type":"module"}\n',
    'src/math.js': MATH_JS,
  });
  repo.git('checkout', '-q', '-b', 'feature');
  return repo;
}

const NODE_TEST = `import { test } from 'node:test';
import assert from 'node:assert';
import { add, clamp } from '../src/math.js';
import { parity } from '../src/parity.js';
test('add', () => { assert.equal(add(1, 2), 3); });
test('clamp', () => { assert.equal(clamp(9, 0, 5), 5); });
test('parity', () => { assert.equal(parity(2), 'even'); });
`;

describe('patch coverage agrees with diff-cover', () => {

  it('diff 1: a new file and edits in an old one, lcov from node --test', async () => {
    const repo = newRepo(['lcov.info']);
    const parity = "// Which half of the integers n is in.\nexport function parity(n) {\n  if (n % 2 === 0) {\n    return 'even';\n  }\n  return 'odd';\n}\n\nexport function sign(n) {\n  return n < 0 ? -1 : 1;\n}\n";
    const math = MATH_JS.replace('  return a + b;', '  const sum = a + b;\n  return sum;').replace('  return x;\n}', '  // in range\n  return x;\n}');
    repo.commit('parity and a sum', { 'src/parity.js': parity, 'src/math.js': math, 'test/all.test.js': NODE_TEST });
    runNodeTestLcov(repo.dir, {}, ['test/all.test.js']);
    await expectAgreement(repo, 'lcov.info');
  });

  it('diff 2: edits across several commits with lines deleted, Cobertura from vitest', async () => {
    const repo = newRepo(['coverage/cobertura-coverage.xml']);
    const first = MATH_JS.replace('export function unused(n) {\n  const doubled = n * 2;\n  return doubled + 1;\n}\n', 'export function triple(n) {\n  const t = n * 3;\n  if (t > 100) {\n    return 100;\n  }\n  return t;\n}\n');
    repo.commit('triple replaces unused', { 'src/math.js': first });
    const test = "import { test, expect } from 'vitest';\nimport { triple, add } from '../src/math.js';\ntest('triple', () => { expect(triple(2)).toBe(6); expect(add(1, 1)).toBe(2); });\n";
    repo.commit('test triple', { 'src/math.js': first.replace('export function add(a, b) {', 'export function add(a, b) {\n  if (a === 0) return b;'), 'test/math.test.js': test });
    runVitestCoverage(repo.dir, {});
    await expectAgreement(repo, 'coverage/cobertura-coverage.xml');
  });

  it('diff 3: a mostly uncovered new module beside a covered one, lcov from vitest', async () => {
    const repo = newRepo(['coverage/lcov.info']);
    const lib = 'export function greet(name) {\n  if (!name) {\n    throw new Error("name");\n  }\n  return `hi ${name}`;\n}\n\nexport function shout(s) {\n  const up = s.toUpperCase();\n  return up + "!";\n}\n';
    const test = "import { test, expect } from 'vitest';\nimport { greet } from '../src/lib.js';\nimport { clamp } from '../src/math.js';\ntest('greet', () => { expect(greet('a')).toBe('hi a'); expect(clamp(1, 0, 2)).toBe(1); });\n";
    repo.commit('lib', { 'src/lib.js': lib, 'src/math.js': MATH_JS.replace('  if (x > hi) {', '  if (x >= hi) {'), 'test/lib.test.js': test });
    runVitestCoverage(repo.dir, {});
    await expectAgreement(repo, 'coverage/lcov.info');
  });
});
