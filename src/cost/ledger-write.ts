import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { dayOf } from './dates.js';
import { acquireLock, type LockOptions } from './lock.js';
import { dailyFileName, LEDGER_FILES, lineCost, parseFeatureLines } from './ledger-read.js';
import { parseLedgerJson, prepareValidators } from './ledger-schema.js';
import { roundUsd } from './money.js';
import type { BudgetConfig, DailyFile, FeatureLine, MtdFile, NewEntry } from './types.js';

export interface RecordOptions extends LockOptions {
  /** Folder name for messages (e.g. `costs`). */
  displayDir?: string;
  /** "Now", for which month mtd.json stands when it does not exist yet. */
  now?: Date;
}

export interface RecordResult {
  added: NewEntry[];
  /** Entries that were in the ledger unpriced and now have a cost: their lines are rewritten. */
  repriced: NewEntry[];
  /** Entries whose id the ledger already holds (re-imports). */
  duplicates: number;
}

/**
 * Records spends: appends them to by-feature.jsonl and adds them to their day's file and their
 * month's mtd file, all under the ledger's lock and each file replaced atomically, so
 * concurrent writers (other worktrees, agents) lose nothing. Entries whose id is already in the
 * ledger are skipped, which makes imports idempotent — except a line recorded unpriced, which
 * is rewritten once its model has a price.
 */
export async function recordEntries(dir: string, entries: readonly NewEntry[], options: RecordOptions = {}): Promise<RecordResult> {
  const display = options.displayDir ?? dir;
  await mkdir(dir, { recursive: true });
  prepareValidators(['by-feature', 'daily', 'mtd', 'budget-config']);
  const release = await acquireLock(dir, options);
  try {
    const linesPath = join(dir, LEDGER_FILES.byFeature);
    const existing = (await readOptional(linesPath)) ?? '';
    const known = new Map<string, { line: number; unpriced: boolean }>();
    for (const { entry, line } of parseFeatureLines(existing, `${display}/${LEDGER_FILES.byFeature}`)) {
      if (entry.id) known.set(entry.id, { line, unpriced: lineCost(entry) === undefined });
    }
    const added: NewEntry[] = [];
    const repriced: NewEntry[] = [];
    const rawLines = existing === '' ? [] : existing.replace(/\n$/, '').split('\n');
    for (const entry of entries) {
      const held = known.get(entry.id);
      if (!held) {
        added.push(entry);
        known.set(entry.id, { line: -1, unpriced: false });
      } else if (held.unpriced && held.line > 0 && entry.cost !== undefined) {
        repriced.push(entry);
        rawLines[held.line - 1] = JSON.stringify(toLine(entry));
        held.unpriced = false;
      }
    }
    const duplicates = entries.length - added.length - repriced.length;
    if (added.length === 0 && repriced.length === 0) return { added, repriced, duplicates };

    const content = [...rawLines, ...added.map((entry) => JSON.stringify(toLine(entry)))].join('\n') + '\n';
    await writeFileAtomic(linesPath, content);

    const priced = [...repriced, ...added].filter((entry) => entry.cost !== undefined);
    const budget = await readBudget(dir, display);
    await updateDays(dir, display, priced);
    await updateMonths(dir, display, priced, budget, options.now ?? new Date());
    return { added, repriced, duplicates };
  } finally {
    await release();
  }
}

function toLine(entry: NewEntry): FeatureLine {
  const line: FeatureLine = { id: entry.id, feature: entry.feature, date: entry.date, category: entry.category, provider: entry.provider };
  if (entry.cost === undefined) line.unpriced = true;
  else line.cost = roundUsd(entry.cost);
  if (entry.model) line.model = entry.model;
  if (entry.tokens) line.tokens = entry.tokens;
  if (entry.source) line.source = entry.source;
  if (entry.note) line.note = entry.note;
  return line;
}

async function updateDays(dir: string, display: string, entries: readonly NewEntry[]): Promise<void> {
  for (const [day, group] of groupBy(entries, (entry) => dayOf(entry.date)!)) {
    const name = dailyFileName(day);
    const text = await readOptional(join(dir, name));
    const daily: DailyFile = text === undefined ? { date: day, total: 0 } : parseLedgerJson<DailyFile>('daily', text, `${display}/${name}`);
    for (const entry of group) addToDay(daily, entry);
    daily.total = roundUsd(daily.total);
    await writeFileAtomic(join(dir, name), JSON.stringify(daily, null, 2) + '\n');
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
 * mtd.json holds the newest month. An entry for a later month rolls it over: the old figures
 * are kept as mtd-YYYY-MM.json and a new mtd.json starts. Entries for earlier months go to
 * their mtd-YYYY-MM.json.
 */
async function updateMonths(dir: string, display: string, entries: readonly NewEntry[], budget: BudgetConfig | undefined, now: Date): Promise<void> {
  const months = [...groupBy(entries, (entry) => dayOf(entry.date)!.slice(0, 7))].sort(([a], [b]) => a.localeCompare(b));
  const nowMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  for (const [month, group] of months) {
    const currentPath = join(dir, LEDGER_FILES.mtd);
    const currentText = await readOptional(currentPath);
    const current = currentText === undefined ? undefined : parseLedgerJson<MtdFile>('mtd', currentText, `${display}/${LEDGER_FILES.mtd}`);
    let target: { name: string; mtd: MtdFile };
    if (current && current.month === month) {
      target = { name: LEDGER_FILES.mtd, mtd: current };
    } else if (current ? month > current.month : month >= nowMonth) {
      if (current) await writeFileAtomic(join(dir, closedMonthFile(current.month)), JSON.stringify(current, null, 2) + '\n');
      target = { name: LEDGER_FILES.mtd, mtd: { month, budget: current?.budget, categories: {}, total: 0 } };
    } else {
      const name = closedMonthFile(month);
      const text = await readOptional(join(dir, name));
      target = { name, mtd: text === undefined ? { month, categories: {}, total: 0 } : parseLedgerJson<MtdFile>('mtd', text, `${display}/${name}`) };
    }
    for (const entry of group) addToMonth(target.mtd, entry);
    finishMonth(target.mtd, budget);
    await writeFileAtomic(join(dir, target.name), JSON.stringify(target.mtd, null, 2) + '\n');
  }
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

function finishMonth(mtd: MtdFile, budget: BudgetConfig | undefined): void {
  mtd.total = roundUsd(mtd.total);
  mtd.updated = new Date().toISOString();
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
