import { UsageError } from './errors.js';

/**
 * The one "now" that decides which day, week and month it is (cost ledger, budget, audit
 * allowlist expiry, baseline and ledger timestamps). Durations and lock time-outs use the real
 * clock; only calendar decisions come from here.
 *
 * WFO_GATE_NOW (an ISO 8601 instant, e.g. 2028-02-29T23:59:59Z) pins it. It is a testing aid,
 * so a suite can say which day it is instead of depending on the machine's clock; it is not a
 * setting for normal use.
 */
export const CLOCK_ENV = 'WFO_GATE_NOW';

export function now(): Date {
  const pinned = process.env[CLOCK_ENV];
  if (pinned === undefined || pinned === '') return new Date();
  const date = new Date(pinned);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(pinned) || Number.isNaN(date.getTime())) {
    throw new UsageError(`${CLOCK_ENV}="${pinned.slice(0, 40)}" is not an ISO 8601 instant (e.g. 2026-11-18T12:00:00Z)`, [
      `${CLOCK_ENV} is a testing aid that pins the date; unset it to use the system clock.`,
    ]);
  }
  return date;
}
