import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDayOf, localMonthOf, testNow } from '../helpers/clock.js';
import { makeRepo, runCli, type TestRepo } from '../helpers/repo.js';

// `wfo-gate cost log` and `cost report` as a user runs them, at the suite's "now" (the clock
// matrix of scripts/test.mjs runs this file at month, year and week boundaries).

const DAY = 86_400_000;

function ledgerRepo(): TestRepo {
  const repo = makeRepo({ branch: 'feat/ledger' });
  repo.commit('init', { 'README.md': '# x\n' });
  return repo;
}

const costs = (repo: TestRepo) => join(repo.dir, 'costs');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** A local day of the month before the suite's today (the 15th, so no zone shifts it across). */
function dayOfLastMonth(): { day: string; month: string } {
  const now = testNow();
  const date = new Date(now.getFullYear(), now.getMonth() - 1, 15, 12);
  return { day: localDayOf(date), month: localMonthOf(date) };
}

function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('cost log and the month it belongs to', () => {
  it('an entry dated last month goes to that month’s file and leaves this month’s mtd.json alone', () => {
    const repo = ledgerRepo();
    const today = repo.run('cost', 'log', '--amount', '2.00', '--category', 'api', '--provider', 'serpapi');
    expect(today.status, today.stderr).toBe(0);
    const mtdBefore = readFileSync(join(costs(repo), 'mtd.json'), 'utf8');
    expect(JSON.parse(mtdBefore)).toMatchObject({ month: localMonthOf(testNow()), total: 2 });

    const last = dayOfLastMonth();
    const late = repo.run('cost', 'log', '--amount', '0.75', '--category', 'api', '--provider', 'serpapi', '--date', last.day);
    expect(late.status, late.stderr).toBe(0);
    expect(readFileSync(join(costs(repo), 'mtd.json'), 'utf8')).toBe(mtdBefore);
    expect(readJson(join(costs(repo), `mtd-${last.month}.json`))).toMatchObject({ month: last.month, total: 0.75 });
    expect(readJson(join(costs(repo), `daily-${last.day}.json`))).toMatchObject({ total: 0.75 });

    const thisMonth = JSON.parse(repo.run('cost', 'report', '--format', 'json').stdout);
    expect(thisMonth).toMatchObject({ mtd: 2, from: `${localMonthOf(testNow())}-01` });
    const previous = repo.run('cost', 'report', '--format', 'json', '--month', last.month);
    expect(previous.status, previous.stderr).toBe(0);
    expect(JSON.parse(previous.stdout)).toMatchObject({ mtd: 0.75, projected: 0.75, from: `${last.month}-01` });
  });

  it('a ledger whose mtd.json is of an earlier month: that month is kept in its own file, a new mtd.json starts', () => {
    const repo = ledgerRepo();
    const last = dayOfLastMonth();
    writeFileSync(join(repo.dir, 'README.md'), '# x\n');
    repo.write('costs/mtd.json', JSON.stringify({ month: last.month, categories: { api: 4 }, total: 4, budget: 50 }));
    const logged = repo.run('cost', 'log', '--amount', '1.00', '--category', 'api', '--provider', 'serpapi');
    expect(logged.status, logged.stderr).toBe(0);
    expect(readJson(join(costs(repo), `mtd-${last.month}.json`))).toMatchObject({ month: last.month, total: 4 });
    expect(readJson(join(costs(repo), 'mtd.json'))).toMatchObject({ month: localMonthOf(testNow()), total: 1, budget: 50 });
  });

  it('refuses a date in the future and a day the calendar does not have, writing nothing', () => {
    const repo = ledgerRepo();
    const tomorrow = localDayOf(new Date(testNow().getTime() + 2 * DAY));
    const future = repo.run('cost', 'log', '--amount', '1', '--category', 'api', '--date', tomorrow);
    expect(future.status).toBe(2);
    expect(future.stderr).toContain(`--date ${tomorrow} is in the future`);
    for (const day of ['2026-02-30', '2028-02-30', '2027-02-29', '2026-13-01', '2026-04-31T10:00:00Z', 'yesterday']) {
      const bad = repo.run('cost', 'log', '--amount', '1', '--category', 'api', '--date', day);
      expect(bad.status, day).toBe(2);
      expect(bad.stderr, day).toMatch(/--date: .*(is not a day of the calendar|cannot read)/);
    }
    const leap = repo.run('cost', 'log', '--amount', '1', '--category', 'api', '--date', '2024-02-29');
    expect(leap.status, leap.stderr).toBe(0);
    expect(readJson(join(costs(repo), 'daily-2024-02-29.json')).total).toBe(1);
  });

  it('refuses amounts and token counts that are not finite, negative or absurd, and says where the bound is', () => {
    const repo = ledgerRepo();
    const cases: [string[], RegExp][] = [
      [['--amount', '1e308', '--category', 'api'], /--amount must be a non-negative number/],
      [['--amount', 'Infinity', '--category', 'api'], /--amount must be a non-negative number/],
      [['--amount', '-1', '--category', 'api'], /--amount must be a non-negative number/],
      [['--amount', '2000000', '--category', 'api'], /over \$1,000,000, the most one entry may be/],
      [['--model', 'claude-sonnet-4-5', '--input', '99999999999', '--output', '1'], /more tokens than one entry can hold \(at most 1e\+10\)/],
      [['--model', 'claude-sonnet-4-5', '--input', '1.5'], /--input must be a whole number of tokens/],
    ];
    for (const [args, message] of cases) {
      const result = repo.run('cost', 'log', ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(costs(repo))).toBe(false);
    expect(repo.run('cost', 'log', '--amount', '999999.99', '--category', 'api').status).toBe(0);
    expect(readJson(join(costs(repo), 'mtd.json')).total).toBe(999999.99);
  });

  it('a token pasted into a numeric or date flag by mistake is not echoed back, not even its first characters', () => {
    const repo = ledgerRepo();
    const pasted = 'sk_live_' + 'Q7x2Vb9Kd3Lm8Np4Rs6Tw1Yz5A';
    for (const args of [
      ['--amount', pasted, '--category', 'api'],
      ['--model', 'claude-sonnet-4-5', '--input', pasted],
      ['--amount', '1', '--category', 'api', '--date', pasted],
    ]) {
      const result = repo.run('cost', 'log', ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/…\(\d+ chars\)/);
      expect(result.stderr).not.toContain(pasted.slice(0, 12));
    }
  });

  it('refuses control characters in names and notes; a hand-written one cannot split a report line', () => {
    const repo = ledgerRepo();
    for (const flag of ['--feature', '--note', '--provider', '--id']) {
      const result = repo.run('cost', 'log', '--amount', '1', '--category', 'api', flag, 'a\nb');
      expect(result.status, flag).toBe(2);
      expect(result.stderr).toContain(`${flag} must not contain control characters`);
    }
    repo.write('costs/by-feature.jsonl', JSON.stringify({ feature: 'evil\nTotal  $0.00', cost: 1, date: testNow().toISOString() }) + '\n');
    const pretty = repo.run('cost', 'report', '--no-color');
    expect(pretty.status, pretty.stderr).toBe(0);
    expect(pretty.stdout).toContain('evil\\nTotal  $0.00');
    expect(pretty.stdout.split('\n').some((line) => line.startsWith('Total'))).toBe(false);
  });

  it.each(['budget-config.json', 'mtd.json', 'daily'])('a corrupt %s: exit 2, nothing written to any ledger file, however often it is tried', (broken) => {
    const repo = ledgerRepo();
    expect(repo.run('cost', 'log', '--amount', '1', '--category', 'api').status).toBe(0);
    const name = broken === 'daily' ? `daily-${localDayOf(testNow())}.json` : broken;
    writeFileSync(join(costs(repo), name), '{"total": ');
    const before = snapshot(costs(repo));
    for (let i = 0; i < 3; i++) {
      const result = repo.run('cost', 'log', '--amount', '1', '--category', 'api');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`costs/${name}`);
      expect(result.stderr).toContain('nothing was written');
    }
    expect(snapshot(costs(repo))).toEqual(before);
  });

  it.each([
    ['/proc/wfo-gate-nope', /folders cannot be created there/],
    ['README.md', /it is a file, not a folder/],
    ['README.md/costs', /is a file, not a folder/],
  ])('a ledger path that cannot be a folder (%s) exits 2 at once with a sentence', (ledger, reason) => {
    const repo = ledgerRepo();
    const result = repo.run('cost', 'log', '--amount', '1', '--category', 'api', '--ledger', ledger);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).not.toMatch(/EEXIST|ENOENT|report it if it looks like a bug/);
  });
});
