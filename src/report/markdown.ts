import { bySeverityDesc } from '../core/severity.js';
import type { Finding, GateResult, Report } from '../core/types.js';
import { escapeMarkdown as esc } from './escape.js';
import { findingLocation } from './pretty.js';
import { formatDuration, gateCounts, skippedSummary, VERDICT_WORD } from './summary.js';

export interface MarkdownOptions {
  /** Keep the whole text under this many characters by listing fewer findings per gate. */
  maxChars?: number;
  /** Said where findings were left out, e.g. "see the job summary". */
  truncatedPointer?: string;
  /** Heading level and text; default `### wfo-gate`. */
  title?: string;
  /** Extra sections appended after the gate details (e.g. the Action's cost section). */
  extraSections?: string[];
}

const STATUS_ICON: Record<GateResult['status'], string> = { pass: '✅', warn: '⚠️', fail: '❌', error: '⛔', skipped: '⏭️' };
const VERDICT_ICON: Record<Report['verdict'], string> = { pass: '✅', warn: '⚠️', fail: '❌', error: '⛔' };
const PER_GATE_STEPS = [Infinity, 200, 100, 50, 20, 10, 5, 0];

/** Markdown for PR comments and job summaries: a verdict line, a compact table, details per gate. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  for (const cap of PER_GATE_STEPS) {
    const text = render(report, options, cap);
    if (!options.maxChars || text.length <= options.maxChars) return text;
  }
  // Even without any finding rows it is too long (absurd numbers of gates/notes): cut hard.
  const pointer = `\n\n… truncated${options.truncatedPointer ? `: ${options.truncatedPointer}` : ''}\n`;
  return render(report, options, 0).slice(0, options.maxChars! - pointer.length) + pointer;
}

function render(report: Report, options: MarkdownOptions, cap: number): string {
  const lines: string[] = [];
  lines.push(`${options.title ?? '### wfo-gate'}: ${VERDICT_ICON[report.verdict]} ${VERDICT_WORD[report.verdict]}`, '');
  lines.push(`${esc(report.scope.description)} · ${report.scope.files} file(s) · ${formatDuration(report.durationMs)}`, '');
  lines.push('| Gate | Status | New | Existing | Suppressed | Time |', '|---|---|---:|---:|---:|---:|');
  for (const gate of report.gates) {
    const c = gateCounts(gate);
    lines.push(`| ${gate.gate} | ${STATUS_ICON[gate.status]} ${gate.status} | ${c.new} | ${c.existing} | ${c.suppressed} | ${formatDuration(gate.durationMs)} |`);
  }
  lines.push('', ...measureTable(report.gates));
  const skipped = report.gates.filter((g) => g.status === 'skipped');
  for (const gate of skipped) lines.push(`- ${STATUS_ICON.skipped} **${gate.gate}** skipped: ${esc(oneLine(gate.summary))}`);
  if (skipped.length) lines.push('');
  let omitted = 0;
  for (const gate of report.gates) {
    const section = gateDetails(gate, cap);
    omitted += section.omitted;
    lines.push(...section.lines);
  }
  for (const section of options.extraSections ?? []) lines.push(section, '');
  const notes = [...report.notes, skippedSummary(report)].filter((n): n is string => Boolean(n));
  for (const note of notes) lines.push(`> ${esc(note)}`);
  if (notes.length) lines.push('');
  if (omitted > 0) lines.push(`_${omitted} more finding(s) not listed here${options.truncatedPointer ? `: ${esc(options.truncatedPointer)}` : ''}._`, '');
  return lines.join('\n');
}

function gateDetails(gate: GateResult, cap: number): { lines: string[]; omitted: number } {
  const findings = [...gate.findings].sort((a, b) => Number(b.blocking ?? false) - Number(a.blocking ?? false) || bySeverityDesc(a, b));
  const headline = gate.status === 'error' ? (gate.error ?? gate.summary) : gate.summary;
  if (findings.length === 0 && gate.suppressed.length === 0 && gate.status !== 'error') return { lines: [], omitted: 0 };
  const lines = ['<details>', `<summary><b>${gate.gate}</b>: ${esc(headline)}</summary>`, ''];
  const shown = findings.slice(0, cap);
  if (shown.length) {
    lines.push('| | Severity | Location | Rule | Finding |', '|---|---|---|---|---|');
    for (const f of shown) lines.push(findingRow(f));
    lines.push('');
  }
  if (shown.length < findings.length) lines.push(`… ${findings.length - shown.length} more in this gate.`, '');
  if (gate.suppressed.length) {
    const byKind = new Map<string, number>();
    for (const f of gate.suppressed) byKind.set(f.suppression?.kind ?? 'other', (byKind.get(f.suppression?.kind ?? 'other') ?? 0) + 1);
    lines.push(`Suppressed: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}.`, '');
  }
  lines.push('</details>', '');
  return { lines, omitted: findings.length - shown.length };
}

/** The gates that measure one number (custom gates): value, threshold and the base's value. */
function measureTable(gates: readonly GateResult[]): string[] {
  const measured = gates.filter((g) => g.measure);
  if (!measured.length) return [];
  const withUnit = (n: number, unit?: string) => `${Math.round(n * 100) / 100}${unit ? (unit === '%' ? ' %' : ` ${esc(unit)}`) : ''}`;
  const rows = measured.map(({ gate, status, measure: m }) =>
    `| ${gate} | ${STATUS_ICON[status]} ${withUnit(m!.value, m!.unit)} | ${esc(m!.threshold)} | ${m!.base === undefined ? '—' : withUnit(m!.base, m!.unit)} |`,
  );
  return ['| Measure | Value | Threshold | Base |', '|---|---:|---|---:|', ...rows, ''];
}

/** A gate's reason on one line, short enough for a comment. */
function oneLine(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function findingRow(f: Finding): string {
  const mark = f.blocking ? '🚫' : f.isNew === false ? 'existing' : '';
  const where = esc(findingLocation(f)) + (f.commit ? ` @ ${esc(f.commit.slice(0, 12))}` : '');
  const text = [f.preview ? `${esc(f.preview)} ` : '', esc(f.message), f.fix ? `<br>Fix: ${esc(f.fix)}` : ''].join('');
  return `| ${mark} | ${f.severity} | ${where} | ${esc(f.ruleId)} | ${text} |`;
}
