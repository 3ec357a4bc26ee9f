// The ready custom gates (`wfo-gate init --recipe <name>`), each run end to end with the real
// tool on a real repository: a pull request (`run --base main`) that breaks the threshold is
// blocked, one that keeps it passes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type TestRepo } from '../helpers/repo.js';
import { commitThroughHooks, ESLINT_CONFIG, initRecipe, installPreCommit, runJson, toolRepo } from '../helpers/tool-repo.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, types: [], target: 'es2022', module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true },
  include: ['src'],
});

/** JavaScript no other file of the fixture shares a run of tokens with: every line's names and numbers are the prefix's own. */
function distinctJs(prefix: string, lines = 20): string {
  return Array.from({ length: lines }, (_, i) => `export const ${prefix}Item${i} = { ${prefix}Key${i}: ${i * 13 + prefix.length}, label: '${prefix}-${i}' };`).join('\n') + '\n';
}

function branchFromMain(repo: TestRepo, name: string, files: Record<string, string>): void {
  repo.git('checkout', '-q', 'main');
  repo.git('checkout', '-q', '-b', name);
  repo.commit(name, files);
}

interface Case {
  recipe: string;
  id: string;
  base: Record<string, string>;
  good: Record<string, string>;
  bad: Record<string, string>;
  /** The rule of the blocking finding. */
  rule: string;
}

const CASES: Case[] = [
  {
    recipe: 'eslint',
    id: 'lint',
    base: { 'eslint.config.mjs': ESLINT_CONFIG, 'src/a.js': 'export const a = 1;\n' },
    good: { 'src/b.js': 'import { a } from "./a.js";\nexport const b = a + 1;\n' },
    bad: { 'src/b.js': 'export const b = notDefined + 1;\n' },
    rule: 'max',
  },
  {
    recipe: 'tsc',
    id: 'types',
    base: { 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export const a: number = 1;\n' },
    good: { 'src/b.ts': 'import { a } from "./a";\nexport const b: number = a + 1;\n' },
    bad: { 'src/b.ts': 'export const b: number = "one";\n' },
    rule: 'max',
  },
  {
    recipe: 'jscpd',
    id: 'duplication',
    base: { 'src/a.js': distinctJs('alpha'), 'src/b.js': distinctJs('beta') },
    good: { 'src/c.js': distinctJs('gamma') },
    bad: { 'src/c.js': distinctJs('alpha') },
    rule: 'max',
  },
  {
    recipe: 'complexity',
    id: 'complexity',
    base: { 'src/a.js': 'export function small(x) {\n  return x + 1;\n}\n' },
    good: { 'src/b.js': `export function some(x) {\n${[1, 2, 3].map((n) => `  if (x === ${n}) return ${n};`).join('\n')}\n  return 0;\n}\n` },
    bad: { 'src/b.js': `export function many(x) {\n${Array.from({ length: 11 }, (_, n) => `  if (x === ${n}) return ${n};`).join('\n')}\n  return 0;\n}\n` },
    rule: 'max',
  },
  {
    recipe: 'type-coverage',
    id: 'type-coverage',
    base: { 'tsconfig.json': TSCONFIG, 'src/a.ts': Array.from({ length: 10 }, (_, i) => `export const n${i}: number = ${i};`).join('\n') + '\n' },
    good: { 'src/b.ts': 'import { n1 } from "./a";\nexport const m: number = n1 * 2;\n' },
    bad: { 'src/b.ts': Array.from({ length: 6 }, (_, i) => `export function loose${i}(a: any, b: any): any { return a.x + b.y; }`).join('\n') + '\n' },
    rule: 'min',
  },
  {
    recipe: 'bundle-size',
    id: 'bundle-size',
    base: {
      'package.json': JSON.stringify({ private: true, scripts: { build: 'esbuild src/index.js --bundle --format=esm --outfile=dist/index.js --log-level=warning' } }),
      'src/index.js': 'import { text } from "./lib.js";\nconsole.log(text);\n',
      'src/lib.js': `export const text = ${JSON.stringify('lorem ipsum '.repeat(200))};\n`,
    },
    good: { 'src/lib.js': `export const text = ${JSON.stringify('lorem ipsum '.repeat(200) + 'a little more')};\n` },
    bad: { 'src/lib.js': `export const text = ${JSON.stringify('lorem ipsum '.repeat(400))};\n` },
    rule: 'max-increase-percent',
  },
];

describe('recipes (init --recipe, the real tool, run --base on a real repository)', () => {
  for (const c of CASES) {
    it(`${c.recipe}: blocks the pull request that breaks the threshold and passes the one that keeps it`, () => {
      const repo = toolRepo(c.base);
      initRecipe(repo, c.recipe);
      repo.commit('base');

      branchFromMain(repo, 'good', c.good);
      const good = runJson(repo, ['--base', 'main', '--gate', c.id]);
      const goodGate = good.report.gates[0];
      expect(goodGate, JSON.stringify(goodGate)).toMatchObject({ gate: c.id, status: 'pass', findings: [] });
      expect(good.status).toBe(0);
      expect(typeof goodGate.measure.value).toBe('number');

      branchFromMain(repo, 'bad', c.bad);
      const bad = runJson(repo, ['--base', 'main', '--gate', c.id]);
      const badGate = bad.report.gates[0];
      expect(badGate, JSON.stringify(badGate)).toMatchObject({ gate: c.id, status: 'fail' });
      expect(bad.status).toBe(1);
      expect(badGate.findings).toEqual([expect.objectContaining({ ruleId: c.rule, blocking: true })]);
      expect(badGate.measure.threshold).toBe(goodGate.measure.threshold);
    });
  }

  it('bundle-size measures the base by building the merge base on a worktree: the increase is against it', () => {
    const c = CASES.find((x) => x.recipe === 'bundle-size')!;
    const repo = toolRepo(c.base);
    initRecipe(repo, 'bundle-size');
    repo.commit('base');
    branchFromMain(repo, 'bad', c.bad);
    const gate = runJson(repo, ['--base', 'main', '--gate', 'bundle-size']).report.gates[0];
    expect(gate.measure.base).toBeGreaterThan(2400);
    expect(gate.measure.value).toBeGreaterThan(gate.measure.base * 1.9);
    expect(gate.metrics.increasePercent).toBeGreaterThan(90);
    // The worktree is gone afterwards.
    expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it("bundle-stats reads a bundler's stats file and takes the base from a report the user points to", () => {
    const repo = toolRepo({
      'package.json': JSON.stringify({ private: true, scripts: { build: 'esbuild src/index.js --bundle --format=esm --outfile=dist/index.js --metafile=meta.json --log-level=warning' } }),
      'src/index.js': `console.log(${JSON.stringify('x'.repeat(1000))});\n`,
    });
    initRecipe(repo, 'bundle-stats');
    const configPath = join(repo.dir, 'wfo-gate.config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    config.gates['bundle-size'].base = { report: 'base-report.json' };
    writeFileSync(configPath, JSON.stringify(config));
    repo.commit('base');
    // The base branch's CI run kept its JSON report.
    const onMain = runJson(repo, ['--all', '--gate', 'bundle-size', '--json', 'base-report.json']);
    expect(onMain.report.gates[0].summary).toMatch(/not checked without a base/);
    const baseValue = onMain.report.gates[0].measure.value;

    branchFromMain(repo, 'grow', { 'src/index.js': `console.log(${JSON.stringify('x'.repeat(1100))});\n` });
    const gate = runJson(repo, ['--base', 'main', '--gate', 'bundle-size']).report.gates[0];
    expect(gate).toMatchObject({ status: 'fail', measure: { base: baseValue, unit: 'bytes' } });
    expect(gate.findings[0].message).toMatch(/grew by [\d.]+ % from the base's \d+ bytes, more than the 5 % allowed/);
  });
});

describe('a SARIF log from another tool (ESLint\'s SARIF formatter) gates only what a change adds', () => {
  const base = { 'eslint.config.mjs': ESLINT_CONFIG, 'src/old.js': 'export const old = missingBefore;\n' };

  it('run --base: an error the base already had is listed as existing; only an error on an added line blocks', () => {
    const repo = toolRepo(base);
    initRecipe(repo, 'eslint-sarif');
    repo.commit('base');

    branchFromMain(repo, 'good', { 'src/old.js': 'export const old = missingBefore;\nexport const fine = 1;\n', 'src/new.js': 'export const n = 2;\n' });
    const good = runJson(repo, ['--base', 'main', '--gate', 'lint-sarif']);
    expect(good.status).toBe(0);
    expect(good.report.gates[0].findings).toEqual([expect.objectContaining({ file: 'src/old.js', line: 1, ruleId: 'no-undef', isNew: false, blocking: false })]);

    branchFromMain(repo, 'bad', { 'src/new.js': 'export const n = missingNow;\n' });
    const bad = runJson(repo, ['--base', 'main', '--gate', 'lint-sarif']);
    expect(bad.status).toBe(1);
    const gate = bad.report.gates[0];
    expect(gate.status).toBe('fail');
    // src/old.js is not part of this change: its existing error is not listed at all.
    expect(gate.findings).toEqual([expect.objectContaining({ file: 'src/new.js', line: 1, ruleId: 'no-undef', severity: 'high', isNew: true, blocking: true })]);
    expect(gate.summary).toMatch(/1 outside this scope not listed/);
    expect(gate.rules).toEqual([expect.objectContaining({ gate: 'lint-sarif', id: 'no-undef', helpUri: expect.stringContaining('eslint.org') })]);
  });

  it('the pre-commit hook: a commit that stages a new error is refused, one that does not goes through', () => {
    const repo = toolRepo(base);
    initRecipe(repo, 'eslint-sarif');
    const config = JSON.parse(readFileSync(join(repo.dir, 'wfo-gate.config.json'), 'utf8'));
    expect(config.hooks['pre-commit']).toContain('lint-sarif');
    repo.commit('base');
    installPreCommit(repo);

    repo.write('src/new.js', 'export const n = missingNow;\n');
    repo.git('add', 'src/new.js');
    const refused = commitThroughHooks(repo, 'adds an error');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('wfo-gate pre-commit: BLOCKED');
    expect(refused.output).toMatch(/src\/new\.js:1 {2}no-undef/);

    repo.write('src/new.js', 'export const n = 2;\n');
    repo.git('add', 'src/new.js');
    const accepted = commitThroughHooks(repo, 'clean');
    expect(accepted.status, accepted.output).toBe(0);
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('clean');
  });

  it('a SARIF file another step wrote (no command): the same diff-aware verdict', () => {
    const repo = toolRepo(base);
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { eslint: { type: 'command', read: { sarif: 'eslint.sarif' } } }, ci: ['eslint'] }));
    repo.commit('base');
    branchFromMain(repo, 'bad', { 'src/new.js': 'export const n = missingNow;\n' });
    const eslint = join(PROJECT_ROOT, 'node_modules', '.bin', 'eslint');
    try {
      execFileSync(eslint, ['--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'eslint.sarif', '.'], { cwd: repo.dir, stdio: 'pipe' });
    } catch {
      // eslint exits 1 when it found errors: the log is written all the same.
    }
    const run = runJson(repo, ['--base', 'main']);
    expect(run.status).toBe(1);
    expect(run.report.gates[0].findings).toEqual([expect.objectContaining({ gate: 'eslint', file: 'src/new.js', isNew: true, blocking: true })]);
  });
});
