import { now } from '../../src/core/clock.js';

/**
 * The suite's "now": WFO_GATE_NOW, which vitest.config.ts pins (and the clock matrix of
 * scripts/test.mjs varies). A test that needs today, this week or this month asks this, never
 * the machine's clock, and the CLI it spawns sees the same instant through the environment.
 */
export function testNow(): Date {
  return now();
}

/** YYYY-MM-DD of `date` in local time, as the ledger names its daily files. */
export function localDayOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** YYYY-MM of `date` in local time. */
export function localMonthOf(date: Date): string {
  return localDayOf(date).slice(0, 7);
}
