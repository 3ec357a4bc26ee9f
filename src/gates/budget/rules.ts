import type { RuleInfo, Severity } from '../../core/types.js';
import type { AlertKind } from '../../cost/budget-alerts.js';

export const UNPRICED_RULE = 'budget.unpriced-model';

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
];
