import pc from 'picocolors';
import { bySeverityDesc } from '../core/severity.js';
import type { Finding, GateResult, Report } from '../core/types.js';
import { formatDuration, gateCounts, skippedSummary, VERDICT_WORD } from './summary.js';

export interface PrettyOptions {
  color: boolean;
  /** Only the verdict line and blocking findings. */
  quiet?: boolean;
  /** At most this many findings per gate (the rest are counted). */
  maxPerGate?: number;
}

const ICON: Record<GateResult['status'], string> = { pass: '✔', warn: '▲', fail: '✖', error: '✖', skipped: '○' };

/** The terminal report: grouped by gate, `file:line  rule  message`, a fix under each, a verdict line. */
export function renderPretty(report: Report, options: PrettyOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<GateResult['status'], (s: string) => string> = { pass: c.green, warn: c.yellow, fail: c.red, error: c.red, skipped: c.dim };
  const out: string[] = [];
  if (!options.quiet) out.push(c.dim(`wfo-gate ${report.tool.version} · ${report.scope.description} · ${report.scope.files} file(s)`), '');
  const width = Math.max(...report.gates.map((g) => g.gate.length), 6);
  for (const gate of report.gates) {
    const counts = gateCounts(gate);
    const findings = options.quiet ? gate.findings.filter((f) => f.blocking) : gate.findings;
    if (options.quiet && findings.length === 0 && gate.status !== 'error') continue;
    const detail = gate.status === 'error' ? (gate.error ?? gate.summary) : gate.summary;
    out.push(
      `${paint[gate.status](`${ICON[gate.status]} ${gate.gate.padEnd(width)}  ${gate.status.padEnd(7)}`)} ${detail}${counts.suppressed ? c.dim(` · ${counts.suppressed} suppressed`) : ''} ${c.dim(formatDuration(gate.durationMs))}`,
    );
    const shown = [...findings].sort(blockingFirst).slice(0, options.maxPerGate ?? Infinity);
    for (const finding of shown) out.push(...findingLines(finding, c));
    if (shown.length < findings.length) out.push(c.dim(`    … and ${findings.length - shown.length} more (see --format json)`));
  }
  out.push('');
  for (const note of report.notes) out.push(c.dim(`note: ${note}`));
  const skipped = skippedSummary(report);
  if (skipped && !options.quiet) out.push(c.dim(skipped));
  out.push(verdictLine(report, c));
  return out.join('\n') + '\n';
}

function blockingFirst(a: Finding, b: Finding): number {
  return Number(b.blocking ?? false) - Number(a.blocking ?? false) || bySeverityDesc(a, b);
}

export function findingLocation(f: Finding): string {
  if (!f.file) return '(repository)';
  return f.line ? `${f.file}:${f.line}` : f.file;
}

function findingLines(f: Finding, c: ReturnType<typeof pc.createColors>): string[] {
  const tag = f.blocking ? c.red(f.severity) : f.isNew === false ? c.dim('existing') : c.yellow(f.severity);
  const where = f.commit ? `${findingLocation(f)} @ ${f.commit.slice(0, 12)}` : findingLocation(f);
  const confidence = f.confidence ? `  ${c.dim(`${f.confidence} confidence`)}` : '';
  const lines = [`  ${c.bold(printable(where))}  ${f.ruleId}  ${tag}${confidence}  ${printable(f.preview ? `${f.preview}  ${f.message}` : f.message)}`];
  if (f.fix) lines.push(c.dim(`      fix: ${printable(f.fix)}`));
  return lines;
}

/** Control characters in file names must not move the cursor or recolour the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function verdictLine(report: Report, c: ReturnType<typeof pc.createColors>): string {
  const blocked = report.gates.filter((g) => g.status === 'fail' || g.status === 'error').map((g) => g.gate);
  const total = report.gates.reduce((n, g) => n + g.findings.length, 0);
  const parts = [
    `${total} finding(s)`,
    blocked.length ? `blocked by ${blocked.join(', ')}` : undefined,
    report.suppressedCount ? `${report.suppressedCount} suppressed` : undefined,
    formatDuration(report.durationMs),
  ].filter(Boolean);
  const word = VERDICT_WORD[report.verdict];
  const painted = report.verdict === 'pass' ? c.green(word) : report.verdict === 'warn' ? c.yellow(word) : c.red(word);
  return `${c.bold('Verdict:')} ${painted} · ${parts.join(' · ')}`;
}
