import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { now } from '../core/clock.js';
import { dayOf, monthKey } from './dates.js';
import { ensureLedgerDir } from './ledger-dir.js';
import { acquireLock, type LockOptions } from './lock.js';
import { comparable, deriveFiles } from './ledger-derive.js';
import { DAILY_NAME, dailyFileName, LEDGER_FILES, lineCost, parseFeatureLines } from './ledger-read.js';
import { isDerivedLedger, setUpNewLedger } from './ledger-setup.js';
import { parseLedgerJson, prepareValidators, serializeLedgerJson } from './ledger-schema.js';
import { roundUsd } from './money.js';
import type { BudgetConfig, DailyFile, FeatureLine, LedgerLine, MtdFile, NewEntry } from './types.js';

export interface RecordOptions extends LockOptions {
  /** Folder name for messages (e.g. `costs`). */
  displayDir?: string;
  /** "Now": which month is the current one (mtd.json). Default: the run's clock. */
  now?: Date;
  /** The repository root: a ledger created now gets its merge=union line in the root's .gitattributes. */
  repoRoot?: string;
}

export interface RecordResult {
  added: NewEntry[];
  /** Entries that were in the ledger unpriced and now have a cost: their lines are rewritten. */
  repriced: NewEntry[];
  /** Entries whose id the ledger already holds (re-imports). */
  duplicates: number;
}

/** File name -> new content (null: remove it): what one record operation writes, decided before anything is written. */
type WritePlan = Map<string, string | null>;

/**
 * Records spends: appends them to by-feature.jsonl and adds them to their day's file and their
 * month's file, all under the ledger's lock and each file replaced atomically, so concurrent
 * writers (other worktrees, agents) lose nothing. Every file is read, validated and its new
 * content checked against its schema before the first write: a broken ledger file means
 * nothing is written. Entries whose id is already in the ledger are skipped, which makes
 * imports idempotent — except a line recorded unpriced, which is rewritten once its model has
 * a price.
 */
export async function recordEntries(dir: string, entries: readonly NewEntry[], options: RecordOptions = {}): Promise<RecordResult> {
  const display = options.displayDir ?? dir;
  await ensureLedgerDir(dir, display);
  prepareValidators(['by-feature', 'daily', 'mtd', 'budget-config']);
  const release = await acquireLock(dir, options);
  try {
    const linesName = LEDGER_FILES.byFeature;
    const names = await readdir(dir);
    const fresh = !names.some((name) => name === linesName || name === LEDGER_FILES.mtd || DAILY_NAME.test(name) || /^mtd-\d{4}-\d{2}\.json$/.test(name));
    const derived = fresh || isDerivedLedger(dir);
    const existing = (await readOptional(join(dir, linesName))) ?? '';
    const parsed = parseFeatureLines(existing, `${display}/${linesName}`);
    // The lines that count, once each (as uniqueLines keeps them), and where each id's is.
    const known = new Map<string, { line: number; unpriced: boolean; at: number }>();
    const unique: LedgerLine[] = [];
    for (const held of parsed) {
      const id = held.entry.id;
      if (!id) {
        unique.push(held);
        continue;
      }
      const unpriced = lineCost(held.entry) === undefined;
      const seen = known.get(id);
      if (!seen) {
        known.set(id, { line: held.line, unpriced, at: unique.length });
        unique.push(held);
      } else if (seen.unpriced && !unpriced) {
        // A union merge can leave an id twice: a priced line of it settles it.
        seen.line = held.line;
        seen.unpriced = false;
        unique[seen.at] = held;
      }
    }
    const added: NewEntry[] = [];
    const repriced: NewEntry[] = [];
    const rawLines = existing === '' ? [] : existing.replace(/\n$/, '').split('\n');
    for (const entry of entries) {
      const held = known.get(entry.id);
      if (!held) {
        added.push(entry);
        known.set(entry.id, { line: -1, unpriced: false, at: -1 });
      } else if (held.unpriced && held.line > 0 && entry.cost !== undefined) {
        repriced.push(entry);
        const line = toLine(entry);
        rawLines[held.line - 1] = serializeLedgerJson('by-feature', line, `${display}/${linesName}`, false);
        unique[held.at] = { line: held.line, raw: rawLines[held.line - 1], entry: line };
        held.unpriced = false;
      }
    }
    const duplicates = entries.length - added.length - repriced.length;
    if (added.length === 0 && repriced.length === 0) return { added, repriced, duplicates };

    const addedLines = added.map(toLine);
    const serialised = addedLines.map((line) => serializeLedgerJson('by-feature', line, `${display}/${linesName}`, false));
    const plan: WritePlan = new Map([[linesName, rawLines.concat(serialised).join('\n') + '\n']]);
    const budget = await readBudget(dir, display);
    const at = options.now ?? now();
    if (derived) {
      const all: LedgerLine[] = unique.concat(addedLines.map((entry, i) => ({ line: rawLines.length + i + 1, raw: '', entry })));
      await planDerived(plan, dir, display, all, budget, at, names, true);
    } else {
      const priced = [...repriced, ...added].filter((entry) => entry.cost !== undefined);
      await planDays(plan, dir, display, priced);
      await planMonths(plan, dir, display, priced, budget, at);
    }
    if (fresh) await setUpNewLedger(dir, options.repoRoot);
    for (const [name, content] of plan) {
      if (content === null) await rm(join(dir, name), { force: true });
      else await writeFileAtomic(join(dir, name), content);
    }
    return { added, repriced, duplicates };
  } finally {
    await release();
  }
}

/**
 * A derived ledger: every daily and month file the entries make, rebuilt whole. The files on
 * disk are read first (a broken one stops the write, as in a hand-kept ledger) and only those
 * whose figures change are written.
 */
async function planDerived(plan: WritePlan, dir: string, display: string, lines: readonly LedgerLine[], budget: BudgetConfig | undefined, at: Date, names: readonly string[], unique = false): Promise<void> {
  const read = async <T extends DailyFile | MtdFile>(kind: 'daily' | 'mtd', name: string): Promise<T | undefined> => {
    if (!names.includes(name)) return undefined;
    const text = await readOptional(join(dir, name));
    return text === undefined ? undefined : parseLedgerJson<T>(kind, text, `${display}/${name}`);
  };
  const openMtd = await read<MtdFile>('mtd', LEDGER_FILES.mtd);
  for (const name of names) if (DAILY_NAME.test(name)) await read<DailyFile>('daily', name);
  const derived = deriveFiles(lines, budget, at, openMtd, unique);
  for (const [day, daily] of derived.days) {
    const name = dailyFileName(day);
    const held = await read<DailyFile>('daily', name);
    if (!held || comparable(held) !== comparable(daily)) plan.set(name, serializeLedgerJson('daily', daily, `${display}/${name}`) + '\n');
  }
  const current = monthKey(at);
  if (openMtd && openMtd.month !== current && !derived.months.has(openMtd.month)) derived.months.set(openMtd.month, openMtd);
  for (const [month, mtd] of derived.months) {
    const name = month === current ? LEDGER_FILES.mtd : closedMonthFile(month);
    const held = name === LEDGER_FILES.mtd ? openMtd : await read<MtdFile>('mtd', name);
    if (held && comparable(held) === comparable(mtd)) continue;
    mtd.updated = at.toISOString();
    plan.set(name, serializeLedgerJson('mtd', mtd, `${display}/${name}`) + '\n');
  }
}

export function toLine(entry: NewEntry): FeatureLine {
  const line: FeatureLine = { id: entry.id, feature: entry.feature, date: entry.date, category: entry.category, provider: entry.provider };
  if (entry.cost === undefined) line.unpriced = true;
  else line.cost = roundUsd(entry.cost);
  if (entry.model) line.model = entry.model;
  if (entry.tokens) line.tokens = entry.tokens;
  if (entry.source) line.source = entry.source;
  if (entry.note) line.note = entry.note;
  if (entry.branch) line.branch = entry.branch;
  if (entry.repository) line.repository = entry.repository;
  if (entry.costSource) line.costSource = entry.costSource;
  return line;
}

async function planDays(plan: WritePlan, dir: string, display: string, entries: readonly NewEntry[]): Promise<void> {
  for (const [day, group] of groupBy(entries, (entry) => dayOf(entry.date)!)) {
    const name = dailyFileName(day);
    const text = await readOptional(join(dir, name));
    const daily: DailyFile = text === undefined ? { date: day, total: 0 } : parseLedgerJson<DailyFile>('daily', text, `${display}/${name}`);
    for (const entry of group) addToDay(daily, entry);
    daily.total = roundUsd(daily.total);
    plan.set(name, serializeLedgerJson('daily', daily, `${display}/${name}`) + '\n');
  }
}

function addToDay(daily: DailyFile, entry: NewEntry): void {
  const cost = entry.cost ?? 0;
  const category = (daily[entry.category] ??= {}) as Record<string, number>;
  category[entry.provider] = roundUsd((category[entry.provider] ?? 0) + cost);
  daily.total += cost;
  daily.entries = ((daily.entries as number | undefined) ?? 0) + 1;
  if (!entry.model) return;
  const models = (daily.models ??= {}) as Record<string, { cost: number; input?: number; output?: number; cacheWrite?: number; cacheRead?: number }>;
  const model = (models[entry.model] ??= { cost: 0, input: 0, output: 0, cacheWrite: 0, cacheRead: 0 });
  model.cost = roundUsd(model.cost + cost);
  if (entry.tokens) {
    model.input = (model.input ?? 0) + entry.tokens.input;
    model.output = (model.output ?? 0) + entry.tokens.output;
    model.cacheWrite = (model.cacheWrite ?? 0) + entry.tokens.cacheWrite5m + entry.tokens.cacheWrite1h;
    model.cacheRead = (model.cacheRead ?? 0) + entry.tokens.cacheRead;
  }
}

/**
 * mtd.json is the current month (by the run's clock), as its name says. Any other month lives in
 * mtd-YYYY-MM.json: an entry dated last month goes there and leaves this month's figures alone.
 * When the month turns, the mtd.json left from an earlier month is kept as that month's file and
 * a new one starts (from the current month's file, should one exist).
 */
async function planMonths(plan: WritePlan, dir: string, display: string, entries: readonly NewEntry[], budget: BudgetConfig | undefined, at: Date): Promise<void> {
  const current = monthKey(at);
  const months = new Map<string, MtdFile>();
  const load = async (name: string): Promise<MtdFile | undefined> => {
    const text = await readOptional(join(dir, name));
    return text === undefined ? undefined : parseLedgerJson<MtdFile>('mtd', text, `${display}/${name}`);
  };
  let openMtd = await load(LEDGER_FILES.mtd);
  if (openMtd && openMtd.month !== current) {
    months.set(openMtd.month, openMtd);
    openMtd = undefined;
  }
  if (!openMtd) {
    const early = await load(closedMonthFile(current));
    if (early) plan.set(closedMonthFile(current), null);
    if (early || months.size > 0) openMtd = early ?? { month: current, categories: {}, total: 0, ...budgetOf(months) };
  }
  if (openMtd) months.set(current, openMtd);
  for (const [month, group] of groupBy(entries, (entry) => dayOf(entry.date)!.slice(0, 7))) {
    const mtd = months.get(month) ?? (await load(closedMonthFile(month))) ?? { month, categories: {}, total: 0 };
    for (const entry of group) addToMonth(mtd, entry);
    months.set(month, mtd);
  }
  for (const [month, mtd] of months) {
    const name = month === current ? LEDGER_FILES.mtd : closedMonthFile(month);
    finishMonth(mtd, budget, at);
    plan.set(name, serializeLedgerJson('mtd', mtd, `${display}/${name}`) + '\n');
  }
}

/** A new month keeps the budget the month before it had. */
function budgetOf(months: Map<string, MtdFile>): { budget?: number } {
  const budget = [...months.values()][0]?.budget;
  return budget === undefined ? {} : { budget };
}

export function closedMonthFile(month: string): string {
  return `mtd-${month}.json`;
}

function addToMonth(mtd: MtdFile, entry: NewEntry): void {
  const cost = entry.cost ?? 0;
  mtd.categories ??= {};
  const slot = mtd.categories[entry.category];
  if (typeof slot === 'number') {
    mtd.categories[entry.category] = roundUsd(slot + cost);
  } else {
    const byProvider = slot ?? (mtd.categories[entry.category] = {});
    byProvider[entry.provider] = roundUsd((byProvider[entry.provider] ?? 0) + cost);
  }
  mtd.total += cost;
}

function finishMonth(mtd: MtdFile, budget: BudgetConfig | undefined, at: Date): void {
  mtd.total = roundUsd(mtd.total);
  mtd.updated = at.toISOString();
  const monthly = budget?.budgets?.monthly;
  const limit = monthly?.soft_limit ?? monthly?.hard_limit ?? mtd.budget;
  if (limit === undefined) {
    delete mtd.budget;
    return;
  }
  mtd.budget = limit;
  mtd.remaining = roundUsd(limit - mtd.total);
  mtd.percent_used = limit > 0 ? Math.round((mtd.total / limit) * 10000) / 100 : 0;
}

async function readBudget(dir: string, display: string): Promise<BudgetConfig | undefined> {
  const text = await readOptional(join(dir, LEDGER_FILES.budget));
  return text === undefined ? undefined : parseLedgerJson<BudgetConfig>('budget-config', text, `${display}/${LEDGER_FILES.budget}`);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface Drift {
  /** Derived files whose figures differ from what the entries make (or that should not be there). */
  stale: string[];
  /** Derived files the entries make that are not on disk (only counted once some derived file is). */
  missing: string[];
}

/**
 * How a derived ledger's daily and month files differ from what by-feature.jsonl makes. A
 * fresh checkout has none of them (they are git-ignored): that is no drift, figures are
 * computed from the entries. Hand-kept ledgers (no costs/.gitignore from wfo-gate) have none.
 */
export async function ledgerDrift(dir: string, display: string, at: Date = now()): Promise<Drift> {
  const { plan, names } = await derivedPlan(dir, display, at);
  const onDisk = (name: string) => names.includes(name);
  const anyDerived = names.some((n) => n === LEDGER_FILES.mtd || DAILY_NAME.test(n) || /^mtd-\d{4}-\d{2}\.json$/.test(n));
  const drift: Drift = { stale: [], missing: [] };
  for (const name of plan.keys()) {
    if (onDisk(name)) drift.stale.push(name);
    else if (anyDerived) drift.missing.push(name);
  }
  return drift;
}

/** `cost doctor --fix`: rewrites the derived files from the entries, under the ledger's lock. Returns what it wrote or removed. */
export async function rebuildDerivedFiles(dir: string, options: RecordOptions = {}): Promise<string[]> {
  const display = options.displayDir ?? dir;
  prepareValidators(['by-feature', 'daily', 'mtd', 'budget-config']);
  const release = await acquireLock(dir, options);
  try {
    const { plan } = await derivedPlan(dir, display, options.now ?? now());
    for (const [name, content] of plan) {
      if (content === null) await rm(join(dir, name), { force: true });
      else await writeFileAtomic(join(dir, name), content);
    }
    return [...plan.keys()];
  } finally {
    await release();
  }
}

async function derivedPlan(dir: string, display: string, at: Date): Promise<{ plan: WritePlan; names: string[] }> {
  const names = await readdir(dir);
  const plan: WritePlan = new Map();
  if (!isDerivedLedger(dir)) return { plan, names };
  const text = (await readOptional(join(dir, LEDGER_FILES.byFeature))) ?? '';
  const lines = parseFeatureLines(text, `${display}/${LEDGER_FILES.byFeature}`);
  await planDerived(plan, dir, display, lines, await readBudget(dir, display), at, names);
  // A daily file wfo-gate wrote (it counts `entries`) for a day that no longer has any.
  const days = new Set(lines.map((l) => (l.entry.date ? dayOf(l.entry.date) : undefined)));
  for (const name of names) {
    const day = DAILY_NAME.exec(name)?.[1];
    if (!day || days.has(day) || plan.has(name)) continue;
    const daily = parseLedgerJson<DailyFile>('daily', (await readOptional(join(dir, name))) ?? '{}', `${display}/${name}`);
    if (daily.entries !== undefined) plan.set(name, null);
  }
  return { plan, names };
}
