import type { Counter, FileCoverage } from './model.js';

/** What mergeInto needs of a map of files: a Map or CoverageFiles. */
export interface FilesByPath {
  get(path: string): FileCoverage | undefined;
  set(path: string, file: FileCoverage): unknown;
}

/**
 * Folds files of several reports (a monorepo's packages, unit + integration runs) into one
 * map by repo path. Hits add up; a file known line by line keeps its detail over a report that
 * has only its totals.
 */
export function mergeInto(merged: FilesByPath, files: Iterable<FileCoverage>): void {
  for (const file of files) {
    const seen = merged.get(file.path);
    if (!seen) {
      merged.set(file.path, file);
      continue;
    }
    if (file.totalsOnly) {
      if (seen.totalsOnly) {
        seen.totalsOnly = {
          lines: maxCounter(seen.totalsOnly.lines, file.totalsOnly.lines),
          branches: maxCounter(seen.totalsOnly.branches, file.totalsOnly.branches),
          functions: maxCounter(seen.totalsOnly.functions, file.totalsOnly.functions),
        };
      }
      continue;
    }
    if (seen.totalsOnly) {
      merged.set(file.path, file);
      continue;
    }
    addHits(seen.lines, file.lines);
    addHits(seen.branches, file.branches);
    addHits(seen.functions, file.functions);
  }
}

function addHits<K>(into: Map<K, number>, from: Map<K, number>): void {
  for (const [key, hits] of from) into.set(key, (into.get(key) ?? 0) + hits);
}

function maxCounter(a: Counter, b: Counter): Counter {
  return a.found >= b.found ? a : b;
}
