import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/cost/ledger-read.js';
import { recordEntries } from '../../src/cost/ledger-write.js';
import type { NewEntry } from '../../src/cost/types.js';
import { tempDir } from '../helpers/repo.js';
import { WORKFLOW_BUDGET, WORKFLOW_DAILY, WORKFLOW_MTD, writeLedger } from './fixtures.js';

function entry(id: string, date: Date, cost: number | undefined, extra: Partial<NewEntry> = {}): NewEntry {
  return { id, feature: 'feat/a', date: date.toISOString(), category: 'inference', provider: 'claude', cost, ...extra };
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('recordEntries', () => {
  it('adds to the workflow’s own files in their shape, keeping what was there', async () => {
    const dir = join(tempDir(), 'costs');
    const day = new Date(2026, 10, 24, 15, 0);
    writeLedger(dir, { 'daily-2026-11-24.json': WORKFLOW_DAILY, 'mtd.json': WORKFLOW_MTD, 'budget-config.json': WORKFLOW_BUDGET });
    await recordEntries(dir, [entry('a', day, 0.5), entry('b', day, 0.25, { category: 'compute', provider: 'runpod' })], { now: day });
    expect(json(join(dir, 'daily-2026-11-24.json'))).toMatchObject({ inference: { claude: 0.95, deepseek: 0.02 }, compute: { runpod: 0.25 }, total: 1.22 });
    expect(json(join(dir, 'mtd.json'))).toMatchObject({ month: '2026-11', budget: 100, categories: { inference: 12.6, compute: 0.55 }, total: 13.15, remaining: 86.85, percent_used: 13.15 });
    const ledger = await readLedger(dir, 'costs');
    expect(ledger.lines.map((l) => l.entry.id)).toEqual(['a', 'b']);
  });

  it('rolls mtd.json over when a new month starts and keeps the old month’s figures', async () => {
    const dir = join(tempDir(), 'costs');
    await recordEntries(dir, [entry('oct', new Date(2026, 9, 31, 23, 0), 2)], { now: new Date(2026, 9, 31, 23, 0) });
    await recordEntries(dir, [entry('nov', new Date(2026, 10, 1, 0, 30), 3)], { now: new Date(2026, 10, 1, 0, 30) });
    expect(json(join(dir, 'mtd-2026-10.json'))).toMatchObject({ month: '2026-10', total: 2, categories: { inference: { claude: 2 } } });
    expect(json(join(dir, 'mtd.json'))).toMatchObject({ month: '2026-11', total: 3, categories: { inference: { claude: 3 } } });
    // A late entry for the closed month goes to its file, not into the new month.
    await recordEntries(dir, [entry('oct-late', new Date(2026, 9, 30, 12, 0), 1)], { now: new Date(2026, 10, 1, 1, 0) });
    expect(json(join(dir, 'mtd-2026-10.json')).total).toBe(3);
    expect(json(join(dir, 'mtd.json')).total).toBe(3);
    expect(readdirSync(dir).filter((n) => n.startsWith('daily-')).sort()).toEqual(['daily-2026-10-30.json', 'daily-2026-10-31.json', 'daily-2026-11-01.json']);
  });

  it('adds nothing for an id the ledger already holds', async () => {
    const dir = join(tempDir(), 'costs');
    const day = new Date(2026, 10, 20, 10);
    const first = await recordEntries(dir, [entry('x', day, 1), entry('y', day, 2)], { now: day });
    const again = await recordEntries(dir, [entry('x', day, 1), entry('y', day, 2), entry('y', day, 2)], { now: day });
    expect(first.added).toHaveLength(2);
    expect(again).toMatchObject({ added: [], repriced: [], duplicates: 3 });
    expect(json(join(dir, 'mtd.json')).total).toBe(3);
    expect(readFileSync(join(dir, 'by-feature.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('records an unpriced line outside the totals, and prices it when it comes again with a cost', async () => {
    const dir = join(tempDir(), 'costs');
    const day = new Date(2026, 10, 20, 10);
    const tokens = { input: 10, output: 5, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };
    await recordEntries(dir, [entry('p', day, 1), entry('u', day, undefined, { model: 'acme-9', tokens })], { now: day });
    expect(JSON.parse(readFileSync(join(dir, 'by-feature.jsonl'), 'utf8').split('\n')[1])).toMatchObject({ id: 'u', unpriced: true, model: 'acme-9' });
    expect(json(join(dir, 'daily-2026-11-20.json')).total).toBe(1);
    const result = await recordEntries(dir, [entry('u', day, 0.5, { model: 'acme-9', tokens })], { now: day });
    expect(result.repriced.map((e) => e.id)).toEqual(['u']);
    const lines = readFileSync(join(dir, 'by-feature.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.cost, l.unpriced])).toEqual([['p', 1, undefined], ['u', 0.5, undefined]]);
    expect(json(join(dir, 'daily-2026-11-20.json')).total).toBe(1.5);
    expect(json(join(dir, 'mtd.json')).total).toBe(1.5);
  });

  it('counts an id a union merge left twice once, and prices the line that holds it', async () => {
    const dir = join(tempDir(), 'costs');
    const day = new Date(2026, 10, 20, 10);
    const tokens = { input: 10, output: 5, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };
    await recordEntries(dir, [entry('p', day, 1), entry('u', day, undefined, { model: 'acme-9', tokens })], { now: day });
    const file = join(dir, 'by-feature.jsonl');
    const [p, u] = readFileSync(file, 'utf8').trim().split('\n');
    // What merge=union leaves when both branches imported the same sessions.
    writeFileSync(file, [p, u, p, u].join('\n') + '\n');
    const result = await recordEntries(dir, [entry('p', day, 1), entry('u', day, 0.5, { model: 'acme-9', tokens })], { now: day });
    expect(result).toMatchObject({ duplicates: 1, added: [] });
    expect(result.repriced.map((e) => e.id)).toEqual(['u']);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.cost ?? null])).toEqual([['p', 1], ['u', 0.5], ['p', 1], ['u', null]]);
    expect(json(join(dir, 'daily-2026-11-20.json'))).toMatchObject({ total: 1.5, entries: 2 });
    expect(json(join(dir, 'mtd.json')).total).toBe(1.5);
  });

  it('writes no line whose cost is not a finite number', async () => {
    const dir = join(tempDir(), 'costs');
    const day = new Date(2026, 10, 20, 10);
    await expect(recordEntries(dir, [entry('n', day, Number.NaN)], { now: day })).rejects.toThrow(/by-feature\.jsonl: would not be valid, nothing was written/);
    expect(existsSync(join(dir, 'by-feature.jsonl'))).toBe(false);
  });

  it('refuses to write into a ledger file that does not validate, and leaves it as it was', async () => {
    const dir = join(tempDir(), 'costs');
    writeLedger(dir, { 'mtd.json': { ...WORKFLOW_MTD, total: 'lots' } });
    await expect(recordEntries(dir, [entry('a', new Date(2026, 10, 2), 1)], { displayDir: 'costs', now: new Date(2026, 10, 2) })).rejects.toThrow(
      'costs/mtd.json: /total: must be number',
    );
    expect(json(join(dir, 'mtd.json')).total).toBe('lots');
    expect(existsSync(join(dir, '.wfo-gate.lock'))).toBe(false);
  });
});
