import picomatch from 'picomatch';
import { splitLines } from '../../core/content.js';
import { coverageAdvice, readProject } from '../../core/project.js';
import type { Finding, GateContext, GateOutcome } from '../../core/types.js';
import type { CoverageFiles } from './coverage-files.js';
import { findReports } from './find-reports.js';
import { patchFinding, thresholdFinding, uncoveredLinesFinding, type Metric } from './findings.js';
import { loadReports, newestSource, type LoadedCoverage } from './load-reports.js';
import { patchCoverage, percent, round2, sumTotals, type FilePatch } from './measure.js';
import type { FileCoverage, FileTotals } from './model.js';
import type { CoverageOptions } from './options.js';
import { ReportParseError } from './report-error.js';
import { runReportCommand } from './run-command.js';
import { describeCounter, formatPercent, meetsThreshold } from './thresholds.js';

const METRICS: Metric[] = ['lines', 'branches', 'functions'];

/**
 * Totals against thresholds and, in diff-aware scopes, coverage of the added lines. Anything
 * that keeps it from deciding (no report, unreadable, stale, failed command) is an error that
 * names the path it looked at and the command that makes a report: never a silent pass.
 */
export async function runCoverageGate(ctx: GateContext<CoverageOptions>): Promise<GateOutcome> {
  const o = ctx.options;
  const root = ctx.scope.root;
  const howToMake = o.command
    ? `the report is made by \`${o.command}\``
    : `make one with ${coverageAdvice(readProject(root))}, or set gates.coverage.command`;
  const error = (message: string): GateOutcome => ({ findings: [], summary: message, status: 'error', error: message });

  if (o.command) {
    const failed = await runReportCommand(o.command, root, ctx.signal);
    if (failed) return error(`${failed}, so no coverage report was produced; fix the command or gates.coverage.command`);
  }
  const reportPaths = findReports(root, o.reports);
  if (reportPaths.length === 0) {
    const looked = `looked for ${o.reports.join(', ')} under ${root}`;
    if (!ctx.explicit && !o.command) return { findings: [], summary: `no coverage report found (${looked}); configure gates.coverage to require one`, status: 'skipped' };
    return error(`no coverage report found: ${looked}; ${howToMake}`);
  }

  const known = new Set(ctx.scope.files.map((f) => f.path));
  const excludeGlobs = [...ctx.config.exclude, ...(o.exclude ?? [])];
  const excluded = excludeGlobs.length === 0 ? () => false : picomatch(excludeGlobs);
  let current: LoadedCoverage;
  try {
    current = withoutExcluded(loadReports(root, reportPaths, known), excluded);
  } catch (e) {
    if (e instanceof ReportParseError) return error(`unreadable coverage report ${e.message}; ${howToMake}`);
    throw e;
  }
  const reportList = current.reports.map((r) => `${r.path} (${r.format})`).join(', ');
  const totals = current.files.totals();
  if (totals.lines.found === 0 && totals.functions.found === 0) {
    return error(`the coverage report ${reportList} measures no executable line of any file (after exclude); ${howToMake}`);
  }
  if (o.maxAgeCheck) {
    const oldestReport = current.reports.reduce((a, b) => (b.mtimeMs < a.mtimeMs ? b : a));
    const newest = newestSource(root, current.files.keys());
    if (newest && newest.mtimeMs > oldestReport.mtimeMs) {
      return error(
        `the coverage report ${oldestReport.path} is older than ${newest.path} (changed ${new Date(newest.mtimeMs).toISOString()}, report written ${new Date(oldestReport.mtimeMs).toISOString()}): re-run the tests; ${howToMake} (maxAgeCheck: false turns this check off)`,
      );
    }
  }

  const findings: Finding[] = [];
  const metrics: Record<string, number> = {};
  const summary: string[] = [];
  const totalsError = checkTotals(totals, o, findings, metrics, summary);
  if (totalsError) return error(`${totalsError} in ${reportList}`);
  summary.push(...checkGlobs(current.files, o, findings));

  if (ctx.scope.diffAware) {
    const changed = ctx.scope.files
      .filter((f) => f.changed && f.changed.length > 0 && !excluded(f.path))
      .map((f) => ({ path: f.path, ranges: f.changed! }));
    const patch = patchCoverage(current.files, changed);
    if (patch.totalsOnly.length > 0) {
      return error(
        `patch coverage needs line data, but ${patch.totalsOnly.join(', ')} ${patch.totalsOnly.length === 1 ? 'is' : 'are'} only in a totals report (coverage-summary.json); add the lcov or json reporter`,
      );
    }
    if (patch.executable === 0) {
      summary.push('patch: no added executable line');
    } else {
      const pct = (patch.covered / patch.executable) * 100;
      Object.assign(metrics, ratioMetrics('coverage.patch', { found: patch.executable, hit: patch.covered }));
      summary.push(`patch ${describeCounter({ found: patch.executable, hit: patch.covered })}, min ${o.patchMin}%`);
      if (pct < o.patchMin) findings.push(patchFinding(patch.covered, patch.executable, o.patchMin));
      const withUncovered = patch.files.filter((f) => f.uncovered.length > 0);
      const texts = await uncoveredTexts(ctx, withUncovered);
      for (const file of withUncovered) findings.push(uncoveredLinesFinding(file, texts.get(file.path)));
    }
  }

  if (o.baseReport) {
    try {
      const base = withoutExcluded(loadReports(root, [o.baseReport], known), excluded);
      const basePct = percent(base.files.totals().lines);
      const nowPct = percent(totals.lines);
      if (basePct !== undefined && nowPct !== undefined) {
        metrics['coverage.delta'] = round2(nowPct - basePct);
        summary.push(`delta ${nowPct - basePct >= 0 ? '+' : ''}${(nowPct - basePct).toFixed(2)} pts vs ${o.baseReport}`);
      }
    } catch (e) {
      if (e instanceof ReportParseError) return error(`unreadable base coverage report ${e.message}: check gates.coverage.baseReport`);
      throw e;
    }
  }
  return { findings, metrics, summary: summary.join('; ') };
}

/**
 * A percentage with the counts it comes from (`coverage.lines.hit`, `coverage.lines.found`), so a
 * merge of reports recomputes it from the lines rather than averaging percentages.
 */
function ratioMetrics(key: string, counter: { found: number; hit: number }): Record<string, number> {
  return { [key]: round2((counter.hit / counter.found) * 100), [`${key}.hit`]: counter.hit, [`${key}.found`]: counter.found };
}

/** Total lines/branches/functions against min/branchesMin/functionsMin; returns an error to raise. */
function checkTotals(totals: FileTotals, o: CoverageOptions, findings: Finding[], metrics: Record<string, number>, summary: string[]): string | undefined {
  const required: Record<Metric, number | undefined> = { lines: o.min, branches: o.branchesMin, functions: o.functionsMin };
  for (const metric of METRICS) {
    const counter = totals[metric];
    const pct = percent(counter);
    if (pct !== undefined) Object.assign(metrics, ratioMetrics(`coverage.${metric}`, counter));
    const threshold = required[metric];
    if (threshold === undefined) {
      if (pct !== undefined) summary.push(`${metric} ${formatPercent(pct)}%`);
      continue;
    }
    const met = meetsThreshold(counter, threshold);
    if (met === undefined) {
      if (metric !== 'lines') return `${metric}Min is set but the report has no ${metric === 'branches' ? 'branch' : 'function'} data`;
      continue;
    }
    summary.push(`${metric} ${describeCounter(counter)}, min ${threshold}`);
    if (!met) findings.push(thresholdFinding(metric, counter, threshold));
  }
  return undefined;
}

/** Each `thresholds` glob checked over its files in aggregate (vitest's meaning). */
function checkGlobs(files: CoverageFiles, o: CoverageOptions, findings: Finding[]): string[] {
  const notes: string[] = [];
  for (const [glob, set] of Object.entries(o.thresholds)) {
    const matches = picomatch(glob);
    const matched: FileCoverage[] = [];
    for (const file of files.values()) if (matches(file.path)) matched.push(file);
    if (matched.length === 0) {
      notes.push(`threshold glob ${glob} matched no covered file`);
      continue;
    }
    const totals = sumTotals(matched);
    for (const metric of METRICS) {
      const threshold = set[metric];
      if (threshold === undefined) continue;
      const met = meetsThreshold(totals[metric], threshold);
      if (met === undefined) notes.push(`${glob}: no ${metric} data`);
      else if (!met) findings.push(thresholdFinding(metric, totals[metric], threshold, glob));
    }
  }
  return notes;
}

function withoutExcluded(loaded: LoadedCoverage, excluded: (path: string) => boolean): LoadedCoverage {
  // CoverageFiles.keys() goes on past a key deleted while iterating (as a Map's does).
  for (const path of loaded.files.keys()) if (excluded(path)) loaded.files.delete(path);
  return loaded;
}

/** The text of each file's uncovered added lines (for fingerprints), read in one batch. */
async function uncoveredTexts(ctx: GateContext<CoverageOptions>, files: FilePatch[]): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  if (files.length === 0) return texts;
  const byPath = new Map(files.map((f) => [f.path, f]));
  for await (const { file, content } of ctx.scope.read([...byPath.keys()])) {
    const lines = splitLines(content.toString('utf8'));
    texts.set(file.path, byPath.get(file.path)!.uncovered.flatMap((r) => lines.slice(r.start - 1, r.end).map((l) => l.trim())));
  }
  return texts;
}
