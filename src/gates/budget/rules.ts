import type { RuleInfo, Severity } from '../../core/types.js';
import type { AlertKind } from '../../cost/budget-alerts.js';

export const UNPRICED_RULE = 'budget.unpriced-model';
export const DRIFT_RULE = 'budget.ledger-drift';
export const STALE_PRICE_RULE = 'budget.stale-price';

export const ALERT_RULES: Record<AlertKind, { id: string; severity: Severity }> = {
  threshold: { id: 'budget.alert-threshold', severity: 'low' },
  soft: { id: 'budget.soft-limit', severity: 'medium' },
  hard: { id: 'budget.hard-limit', severity: 'high' },
  pace: { id: 'budget.pace', severity: 'low' },
};

export const BUDGET_RULES: RuleInfo[] = [
  { gate: 'budget', id: 'budget.alert-threshold', title: 'Spend reached the alert threshold of a limit', severity: 'low', description: 'Daily, weekly or monthly spend passed alert_threshold (default 0.8) of its soft limit. Warns only.' },
  { gate: 'budget', id: 'budget.soft-limit', title: 'Spend is over a soft limit', severity: 'medium', description: 'Daily, weekly or monthly spend passed its soft limit. Warns only.' },
  { gate: 'budget', id: 'budget.hard-limit', title: 'Spend is over a hard limit', severity: 'high', description: 'Daily, weekly or monthly spend passed its hard limit. Blocks when cost_controls.block_on_limit is true, warns otherwise.' },
  { gate: 'budget', id: 'budget.pace', title: 'The month burns its budget too fast', severity: 'low', description: 'Month-to-date spend is over 1.5x the even pace of the monthly budget. Warns only.' },
  { gate: 'budget', id: UNPRICED_RULE, title: 'Usage of a model with no price', severity: 'low', description: 'Ledger lines record tokens of a model the price table does not know: they add nothing to the totals until it is priced.' },
  { gate: 'budget', id: DRIFT_RULE, title: 'Derived ledger files disagree with the entries', severity: 'low', description: 'In a ledger wfo-gate created, the daily and month files are derived from by-feature.jsonl; after a merge or a hand edit they can lag behind. The gate counts the entries; `wfo-gate cost doctor --fix` rebuilds the files. Warns only.' },
  { gate: 'budget', id: STALE_PRICE_RULE, title: 'A price in use is older than 90 days', severity: 'low', description: 'A model priced this month has a price read more than 90 days ago (by the run\'s clock): vendors change prices. Warns only.' },
];
