import { execa } from 'execa';
import { relative, sep } from 'node:path';
import { fingerprint } from '../../core/fingerprint.js';
import type { LineRange, Scope } from '../../core/types.js';
import { banditClass, banditCwe, banditSeverity } from './external-classes.js';
import type { ClassedFinding } from './findings.js';
import { touchesChangedLine } from './findings.js';
import { mirrorScope } from './mirror.js';

/**
 * Bandit, when it is installed. Debian's bandit 1.6.2 runs but is broken on Python 3.11: its
 * checks that read constants through the removed `ast.Str`/`ast.Num` nodes (B104 bind-all,
 * B105 hard-coded passwords, B108 temp files, B608 SQL strings) never fire there. We report the
 * version that ran so a reader can tell; bandit >= 1.7.5 (pip) does not have the problem.
 */
export interface ExternalResult {
  findings: ClassedFinding[];
  version: string;
  /** Files the engine could not read, as it reported them. */
  errors: string[];
}

export class ToolMissingError extends Error {
  override name = 'ToolMissingError';
}

export async function toolVersion(command: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const { stdout } = await execa(command, ['--version'], { cancelSignal: signal, timeout: 30_000 });
    return /\d+\.\d+(?:\.\d+)?/.exec(stdout)?.[0] ?? stdout.split('\n')[0]?.trim();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

interface BanditReport {
  errors?: { filename: string; reason: string }[];
  results?: {
    filename: string;
    test_id: string;
    test_name: string;
    issue_severity: string;
    issue_text: string;
    line_number: number;
    line_range?: number[];
    more_info?: string;
    // bandit >= 1.7.3
    issue_cwe?: { id: number };
  }[];
}

export async function runBandit(scope: Scope, paths: readonly string[], signal: AbortSignal): Promise<ExternalResult> {
  const version = await toolVersion('bandit', signal);
  if (version === undefined) {
    throw new ToolMissingError('gates.sast.bandit.enabled is true but `bandit` is not on PATH: install it (apt-get install bandit, or pip install bandit) or set bandit.enabled to "auto"');
  }
  const mirror = await mirrorScope(scope, paths);
  try {
    const run = await execa('bandit', ['-f', 'json', '-q', '-r', '.'], { cwd: mirror.dir, reject: false, cancelSignal: signal, maxBuffer: 256 * 1024 * 1024 });
    // Exit 1 means "issues found"; anything else without a JSON report is a failure to run.
    let report: BanditReport;
    try {
      report = JSON.parse(run.stdout) as BanditReport;
    } catch {
      throw new Error(`bandit ${version} exited with ${run.exitCode} without a JSON report: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
    const changed = changedByPath(scope);
    const findings = (report.results ?? []).map((r): ClassedFinding => {
      const file = toScopePath(mirror.dir, r.filename);
      const endLine = Math.max(r.line_number, ...(r.line_range ?? []));
      const source = mirror.contents.get(file)?.split(/\r?\n/)[r.line_number - 1] ?? '';
      const ruleId = `bandit-${r.test_id}`;
      const ranges = changed.get(file);
      return {
        gate: 'sast',
        ruleId,
        severity: banditSeverity(r.issue_severity),
        message: `bandit ${r.test_id} ${r.test_name}: ${r.issue_text}`,
        file,
        line: r.line_number,
        endLine,
        fingerprint: fingerprint('sast', ruleId, file, source),
        ...(r.more_info ? { fix: `See ${r.more_info}` } : {}),
        // Bandit's low-severity results are audit notes (a literal shell command, a process
        // started without a shell): findings, but of no weakness class until a human looks.
        vulnClass: r.issue_severity === 'LOW' ? 'other' : banditClass(r.test_id, r.issue_cwe?.id),
        cwe: r.issue_severity === 'LOW' ? [] : banditCwe(r.test_id, r.issue_cwe?.id),
        ...(ranges ? { isNew: touchesChangedLine(r.line_number, endLine, ranges) } : {}),
      };
    });
    const errors = (report.errors ?? []).map((e) => `${toScopePath(mirror.dir, e.filename)}: ${e.reason}`);
    return { findings, version, errors };
  } finally {
    await mirror.remove();
  }
}

export function changedByPath(scope: Scope): Map<string, readonly LineRange[]> {
  const changed = new Map<string, readonly LineRange[]>();
  if (!scope.diffAware) return changed;
  for (const file of scope.files) changed.set(file.path, file.changed ?? []);
  return changed;
}

export function toScopePath(root: string, reported: string): string {
  const rel = reported.startsWith('/') ? relative(root, reported) : reported.replace(/^\.\//, '');
  return rel.split(sep).join('/');
}
