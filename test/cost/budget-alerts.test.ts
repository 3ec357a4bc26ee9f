import { describe, expect, it } from 'vitest';
import { evaluateBudget } from '../../src/cost/budget-alerts.js';
import type { BudgetConfig } from '../../src/cost/types.js';

const config = (block: boolean): BudgetConfig => ({
  budgets: { daily: { soft_limit: 5, hard_limit: 7.5 }, weekly: { soft_limit: 25, hard_limit: 35, alert_threshold: 0.5 }, monthly: { soft_limit: 100, hard_limit: 150 } },
  cost_controls: { block_on_limit: block },
});
const midMonth = new Date(2026, 10, 15, 12);

describe('evaluateBudget', () => {
  it('is quiet under every line', () => {
    expect(evaluateBudget({ today: 3.99, week: 12, mtd: 50 }, config(true), midMonth)).toEqual([]);
  });

  it('warns past the alert threshold of the soft limit (period threshold over the default 0.8)', () => {
    const alerts = evaluateBudget({ today: 4.01, week: 12.5 + 0.01, mtd: 50 }, config(true), midMonth);
    expect(alerts.map((a) => [a.kind, a.period, a.blocking])).toEqual([['threshold', 'daily', false], ['threshold', 'weekly', false]]);
    expect(alerts[0].message).toBe('$4.01 spent today is 80% of the daily limit of $5.00 (alert at 80%)');
  });

  it('warns past a soft limit', () => {
    expect(evaluateBudget({ today: 5.5, week: 10, mtd: 50 }, config(true), midMonth).map((a) => [a.kind, a.period, a.blocking])).toEqual([['soft', 'daily', false]]);
  });

  it('blocks past a hard limit only when block_on_limit is true', () => {
    expect(evaluateBudget({ today: 8, week: 10, mtd: 50 }, config(true), midMonth).map((a) => [a.kind, a.blocking])).toEqual([['hard', true]]);
    expect(evaluateBudget({ today: 8, week: 10, mtd: 50 }, config(false), midMonth).map((a) => [a.kind, a.blocking])).toEqual([['hard', false]]);
  });

  it('warns when the month burns faster than 1.5x the even pace', () => {
    // Day 5 of 30: an even pace has spent 16.67 of 100; 1.5x is 25.
    const day5 = new Date(2026, 10, 5, 9);
    expect(evaluateBudget({ today: 0, week: 0, mtd: 24.9 }, config(false), day5)).toEqual([]);
    const alerts = evaluateBudget({ today: 0, week: 0, mtd: 25.1 }, config(false), day5);
    expect(alerts.map((a) => [a.kind, a.period, a.blocking])).toEqual([['pace', 'monthly', false]]);
    expect(alerts[0].message).toContain('25% used on day 5 of 30');
  });

  it('has nothing to say without a budget-config.json', () => {
    expect(evaluateBudget({ today: 1000, week: 1000, mtd: 1000 }, undefined, midMonth)).toEqual([]);
  });
});
