import { emptyFile, type FileCoverage, type ParsedReport } from '../model.js';
import { ReportParseError } from '../report-error.js';

/** Whether parsed JSON looks like coverage.py's `coverage json` output. */
export function isCoveragePyJson(json: unknown): boolean {
  const j = json as { meta?: unknown; files?: unknown; totals?: unknown } | null;
  return typeof j === 'object' && j !== null && typeof j.meta === 'object' && typeof j.files === 'object' && typeof j.totals === 'object';
}

/**
 * coverage.py JSON. Lines from executed_lines/missing_lines; branches (with --branch) from
 * executed_branches/missing_branches as `from>to` arcs. It has no function data.
 */
export function parseCoveragePyJson(json: unknown, file: string): ParsedReport {
  const files: FileCoverage[] = [];
  for (const [path, raw] of Object.entries((json as { files: Record<string, any> }).files)) {
    if (!Array.isArray(raw?.executed_lines) || !Array.isArray(raw?.missing_lines)) {
      throw new ReportParseError(file, 1, `files[${JSON.stringify(path)}] has no executed_lines/missing_lines`);
    }
    const coverage = emptyFile(path);
    for (const n of raw.missing_lines) coverage.lines.set(lineNumber(n, file, path), 0);
    for (const n of raw.executed_lines) coverage.lines.set(lineNumber(n, file, path), 1);
    for (const arc of raw.missing_branches ?? []) coverage.branches.set(arcId(arc, file, path), 0);
    for (const arc of raw.executed_branches ?? []) coverage.branches.set(arcId(arc, file, path), 1);
    files.push(coverage);
  }
  return { format: 'coverage-py', files };
}

function lineNumber(n: unknown, file: string, path: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ReportParseError(file, 1, `files[${JSON.stringify(path)}]: ${JSON.stringify(n)} is not a line number`);
  return n;
}

function arcId(arc: unknown, file: string, path: string): string {
  if (!Array.isArray(arc) || arc.length !== 2) throw new ReportParseError(file, 1, `files[${JSON.stringify(path)}]: branch ${JSON.stringify(arc)} is not [from, to]`);
  return `${arc[0]}>${arc[1]}`;
}
