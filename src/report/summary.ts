import type { GateResult, Report } from '../core/types.js';

export interface GateCounts {
  /** Findings that block the verdict. */
  blocking: number;
  /** New findings (diff-aware) or all findings (full scans). */
  new: number;
  /** Findings that were there before the change. */
  existing: number;
  suppressed: number;
}

export function gateCounts(gate: GateResult): GateCounts {
  let blocking = 0;
  let existing = 0;
  for (const f of gate.findings) {
    if (f.blocking) blocking++;
    if (f.isNew === false) existing++;
  }
  return { blocking, new: gate.findings.length - existing, existing, suppressed: gate.suppressed.length };
}

export function skippedSummary(report: Report): string | undefined {
  const c = report.skipped.counts;
  const parts = [
    c.binary && `${c.binary} binary`,
    c.tooLarge && `${c.tooLarge} too large`,
    c.submodules && `${c.submodules} submodule(s)`,
    c.symlinks && `${c.symlinks} symlink(s)`,
    c.unreadable && `${c.unreadable} unreadable`,
  ].filter(Boolean);
  return parts.length ? `skipped: ${parts.join(', ')}` : undefined;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const VERDICT_WORD: Record<Report['verdict'], string> = {
  pass: 'PASS',
  warn: 'PASS with warnings',
  fail: 'BLOCKED',
  error: 'BLOCKED (a gate could not decide)',
};
