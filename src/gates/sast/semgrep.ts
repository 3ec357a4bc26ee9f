import { execa } from 'execa';
import { fingerprint } from '../../core/fingerprint.js';
import type { Scope } from '../../core/types.js';
import { ToolMissingError, changedByPath, toScopePath, toolVersion, type ExternalResult } from './bandit.js';
import { cweClass, cweIds, semgrepSeverity } from './external-classes.js';
import type { ClassedFinding } from './findings.js';
import { touchesChangedLine } from './findings.js';
import { mirrorScope } from './mirror.js';

export interface SemgrepReport {
  results?: {
    check_id: string;
    path: string;
    start: { line: number; col?: number };
    end: { line: number };
    extra: { message?: string; severity?: string; lines?: string; metadata?: { cwe?: string | string[] }; fix?: string };
  }[];
  errors?: { message?: string; path?: string; level?: string }[];
}

/** `semgrep scan --json --config <c>` over the scope's files, as the trigger sees them. */
export async function runSemgrep(scope: Scope, paths: readonly string[], configs: readonly string[], signal: AbortSignal): Promise<ExternalResult> {
  const version = await toolVersion('semgrep', signal);
  if (version === undefined) {
    throw new ToolMissingError('gates.sast.semgrep.config is set but `semgrep` is not on PATH: install it (pipx install semgrep) or remove semgrep.config');
  }
  const mirror = await mirrorScope(scope, paths);
  try {
    const args = ['scan', '--json', '--metrics', 'off', '--disable-version-check', ...configs.flatMap((c) => ['--config', c]), '.'];
    const run = await execa('semgrep', args, { cwd: mirror.dir, reject: false, cancelSignal: signal, maxBuffer: 256 * 1024 * 1024 });
    let report: SemgrepReport;
    try {
      report = JSON.parse(run.stdout) as SemgrepReport;
    } catch {
      throw new Error(`semgrep ${version} exited with ${run.exitCode} without a JSON report: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
    return { ...semgrepFindings(report, mirror.dir, changedByPath(scope), (file, line) => mirror.contents.get(file)?.split(/\r?\n/)[line - 1] ?? ''), version };
  } finally {
    await mirror.remove();
  }
}

/** Turns semgrep's JSON report into findings (pure, so its shape is tested without semgrep). */
export function semgrepFindings(
  report: SemgrepReport,
  root: string,
  changed: Map<string, readonly { start: number; end: number }[]>,
  lineText: (file: string, line: number) => string,
): Omit<ExternalResult, 'version'> {
  const findings = (report.results ?? []).map((r): ClassedFinding => {
    const file = toScopePath(root, r.path);
    const ruleId = `semgrep-${r.check_id.split('.').pop()}`;
    const cwe = r.extra.metadata?.cwe;
    const ranges = changed.get(file);
    return {
      gate: 'sast',
      ruleId,
      severity: semgrepSeverity(r.extra.severity ?? 'INFO'),
      message: `semgrep ${r.check_id}: ${r.extra.message ?? ''}`.trim(),
      file,
      line: r.start.line,
      endLine: r.end.line,
      ...(r.start.col ? { column: r.start.col } : {}),
      fingerprint: fingerprint('sast', ruleId, file, lineText(file, r.start.line)),
      ...(r.extra.fix ? { fix: `Replace with: ${r.extra.fix}` } : {}),
      vulnClass: cweClass(cwe === undefined ? [] : Array.isArray(cwe) ? cwe : [cwe]),
      cwe: cweIds(cwe === undefined ? [] : Array.isArray(cwe) ? cwe : [cwe]),
      ...(ranges ? { isNew: touchesChangedLine(r.start.line, r.end.line, ranges) } : {}),
    };
  });
  const errors = (report.errors ?? []).filter((e) => e.level !== 'warn').map((e) => `${e.path ?? 'semgrep'}: ${e.message ?? 'error'}`);
  return { findings, errors };
}
