import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, gitEnv, makeRepo, type TestRepo } from '../helpers/repo.js';
import { localDay } from '../cost/fixtures.js';
import { expectValidReport } from '../helpers/validate.js';

// WFO_TEST_CLI runs a private build (useful while other builds rewrite dist/ in a shared tree).
const cli = process.env.WFO_TEST_CLI ?? CLI;
const run = (repo: TestRepo, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });

function budgetResult(repo: TestRepo, ...args: string[]) {
  const result = run(repo, 'run', '--gate', 'budget', '--format', 'json', ...args);
  const report = JSON.parse(result.stdout);
  expectValidReport(report);
  return { status: result.status, verdict: report.verdict, gate: report.gates[0] };
}

describe('budget gate in a real repository', () => {
  it("reports what a branch's commits added to the ledger (cost.change) against its base", () => {
    const repo = makeRepo({ branch: 'main' });
    repo.commit('ledger', { 'costs/by-feature.jsonl': JSON.stringify({ feature: 'old', cost: 1, date: '2026-11-01' }) + '\n' });
    repo.git('checkout', '-q', '-b', 'feat/search');
    for (const amount of ['0.25', '0.50']) {
      const logged = run(repo, 'cost', 'log', '--amount', amount, '--category', 'api', '--provider', 'serpapi');
      expect(logged.status, logged.stderr).toBe(0);
    }
    repo.commit('search spend');
    const { status, gate } = budgetResult(repo, '--base', 'main');
    expect(status).toBe(0);
    expect(gate.metrics).toMatchObject({ 'cost.change': 0.75, 'cost.today': 0.75, 'cost.feature': 0.75 });
    expect(gate.summary).toBe('$0.75 this month (no monthly budget set); this change adds $0.75');
  });

  it('fails on a hard limit with block_on_limit, warns without it', () => {
    const repo = makeRepo({ branch: 'main' });
    const daily = { [`costs/daily-${localDay()}.json`]: JSON.stringify({ inference: { claude: 9 }, total: 9 }) };
    const config = (block: boolean) => JSON.stringify({ budgets: { daily: { soft_limit: 5, hard_limit: 7.5 } }, cost_controls: { block_on_limit: block } });
    repo.commit('over the daily hard limit', { ...daily, 'costs/budget-config.json': config(true) });
    const blocked = budgetResult(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.verdict).toBe('fail');
    expect(blocked.gate.findings.map((f: { ruleId: string; blocking: boolean }) => [f.ruleId, f.blocking])).toEqual([['budget.hard-limit', true]]);

    repo.commit('warn only', { 'costs/budget-config.json': config(false) });
    const warned = budgetResult(repo);
    expect(warned.status).toBe(0);
    expect(warned.verdict).toBe('warn');
    expect(warned.gate.findings[0].message).toBe('$9.00 spent today is over the daily hard limit of $7.50');
  });

  it('prints the report of a ledger and answers a bad ledger line with exit 2 and where it is', () => {
    const repo = makeRepo({ branch: 'main' });
    repo.write('costs/by-feature.jsonl', '{"feature":"a","cost":1}\n{"feature":"b","cost":"x"}\n');
    const bad = run(repo, 'cost', 'report');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('costs/by-feature.jsonl line 2: /cost: must be number');
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    repo.write('costs/by-feature.jsonl', '{"feature":"a","cost":1}\n');
    run(repo, 'cost', 'log', '--model', 'gpt-4.1', '--input', '100000', '--output', '10000', '--feature', 'feat/x');
    const json = run(repo, 'cost', 'report', '--format', 'json');
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ today: 0.28, mtd: 0.28, budget: null, byModel: [{ model: 'gpt-4.1', cost: 0.28, input: 100000, output: 10000 }], topFeatures: [{ feature: 'feat/x', cost: 0.28 }] });
    const pretty = run(repo, 'cost', 'report', '--no-color');
    expect(pretty.stdout).toContain('Month to date  $0.28  (no monthly budget set)');
  });
});
