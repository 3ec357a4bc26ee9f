import { evaluateBudget, type BudgetAlert } from './budget-alerts.js';
import { dayKey, dayOf, daysInMonth, monthKey, weekStartKey } from './dates.js';
import { effectiveLedger, uniqueLines } from './ledger-derive.js';
import { lineCost, lineFeature } from './ledger-read.js';
import { roundUsd } from './money.js';
import { addTokens, emptyTokens } from './prices.js';
import type { Ledger, TokenCounts } from './types.js';

export type ReportPeriod = 'day' | 'week' | 'month';

export interface ModelSpend {
  model: string;
  cost: number;
  requests: number;
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export interface UnpricedModel {
  model: string;
  lines: number;
  /** 1-based line numbers in by-feature.jsonl (the first few). */
  at: number[];
  tokens: TokenCounts;
}

/** The JSON interface of `wfo-gate cost report --format json` (schemas/cost-report.schema.json). */
export interface CostReport {
  generatedAt: string;
  currency: 'USD';
  period: ReportPeriod;
  from: string;
  to: string;
  today: number;
  week: number;
  mtd: number;
  budget: number | null;
  remaining: number | null;
  percentUsed: number | null;
  projected: number;
  byModel: ModelSpend[];
  byCategory: { category: string; cost: number; providers: Record<string, number> }[];
  byFeature: { feature: string; cost: number }[];
  topFeatures: { feature: string; cost: number }[];
  alerts: BudgetAlert[];
  unpriced: UnpricedModel[];
  notes: string[];
}

const TOP_FEATURES = 5;
const NON_CATEGORY_KEYS = new Set(['date', 'total', 'models', 'entries']);

/** The first day a report of `period` at `now` looks at: the window, this week or this month, whichever is earliest. */
export function reportStartDay(now: Date, period: ReportPeriod = 'month'): string {
  const monthStart = `${monthKey(now)}-01`;
  const weekStart = weekStartKey(now);
  const from = period === 'day' ? dayKey(now) : period === 'week' ? weekStart : monthStart;
  return [from, weekStart, monthStart].sort()[0];
}

export function computeReport(raw: Ledger, now: Date, period: ReportPeriod = 'month'): CostReport {
  const ledger = effectiveLedger(raw, now);
  const today = dayKey(now);
  const month = monthKey(now);
  const weekStart = weekStartKey(now);
  const from = period === 'day' ? today : period === 'week' ? weekStart : `${month}-01`;
  const notes: string[] = [];

  let todaySpend = 0;
  let week = 0;
  let mtd = 0;
  let monthHasDays = false;
  const categories = new Map<string, { cost: number; providers: Record<string, number> }>();
  for (const [day, daily] of ledger.days) {
    if (day > today) continue;
    if (day === today) todaySpend += daily.total;
    if (day >= weekStart) week += daily.total;
    if (day.startsWith(month)) {
      mtd += daily.total;
      monthHasDays = true;
    }
    if (day >= from) addCategories(categories, daily);
  }
  if (ledger.mtd?.month === month) {
    if (!monthHasDays) mtd = ledger.mtd.total;
    else if (Math.abs(ledger.mtd.total - mtd) > 0.005) {
      notes.push(`${ledger.displayDir}/mtd.json says $${ledger.mtd.total.toFixed(2)} for ${month}, the daily files add up to $${mtd.toFixed(2)}; the daily files are used`);
    }
  }

  const models = new Map<string, ModelSpend>();
  const features = new Map<string, number>();
  const unpriced = new Map<string, UnpricedModel>();
  let undated = 0;
  for (const { entry, line } of uniqueLines(ledger.lines)) {
    const cost = lineCost(entry);
    if (cost === undefined && entry.model) {
      const u = unpriced.get(entry.model) ?? { model: entry.model, lines: 0, at: [], tokens: emptyTokens() };
      u.lines++;
      if (u.at.length < 5) u.at.push(line);
      addTokens(u.tokens, entry.tokens);
      unpriced.set(entry.model, u);
    }
    const day = entry.date ? dayOf(entry.date) : undefined;
    if (!day) {
      undated++;
      continue;
    }
    if (day < from || day > today) continue;
    features.set(lineFeature(entry), (features.get(lineFeature(entry)) ?? 0) + (cost ?? 0));
    if (entry.model && cost !== undefined) {
      const m = models.get(entry.model) ?? { model: entry.model, cost: 0, requests: 0, input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
      m.cost += cost;
      m.requests++;
      m.input += entry.tokens?.input ?? 0;
      m.output += entry.tokens?.output ?? 0;
      m.cacheWrite += (entry.tokens?.cacheWrite5m ?? 0) + (entry.tokens?.cacheWrite1h ?? 0);
      m.cacheRead += entry.tokens?.cacheRead ?? 0;
      models.set(entry.model, m);
    }
  }
  if (undated > 0) notes.push(`${undated} line(s) of by-feature.jsonl have no date: counted in feature totals only`);

  const monthly = ledger.budget?.budgets?.monthly;
  const budget = monthly?.soft_limit ?? monthly?.hard_limit ?? (ledger.mtd?.month === month ? ledger.mtd.budget : undefined) ?? null;
  const byFeature = [...features]
    .map(([feature, cost]) => ({ feature, cost: roundUsd(cost) }))
    .sort((a, b) => b.cost - a.cost || a.feature.localeCompare(b.feature));
  return {
    generatedAt: now.toISOString(),
    currency: 'USD',
    period,
    from,
    to: today,
    today: roundUsd(todaySpend),
    week: roundUsd(week),
    mtd: roundUsd(mtd),
    budget,
    remaining: budget === null ? null : roundUsd(budget - mtd),
    percentUsed: budget ? Math.round((mtd / budget) * 10000) / 100 : null,
    projected: roundUsd((mtd / now.getDate()) * daysInMonth(now)),
    byModel: [...models.values()].map((m) => ({ ...m, cost: roundUsd(m.cost) })).sort((a, b) => b.cost - a.cost),
    byCategory: [...categories]
      .map(([category, c]) => ({ category, cost: roundUsd(c.cost), providers: c.providers }))
      .sort((a, b) => b.cost - a.cost),
    byFeature,
    topFeatures: byFeature.slice(0, TOP_FEATURES),
    alerts: evaluateBudget({ today: todaySpend, week, mtd }, ledger.budget, now),
    unpriced: [...unpriced.values()],
    notes,
  };
}

/** Total USD of one feature across the whole ledger (dated or not). */
export function featureTotal(ledger: Ledger, feature: string): number {
  let total = 0;
  for (const { entry } of ledger.lines) if (lineFeature(entry) === feature) total += lineCost(entry) ?? 0;
  return roundUsd(total);
}

function addCategories(into: Map<string, { cost: number; providers: Record<string, number> }>, daily: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(daily)) {
    if (NON_CATEGORY_KEYS.has(key) || !value || typeof value !== 'object') continue;
    const slot = into.get(key) ?? { cost: 0, providers: {} };
    for (const [provider, usd] of Object.entries(value as Record<string, number>)) {
      slot.cost += usd;
      slot.providers[provider] = roundUsd((slot.providers[provider] ?? 0) + usd);
    }
    into.set(key, slot);
  }
}
