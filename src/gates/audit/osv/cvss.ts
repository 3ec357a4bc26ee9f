import type { Severity } from '../../../core/types.js';

// CVSS v3.x base score from a vector string (FIRST's specification, section 7), so records
// that carry only a vector still get a severity.
const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

function roundUp(value: number): number {
  const int = Math.round(value * 100000);
  return int % 10000 === 0 ? int / 100000 : (Math.floor(int / 10000) + 1) / 10;
}

/** The base score of a `CVSS:3.0/…` or `CVSS:3.1/…` vector, or undefined if it is not one. */
export function cvss3BaseScore(vector: string): number | undefined {
  if (!/^CVSS:3\.[01]\//.test(vector)) return undefined;
  const m = new Map(vector.split('/').slice(1).map((part) => part.split(':') as [string, string]));
  const av = WEIGHTS.AV[m.get('AV') as keyof typeof WEIGHTS.AV];
  const ac = WEIGHTS.AC[m.get('AC') as keyof typeof WEIGHTS.AC];
  const ui = WEIGHTS.UI[m.get('UI') as keyof typeof WEIGHTS.UI];
  const scope = m.get('S');
  const c = WEIGHTS.CIA[m.get('C') as keyof typeof WEIGHTS.CIA];
  const i = WEIGHTS.CIA[m.get('I') as keyof typeof WEIGHTS.CIA];
  const a = WEIGHTS.CIA[m.get('A') as keyof typeof WEIGHTS.CIA];
  const prLetter = m.get('PR');
  if ([av, ac, ui, c, i, a].some((w) => w === undefined) || (scope !== 'U' && scope !== 'C')) return undefined;
  const changed = scope === 'C';
  const pr = prLetter === 'N' ? 0.85 : prLetter === 'L' ? (changed ? 0.68 : 0.62) : prLetter === 'H' ? (changed ? 0.5 : 0.27) : undefined;
  if (pr === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  return changed ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
}

/** CVSS v3 qualitative rating; a 0.0 score is `info` (CVSS calls it None). */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}
