import { describe, expect, it } from 'vitest';
import { cachedDayOf, dayOf } from '../../src/cost/dates.js';
import { isPlainJson } from '../../src/cost/ledger-schema.js';
import { splitLines } from '../../src/cost/usage-source.js';

// The helpers that keep a 100,000-call import cheap must give what the plain versions give.

describe('splitLines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['a\n\nb', ['a', '', 'b']],
    ['a\n\n', ['a', '']],
    ['\r\n', ['']],
  ])('%j -> %j', (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
  });
});

describe('cachedDayOf', () => {
  it('gives the local day dayOf gives, for every minute of two days and what is not a UTC timestamp', () => {
    const day = cachedDayOf();
    const start = Date.UTC(2028, 1, 28, 0, 0, 0);
    for (let t = start; t < start + 2 * 86_400_000; t += 7 * 60_000 + 13_000) {
      const iso = new Date(t).toISOString();
      expect(day(iso), iso).toBe(dayOf(iso));
    }
    for (const odd of ['2026-11-12', '2026-11-12T23:30:00+05:30', '2026-11-12T23:59:99Z', '2026-11-12T23:59:00Z', 'not a date']) expect(day(odd), odd).toBe(dayOf(odd));
  });
});

describe('isPlainJson', () => {
  it('accepts what JSON.stringify keeps whole and refuses what it would change', () => {
    expect(isPlainJson({ a: 'x', b: 1.5, c: [true, null, { d: 0 }] })).toBe(true);
    for (const value of [{ cost: Number.NaN }, { cost: Infinity }, { note: undefined }, [undefined], { at: new Date(0) }, { f: () => 1 }, 10n]) expect(isPlainJson(value)).toBe(false);
  });
});
