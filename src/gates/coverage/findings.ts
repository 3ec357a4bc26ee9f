import { fingerprint } from '../../core/fingerprint.js';
import type { Finding, RuleInfo } from '../../core/types.js';
import type { Counter } from './model.js';
import { formatRanges, type FilePatch } from './measure.js';
import { describeCounter, describeThreshold } from './thresholds.js';

export type Metric = 'lines' | 'branches' | 'functions';

export const RULES: RuleInfo[] = [
  { gate: 'coverage', id: 'coverage/lines', title: 'Total line coverage below its minimum', severity: 'high' },
  { gate: 'coverage', id: 'coverage/branches', title: 'Total branch coverage below its minimum', severity: 'high' },
  { gate: 'coverage', id: 'coverage/functions', title: 'Total function coverage below its minimum', severity: 'high' },
  { gate: 'coverage', id: 'coverage/path-threshold', title: 'Coverage of the files matching a glob below its threshold', severity: 'high' },
  { gate: 'coverage', id: 'coverage/patch', title: 'Coverage of the added lines below patchMin', severity: 'high' },
  {
    gate: 'coverage',
    id: 'coverage/uncovered-lines',
    title: 'Added lines no test runs',
    severity: 'low',
    description: 'One per file, with the uncovered line ranges for annotations; informational, the coverage/patch finding is the one that blocks.',
  },
];

/** A total (or a glob's aggregate) below its threshold: always blocking. */
export function thresholdFinding(metric: Metric, counter: Counter, threshold: number, glob?: string): Finding {
  const ruleId = glob === undefined ? `coverage/${metric}` : 'coverage/path-threshold';
  const what = glob === undefined ? `Total ${metric} coverage` : `${capitalise(metric)} coverage of ${glob}`;
  return {
    gate: 'coverage',
    ruleId,
    severity: 'high',
    message: `${what} is ${describeCounter(counter)}, below the threshold (${describeThreshold(threshold)})`,
    fingerprint: fingerprint('coverage', ruleId, undefined, `${metric} ${glob ?? ''}`),
    blocking: true,
    fix: `Add tests that run the uncovered ${metric}${glob ? ` in ${glob}` : ''}, or lower the threshold in gates.coverage.`,
  };
}

export function patchFinding(covered: number, executable: number, patchMin: number): Finding {
  return {
    gate: 'coverage',
    ruleId: 'coverage/patch',
    severity: 'high',
    message: `Patch coverage is ${describeCounter({ found: executable, hit: covered })} of the added executable lines, below patchMin ${patchMin}%`,
    fingerprint: fingerprint('coverage', 'coverage/patch', undefined, 'patch'),
    isNew: true,
    blocking: true,
    fix: 'Add tests that run the added lines listed in the coverage/uncovered-lines findings.',
  };
}

/** One file's uncovered added lines; the fingerprint hashes their text, so it survives line moves. */
export function uncoveredLinesFinding(patch: FilePatch, lineTexts: string[] | undefined): Finding {
  const count = patch.uncovered.reduce((n, r) => n + r.end - r.start + 1, 0);
  const first = patch.uncovered[0];
  const last = patch.uncovered[patch.uncovered.length - 1];
  return {
    gate: 'coverage',
    ruleId: 'coverage/uncovered-lines',
    severity: 'low',
    message: `${count} of ${patch.executable} added executable line${patch.executable === 1 ? '' : 's'} not covered by tests: ${formatRanges(patch.uncovered)}`,
    file: patch.path,
    line: first.start,
    endLine: last.end,
    ranges: patch.uncovered.map((r) => ({ ...r })),
    fingerprint: fingerprint('coverage', 'coverage/uncovered-lines', patch.path, lineTexts?.join('\n') ?? formatRanges(patch.uncovered)),
    isNew: true,
    blocking: false,
    fix: 'Add a test that runs these lines.',
  };
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
