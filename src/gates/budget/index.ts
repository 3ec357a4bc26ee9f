import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { now as clockNow } from '../../core/clock.js';
import { fingerprint } from '../../core/fingerprint.js';
import { currentBranch } from '../../core/git.js';
import type { Finding, Gate, GateContext, GateOutcome, Scope } from '../../core/types.js';
import type { BudgetAlert } from '../../cost/budget-alerts.js';
import { budgetOptions, loadPriceBook } from '../../cost/budget-options.js';
import { dayKey, monthKey, weekStartKey } from '../../cost/dates.js';
import { LEDGER_FILES, lineCost, parseFeatureLines, readLedger } from '../../cost/ledger-read.js';
import { LedgerError } from '../../cost/ledger-schema.js';
import { PricesFileError } from '../../cost/litellm.js';
import { formatUsd, roundUsd } from '../../cost/money.js';
import type { PriceBook } from '../../cost/prices.js';
import { branchSpend, computeReport, reportStartDay, type CostReport, type UnpricedModel } from '../../cost/report.js';
import { ledgerDrift } from '../../cost/ledger-write.js';
import { ALERT_RULES, BUDGET_RULES, DRIFT_RULE, STALE_PRICE_RULE, UNPRICED_RULE } from './rules.js';

const gate: Gate = {
  id: 'budget',
  title: 'cost budget',
  rules: () => BUDGET_RULES,
  async run(ctx: GateContext): Promise<GateOutcome> {
    const options = budgetOptions(ctx.options);
    const display = options.ledger.replace(/\\/g, '/').replace(/\/+$/, '');
    const dir = resolve(ctx.scope.root, options.ledger);
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
      const reason = `no cost ledger at ${display}/`;
      const fix = 'record spend with `wfo-gate cost log` or `wfo-gate cost import claude-code`, or set gates.budget.ledger';
      return ctx.explicit
        ? { status: 'error', findings: [], summary: reason, error: `${reason}: ${fix}` }
        : { status: 'skipped', findings: [], summary: `${reason} (${fix})` };
    }
    try {
      const now = clockNow();
      const [ledger, prices] = await Promise.all([readLedger(dir, display, { sinceDay: reportStartDay(now) }), loadPriceBook(options, ctx.scope.root)]);
      const report = computeReport(ledger, now, 'month', { prices });
      const drift = ledger.derived ? await ledgerDrift(dir, display, now) : { stale: [], missing: [] };
      const feature = options.feature ?? (ctx.scope.isGitRepo ? await currentBranch(ctx.scope.root) : undefined);
      const change = ctx.scope.diffAware ? await changeCost(ctx.scope, `${display}/${LEDGER_FILES.byFeature}`) : undefined;
      const findings = [
        ...report.alerts.map((alert) => alertFinding(alert, display, now)),
        ...report.unpriced.map((u) => unpricedFinding(u, display, prices)),
        ...report.stalePrices.map((p) => note(STALE_PRICE_RULE, `the price of ${p.model} used this month was read ${p.ageDays} days ago (${p.date}, ${p.source})`, `${display}/`, p.model, 'check it against the vendor (`wfo-gate cost prices`), or refresh the prices with `wfo-gate cost prices --from-litellm <file> --write`')),
      ];
      const drifted = [...drift.stale, ...drift.missing];
      if (drifted.length) {
        findings.push(note(DRIFT_RULE, `${drifted.length} derived ledger file(s) disagree with ${LEDGER_FILES.byFeature} (${drifted.slice(0, 3).join(', ')}${drifted.length > 3 ? ', …' : ''}): the figures here count the entries`, `${display}/${LEDGER_FILES.byFeature}`, 'drift', 'run `wfo-gate cost doctor --fix` to rebuild them'));
      }
      const metrics: Record<string, number> = {
        'cost.today': report.today,
        'cost.week': report.week,
        'cost.mtd': report.mtd,
        'cost.projected': report.projected,
      };
      if (report.budget !== null) metrics['cost.budget'] = report.budget;
      if (report.percentUsed !== null) metrics['cost.percentUsed'] = report.percentUsed;
      if (change !== undefined) metrics['cost.change'] = change;
      if (feature) metrics['cost.feature'] = branchSpend(ledger, feature).cost;
      return { findings, metrics, summary: summarise(report, change) };
    } catch (error) {
      if (error instanceof LedgerError) {
        return { status: 'error', findings: [], summary: `${error.file} is not a valid ledger file`, error: `${error.message} — fix the file (schemas/cost-*.schema.json describe each shape)` };
      }
      if (error instanceof PricesFileError) return { status: 'error', findings: [], summary: 'cannot read gates.budget.pricesFile', error: error.message };
      throw error;
    }
  },
};
export default gate;

/** `$12.40 of $100.00 this month (12%)`, and what the change adds in diff-aware scopes. */
export function summarise(report: CostReport, change: number | undefined): string {
  const month =
    report.budget === null
      ? `${formatUsd(report.mtd)} this month (no monthly budget set)`
      : `${formatUsd(report.mtd)} of ${formatUsd(report.budget)} this month (${Math.round(report.percentUsed ?? 0)}%)`;
  return change === undefined ? month : `${month}; this change adds ${formatUsd(change)}`;
}

/** USD of the by-feature lines the change adds (lines in the scope's version and not at its base). */
async function changeCost(scope: Scope, path: string): Promise<number> {
  const head = await changedContent(scope, path);
  if (!head) return 0;
  const base = await scope.readAtBase(path);
  const before = new Map<string, number>();
  for (const { raw } of base ? parseFeatureLines(base.toString('utf8'), `${path} (base)`) : []) before.set(raw, (before.get(raw) ?? 0) + 1);
  let added = 0;
  for (const { raw, entry } of parseFeatureLines(head.toString('utf8'), path)) {
    const left = before.get(raw) ?? 0;
    if (left > 0) before.set(raw, left - 1);
    else added += lineCost(entry) ?? 0;
  }
  return roundUsd(added);
}

/**
 * The file as the trigger sees it when the change touches it. Read through `read()` to the end
 * (an early return from `readOne` currently leaves git's cat-file process rejecting unhandled);
 * `readOne` only for a ledger larger than maxFileSize, which `read()` skips.
 */
async function changedContent(scope: Scope, path: string): Promise<Buffer | undefined> {
  if (!scope.files.some((file) => file.path === path)) return undefined;
  let content: Buffer | undefined;
  for await (const file of scope.read([path])) content = file.content;
  return content ?? (scope.skipped.tooLarge.includes(path) ? scope.readOne(path) : undefined);
}

function alertFinding(alert: BudgetAlert, display: string, now: Date): Finding {
  const rule = ALERT_RULES[alert.kind];
  const periodKey = alert.period === 'daily' ? dayKey(now) : alert.period === 'weekly' ? weekStartKey(now) : monthKey(now);
  const file = `${display}/${LEDGER_FILES.budget}`;
  return {
    gate: 'budget',
    ruleId: rule.id,
    severity: rule.severity,
    message: alert.message,
    file,
    fingerprint: fingerprint('budget', rule.id, file, `${alert.period}:${periodKey}`),
    blocking: alert.blocking,
    fix:
      alert.kind === 'hard'
        ? `stop or justify the spend; if the limit is wrong, raise budgets.${alert.period}.hard_limit in ${file}`
        : alert.kind === 'pace'
          ? 'review what drives the spend (`wfo-gate cost report`) before the month runs out'
          : `review the spend with \`wfo-gate cost report --period ${alert.period === 'daily' ? 'day' : alert.period === 'weekly' ? 'week' : 'month'}\``,
  };
}

/** A warning that never blocks. */
function note(ruleId: string, message: string, file: string, key: string, fix: string): Finding {
  return { gate: 'budget', ruleId, severity: 'low', message, file, fingerprint: fingerprint('budget', ruleId, file, key), blocking: false, fix };
}

function unpricedFinding(u: UnpricedModel, display: string, prices: PriceBook): Finding {
  const file = `${display}/${LEDGER_FILES.byFeature}`;
  const nowPriced = prices.find(u.model) !== undefined;
  return {
    gate: 'budget',
    ruleId: UNPRICED_RULE,
    severity: 'low',
    message: `${u.lines} usage line(s) for model ${u.model} have no price (${u.tokens.input + u.tokens.cacheWrite5m + u.tokens.cacheWrite1h + u.tokens.cacheRead} input and ${u.tokens.output} output tokens): the totals leave them out`,
    file,
    line: u.at[0],
    fingerprint: fingerprint('budget', UNPRICED_RULE, file, u.model),
    blocking: false,
    fix: nowPriced
      ? `${u.model} has a price now: run the \`wfo-gate cost import\` that recorded them again to price these lines`
      : `add a price for ${u.model} under gates.budget.prices in wfo-gate.config.json (or gates.budget.pricesFile), then re-run the import`,
  };
}
