import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRICE_TABLE } from '../../src/cost/price-table.js';
import { localDayOf, testNow } from '../helpers/clock.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

// `wfo-gate cost prices` through the CLI, at the suite's clock: every price with its source and
// date, old ones flagged (there, in `cost report` and in the budget gate), and LiteLLM's file
// compared and written where gates.budget.pricesFile points.

/** The local day `days` before the suite's today. */
function daysAgo(days: number): string {
  const now = testNow();
  return localDayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, 12));
}

function repoWithPrices(budget: Record<string, unknown>): TestRepo {
  const repo = makeRepo({ branch: 'main' });
  repo.commit('init', { 'wfo-gate.config.json': JSON.stringify({ gates: { budget: { ledger: 'costs', ...budget } } }) });
  return repo;
}

function ok(repo: TestRepo, ...args: string[]): string {
  const result = repo.run(...args);
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const OLD = { input: 1, output: 2, source: 'Acme pricing page (acme.example/pricing)', date: daysAgo(91) };
const EDGE = { input: 1, output: 2, source: 'Acme pricing page (acme.example/pricing)', date: daysAgo(90) };

describe('wfo-gate cost prices', () => {
  it('lists every price with its source and the day it was read', () => {
    const repo = repoWithPrices({});
    const out = ok(repo, 'cost', 'prices');
    const rows = out.split('\n');
    for (const price of PRICE_TABLE) {
      const row = rows.find((r) => r.startsWith(`${price.model} `));
      expect(row, price.model).toBeDefined();
      expect(row).toContain(`— ${price.source}, ${price.date}`);
    }
    const json = JSON.parse(ok(repo, 'cost', 'prices', '--format', 'json'));
    expect(json.map((p: { model: string }) => p.model).sort()).toEqual(PRICE_TABLE.map((p) => p.model).sort());
    for (const p of json) {
      expect(p.source, p.model).toMatch(/\S/);
      expect(p.date, p.model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('flags a price read more than 90 days before the clock, in the list, in `cost report` and in the budget gate', () => {
    const repo = repoWithPrices({ prices: { 'acme-old': OLD, 'acme-edge': EDGE } });
    const rows = ok(repo, 'cost', 'prices').split('\n');
    expect(rows.find((r) => r.startsWith('acme-old '))).toMatch(/ {2}! read 91 days ago: check it$/);
    expect(rows.find((r) => r.startsWith('acme-edge '))).not.toContain('!');
    const json = JSON.parse(ok(repo, 'cost', 'prices', '--format', 'json'));
    expect(json.find((p: { model: string }) => p.model === 'acme-old')).toMatchObject({ ageDays: 91, stale: true });
    expect(json.find((p: { model: string }) => p.model === 'acme-edge')).toMatchObject({ ageDays: 90, stale: false });

    ok(repo, 'cost', 'log', '--model', 'acme-old', '--input', '1000000', '--output', '0', '--feature', 'f');
    ok(repo, 'cost', 'log', '--model', 'acme-edge', '--input', '1000000', '--output', '0', '--feature', 'f');
    const report = JSON.parse(ok(repo, 'cost', 'report', '--format', 'json'));
    expect(report.stalePrices).toEqual([{ model: 'acme-old', date: OLD.date, ageDays: 91, source: OLD.source }]);
    expect(ok(repo, 'cost', 'report')).toContain(`the price of acme-old was read 91 days ago (${OLD.date}, ${OLD.source})`);

    const gate = JSON.parse(repo.run('run', '--gate', 'budget', '--format', 'json').stdout);
    const findings = gate.gates[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'budget.stale-price');
    expect(findings.map((f: { message: string }) => f.message)).toEqual([`the price of acme-old used this month was read 91 days ago (${OLD.date}, ${OLD.source})`]);
    expect(gate.gates[0].status).toBe('warn');
  });

  it("--from-litellm shows what LiteLLM's file would change; --write saves it to gates.budget.pricesFile, which later runs use", () => {
    const repo = repoWithPrices({ pricesFile: 'costs/prices.json' });
    const litellm = {
      sample_spec: { input_cost_per_token: 0 },
      'gpt-5': { litellm_provider: 'openai', input_cost_per_token: 1.5e-6, output_cost_per_token: 1e-5, cache_read_input_token_cost: 1.25e-7 },
      'gemini-2.5-flash': { litellm_provider: 'gemini', input_cost_per_token: 3e-7, output_cost_per_token: 2.5e-6, cache_read_input_token_cost: 3e-8 },
      'acme-new': { litellm_provider: 'acme', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
    };
    writeFileSync(join(repo.dir, 'litellm.json'), JSON.stringify(litellm));
    // No prices file yet: what LiteLLM's file changes is measured against the built-in table.
    const diff = ok(repo, 'cost', 'prices', '--from-litellm', 'litellm.json');
    expect(diff.split('\n')).toEqual([
      '1 price(s) differ in litellm.json (USD per million tokens):',
      '  gpt-5: input 1.25 -> 1.5',
      '1 model(s) not priced here now would be priced from it',
      'run again with --write to save them to gates.budget.pricesFile',
      '',
    ]);

    const today = localDayOf(testNow());
    expect(ok(repo, 'cost', 'prices', '--from-litellm', 'litellm.json', '--write')).toContain(`wrote costs/prices.json (gates.budget.pricesFile), read on ${today}`);
    const written = JSON.parse(readFileSync(join(repo.dir, 'costs', 'prices.json'), 'utf8'));
    expect(written).toMatchObject({ ...litellm, 'wfo-gate': { source: 'litellm.json', date: today } });

    const plain = repoWithPrices({});
    writeFileSync(join(plain.dir, 'litellm.json'), JSON.stringify(litellm));
    const refused = plain.run('cost', 'prices', '--from-litellm', 'litellm.json', '--write');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--write needs gates.budget.pricesFile');

    const rows = ok(repo, 'cost', 'prices').split('\n');
    expect(rows.find((r) => r.startsWith('gpt-5 '))).toMatch(new RegExp(`^gpt-5 +1\\.5 / 10 / 1\\.5 / 1\\.5 / 0\\.125 {2}— LiteLLM prices file costs/prices\\.json \\(from litellm\\.json\\), ${today}$`));
    expect(rows.find((r) => r.startsWith('acme-new '))).toContain(`— LiteLLM prices file costs/prices.json (from litellm.json), ${today}`);
    expect(ok(repo, 'cost', 'log', '--model', 'gpt-5', '--input', '1000000', '--output', '0', '--feature', 'f')).toContain('logged $1.50');
    expect(ok(repo, 'cost', 'prices', '--from-litellm', 'litellm.json')).toMatch(/^no price of the \d+ known differs in litellm\.json\n$/);
  });
});
