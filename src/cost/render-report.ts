import { createColors } from 'picocolors';
import { escapeMarkdown } from '../report/escape.js';
import { printable } from '../report/pretty.js';
import { formatUsd } from './money.js';
import type { CostReport } from './report.js';

const BAR_WIDTH = 30;

/** Terminal text: totals, a bar for budget used, breakdowns and alerts. */
export function renderPretty(report: CostReport, color: boolean): string {
  const pc = createColors(color);
  const out: string[] = [];
  out.push(pc.bold(`Cost report — ${report.period} (${report.from} to ${report.to})`), '');
  out.push(`  Today          ${formatUsd(report.today)}`);
  out.push(`  This week      ${formatUsd(report.week)}`);
  out.push(`  Month to date  ${formatUsd(report.mtd)}${report.budget === null ? '  (no monthly budget set)' : ` of ${formatUsd(report.budget)}`}`);
  if (report.budget !== null && report.percentUsed !== null) out.push(`  Budget used    ${bar(pc, report.percentUsed)} ${report.percentUsed.toFixed(1)}%`);
  out.push(`  Projected      ${formatUsd(report.projected)} by month end`);
  const section = (title: string, rows: string[][]) => addSection(out, pc, title, rows);
  section('By model', report.byModel.map((m) => [printable(m.model), formatUsd(m.cost), `${fmtInt(m.input)} in / ${fmtInt(m.output)} out / ${fmtInt(m.cacheWrite)} cache write / ${fmtInt(m.cacheRead)} cache read`]));
  section('By tool', report.byTool.map((t) => [printable(t.tool), formatUsd(t.cost), `${fmtInt(t.requests)} line(s)`]));
  section('By branch', report.byBranch.map((b) => [printable(b.branch), formatUsd(b.cost), `${fmtInt(b.requests)} line(s)`]));
  section('By category', report.byCategory.map((c) => [printable(c.category), formatUsd(c.cost), printable(Object.keys(c.providers).join(', '))]));
  section('Top features', report.topFeatures.map((f) => [printable(f.feature), formatUsd(f.cost), '']));
  section(`At scale (the spend of ${report.from} to ${report.to})`, report.scale.map((s) => [`${s.factor}×`, formatUsd(s.cost), '']));
  const warnings = warningLines(report);
  if (report.alerts.length || warnings.length) {
    out.push('', pc.bold('Alerts'));
    for (const alert of report.alerts) out.push(`  ${alert.kind === 'hard' ? pc.red('✖') : pc.yellow('!')} ${alert.message}`);
    for (const w of warnings) out.push(`  ${pc.yellow('!')} ${printable(w)}`);
  }
  for (const note of report.notes) out.push(pc.dim(`  note: ${note}`));
  return out.join('\n') + '\n';
}

/** GitHub-flavoured markdown, for PR comments and job summaries. */
export function renderMarkdown(report: CostReport): string {
  const out: string[] = [];
  out.push(`### Cost — ${report.period} (${report.from} to ${report.to})`, '');
  out.push('| | USD |', '|---|---:|');
  out.push(`| Today | ${formatUsd(report.today)} |`, `| This week | ${formatUsd(report.week)} |`, `| Month to date | ${formatUsd(report.mtd)} |`);
  if (report.budget !== null) out.push(`| Budget | ${formatUsd(report.budget)} (${report.percentUsed?.toFixed(1)}% used) |`);
  out.push(`| Projected month end | ${formatUsd(report.projected)} |`);
  if (report.byModel.length) {
    out.push('', '| Model | USD | Input | Output | Cache write | Cache read |', '|---|---:|---:|---:|---:|---:|');
    for (const m of report.byModel) out.push(`| ${cell(m.model)} | ${formatUsd(m.cost)} | ${fmtInt(m.input)} | ${fmtInt(m.output)} | ${fmtInt(m.cacheWrite)} | ${fmtInt(m.cacheRead)} |`);
  }
  const table = (title: string, rows: [string, number, number][]) => {
    if (rows.length === 0) return;
    out.push('', `| ${title} | USD | Lines |`, '|---|---:|---:|');
    for (const [name, usd, n] of rows) out.push(`| ${cell(name)} | ${formatUsd(usd)} | ${fmtInt(n)} |`);
  };
  table('Tool', report.byTool.map((t) => [t.tool, t.cost, t.requests]));
  table('Branch', report.byBranch.map((b) => [b.branch, b.cost, b.requests]));
  if (report.topFeatures.length) {
    out.push('', '| Feature | USD |', '|---|---:|');
    for (const f of report.topFeatures) out.push(`| ${cell(f.feature)} | ${formatUsd(f.cost)} |`);
  }
  out.push('', `| At scale (${report.from} to ${report.to}) | USD |`, '|---|---:|');
  for (const s of report.scale) out.push(`| ${s.factor}× | ${formatUsd(s.cost)} |`);
  const warnings = warningLines(report);
  if (report.alerts.length || warnings.length) {
    out.push('');
    for (const alert of report.alerts) out.push(`- ${alert.kind === 'hard' ? '🛑' : '⚠️'} ${alert.message}`);
    for (const w of warnings) out.push(`- ⚠️ ${cell(w)}`);
  }
  return out.join('\n') + '\n';
}

/** Unpriced models, unattributed spend and old prices: one sentence each. */
function warningLines(report: CostReport): string[] {
  const out = report.unpriced.map((u) => `${u.lines} line(s) for ${u.model} have no price: not counted in the totals`);
  if (report.unattributed.lines) out.push(`${report.unattributed.lines} line(s) (${formatUsd(report.unattributed.cost)}) have no branch and no feature: unattributed (import them with --feature)`);
  for (const p of report.stalePrices) out.push(`the price of ${p.model} was read ${p.ageDays} days ago (${p.date}, ${p.source}): check it (\`wfo-gate cost prices\`)`);
  return out;
}

type Colors = ReturnType<typeof createColors>;

function addSection(out: string[], pc: Colors, title: string, rows: string[][]): void {
  if (rows.length === 0) return;
  out.push('', pc.bold(title));
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, usd, detail] of rows) out.push(`  ${name.padEnd(width)}  ${usd.padStart(10)}  ${pc.dim(detail)}`.trimEnd());
}

function bar(pc: Colors, percent: number): string {
  const filled = Math.min(BAR_WIDTH, Math.round((Math.min(percent, 100) / 100) * BAR_WIDTH));
  const paint = percent >= 100 ? pc.red : percent >= 80 ? pc.yellow : pc.green;
  return `[${paint('█'.repeat(filled))}${'░'.repeat(BAR_WIDTH - filled)}]`;
}

// Not toLocaleString: loading ICU for it costs more than the whole report.
function fmtInt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function cell(text: string): string {
  return escapeMarkdown(text);
}
