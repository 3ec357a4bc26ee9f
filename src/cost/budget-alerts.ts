import { daysInMonth } from './dates.js';
import { formatUsd } from './money.js';
import type { BudgetConfig, PeriodLimits } from './types.js';

export type BudgetPeriod = 'daily' | 'weekly' | 'monthly';
export type AlertKind = 'threshold' | 'soft' | 'hard' | 'pace';

export interface BudgetAlert {
  kind: AlertKind;
  period: BudgetPeriod;
  spend: number;
  /** The limit crossed (for `pace`: the spend an even pace would have reached by today). */
  limit: number;
  /** A hard limit crossed while cost_controls.block_on_limit is true. */
  blocking: boolean;
  message: string;
}

export interface Spend {
  today: number;
  week: number;
  mtd: number;
}

const DEFAULT_ALERT_THRESHOLD = 0.8;
/** The workflow warns when the month burns faster than 1.5x the even pace. */
const PACE_FACTOR = 1.5;
const PERIOD_NOUN: Record<BudgetPeriod, string> = { daily: 'today', weekly: 'this week', monthly: 'this month' };

/**
 * Per period, the most severe line crossed: hard limit, else soft limit, else the alert
 * threshold (a fraction of the soft limit); and the month's pace against its budget.
 */
export function evaluateBudget(spend: Spend, config: BudgetConfig | undefined, now: Date): BudgetAlert[] {
  if (!config) return [];
  const alerts: BudgetAlert[] = [];
  const block = config.cost_controls?.block_on_limit === true;
  const amounts: Record<BudgetPeriod, number> = { daily: spend.today, weekly: spend.week, monthly: spend.mtd };
  for (const period of ['daily', 'weekly', 'monthly'] as const) {
    const limits: PeriodLimits = config.budgets?.[period] ?? {};
    const amount = amounts[period];
    const threshold = limits.alert_threshold ?? config.alert_threshold ?? DEFAULT_ALERT_THRESHOLD;
    const noun = PERIOD_NOUN[period];
    if (limits.hard_limit !== undefined && amount > limits.hard_limit) {
      alerts.push({
        kind: 'hard',
        period,
        spend: amount,
        limit: limits.hard_limit,
        blocking: block,
        message: `${formatUsd(amount)} spent ${noun} is over the ${period} hard limit of ${formatUsd(limits.hard_limit)}`,
      });
    } else if (limits.soft_limit !== undefined && amount > limits.soft_limit) {
      alerts.push({
        kind: 'soft',
        period,
        spend: amount,
        limit: limits.soft_limit,
        blocking: false,
        message: `${formatUsd(amount)} spent ${noun} is over the ${period} soft limit of ${formatUsd(limits.soft_limit)}`,
      });
    } else {
      const base = limits.soft_limit ?? limits.hard_limit;
      if (base !== undefined && amount > base * threshold) {
        alerts.push({
          kind: 'threshold',
          period,
          spend: amount,
          limit: base * threshold,
          blocking: false,
          message: `${formatUsd(amount)} spent ${noun} is ${percent(amount, base)} of the ${period} limit of ${formatUsd(base)} (alert at ${Math.round(threshold * 100)}%)`,
        });
      }
    }
  }
  const monthly = config.budgets?.monthly;
  const budget = monthly?.soft_limit ?? monthly?.hard_limit;
  if (budget !== undefined && budget > 0 && spend.mtd > 0) {
    const evenPace = (budget * now.getDate()) / daysInMonth(now);
    if (spend.mtd > evenPace * PACE_FACTOR) {
      alerts.push({
        kind: 'pace',
        period: 'monthly',
        spend: spend.mtd,
        limit: evenPace,
        blocking: false,
        message: `burning the monthly budget too fast: ${percent(spend.mtd, budget)} used on day ${now.getDate()} of ${daysInMonth(now)} (over ${PACE_FACTOR}x the even pace)`,
      });
    }
  }
  return alerts;
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}
