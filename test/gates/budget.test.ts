import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { memoryScope } from '../../src/core/memory-scope.js';
import type { GateContext, Scope } from '../../src/core/types.js';
import gate from '../../src/gates/budget/index.js';
import { localDay, WORKFLOW_BUDGET, WORKFLOW_FEATURE_LINES, writeLedger } from '../cost/fixtures.js';
import { testNow } from '../helpers/clock.js';
import { tempDir } from '../helpers/repo.js';

function context(scope: Scope, options: Record<string, unknown> = {}, explicit = false): GateContext {
  const config = resolveConfig(explicit ? { gates: { budget: options } } : {});
  return { scope, options: config.gates.budget, explicit, config, signal: new AbortController().signal };
}

function ledgerRepo(files: Record<string, unknown>): string {
  const root = tempDir();
  writeLedger(join(root, 'costs'), files);
  return root;
}

const today = localDay();
const limits = (block: boolean, daily: { soft_limit?: number; hard_limit?: number }) => ({
  budgets: { daily, monthly: { soft_limit: 10_000 } },
  cost_controls: { block_on_limit: block },
});
const spendToday = (usd: number) => ({ [`daily-${today}.json`]: { inference: { claude: usd }, total: usd } });

describe('budget gate', () => {
  it('skips with the reason when there is no ledger, and is an error when configured explicitly', async () => {
    const scope = memoryScope({ root: tempDir(), files: {} });
    expect(await gate.run(context(scope))).toMatchObject({ status: 'skipped', summary: expect.stringContaining('no cost ledger at costs/') });
    const explicit = await gate.run(context(scope, { ledger: 'costs' }, true));
    expect(explicit).toMatchObject({ status: 'error', error: expect.stringContaining('wfo-gate cost log') });
  });

  it('is an error naming the file, line and JSON path of a ledger line that does not validate', async () => {
    const root = ledgerRepo({ 'by-feature.jsonl': [...WORKFLOW_FEATURE_LINES, { feature: 'x', cost: 'two' }] });
    const outcome = await gate.run(context(memoryScope({ root, files: {} })));
    expect(outcome.status).toBe('error');
    expect(outcome.error).toContain('costs/by-feature.jsonl line 5: /cost: must be number');
  });

  it('reports spend against the monthly budget in one line, with the metrics', async () => {
    const root = ledgerRepo({ ...spendToday(12.4), 'budget-config.json': WORKFLOW_BUDGET, 'by-feature.jsonl': [{ feature: 'feat/a', cost: 12.4, date: testNow().toISOString() }] });
    const outcome = await gate.run(context(memoryScope({ root, files: {} }), { feature: 'feat/a' }, true));
    expect(outcome.summary).toBe('$12.40 of $100.00 this month (12%)');
    expect(outcome.metrics).toMatchObject({ 'cost.today': 12.4, 'cost.mtd': 12.4, 'cost.budget': 100, 'cost.percentUsed': 12.4, 'cost.feature': 12.4 });
    expect(outcome.metrics?.['cost.week']).toBe(12.4);
    expect(outcome.metrics?.['cost.projected']).toBeGreaterThanOrEqual(12.4);
    expect(outcome.metrics).not.toHaveProperty('cost.change');
  });

  it.each([
    ['under the alert threshold', 3.9, true, []],
    ['over the alert threshold', 4.1, true, [['budget.alert-threshold', false]]],
    ['over the soft limit', 5.5, true, [['budget.soft-limit', false]]],
    ['over the hard limit, block_on_limit true', 8, true, [['budget.hard-limit', true]]],
    ['over the hard limit, block_on_limit false', 8, false, [['budget.hard-limit', false]]],
  ] as const)('%s', async (_name, usd, block, expected) => {
    const root = ledgerRepo({ ...spendToday(usd), 'budget-config.json': limits(block, { soft_limit: 5, hard_limit: 7.5 }) });
    const outcome = await gate.run(context(memoryScope({ root, files: {} })));
    expect(outcome.status).toBeUndefined();
    expect(outcome.findings.map((f) => [f.ruleId, f.blocking])).toEqual(expected);
    for (const finding of outcome.findings) {
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(finding.file).toBe('costs/budget-config.json');
    }
  });

  it('warns, without blocking, about usage of a model with no price', async () => {
    const root = ledgerRepo({
      'by-feature.jsonl': [
        { feature: 'a', cost: 1, date: testNow().toISOString() },
        { id: 'claude-code:m1:r1', feature: 'a', date: testNow().toISOString(), category: 'inference', provider: 'claude', unpriced: true, model: 'claude-sonnet-9-9', tokens: { input: 10, output: 20 } },
      ],
    });
    const outcome = await gate.run(context(memoryScope({ root, files: {} })));
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({
      ruleId: 'budget.unpriced-model',
      blocking: false,
      file: 'costs/by-feature.jsonl',
      line: 2,
      message: expect.stringContaining('claude-sonnet-9-9'),
      fix: expect.stringContaining('gates.budget.prices'),
    });
  });

  it('measures what the change adds to by-feature.jsonl in a diff-aware scope', async () => {
    const old = [{ feature: 'a', cost: 1, date: '2026-11-01' }];
    const added = [{ feature: 'b', cost: 0.25, date: '2026-11-02' }, { feature: 'b', cost: 0.5, date: '2026-11-02' }];
    const text = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const root = ledgerRepo({ 'by-feature.jsonl': [...old, ...added] });
    const scope = memoryScope({
      root,
      files: { 'costs/by-feature.jsonl': text([...old, ...added]) },
      base: { 'costs/by-feature.jsonl': text(old) },
      changed: { 'costs/by-feature.jsonl': [{ start: 2, end: 3 }] },
    });
    const outcome = await gate.run(context(scope));
    expect(outcome.metrics?.['cost.change']).toBe(0.75);
    expect(outcome.summary).toMatch(/; this change adds \$0\.75$/);
  });
});
