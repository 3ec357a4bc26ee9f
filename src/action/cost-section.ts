import { resolve } from 'node:path';
import type { Report, ResolvedConfig } from '../core/types.js';
import { escapeMarkdown as esc } from '../report/escape.js';
import type { BranchSpend } from '../cost/report.js';

const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * What the pull request's branch cost, from the whole ledger: every line spent on it (recorded
 * on it by the coding agent, or charged to it with --feature), by model and by tool. Undefined
 * when there is no ledger or it cannot be read (the budget gate reports why).
 */
export async function branchCostFor(root: string, config: ResolvedConfig, branch: string | undefined, repository?: string): Promise<BranchSpend | undefined> {
  if (!branch || !config.gates.budget.enabled) return undefined;
  const [{ budgetOptions }, { readLedger }, { branchSpend }] = await Promise.all([import('../cost/budget-options.js'), import('../cost/ledger-read.js'), import('../cost/report.js')]);
  const options = budgetOptions(config.gates.budget as Record<string, unknown>);
  try {
    const ledger = await readLedger(resolve(root, options.ledger), options.ledger, { sinceDay: '9999-12-31' });
    return branchSpend(ledger, branch, repository);
  } catch {
    return undefined;
  }
}

/** The PR comment's cost section, from the budget gate's metrics; undefined when the gate did not run. */
export function renderCostSection(report: Report, feature: string | undefined, spend?: BranchSpend): string | undefined {
  const budget = report.gates.find((g) => g.gate === 'budget');
  if (!budget || budget.status === 'skipped' || budget.status === 'error' || !budget.metrics) return undefined;
  const m = budget.metrics;
  const lines = ['#### 💰 Cost', ''];
  if (m['cost.change'] !== undefined) lines.push(`- This change added **${usd(m['cost.change'])}** to the ledger.`);
  if (spend) {
    lines.push(`- Branch \`${esc(spend.branch)}\`: **${usd(spend.cost)}** so far, ${spend.requests} ledger line(s)${spend.unpriced ? ` (${spend.unpriced} unpriced, not counted)` : ''}.`);
  } else if (m['cost.feature'] !== undefined) {
    lines.push(`- Feature${feature ? ` \`${esc(feature)}\`` : ''}: ${usd(m['cost.feature'])} so far.`);
  }
  if (m['cost.mtd'] !== undefined) {
    const of = m['cost.budget'] !== undefined ? ` of ${usd(m['cost.budget'])}` : '';
    const pct = m['cost.percentUsed'] !== undefined ? ` (${Math.round(m['cost.percentUsed'])}%)` : '';
    const projected = m['cost.projected'] !== undefined ? `, projected ${usd(m['cost.projected'])} by month end` : '';
    lines.push(`- Month to date: **${usd(m['cost.mtd'])}**${of}${pct}${projected}.`);
  }
  if (m['cost.today'] !== undefined) lines.push(`- Today: ${usd(m['cost.today'])} · this week: ${usd(m['cost.week'] ?? 0)}.`);
  if (spend && spend.requests > 0) {
    lines.push('', `| \`${esc(spend.branch)}\` by model | USD | Lines |`, '|---|---:|---:|');
    for (const row of spend.byModel) lines.push(`| ${esc(row.model)} | ${usd(row.cost)} | ${row.requests} |`);
    lines.push('', '| By tool | USD | Lines |', '|---|---:|---:|');
    for (const row of spend.byTool) lines.push(`| ${esc(row.tool)} | ${usd(row.cost)} | ${row.requests} |`);
    lines.push('');
  }
  for (const f of budget.findings) lines.push(`- ⚠️ ${esc(f.message)}`);
  return lines.join('\n');
}
