import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readSchema } from '../../src/core/package-info.js';
import { readLedger } from '../../src/cost/ledger-read.js';
import { computeReport, reportStartDay } from '../../src/cost/report.js';
import { tempDir } from '../helpers/repo.js';
import { WORKFLOW_BUDGET, WORKFLOW_FEATURE_LINES, writeLedger } from './fixtures.js';

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;

describe('computeReport', () => {
  it('totals today, the week and the month from the daily files, projects the month, and fits its schema', async () => {
    const dir = join(tempDir(), 'costs');
    // Wednesday 2026-11-18: the week started Monday the 16th.
    writeLedger(dir, {
      'daily-2026-10-31.json': { inference: { claude: 50 }, total: 50 },
      'daily-2026-11-02.json': { inference: { claude: 4 }, compute: { runpod: 1 }, total: 5 },
      'daily-2026-11-16.json': { inference: { claude: 2, deepseek: 0.5 }, total: 2.5 },
      'daily-2026-11-18.json': { inference: { claude: 1.5 }, total: 1.5 },
      'mtd.json': { month: '2026-11', budget: 100, categories: { inference: 7 }, total: 7, remaining: 93, percent_used: 7 },
      'budget-config.json': WORKFLOW_BUDGET,
      'by-feature.jsonl': [
        ...WORKFLOW_FEATURE_LINES,
        { id: 'a', feature: 'feat/a', cost: 1.5, date: '2026-11-18T10:00:00', model: 'claude-sonnet-4-5', tokens: { input: 10, output: 20, cacheWrite5m: 1, cacheWrite1h: 2, cacheRead: 30 } },
        { id: 'b', feature: 'feat/b', cost: 2, date: '2026-11-16T10:00:00', model: 'claude-sonnet-4-5', tokens: { input: 1, output: 2 } },
      ],
    });
    const now = new Date(2026, 10, 18, 15);
    const ledger = await readLedger(dir, 'costs', { sinceDay: reportStartDay(now) });
    expect([...ledger.days.keys()]).toEqual(['2026-11-02', '2026-11-16', '2026-11-18']);
    const report = computeReport(ledger, now);
    expect(report).toMatchObject({ today: 1.5, week: 4, mtd: 9, budget: 100, remaining: 91, percentUsed: 9, projected: 15, from: '2026-11-01', to: '2026-11-18' });
    expect(report.byModel).toEqual([{ model: 'claude-sonnet-4-5', cost: 3.5, requests: 2, input: 11, output: 22, cacheWrite: 3, cacheRead: 30 }]);
    expect(report.byCategory).toEqual([
      { category: 'inference', cost: 8, providers: { claude: 7.5, deepseek: 0.5 } },
      { category: 'compute', cost: 1, providers: { runpod: 1 } },
    ]);
    expect(report.topFeatures.map((f) => f.feature)).toEqual(['feat/b', 'feat/a']); // the workflow's lines of the 20th and 21st are after "now"
    expect(report.notes).toEqual([
      'costs/mtd.json says $7.00 for 2026-11, the daily files add up to $9.00; the daily files are used',
      '2 line(s) of by-feature.jsonl have no date: counted in feature totals only',
    ]);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(readSchema('cost-report.schema.json'));
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });
});
