import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOsvFolder } from '../audit/helpers/osv-facts.js';
import { NPM_V3 } from '../audit/helpers/samples.js';
import { localDay } from '../cost/fixtures.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { expectValidReport, expectValidSarif } from '../helpers/validate.js';

// Assembled at run time so this source file holds no key-shaped string.
const key = (n: number) => ['AKIA', 'Q3EGRZ7NBX4TYU', String(n).padStart(2, '0')].join('');
const GATES = 'secrets,sast,audit,coverage,env-ignore,budget';
const SHARDS = 4;

interface GateJson {
  gate: string;
  status: string;
  findings: Record<string, unknown>[];
  suppressed: Record<string, unknown>[];
  metrics?: Record<string, number>;
  error?: string;
}
interface ReportJson {
  verdict: string;
  gates: GateJson[];
  scope: { files: number; description: string };
  skipped: Record<string, unknown>;
  notes: string[];
  shard?: { index: number; total: number; commit: string; configHash: string };
  merged?: { problems: string[] };
}

/** A repository in which every gate has something to say, spread over many files so every shard gets some. */
function monorepo(): TestRepo {
  const repo = makeRepo();
  const files: Record<string, string> = {
    'wfo-gate.config.json': JSON.stringify({
      gates: { audit: { source: 'osv-db', osvDatabase: 'osv', failOn: 'high' }, coverage: { reports: ['lcov.info'], min: 90, maxAgeCheck: false }, budget: { ledger: 'costs' } },
    }),
    'package-lock.json': NPM_V3,
    'lcov.info': 'TN:\nSF:src/a.js\nDA:1,1\nDA:2,0\nDA:3,0\nend_of_record\nTN:\nSF:src/b.js\nDA:1,1\nDA:2,1\nend_of_record\n',
    [`costs/daily-${localDay()}.json`]: JSON.stringify({ inference: { claude: 9 }, total: 9 }),
    'costs/budget-config.json': JSON.stringify({ budgets: { daily: { soft_limit: 5, hard_limit: 7.5 } }, cost_controls: { block_on_limit: true } }),
    '.env': 'TOKEN=1\n',
    'tools/run.py': 'import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n',
  };
  for (let i = 0; i < 40; i++) {
    const dir = ['src', 'lib', 'apps/web', 'apps/api', 'packages/core'][i % 5];
    files[`${dir}/module-${i}.js`] =
      i % 7 === 0 ? `const cp = require("child_process");\nexports.run${i} = (req) => cp.exec("ls " + req.query.dir);\n` : `exports.value${i} = ${i};\n`;
    if (i % 6 === 0) files[`${dir}/config-${i}.js`] = `export const awsKey = "${key(i)}";\n`;
    // The same key twice in one file: two findings with one fingerprint, kept as two.
    if (i === 12) files[`${dir}/config-${i}.js`] += `export const again = "${key(i)}";\n`;
  }
  repo.commit('base', files);
  writeOsvFolder(join(repo.dir, 'osv'));
  repo.git('add', 'osv');
  repo.git('commit', '-q', '-m', 'osv data');
  // A branch whose history holds secrets the final tree no longer has, and new code.
  repo.git('checkout', '-q', '-b', 'feature');
  for (let c = 0; c < 6; c++) {
    repo.commit(`leak ${c}`, { [`apps/web/leak-${c}.js`]: `const k = "${key(50 + c)}";\n` });
    repo.commit(`unleak ${c}`, { [`apps/web/leak-${c}.js`]: 'const k = process.env.K;\n' });
  }
  repo.commit('more', { 'src/module-0.js': `const cp = require("child_process");\nexports.more = (req) => cp.exec("cat " + req.query.f);\n`, 'src/new-key.js': `export const k = "${key(80)}";\n`, 'apps/api/.env.local': 'X=1\n' });
  chmodSync(join(repo.dir, 'lib/module-1.js'), 0o666);
  return repo;
}

function runJson(repo: TestRepo, out: string, args: string[]): { status: number | null; report: ReportJson; stderr: string } {
  const result = repo.run('run', ...args, '--gate', GATES, '--json', out, '--format', 'pretty', '--no-color');
  expect(result.status, result.stderr).not.toBe(2);
  const report = JSON.parse(readFileSync(out, 'utf8')) as ReportJson;
  expectValidReport(report);
  return { status: result.status, report, stderr: result.stderr };
}

/** Everything a finding says except its wording, one line each, sorted: findings as a multiset. */
function findingRows(report: ReportJson, list: 'findings' | 'suppressed' = 'findings'): string[] {
  return report.gates
    .flatMap((g) => g[list])
    .map((f) => [f.gate, f.ruleId, f.file, f.line, f.fingerprint, f.commit, f.isNew, f.blocking, f.severity].join(' '))
    .sort();
}

const statuses = (report: ReportJson) => Object.fromEntries(report.gates.map((g) => [g.gate, g.status]));
const metrics = (report: ReportJson) => Object.fromEntries(report.gates.map((g) => [g.gate, g.metrics]));

describe('run --shard i/n and merge: one verdict from many processes (built CLI, real repository)', () => {
  let repo: TestRepo;
  let out: string;
  beforeAll(() => {
    repo = monorepo();
    out = tempDir('wfo-shards-');
  });

  for (const [label, scope] of [
    // --no-cache: the shards would otherwise take the single run's results from the result
    // cache, and the cache counts in the metrics differ (the findings would not).
    ['the whole tree', ['--all', '--no-cache']],
    ['a branch against its base (every commit checked)', ['--base', 'main']],
  ] as const) {
    it(`gives the same verdict, findings, metrics and skipped files as one unsharded run: ${label}`, () => {
      const tag = scope.filter((a) => a !== '--no-cache').join('').replace(/\W/g, '');
      const single = runJson(repo, join(out, `${tag}-single.json`), [...scope]);
      expect(single.report.verdict).toBe('fail');
      // Every gate has something to say (in a PR, audit reports only what the change brings: nothing here).
      for (const gate of single.report.gates.filter((g) => scope[0] === '--all' || g.gate !== 'audit')) expect(gate.findings.length, `${gate.gate}: ${gate.error ?? ''}`).toBeGreaterThan(0);

      const shardFiles: string[] = [];
      const shardReports: ReportJson[] = [];
      for (let i = 1; i <= SHARDS; i++) {
        const file = join(out, `${tag}-shard-${i}.json`);
        shardFiles.push(file);
        shardReports.push(runJson(repo, file, [...scope, '--shard', `${i}/${SHARDS}`]).report);
      }
      // The split is real: each shard checked a part of the files, and together all of them, once.
      const parts = shardReports.map((r) => r.scope.files);
      expect(parts.every((n) => n > 0 && n < single.report.scope.files)).toBe(true);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(single.report.scope.files);
      // Each whole-repository gate ran in exactly one shard; the split gates in all.
      for (const gate of ['audit', 'coverage', 'budget']) {
        expect(shardReports.filter((r) => r.gates.some((g) => g.gate === gate))).toHaveLength(1);
      }
      for (const gate of ['secrets', 'sast', 'env-ignore']) expect(shardReports.every((r) => r.gates.some((g) => g.gate === gate))).toBe(true);
      expect(new Set(shardReports.map((r) => r.shard!.configHash)).size).toBe(1);
      expect(shardReports.every((r) => r.shard!.commit === shardReports[0].shard!.commit)).toBe(true);

      const merged = repo.run('merge', ...shardFiles, '--format', 'json', '--sarif', join(out, `${tag}.sarif`), '--markdown', join(out, `${tag}.md`));
      expect(merged.status, merged.stderr).toBe(1);
      const report = JSON.parse(merged.stdout) as ReportJson;
      expectValidReport(report);
      expect(report.verdict).toBe(single.report.verdict);
      expect(statuses(report)).toEqual(statuses(single.report));
      expect(findingRows(report)).toEqual(findingRows(single.report));
      expect(findingRows(report, 'suppressed')).toEqual(findingRows(single.report, 'suppressed'));
      expect(metrics(report)).toEqual(metrics(single.report));
      expect(report.skipped).toEqual(single.report.skipped);
      expect(report.scope.files).toBe(single.report.scope.files);
      expect(report.scope.description).toBe(single.report.scope.description);
      expect(report.merged!.problems).toEqual([]);
      expectValidSarif(readFileSync(join(out, `${tag}.sarif`), 'utf8'));
      expect(readFileSync(join(out, `${tag}.md`), 'utf8')).toMatch(/### wfo-gate: ❌ BLOCKED/);
      const pretty = repo.run('merge', ...shardFiles, '--no-color');
      expect(pretty.stdout).toMatch(/merged from 4 of 4 shards/);
      // No planted key in clear in any shard's report nor in any merged output (the keys' last
      // digits differ, so the shared prefix is what must not appear).
      const outputs = [merged.stdout, pretty.stdout, ...[`${tag}.sarif`, `${tag}.md`].map((f) => readFileSync(join(out, f), 'utf8')), ...shardFiles.map((f) => readFileSync(f, 'utf8'))];
      for (const text of outputs) expect(text).not.toContain(key(0).slice(0, 16));
    });
  }

  it('is an error naming the shard when a shard is missing, given twice, or of another commit or config', () => {
    const files = Array.from({ length: SHARDS }, (_, i) => join(out, `all-shard-${i + 1}.json`));
    const mergeOf = (...paths: string[]) => {
      const result = repo.run('merge', ...paths, '--format', 'json');
      return { status: result.status, report: JSON.parse(result.stdout) as ReportJson };
    };

    const missing = mergeOf(files[0], files[1], files[3]);
    expect(missing.status).toBe(1);
    expect(missing.report.verdict).toBe('fail'); // the shards that are there already block
    expect(missing.report.merged!.problems).toEqual([expect.stringMatching(/^shard 3\/4 is missing/)]);
    expect(missing.report.gates.find((g) => g.gate === 'secrets')!.status).toBe('fail');
    expect(missing.report.gates.find((g) => g.gate === 'secrets')!.error).toMatch(/shard 3\/4 was never checked/);

    // Clean shards with one missing: never a pass on partial work.
    const clean = makeRepo();
    const cleanFiles: Record<string, string> = {};
    for (let i = 0; i < 20; i++) cleanFiles[`src/m${i}.js`] = `exports.v = ${i};\n`;
    clean.commit('clean', cleanFiles);
    const cleanOut = (i: number) => join(out, `clean-${i}.json`);
    for (let i = 1; i <= 3; i++) expect(clean.run('run', '--gate', 'secrets,sast,env-ignore', '--shard', `${i}/3`, '--json', cleanOut(i)).status).toBe(0);
    const partial = clean.run('merge', cleanOut(1), cleanOut(3), '--no-color');
    expect(partial.status).toBe(1);
    expect(partial.stdout).toMatch(/shard 2\/3 is missing/);
    const whole = clean.run('merge', cleanOut(1), cleanOut(2), cleanOut(3), '--format', 'json');
    expect(whole.status).toBe(0);
    expect(JSON.parse(whole.stdout).verdict).toBe('pass');
    const twice = clean.run('merge', cleanOut(1), cleanOut(2), cleanOut(2), cleanOut(3), '--format', 'json');
    expect(twice.status).toBe(1);
    expect(JSON.parse(twice.stdout).verdict).toBe('error');
    expect(JSON.parse(twice.stdout).merged.problems).toEqual([expect.stringMatching(/^shard 2\/3 was given twice/)]);

    // Another commit, and another configuration.
    clean.commit('next', { 'src/extra.js': 'exports.x = 1;\n' });
    expect(clean.run('run', '--gate', 'secrets,sast,env-ignore', '--shard', '2/3', '--json', join(out, 'clean-next-2.json')).status).toBe(0);
    const otherCommit = JSON.parse(clean.run('merge', cleanOut(1), join(out, 'clean-next-2.json'), cleanOut(3), '--format', 'json').stdout);
    expect(otherCommit.verdict).toBe('error');
    expect(otherCommit.merged.problems.join('\n')).toMatch(/shard 2\/3 \(.*clean-next-2\.json\) checked commit [0-9a-f]{12}, not [0-9a-f]{12}/);
    expect(otherCommit.merged.problems.join('\n')).toMatch(/shard 2\/3 is missing/);
    clean.git('reset', '-q', '--hard', 'HEAD~1');
    clean.write('wfo-gate.config.json', JSON.stringify({ gates: { secrets: { disable: ['aws-access-key-id'] } } }));
    expect(clean.run('run', '--gate', 'secrets,sast,env-ignore', '--shard', '2/3', '--json', join(out, 'clean-config-2.json')).status).toBe(0);
    const otherConfig = JSON.parse(clean.run('merge', cleanOut(1), join(out, 'clean-config-2.json'), cleanOut(3), '--format', 'json').stdout);
    expect(otherConfig.verdict).toBe('error');
    expect(otherConfig.merged.problems[0]).toMatch(/shard 2\/3 .* ran with another configuration/);
  });

  it('refuses a bad --shard and a file that is not a report, with exit 2', () => {
    for (const bad of ['0/4', '5/4', '2', 'a/b']) {
      const result = repo.run('run', '--shard', bad);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--shard takes <i>\/<n>/);
    }
    const result = repo.run('merge', join(repo.dir, 'package-lock.json'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/package-lock\.json is not a wfo-gate JSON report/);
  });
});
