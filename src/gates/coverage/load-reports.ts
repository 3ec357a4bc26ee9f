import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { CoverageFiles } from './coverage-files.js';
import type { ParsedReport, ReportFormat } from './model.js';
import { mergeInto } from './merge.js';
import { detectFormat, parseReport } from './parse-report.js';
import { parseLcovStream, type RecordSink } from './parsers/lcov.js';
import type { RecordStore } from './parsers/lcov-records.js';
import { DiskIndex, indexByName, reportPathResolver, toSlash, type GoModule, type PathContext } from './paths.js';
import { ReportParseError } from './report-error.js';

/** Reports are read in chunks of this size; an lcov report is parsed chunk by chunk, never held whole. */
const CHUNK = 1 << 20;
/** Bytes decoded to detect the format (detectFormat looks at 4096 characters after leading whitespace). */
const SAMPLE = 1 << 16;

export interface LoadedReport {
  /** Repo-relative (or absolute when outside the repo). */
  path: string;
  format: ReportFormat;
  mtimeMs: number;
}

export interface LoadedCoverage {
  reports: LoadedReport[];
  /** Repo-relative source path -> merged coverage. */
  files: CoverageFiles;
}

/**
 * Reads, parses and merges reports, every file name made repo-relative. A report that cannot
 * be read or parsed throws a ReportParseError naming it (and the line, where there is one).
 */
export function loadReports(rootDir: string, reportPaths: readonly string[], knownFiles: ReadonlySet<string>): LoadedCoverage {
  const root = toSlash(rootDir);
  const disk = new DiskIndex(root);
  const knownByName = indexByName(knownFiles);
  const files = new CoverageFiles();
  const reports: LoadedReport[] = [];
  for (const reportPath of reportPaths) {
    const abs = posix.isAbsolute(toSlash(reportPath)) ? toSlash(reportPath) : posix.join(root, toSlash(reportPath));
    const reportDir = posix.dirname(abs);
    const ctx: PathContext = { root, reportDir, goModules: goModules(root, reportDir), knownFiles, knownByName, disk };
    // lcov records are merged as they are read; other formats once parsed (Cobertura's <source> roots count).
    const lcovPath = reportPathResolver(ctx);
    const { format, mtimeMs, parsed } = readReport(abs, reportPath, files.store, (path, address) => files.addRecord(lcovPath(path), address));
    if (parsed) {
      const resolve = reportPathResolver({ ...ctx, sourceRoots: parsed.sourceRoots });
      for (const file of parsed.files) file.path = resolve(file.path);
      mergeInto(files, parsed.files);
    }
    reports.push({ path: reportPath, format, mtimeMs });
  }
  return { reports, files };
}

/**
 * Reads and parses one report. The format is detected from the first chunk; an lcov report is
 * then parsed as it is read, its records stored in `store` and handed to `sink` (no `parsed`
 * comes back); other formats are parsed from the whole text.
 */
function readReport(abs: string, shown: string, store: RecordStore, sink: RecordSink): { format: ReportFormat; mtimeMs: number; parsed?: ParsedReport } {
  const fd = io(shown, () => openSync(abs, 'r'));
  try {
    const mtimeMs = io(shown, () => fstatSync(fd).mtimeMs);
    let position = 0;
    const read = (buffer: Buffer, offset: number, length: number): number => {
      const n = io(shown, () => readSync(fd, buffer, offset, length, position));
      position += n;
      return n;
    };
    const head = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    while (filled < head.length) {
      const n = read(head, filled, head.length - filled);
      if (n === 0) break;
      filled += n;
    }
    const whole = filled < head.length;
    const sample = head.toString('utf8', 0, Math.min(filled, SAMPLE));
    // A sample cut inside a character ends in U+FFFD; the first 4096 characters are exact when it is longer.
    const sampleDecides = (whole && filled <= SAMPLE) || sample.replace(/^\uFEFF/, '').trimStart().length > 4100;
    if (sampleDecides && detectFormat(sample) === 'lcov') {
      parseLcovStream(shown, head, filled, read, store, sink);
      return { format: 'lcov', mtimeMs };
    }
    const chunks = [head.subarray(0, filled)];
    while (!whole) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = read(chunk, 0, CHUNK);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
    }
    const parsed = parseReport(Buffer.concat(chunks).toString('utf8'), shown);
    return { format: parsed.format, mtimeMs, parsed };
  } finally {
    closeSync(fd);
  }
}

/** A file system call, its error turned into "cannot read the report". */
function io<T>(shown: string, call: () => T): T {
  try {
    return call();
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
