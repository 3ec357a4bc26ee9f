import type { Report } from '../core/types.js';
import { escapeMarkdown as esc } from '../report/escape.js';

const usd = (n: number) => `$${n.toFixed(2)}`;

/** The PR comment's cost section, from the budget gate's metrics; undefined when the gate did not run. */
export function renderCostSection(report: Report, feature: string | undefined): string | undefined {
  const budget = report.gates.find((g) => g.gate === 'budget');
  if (!budget || budget.status === 'skipped' || budget.status === 'error' || !budget.metrics) return undefined;
  const m = budget.metrics;
  const lines = ['#### 💰 Cost', ''];
  if (m['cost.change'] !== undefined) lines.push(`- This change added **${usd(m['cost.change'])}** to the ledger.`);
  if (m['cost.feature'] !== undefined) lines.push(`- Feature${feature ? ` \`${esc(feature)}\`` : ''}: ${usd(m['cost.feature'])} so far.`);
  if (m['cost.mtd'] !== undefined) {
    const of = m['cost.budget'] !== undefined ? ` of ${usd(m['cost.budget'])}` : '';
    const pct = m['cost.percentUsed'] !== undefined ? ` (${Math.round(m['cost.percentUsed'])}%)` : '';
    const projected = m['cost.projected'] !== undefined ? `, projected ${usd(m['cost.projected'])} by month end` : '';
    lines.push(`- Month to date: **${usd(m['cost.mtd'])}**${of}${pct}${projected}.`);
  }
  if (m['cost.today'] !== undefined) lines.push(`- Today: ${usd(m['cost.today'])} · this week: ${usd(m['cost.week'] ?? 0)}.`);
  for (const f of budget.findings) lines.push(`- ⚠️ ${esc(f.message)}`);
  return lines.join('\n');
}
