import { emptyFile, type Counter, type FileCoverage, type ParsedReport } from '../model.js';
import { ReportParseError } from '../report-error.js';

interface Location {
  start: { line: number };
}
interface IstanbulFile {
  path?: string;
  statementMap: Record<string, Location>;
  s: Record<string, number>;
  fnMap?: Record<string, { name?: string; decl?: Location; loc?: Location; line?: number }>;
  f?: Record<string, number>;
  branchMap?: Record<string, unknown>;
  b?: Record<string, number[]>;
}

/** Whether parsed JSON looks like istanbul's coverage-final.json (path -> file coverage). */
export function isIstanbulFinal(json: unknown): boolean {
  if (!isObject(json)) return false;
  const first = Object.values(json)[0];
  return isObject(first) && 'statementMap' in first && 's' in first;
}

/** Whether parsed JSON looks like istanbul's coverage-summary.json (`total` + per-file counters). */
export function isIstanbulSummary(json: unknown): boolean {
  return isObject(json) && isObject(json.total) && isObject(json.total.lines) && 'total' in json.total.lines;
}

/**
 * coverage-final.json: a line's hits are the most of its statements' (istanbul's own
 * getLineCoverage), branches are each branch location, functions each fnMap entry.
 */
export function parseIstanbulFinal(json: unknown, file: string): ParsedReport {
  const files: FileCoverage[] = [];
  for (const [key, raw] of Object.entries(json as Record<string, unknown>)) {
    if (!isObject(raw) || !isObject(raw.statementMap) || !isObject(raw.s)) {
      throw new ReportParseError(file, 1, `entry ${JSON.stringify(key)} has no statementMap/s: not istanbul coverage`);
    }
    const data = raw as unknown as IstanbulFile;
    const coverage = emptyFile(typeof data.path === 'string' ? data.path : key);
    for (const [id, hits] of Object.entries(data.s)) {
      const line = data.statementMap[id]?.start?.line;
      if (typeof line !== 'number' || typeof hits !== 'number') {
        throw new ReportParseError(file, 1, `${key}: statement ${id} has no start line or hit count`);
      }
      coverage.lines.set(line, Math.max(coverage.lines.get(line) ?? 0, hits));
    }
    for (const [id, hits] of Object.entries(data.f ?? {})) coverage.functions.set(id, numberOr0(hits));
    for (const [id, counts] of Object.entries(data.b ?? {})) {
      if (!Array.isArray(counts)) throw new ReportParseError(file, 1, `${key}: branch ${id} counts are not a list`);
      counts.forEach((hits, i) => coverage.branches.set(`${id}:${i}`, numberOr0(hits)));
    }
    files.push(coverage);
  }
  return { format: 'istanbul-final', files };
}

/** coverage-summary.json: totals only. `pct` can be the string "Unknown", so it is never read. */
export function parseIstanbulSummary(json: unknown, file: string): ParsedReport {
  const files: FileCoverage[] = [];
  for (const [key, raw] of Object.entries(json as Record<string, unknown>)) {
    if (key === 'total') continue;
    if (!isObject(raw)) throw new ReportParseError(file, 1, `entry ${JSON.stringify(key)} is not an object`);
    const coverage = emptyFile(key);
    coverage.totalsOnly = {
      lines: counter(raw.lines, file, key, 'lines'),
      branches: counter(raw.branches, file, key, 'branches'),
      functions: counter(raw.functions, file, key, 'functions'),
    };
    files.push(coverage);
  }
  return { format: 'istanbul-summary', files };
}

function counter(raw: unknown, file: string, key: string, what: string): Counter {
  if (raw === undefined) return { found: 0, hit: 0 };
  if (!isObject(raw) || typeof raw.total !== 'number' || typeof raw.covered !== 'number') {
    throw new ReportParseError(file, 1, `${key}: ${what} needs numeric total and covered`);
  }
  return { found: raw.total, hit: raw.covered };
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && value > 0 ? value : 0;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
