// The work behind `wfo-gate cost …`, imported lazily by src/cli/commands/cost.ts.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { openContext, type RunContext } from '../cli/context.js';
import { useColor } from '../cli/outputs.js';
import { UsageError } from '../core/errors.js';
import { budgetOptions, loadPriceBook, type BudgetOptions } from './budget-options.js';
import { defaultTranscriptDirs, findTranscripts, readClaudeUsage } from './claude-code.js';
import { readLedger } from './ledger-read.js';
import { LedgerError } from './ledger-schema.js';
import { recordEntries, type RecordResult } from './ledger-write.js';
import { PricesFileError } from './litellm.js';
import { LockTimeoutError } from './lock.js';
import { formatUsd } from './money.js';
import { priceTokens, providerOf, type PriceBook } from './prices.js';
import { renderMarkdown, renderPretty } from './render-report.js';
import { computeReport, reportStartDay, type ReportPeriod } from './report.js';
import { CATEGORIES, type Category, type NewEntry, type TokenCounts } from './types.js';

interface CostContext {
  run: RunContext;
  options: BudgetOptions;
  ledgerDir: string;
  ledgerDisplay: string;
}

async function open(flags: { config?: unknown; ledger?: unknown }): Promise<CostContext> {
  const run = await openContext(process.cwd(), typeof flags.config === 'string' ? flags.config : undefined);
  const options = budgetOptions(run.config.gates.budget);
  const ledgerDir = typeof flags.ledger === 'string' ? resolve(run.cwd, flags.ledger) : resolve(run.root, options.ledger);
  const rel = relative(run.root, ledgerDir);
  const ledgerDisplay = rel && !rel.startsWith('..') ? rel.replace(/\\/g, '/') : ledgerDir;
  return { run, options, ledgerDir, ledgerDisplay };
}

/** Ledger, lock and prices-file problems become usage errors: exit 2 with the message, no stack. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LedgerError) throw new UsageError(error.message, ['Fix the file by hand (schemas/cost-*.schema.json describe each shape); nothing was written.']);
    if (error instanceof PricesFileError || error instanceof LockTimeoutError) throw new UsageError(error.message);
    throw error;
  }
}

async function prices(ctx: CostContext): Promise<PriceBook> {
  return guarded(() => loadPriceBook(ctx.options, ctx.run.root));
}

function feature(ctx: CostContext, flag: unknown): string {
  if (typeof flag === 'string' && flag.trim()) return flag.trim();
  return ctx.options.feature ?? ctx.run.repo?.branch ?? 'unassigned';
}

export async function costLog(flags: Record<string, string | undefined>): Promise<void> {
  const ctx = await open(flags);
  const date = flags.date ? parseDate(flags.date, '--date') : new Date();
  const base = { id: flags.id ?? randomUUID(), feature: feature(ctx, flags.feature), date: date.toISOString(), source: 'cli', note: flags.note };
  let entry: NewEntry;
  if (flags.amount !== undefined) {
    if (flags.model) throw new UsageError('give either --model with token counts or --amount, not both');
    if (!flags.category) throw new UsageError(`--amount needs --category (${CATEGORIES.join(', ')})`);
    entry = { ...base, category: flags.category as Category, provider: flags.provider ?? 'other', cost: parseUsd(flags.amount) };
  } else if (flags.model) {
    const tokens: TokenCounts = {
      input: count(flags.input, '--input'),
      output: count(flags.output, '--output'),
      cacheWrite5m: count(flags.cacheWrite, '--cache-write'),
      cacheWrite1h: count(flags.cacheWrite1h, '--cache-write-1h'),
      cacheRead: count(flags.cacheRead, '--cache-read'),
    };
    const price = (await prices(ctx)).find(flags.model);
    if (!price) {
      throw new UsageError(`no price for model "${flags.model}"`, [
        'Add it under gates.budget.prices in wfo-gate.config.json (USD per million tokens: {"input": …, "output": …}),',
        'point gates.budget.pricesFile at a LiteLLM prices file, or log the amount with --amount and --category.',
      ]);
    }
    entry = { ...base, category: (flags.category as Category | undefined) ?? 'inference', provider: flags.provider ?? price.provider, model: flags.model, tokens, cost: priceTokens(price, tokens) };
  } else {
    throw new UsageError('nothing to log: give --model with --input/--output, or --amount with --category');
  }
  const result = await guarded(() => recordEntries(ctx.ledgerDir, [entry], { displayDir: ctx.ledgerDisplay }));
  if (result.added.length === 0) {
    process.stdout.write(`already in the ledger: ${entry.id} (nothing added)\n`);
    return;
  }
  process.stdout.write(`logged ${formatUsd(entry.cost ?? 0)} for ${entry.feature}${entry.model ? ` (${entry.model})` : ` (${entry.category}/${entry.provider})`} in ${ctx.ledgerDisplay}/\n`);
}

export async function costImportClaudeCode(flags: Record<string, string | string[] | boolean | undefined>): Promise<void> {
  const ctx = await open(flags);
  const since = typeof flags.since === 'string' ? parseDate(flags.since, '--since', true) : undefined;
  const dirs = Array.isArray(flags.dir) ? flags.dir.map((d) => resolve(ctx.run.cwd, d)) : defaultTranscriptDirs();
  const files = await findTranscripts(dirs);
  if (files.length === 0) {
    throw new UsageError(`no Claude Code transcripts (*.jsonl) found in ${dirs.join(', ')}`, ['Pass the folder that holds them with --dir.']);
  }
  const book = await prices(ctx);
  const { usage, stats } = await readClaudeUsage(files, { since, projectRoot: flags.allProjects ? undefined : ctx.run.root });
  const fallbackFeature = feature(ctx, flags.feature);
  const unpriced = new Map<string, number>();
  const entries: NewEntry[] = usage.map((u) => {
    const price = book.find(u.model);
    const cost = price ? priceTokens(price, u.tokens) : u.costUSD;
    if (cost === undefined) unpriced.set(u.model, (unpriced.get(u.model) ?? 0) + 1);
    return {
      id: `claude-code:${u.key}`,
      feature: u.gitBranch && u.gitBranch !== 'HEAD' ? u.gitBranch : fallbackFeature,
      date: new Date(u.timestamp).toISOString(),
      category: 'inference',
      provider: price?.provider ?? providerOf(u.model),
      cost,
      model: u.model,
      tokens: u.tokens,
      source: 'claude-code',
    };
  });
  const lines = [
    `read ${stats.files} transcript file(s): ${stats.usageLines} usage line(s) -> ${usage.length} API response(s)` +
      ` (${stats.usageLines - usage.length - stats.outsideProject - stats.beforeSince} repeated line(s) folded, ${stats.sidechainReplays} sidechain replay(s)` +
      `${stats.outsideProject ? `, ${stats.outsideProject} from other projects` : ''}${stats.beforeSince ? `, ${stats.beforeSince} before --since` : ''})`,
  ];
  if (stats.unreadableLines) lines.push(`skipped ${stats.unreadableLines} line(s) that are not JSON`);
  let result: RecordResult | undefined;
  if (flags.dryRun) {
    lines.push(`dry run: would import up to ${entries.length} response(s) worth ${formatUsd(sum(entries))}; nothing written`);
  } else {
    result = await guarded(() => recordEntries(ctx.ledgerDir, entries, { displayDir: ctx.ledgerDisplay }));
    lines.push(
      `imported ${result.added.length} new response(s) worth ${formatUsd(sum(result.added))} into ${ctx.ledgerDisplay}/; ${result.duplicates} already there` +
        (result.repriced.length ? `; priced ${result.repriced.length} earlier unpriced line(s) (${formatUsd(sum(result.repriced))})` : ''),
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  for (const [model, n] of unpriced) {
    process.stderr.write(
      `wfo-gate: warning: ${n} response(s) of ${model} have no price and were recorded unpriced (not in the totals); add it under gates.budget.prices and import again\n`,
    );
  }
}

export async function costReport(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const ctx = await open(flags);
  if (!(await stat(ctx.ledgerDir).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`no cost ledger at ${ctx.ledgerDisplay}/`, ['Record spend first: `wfo-gate cost log …` or `wfo-gate cost import claude-code`.']);
  }
  const now = new Date();
  const period = (flags.period as ReportPeriod | undefined) ?? 'month';
  const ledger = await guarded(() => readLedger(ctx.ledgerDir, ctx.ledgerDisplay, { sinceDay: reportStartDay(now, period) }));
  const report = computeReport(ledger, now, period);
  const format = flags.format ?? 'pretty';
  const text =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'markdown'
        ? renderMarkdown(report)
        : renderPretty(report, useColor(flags.color === false));
  process.stdout.write(text);
}

function sum(entries: readonly NewEntry[]): number {
  return entries.reduce((total, entry) => total + (entry.cost ?? 0), 0);
}

function count(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value.replace(/[_,]/g, ''))) throw new UsageError(`${flag} must be a whole number of tokens, got "${value}"`);
  return Number(value.replace(/[_,]/g, ''));
}

function parseUsd(value: string): number {
  const usd = Number(value.replace(/^\$/, ''));
  if (!Number.isFinite(usd) || usd < 0) throw new UsageError(`--amount must be a non-negative number of USD, got "${value}"`);
  return usd;
}

/** ISO 8601, or a bare day (local midnight); YYYYMMDD accepted for --since as ccusage takes it. */
function parseDate(value: string, flag: string, allowCompact = false): Date {
  const compact = allowCompact ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  const day = compact ? [compact[1], compact[2], compact[3]] : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)?.slice(1);
  const date = day ? new Date(Number(day[0]), Number(day[1]) - 1, Number(day[2])) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag}: cannot read "${value}" as a date (use YYYY-MM-DD or ISO 8601)`);
  return date;
}

