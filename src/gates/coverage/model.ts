/** Every report format the coverage gate reads; detected from content. */
export type ReportFormat =
  | 'lcov'
  | 'istanbul-final'
  | 'istanbul-summary'
  | 'cobertura'
  | 'coverage-py'
  | 'go-coverprofile'
  | 'jacoco';

export interface Counter {
  found: number;
  hit: number;
}

export interface FileTotals {
  lines: Counter;
  branches: Counter;
  functions: Counter;
}

/** One source file's coverage, in one shape whatever the report format. */
export interface FileCoverage {
  /** As written in the report until paths are normalised, then repo-relative. */
  path: string;
  /** Executable line (1-based) -> hit count. Lines absent here are not executable. */
  lines: Map<number, number>;
  /** Branch id (format-specific, stable within a report) -> times taken. */
  branches: Map<string, number>;
  /** Function id -> calls. */
  functions: Map<string, number>;
  /** Set when the report holds only totals for the file (coverage-summary.json): no line data. */
  totalsOnly?: FileTotals;
  /**
   * The totals of the maps without building them (compact lcov records), or undefined once
   * the maps exist: then they are counted.
   */
  counted?(): FileTotals | undefined;
}

export interface ParsedReport {
  format: ReportFormat;
  files: FileCoverage[];
  /** Directories the report says its paths are relative to (Cobertura `<source>`). */
  sourceRoots?: string[];
}

export function emptyFile(path: string): FileCoverage {
  return { path, lines: new Map(), branches: new Map(), functions: new Map() };
}
