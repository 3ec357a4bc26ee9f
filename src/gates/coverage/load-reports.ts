import { readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import type { FileCoverage, ReportFormat } from './model.js';
import { mergeInto } from './merge.js';
import { parseReport } from './parse-report.js';
import { DiskIndex, indexByName, normaliseReportPath, toSlash, type GoModule } from './paths.js';
import { ReportParseError } from './report-error.js';

export interface LoadedReport {
  /** Repo-relative (or absolute when outside the repo). */
  path: string;
  format: ReportFormat;
  mtimeMs: number;
}

export interface LoadedCoverage {
  reports: LoadedReport[];
  /** Repo-relative source path -> merged coverage. */
  files: Map<string, FileCoverage>;
}

/**
 * Reads, parses and merges reports, every file name made repo-relative. A report that cannot
 * be read or parsed throws a ReportParseError naming it (and the line, where there is one).
 */
export function loadReports(rootDir: string, reportPaths: readonly string[], knownFiles: ReadonlySet<string>): LoadedCoverage {
  const root = toSlash(rootDir);
  const disk = new DiskIndex(root);
  const knownByName = indexByName(knownFiles);
  const files = new Map<string, FileCoverage>();
  const reports: LoadedReport[] = [];
  for (const reportPath of reportPaths) {
    const abs = posix.isAbsolute(toSlash(reportPath)) ? toSlash(reportPath) : posix.join(root, toSlash(reportPath));
    const { text, mtimeMs } = readReport(abs, reportPath);
    const parsed = parseReport(text, reportPath);
    const reportDir = posix.dirname(abs);
    const ctx = { root, reportDir, sourceRoots: parsed.sourceRoots, goModules: goModules(root, reportDir), knownFiles, knownByName, disk };
    for (const file of parsed.files) file.path = normaliseReportPath(file.path, ctx);
    mergeInto(files, parsed.files);
    reports.push({ path: reportPath, format: parsed.format, mtimeMs });
  }
  return { reports, files };
}

function readReport(abs: string, shown: string): { text: string; mtimeMs: number } {
  try {
    return { text: readFileSync(abs, 'utf8'), mtimeMs: statSync(abs).mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ReportParseError(shown, 1, `cannot read the report (${code})`);
  }
}

/** go.mod files from the report's directory up to the root: they turn import paths into repo paths. */
function goModules(root: string, reportDir: string): GoModule[] {
  const found: GoModule[] = [];
  for (let dir = reportDir; ; dir = posix.dirname(dir)) {
    const rel = posix.relative(root, dir);
    if (rel.startsWith('..')) break;
    try {
      const module = /^module\s+("?)([^\s"]+)\1\s*$/m.exec(readFileSync(posix.join(dir, 'go.mod'), 'utf8'))?.[2];
      if (module) found.push({ module, dir: rel });
    } catch {
      // no go.mod here
    }
    if (dir === root || posix.dirname(dir) === dir) break;
  }
  return found;
}

/** The newest modification time among the covered sources that exist on disk, with its path. */
export function newestSource(root: string, paths: Iterable<string>): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const path of paths) {
    if (posix.isAbsolute(path)) continue;
    const stat = statSync(posix.join(toSlash(root), path), { throwIfNoEntry: false });
    if (stat?.isFile() && (!newest || stat.mtimeMs > newest.mtimeMs)) newest = { path, mtimeMs: stat.mtimeMs };
  }
  return newest;
}
