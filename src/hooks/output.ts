// What a developer reads when a hook stops them: each blocking finding on one line, what to do,
// how to skip once, and the time taken. Previews only: a secret is never printed.
import pc from 'picocolors';
import { findingLocation, printable } from '../report/pretty.js';
import { formatDuration } from '../report/summary.js';
import type { Finding, GateResult, Report } from '../core/types.js';
import type { HookName } from './hook-scripts.js';
import { SKIP_VARIABLE, type SkipChoice } from './skip.js';


export interface HookSection {
  /** Pre-push: which ref the commits belong to. */
  title?: string;
  report: Report;
}

export interface HookSummary {
  hook: HookName;
  sections: HookSection[];
  skip: SkipChoice;
  durationMs: number;
  /** Lines to show before the verdict (e.g. a deleted branch, a tag with no commit). */
  notes: string[];
}

const GIT_VERB: Record<HookName, string> = { 'pre-commit': 'commit', 'pre-push': 'push' };

/** The banner for WFO_GATE_SKIP: loud on purpose, since nothing checks those gates now. */
export function skipWarning(summary: Pick<HookSummary, 'hook' | 'skip'>, color: boolean): string[] {
  const c = pc.createColors(color);
  const lines: string[] = [];
  if (summary.skip.skipped.length) {
    lines.push(
      c.bold(c.yellow(`!!! ${SKIP_VARIABLE}: ${summary.skip.skipped.join(', ')} NOT checked for this ${GIT_VERB[summary.hook]}. !!!`)),
      c.yellow(`!!! Whatever they would have caught goes through unchecked; CI still runs them. !!!`),
    );
  }
  if (summary.skip.unknown.length) {
    lines.push(c.yellow(`wfo-gate: ${SKIP_VARIABLE} names no gate "${summary.skip.unknown.join('", "')}": nothing skipped for it`));
  }
  return lines;
}

export function blocked(summary: Pick<HookSummary, 'sections'>): boolean {
  return summary.sections.some((s) => s.report.verdict === 'fail' || s.report.verdict === 'error');
}

export function renderHookOutput(summary: HookSummary, color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [...skipWarning(summary, color)];
  const gates = [...new Set(summary.sections.flatMap((s) => s.report.gates.map((g) => g.gate)))];
  const isBlocked = blocked(summary);
  for (const section of summary.sections) {
    const lines = sectionLines(section.report, c);
    if (lines.length && section.title) out.push(c.bold(section.title));
    out.push(...lines);
  }
  for (const note of summary.notes) out.push(c.dim(`note: ${printable(note)}`));
  const checked = gates.length ? gates.join(', ') : 'no gate';
  const files = summary.sections.reduce((n, s) => n + s.report.scope.files, 0);
  const took = formatDuration(summary.durationMs);
  if (!isBlocked) {
    out.push(`${c.green(`wfo-gate ${summary.hook}: ok`)} ${c.dim(`· ${checked} · ${files} file(s) · ${took}`)}`);
    return out.join('\n') + '\n';
  }
  const verb = GIT_VERB[summary.hook];
  out.push(
    '',
    `${c.red(c.bold(`wfo-gate ${summary.hook}: BLOCKED`))} ${c.dim(`· ${checked} · ${files} file(s) · ${took}`)}`,
    'What to do:',
    '  a real secret: rotate it at its provider first, then remove it from the change' +
      (summary.hook === 'pre-push' ? ' and from every commit that has it (git rebase -i)' : ' (edit, then git add)'),
    '  a false positive: add `wfo-gate-ignore: <rule> <reason>` on that line or the line above',
    `Skip once: git ${verb} --no-verify   or   ${SKIP_VARIABLE}=${gates.join(',') || 'secrets'} git ${verb} …`,
  );
  return out.join('\n') + '\n';
}

function sectionLines(report: Report, c: ReturnType<typeof pc.createColors>): string[] {
  const lines: string[] = [];
  const all = report.gates.flatMap((g) => g.findings);
  for (const gate of report.gates) lines.push(...gateProblem(gate, c));
  const blocking = all.filter((f) => f.blocking);
  const existing = all.filter((f) => !f.blocking && f.isNew === false);
  const warnings = all.filter((f) => !f.blocking && f.isNew !== false);
  for (const f of blocking) lines.push(...findingLines(f, c.red(f.severity), c));
  if (warnings.length) lines.push(c.yellow(`warnings (not blocking):`), ...warnings.flatMap((f) => findingLines(f, c.yellow(f.severity), c, false)));
  if (existing.length) lines.push(c.dim(`existing before this change (not blocking):`), ...existing.flatMap((f) => findingLines(f, c.dim('existing'), c, false)));
  return lines;
}

/** A gate that could not decide blocks; one that did not run says why: neither is silent. */
function gateProblem(gate: GateResult, c: ReturnType<typeof pc.createColors>): string[] {
  if (gate.status === 'error') return [c.red(`  ✖ ${gate.gate} could not decide: ${printable(gate.error ?? gate.summary)}`)];
  if (gate.status === 'skipped') return [c.dim(`  ○ ${gate.gate} did not run: ${printable(gate.summary)}`)];
  return [];
}

function findingLines(f: Finding, tag: string, c: ReturnType<typeof pc.createColors>, withFix = true): string[] {
  const where = f.commit ? `${findingLocation(f)} @ ${f.commit.slice(0, 12)}` : findingLocation(f);
  const what = f.preview ?? f.message;
  const lines = [`  ${c.bold(printable(where))}  ${f.ruleId}  ${printable(what)}  ${tag}`];
  if (withFix && f.fix) lines.push(c.dim(`      fix: ${printable(f.fix)}`));
  return lines;
}

