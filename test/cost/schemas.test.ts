import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/cost/ledger-read.js';
import { LedgerError, parseLedgerJson, type LedgerFileKind } from '../../src/cost/ledger-schema.js';
import { tempDir } from '../helpers/repo.js';
import { WORKFLOW_BUDGET, WORKFLOW_DAILY, WORKFLOW_FEATURE_LINES, WORKFLOW_MTD, writeLedger } from './fixtures.js';

function problems(kind: LedgerFileKind, value: unknown): string[] {
  try {
    parseLedgerJson(kind, JSON.stringify(value), 'f');
    return [];
  } catch (error) {
    return (error as LedgerError).problems;
  }
}

describe('ledger schemas accept what the workflow writes', () => {
  it.each<[LedgerFileKind, unknown]>([
    ['daily', WORKFLOW_DAILY],
    ['daily', { date: '2026-11-25', total: 0.075, inference: { claude: 0.075 }, entries: 1, models: { 'claude-sonnet-4-5': { cost: 0.075, input: 10, output: 2, cacheWrite: 0, cacheRead: 0 } } }],
    ['daily', { inference: {}, total: 0, gpu: { lambda: 1.5 } }],
    ['mtd', WORKFLOW_MTD],
    ['mtd', { month: '2026-11', categories: { inference: { claude: 3 } }, total: 3, remaining: -1, percent_used: 102 }],
    ['budget-config', WORKFLOW_BUDGET],
    ['budget-config', { budgets: { monthly: { hard_limit: 50 } }, cost_controls: { block_on_limit: true } }],
    ...WORKFLOW_FEATURE_LINES.map((line) => ['by-feature', line] as [LedgerFileKind, unknown]),
  ])('%s: %j', (kind, value) => {
    expect(problems(kind, value)).toEqual([]);
  });
});

describe('ledger schemas reject what would be read wrong, with the JSON path', () => {
  it.each<[LedgerFileKind, unknown, string]>([
    ['daily', { inference: { claude: 0.45 } }, "/: must have required property 'total'"],
    ['daily', { inference: { claude: -1 }, total: 0 }, '/inference/claude: must be >= 0'],
    ['daily', { inference: { claude: '0.45' }, total: 0.45 }, '/inference/claude: must be number'],
    ['daily', { total: 1, owner: 'me' }, '/owner: must be object'],
    ['mtd', { ...WORKFLOW_MTD, month: 'November' }, '/month: must match pattern "^\\d{4}-\\d{2}$"'],
    ['mtd', { ...WORKFLOW_MTD, total: '12.40' }, '/total: must be number'],
    ['by-feature', { cost: 1.23, date: '2026-11-20' }, "/: must have required property 'feature'"],
    ['by-feature', { feature: 'X', cost: '1.23' }, '/cost: must be number'],
    ['by-feature', { feature: 'X', cost: 1, tokens: { input: 1.5 } }, '/tokens/input: must be integer'],
    ['budget-config', { ...WORKFLOW_BUDGET, budgets: { daily: { soft_limit: 5, alert_threshold: 80 } } }, '/budgets/daily/alert_threshold: must be <= 1'],
    ['budget-config', { cost_controls: { block_on_limit: 'yes' } }, '/cost_controls/block_on_limit: must be boolean'],
  ])('%s: %j', (kind, value, expected) => {
    expect(problems(kind, value)).toContain(expected);
  });

  it('names a file that is not JSON', () => {
    expect(() => parseLedgerJson('mtd', '{"month": ', 'costs/mtd.json')).toThrow(/^costs\/mtd\.json: not valid JSON/);
  });
});

describe('readLedger', () => {
  it('reads a ledger the workflow wrote, unchanged', async () => {
    const dir = join(tempDir(), 'costs');
    writeLedger(dir, {
      'daily-2026-11-24.json': WORKFLOW_DAILY,
      'mtd.json': WORKFLOW_MTD,
      'budget-config.json': WORKFLOW_BUDGET,
      'by-feature.jsonl': WORKFLOW_FEATURE_LINES,
    });
    const ledger = await readLedger(dir, 'costs');
    expect(ledger.days.get('2026-11-24')?.total).toBe(0.47);
    expect(ledger.mtd?.budget).toBe(100);
    expect(ledger.lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(ledger.budget?.cost_controls?.block_on_limit).toBe(false);
  });

  it('names the file, the JSONL line and the JSON path of a bad line', async () => {
    const dir = join(tempDir(), 'costs');
    writeLedger(dir, { 'by-feature.jsonl': [WORKFLOW_FEATURE_LINES[0], WORKFLOW_FEATURE_LINES[1], { feature: 'Y', cost: -2 }] });
    const error = await readLedger(dir, 'costs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).message).toBe('costs/by-feature.jsonl line 3: /cost: must be >= 0');
  });

  it('names a daily file that does not validate', async () => {
    const dir = join(tempDir(), 'costs');
    writeLedger(dir, { 'daily-2026-11-24.json': WORKFLOW_DAILY, 'daily-2026-11-25.json': { inference: { claude: 1 } } });
    await expect(readLedger(dir, 'costs')).rejects.toThrow("costs/daily-2026-11-25.json: /: must have required property 'total'");
  });
});
