import type { LineRange } from '../../core/types.js';
import type { FilesByPath } from './merge.js';
import type { Counter, FileCoverage, FileTotals } from './model.js';

export function fileTotals(file: FileCoverage): FileTotals {
  return file.totalsOnly ?? file.counted?.() ?? { lines: count(file.lines), branches: count(file.branches), functions: count(file.functions) };
}

export function sumTotals(files: Iterable<FileCoverage>): FileTotals {
  const sum = emptyTotals();
  for (const file of files) addTotals(sum, fileTotals(file));
  return sum;
}

export function emptyTotals(): FileTotals {
  return { lines: { found: 0, hit: 0 }, branches: { found: 0, hit: 0 }, functions: { found: 0, hit: 0 } };
}

export function addTotals(sum: FileTotals, t: FileTotals): void {
  for (const key of ['lines', 'branches', 'functions'] as const) {
    sum[key].found += t[key].found;
    sum[key].hit += t[key].hit;
  }
}

/** Percent covered, or undefined when nothing was measured (0 of 0 is no evidence either way). */
export function percent(counter: Counter): number | undefined {
  return counter.found === 0 ? undefined : (counter.hit / counter.found) * 100;
}

/** Two decimals for reports; thresholds compare the unrounded value. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface FilePatch {
  path: string;
  executable: number;
  covered: number;
  uncovered: LineRange[];
}

export interface PatchCoverage {
  executable: number;
  covered: number;
  files: FilePatch[];
  /** Changed files the reports know only by totals: their added lines cannot be judged. */
  totalsOnly: string[];
}

/**
 * Patch coverage as diff-cover computes it: among the added lines, those the report lists
 * (executable) and of them those with hits. Lines the report does not know do not count.
 */
export function patchCoverage(coverage: Pick<FilesByPath, 'get'>, changed: { path: string; ranges: readonly LineRange[] }[]): PatchCoverage {
  const result: PatchCoverage = { executable: 0, covered: 0, files: [], totalsOnly: [] };
  for (const { path, ranges } of changed) {
    const file = coverage.get(path);
    if (!file || ranges.length === 0) continue;
    if (file.totalsOnly) {
      result.totalsOnly.push(path);
      continue;
    }
    const patch: FilePatch = { path, executable: 0, covered: 0, uncovered: [] };
    const missed: number[] = [];
    for (const line of addedLines(ranges)) {
      const hits = file.lines.get(line);
      if (hits === undefined) continue;
      patch.executable++;
      if (hits > 0) patch.covered++;
      else missed.push(line);
    }
    patch.uncovered = toRanges(missed);
    if (patch.executable > 0) result.files.push(patch);
    result.executable += patch.executable;
    result.covered += patch.covered;
  }
  return result;
}

/** Sorted, de-duplicated line numbers of possibly overlapping ranges. */
function addedLines(ranges: readonly LineRange[]): number[] {
  const lines = new Set<number>();
  for (const r of ranges) for (let n = r.start; n <= r.end; n++) lines.add(n);
  return [...lines].sort((a, b) => a - b);
}

/** Sorted line numbers as inclusive ranges: [3,4,5,9] -> 3-5, 9. */
export function toRanges(lines: readonly number[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (const n of lines) {
    const last = ranges[ranges.length - 1];
    if (last && n === last.end + 1) last.end = n;
    else ranges.push({ start: n, end: n });
  }
  return ranges;
}

export function formatRanges(ranges: readonly LineRange[]): string {
  return ranges.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`)).join(', ');
}

function count<K>(hits: Map<K, number>): Counter {
  let hit = 0;
  for (const h of hits.values()) if (h > 0) hit++;
  return { found: hits.size, hit };
}
