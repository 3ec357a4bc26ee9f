import { evaluateBudget, type BudgetAlert } from './budget-alerts.js';
import { dayKey, dayOf, daysInMonth, monthKey, weekStartKey } from './dates.js';
import { effectiveLedger, uniqueLines } from './ledger-derive.js';
import { lineCost, lineFeature } from './ledger-read.js';
import { roundUsd } from './money.js';
import { addTokens, emptyTokens } from './prices.js';
import type { FeatureLine, Ledger, TokenCounts } from './types.js';
import type { PriceBook } from './prices.js';
import { spentOn, UNATTRIBUTED } from './attribution.js';

export type ReportPeriod = 'day' | 'week' | 'month' | 'range';

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
  /** Spend of the window per coding agent (the line's source: claude-code, codex, gemini, opencode, cli …). */
  byTool: { tool: string; cost: number; requests: number }[];
  /** Spend of the window per branch it was made on (a line with no branch: its feature). */
  byBranch: { branch: string; cost: number; requests: number }[];
  /** Spend of the window with no branch and no feature named for it. */
  unattributed: { cost: number; lines: number };
  /** The window's spend at 10x, 100x and 1000x the use: the projection made before building. */
  scale: { factor: number; cost: number }[];
  /** Prices used in the window that were read more than 90 days before the report. */
  stalePrices: StalePrice[];
}

export interface StalePrice {
  model: string;
  date: string;
  ageDays: number;
  source: string;
}

export interface ReportOptions {
  /** A window of its own (period "range"): first and last day, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** To flag prices older than STALE_PRICE_DAYS. */
  prices?: PriceBook;
}

export const STALE_PRICE_DAYS = 90;
export const SCALE_FACTORS = [10, 100, 1000];

/** The branch a line's spend belongs to: its branch, else its feature. */
export function lineBranch(entry: FeatureLine): string {
  return entry.branch ?? lineFeature(entry);
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

export function computeReport(raw: Ledger, now: Date, period: ReportPeriod = 'month', options: ReportOptions = {}): CostReport {
  const ledger = effectiveLedger(raw, now);
  const today = dayKey(now);
  const month = monthKey(now);
  const weekStart = weekStartKey(now);
  const from = period === 'range' ? (options.from ?? '0000-01-01') : period === 'day' ? today : period === 'week' ? weekStart : `${month}-01`;
  const to = period === 'range' && options.to && options.to < today ? options.to : today;
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
    if (day >= from && day <= to) addCategories(categories, daily);
  }
  if (ledger.mtd?.month === month) {
    if (!monthHasDays) mtd = ledger.mtd.total;
    else if (Math.abs(ledger.mtd.total - mtd) > 0.005) {
      notes.push(`${ledger.displayDir}/mtd.json says $${ledger.mtd.total.toFixed(2)} for ${month}, the daily files add up to $${mtd.toFixed(2)}; the daily files are used`);
    }
  }

  const models = new Map<string, ModelSpend>();
  const features = new Map<string, number>();
  const tools = new Map<string, { tool: string; cost: number; requests: number }>();
  const branches = new Map<string, { branch: string; cost: number; requests: number }>();
  const unattributed = { cost: 0, lines: 0 };
  let windowSpend = 0;
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
    if (day < from || day > to) continue;
    features.set(lineFeature(entry), (features.get(lineFeature(entry)) ?? 0) + (cost ?? 0));
    windowSpend += cost ?? 0;
    tally(tools, entry.source ?? '(not recorded)', (key) => ({ tool: key, cost: 0, requests: 0 }), cost);
    tally(branches, lineBranch(entry), (key) => ({ branch: key, cost: 0, requests: 0 }), cost);
    if (lineBranch(entry) === UNATTRIBUTED) {
      unattributed.cost += cost ?? 0;
      unattributed.lines++;
    }
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
    to,
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
    byTool: sortedSpend(tools),
    byBranch: sortedSpend(branches),
    unattributed: { cost: roundUsd(unattributed.cost), lines: unattributed.lines },
    scale: SCALE_FACTORS.map((factor) => ({ factor, cost: roundUsd(windowSpend * factor) })),
    stalePrices: options.prices ? stalePrices(options.prices, models.keys(), now) : [],
  };
}

function tally<T extends { cost: number; requests: number }>(into: Map<string, T>, key: string, make: (key: string) => T, cost: number | undefined): void {
  const slot = into.get(key) ?? make(key);
  slot.cost += cost ?? 0;
  slot.requests++;
  into.set(key, slot);
}

function sortedSpend<T extends { cost: number }>(map: Map<string, T>): T[] {
  return [...map.values()].map((v) => ({ ...v, cost: roundUsd(v.cost) })).sort((a, b) => b.cost - a.cost);
}

/** Prices of these models read more than STALE_PRICE_DAYS days before `now` (undated ones are not judged). */
export function stalePrices(prices: PriceBook, models: Iterable<string>, now: Date): StalePrice[] {
  const out = new Map<string, StalePrice>();
  for (const model of models) {
    const price = prices.find(model);
    const ageDays = price ? priceAgeDays(price.date, now) : undefined;
    if (price && ageDays !== undefined && ageDays > STALE_PRICE_DAYS) out.set(price.model, { model: price.model, date: price.date, ageDays, source: price.source });
  }
  return [...out.values()];
}

/** Whole days from the day a price was read to `now`; undefined for an undated price. */
export function priceAgeDays(date: string, now: Date): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const read = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today.getTime() - read.getTime()) / 86_400_000);
}

export interface BranchSpend {
  branch: string;
  cost: number;
  requests: number;
  unpriced: number;
  byModel: { model: string; cost: number; requests: number }[];
  byTool: { tool: string; cost: number; requests: number }[];
}

/** Everything spent on a branch (the whole ledger, any date): by model and by tool. */
export function branchSpend(ledger: Ledger, branch: string, repository?: string): BranchSpend {
  const models = new Map<string, { model: string; cost: number; requests: number }>();
  const tools = new Map<string, { tool: string; cost: number; requests: number }>();
  let cost = 0;
  let requests = 0;
  let unpriced = 0;
  for (const { entry } of uniqueLines(ledger.lines)) {
    if (!spentOn(entry, branch, repository)) continue;
    const usd = lineCost(entry);
    if (usd === undefined) unpriced++;
    cost += usd ?? 0;
    requests++;
    tally(models, entry.model ?? `(${entry.category ?? 'other'}: ${entry.provider ?? 'other'})`, (key) => ({ model: key, cost: 0, requests: 0 }), usd);
    tally(tools, entry.source ?? '(not recorded)', (key) => ({ tool: key, cost: 0, requests: 0 }), usd);
  }
  return { branch, cost: roundUsd(cost), requests, unpriced, byModel: sortedSpend(models), byTool: sortedSpend(tools) };
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
