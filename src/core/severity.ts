import type { FailOn, Severity } from './types.js';

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when `severity` meets the gate's blocking threshold. */
export function meetsThreshold(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

/** Most severe first. */
export function bySeverityDesc(a: { severity: Severity }, b: { severity: Severity }): number {
  return RANK[b.severity] - RANK[a.severity];
}
