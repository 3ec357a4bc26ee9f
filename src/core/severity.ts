import type { Confidence, FailOn, FailOnLevel, Severity } from './types.js';

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * True when a finding of `severity` (and `confidence`, when it states one) meets the gate's
 * blocking threshold. A threshold without a confidence, or a finding without one, compares
 * severities only.
 */
export function meetsThreshold(severity: Severity, failOn: FailOn, confidence?: Confidence): boolean {
  const level = failOnLevel(failOn);
  const minimum = typeof failOn === 'string' ? undefined : failOn.confidence;
  if (level === 'none' || RANK[severity] < RANK[level]) return false;
  return minimum === undefined || confidence === undefined || CONFIDENCE_RANK[confidence] >= CONFIDENCE_RANK[minimum];
}

/** The severity part of a threshold. */
export function failOnLevel(failOn: FailOn): FailOnLevel {
  return typeof failOn === 'string' ? failOn : (failOn.severity ?? 'low');
}

/** Most severe first. */
export function bySeverityDesc(a: { severity: Severity }, b: { severity: Severity }): number {
  return RANK[b.severity] - RANK[a.severity];
}
