// In a ledger wfo-gate created, by-feature.jsonl is the record: every branch appends to it and
// git merges it with merge=union. The daily and month files are derived from it here — never
// merged, git-ignored, rebuilt by `cost log`, `cost import` and `cost doctor --fix`, and
// recomputed in memory by reports and the budget gate. A daily file for a day with no entries
// (written by hand, by the workflow) is left alone and still counts.
import { cachedDayOf, monthKey } from './dates.js';
import { lineCost } from './ledger-read.js';
import { roundUsd } from './money.js';
import type { BudgetConfig, DailyFile, FeatureLine, Ledger, LedgerLine, MtdFile } from './types.js';

export interface DerivedFiles {
  days: Map<string, DailyFile>;
  /** YYYY-MM -> that month's file (mtd.json for the current month). */
  months: Map<string, MtdFile>;
}

type ModelSlot = { cost: number; input: number; output: number; cacheWrite: number; cacheRead: number };

/**
 * The lines that count, once each: a union merge keeps both sides' lines, so an id can appear
 * twice (the same session imported on two branches, or a line priced on one side). The priced
 * line of an id wins over an unpriced one, else the first.
 */
export function uniqueLines(lines: readonly LedgerLine[]): LedgerLine[] {
  const byId = new Map<string, number>();
  const out: LedgerLine[] = [];
  for (const line of lines) {
    const id = line.entry.id;
    if (id === undefined) {
      out.push(line);
      continue;
    }
    const at = byId.get(id);
    if (at === undefined) {
      byId.set(id, out.length);
      out.push(line);
    } else if (lineCost(out[at].entry) === undefined && lineCost(line.entry) !== undefined) {
      out[at] = line;
    }
  }
  return out;
}

/** Line numbers of lines whose id an earlier (or a priced) line already holds. */
export function duplicateLines(lines: readonly LedgerLine[]): number[] {
  const kept = new Set(uniqueLines(lines).map((l) => l.line));
  return lines.filter((l) => !kept.has(l.line)).map((l) => l.line);
}

/** The daily and month files the entries make, at `at` (which month is mtd.json's); `unique`: the caller has already applied uniqueLines. */
export function deriveFiles(lines: readonly LedgerLine[], budget: BudgetConfig | undefined, at: Date, previousMtd?: MtdFile, unique = false): DerivedFiles {
  const days = new Map<string, DailyFile>();
  const months = new Map<string, MtdFile>();
  const dayOfLine = cachedDayOf();
  for (const { entry } of unique ? lines : uniqueLines(lines)) {
    const cost = lineCost(entry);
    const day = entry.date ? dayOfLine(entry.date) : undefined;
    if (cost === undefined || !day) continue;
    const daily = days.get(day) ?? { date: day, total: 0 };
    days.set(day, daily);
    addToDay(daily, entry, cost);
    const month = day.slice(0, 7);
    const mtd = months.get(month) ?? { month, categories: {}, total: 0 };
    months.set(month, mtd);
    const byProvider = (mtd.categories[entry.category ?? 'inference'] ??= {}) as Record<string, number>;
    byProvider[entry.provider ?? 'other'] = (byProvider[entry.provider ?? 'other'] ?? 0) + cost;
    mtd.total += cost;
  }
  const current = monthKey(at);
  if (days.size > 0 && !months.has(current)) months.set(current, { month: current, categories: {}, total: 0 });
  for (const daily of days.values()) finishDay(daily);
  const monthly = budget?.budgets?.monthly;
  for (const mtd of months.values()) {
    for (const [category, providers] of Object.entries(mtd.categories)) {
      mtd.categories[category] = Object.fromEntries(Object.entries(providers as Record<string, number>).map(([p, usd]) => [p, roundUsd(usd)]));
    }
    mtd.total = roundUsd(mtd.total);
    const limit = monthly?.soft_limit ?? monthly?.hard_limit ?? (previousMtd?.month === mtd.month ? previousMtd.budget : undefined);
    if (limit !== undefined) {
      mtd.budget = limit;
      mtd.remaining = roundUsd(limit - mtd.total);
      mtd.percent_used = limit > 0 ? Math.round((mtd.total / limit) * 10000) / 100 : 0;
    }
  }
  return { days, months };
}

function addToDay(daily: DailyFile, entry: FeatureLine, cost: number): void {
  const category = (daily[entry.category ?? 'inference'] ??= {}) as Record<string, number>;
  const provider = entry.provider ?? 'other';
  category[provider] = (category[provider] ?? 0) + cost;
  daily.total += cost;
  daily.entries = ((daily.entries as number | undefined) ?? 0) + 1;
  if (!entry.model) return;
  const models = (daily.models ??= {}) as Record<string, ModelSlot>;
  const model = (models[entry.model] ??= { cost: 0, input: 0, output: 0, cacheWrite: 0, cacheRead: 0 });
  model.cost += cost;
  const t = entry.tokens;
  if (!t) return;
  model.input += t.input ?? 0;
  model.output += t.output ?? 0;
  model.cacheWrite += (t.cacheWrite5m ?? 0) + (t.cacheWrite1h ?? 0);
  model.cacheRead += t.cacheRead ?? 0;
}

function finishDay(daily: DailyFile): void {
  daily.total = roundUsd(daily.total);
  for (const [key, value] of Object.entries(daily)) {
    if (key === 'models' || !value || typeof value !== 'object') continue;
    for (const [p, usd] of Object.entries(value as Record<string, number>)) (value as Record<string, number>)[p] = roundUsd(usd);
  }
  for (const m of Object.values((daily.models ?? {}) as Record<string, ModelSlot>)) m.cost = roundUsd(m.cost);
}

/**
 * The ledger as the figures should be read: for a derived ledger, the days and this month come
 * from the entries (plus hand-written days that have no entries); a hand-kept ledger as it is.
 */
export function effectiveLedger(ledger: Ledger, at: Date): Ledger {
  if (!ledger.derived) return ledger;
  const derived = deriveFiles(ledger.lines, ledger.budget, at, ledger.mtd);
  const days = new Map(derived.days);
  for (const [day, daily] of ledger.days) if (!days.has(day) && daily.entries === undefined) days.set(day, daily);
  const mtd = derived.months.get(monthKey(at)) ?? (ledger.mtd?.month === monthKey(at) && ledger.mtd.updated === undefined ? ledger.mtd : undefined);
  return { ...ledger, days: new Map([...days].sort(([a], [b]) => a.localeCompare(b))), mtd };
}

/** Comparable content of a derived file: what wfo-gate stamps on it (`updated`) left out. */
export function comparable(file: DailyFile | MtdFile): string {
  const { updated: _updated, ...rest } = file as Record<string, unknown>;
  return JSON.stringify(sortKeys(rest));
}

function sortKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
}
