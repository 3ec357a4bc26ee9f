import type { Counter } from './model.js';
import { percent } from './measure.js';

/**
 * A threshold as vitest writes one: 0..100 is the least percent covered; a negative number -N
 * means "at most N uncovered". Undefined result: the report measured nothing of that kind.
 */
export function meetsThreshold(counter: Counter, threshold: number): boolean | undefined {
  if (counter.found === 0) return undefined;
  if (threshold < 0) return counter.found - counter.hit <= -threshold;
  return (percent(counter) ?? 0) >= threshold;
}

export function describeThreshold(threshold: number): string {
  return threshold < 0 ? `at most ${-threshold} uncovered` : `min ${threshold}%`;
}

export function describeCounter(counter: Counter): string {
  const pct = percent(counter);
  return `${pct === undefined ? 'n/a' : `${formatPercent(pct)}%`} (${counter.hit}/${counter.found})`;
}

/** Floors to one decimal so 79.99% never prints as a passing 80.0%. */
export function formatPercent(value: number): string {
  return (Math.floor(value * 10) / 10).toFixed(1);
}
