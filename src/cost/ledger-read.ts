import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LedgerError, parseLedgerJson } from './ledger-schema.js';
import { isDerivedLedger } from './ledger-setup.js';
import type { BudgetConfig, DailyFile, FeatureLine, Ledger, LedgerLine, MtdFile } from './types.js';

export const LEDGER_FILES = {
  mtd: 'mtd.json',
  byFeature: 'by-feature.jsonl',
  budget: 'budget-config.json',
} as const;

export const DAILY_NAME = /^daily-(\d{4}-\d{2}-\d{2})\.json$/;

export function dailyFileName(day: string): string {
  return `daily-${day}.json`;
}

export interface ReadLedgerOptions {
  /** Read only daily files from this day (YYYY-MM-DD) on: a report needs this month and this week. */
  sinceDay?: string;
}

/**
 * Reads and validates the ledger files in `dir` (daily files from `sinceDay` on). Throws
 * LedgerError naming the first file (and JSONL line) that does not validate; a missing file is
 * simply absent.
 */
export async function readLedger(dir: string, displayDir: string, options: ReadLedgerOptions = {}): Promise<Ledger> {
  const names = await readdir(dir);
  const since = options.sinceDay ?? '';
  const days = new Map<string, DailyFile>();
  for (const name of names.sort()) {
    const day = DAILY_NAME.exec(name)?.[1];
    // Many small files: synchronous reads skip the thread pool round trip of each one.
    if (day && day >= since) days.set(day, parseLedgerJson<DailyFile>('daily', readFileSync(join(dir, name), 'utf8'), `${displayDir}/${name}`));
  }
  const [mtdText, linesText, budgetText] = await Promise.all(
    [LEDGER_FILES.mtd, LEDGER_FILES.byFeature, LEDGER_FILES.budget].map((name) =>
      names.includes(name) ? readFile(join(dir, name), 'utf8') : Promise.resolve(undefined),
    ),
  );
  return {
    dir,
    displayDir,
    days,
    mtd: mtdText === undefined ? undefined : parseLedgerJson<MtdFile>('mtd', mtdText, `${displayDir}/${LEDGER_FILES.mtd}`),
    lines: linesText === undefined ? [] : parseFeatureLines(linesText, `${displayDir}/${LEDGER_FILES.byFeature}`),
    budget:
      budgetText === undefined
        ? undefined
        : parseLedgerJson<BudgetConfig>('budget-config', budgetText, `${displayDir}/${LEDGER_FILES.budget}`),
    derived: names.includes('.gitignore') && isDerivedLedger(dir),
  };
}

/** Each non-blank line of a by-feature.jsonl, validated; throws LedgerError with the line number. */
export function parseFeatureLines(text: string, file: string): LedgerLine[] {
  const lines: LedgerLine[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i].charCodeAt(raw[i].length - 1) === 13 ? raw[i].slice(0, -1) : raw[i];
    if (line === '' || line.trim() === '') continue;
    lines.push({ line: i + 1, raw: line, entry: parseLedgerJson<FeatureLine>('by-feature', line, file, i + 1) });
  }
  return lines;
}

/** The USD a line adds: `cost`, else the workflow's `costs.total`; undefined for unpriced usage. */
export function lineCost(entry: FeatureLine): number | undefined {
  if (typeof entry.cost === 'number') return entry.cost;
  const total = entry.costs?.total;
  return typeof total === 'number' ? total : undefined;
}

/** The feature a line is for: `feature`, else `task`. */
export function lineFeature(entry: FeatureLine): string {
  return entry.feature ?? entry.task ?? '(none)';
}

export { LedgerError };
