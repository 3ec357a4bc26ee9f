// The work behind `wfo-gate cost …`, imported lazily by src/cli/commands/cost.ts.
import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { openContext, type RunContext } from '../cli/context.js';
import { useColor } from '../cli/outputs.js';
import { now } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import { quoteUserText } from '../core/redact-message.js';
import { budgetOptions, loadPriceBook, type BudgetOptions } from './budget-options.js';
import { normaliseRepository, repositoryOf, UNATTRIBUTED } from './attribution.js';
import { LEDGER_FILES, readLedger } from './ledger-read.js';
import { dayKey, daysInMonth, monthKey } from './dates.js';
import { LedgerPathError } from './ledger-dir.js';
import { duplicateLines } from './ledger-derive.js';
import { ensureUnionMerge } from './ledger-setup.js';
import { writeFileAtomic } from './atomic-file.js';
import { LedgerError } from './ledger-schema.js';
import { ledgerDrift, rebuildDerivedFiles, recordEntries, type RecordResult } from './ledger-write.js';
import { parseLiteLlm, PricesFileError, READ_MARK, readLiteLlmDoc } from './litellm.js';
import { LockTimeoutError } from './lock.js';
import { formatUsd } from './money.js';
import { createPriceBook, priceTokens, providerOf, type PriceBook } from './prices.js';
import { renderMarkdown, renderPretty } from './render-report.js';
import { computeReport, priceAgeDays, reportStartDay, STALE_PRICE_DAYS, type ReportPeriod } from './report.js';
import { CATEGORIES, type Category, type ImportTool, type NewEntry, type TokenCounts } from './types.js';
import { isInside, type UsageSource } from './usage-source.js';

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
    if (error instanceof PricesFileError || error instanceof LockTimeoutError || error instanceof LedgerPathError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR', 'ENOTDIR'].includes(code)) {
      throw new UsageError(`cannot write the cost ledger (${code} on ${(error as NodeJS.ErrnoException).path ?? 'a ledger file'})`, ['Check the permissions and free space of the folder; a file that could not be replaced kept its old content.']);
    }
    throw error;
  }
}

async function prices(ctx: CostContext): Promise<PriceBook> {
  return guarded(() => loadPriceBook(ctx.options, ctx.run.root));
}

function feature(ctx: CostContext, flag: unknown): string {
  if (typeof flag === 'string' && flag.trim()) return plainName(flag.trim(), '--feature');
  return ctx.options.feature ?? ctx.run.repo?.branch ?? 'unassigned';
}

export async function costLog(flags: Record<string, string | undefined>): Promise<void> {
  const ctx = await open(flags);
  const today = now();
  const date = flags.date ? parseDate(flags.date, '--date') : today;
  if (date.getTime() > today.getTime()) throw new UsageError(`--date ${flags.date} is in the future (now is ${today.toISOString()}); spend is logged once it has happened`);
  const base = {
    id: flags.id === undefined ? randomUUID() : plainName(flags.id, '--id'),
    feature: feature(ctx, flags.feature),
    date: date.toISOString(),
    source: 'cli',
    note: flags.note === undefined ? undefined : plainName(flags.note, '--note'),
    branch: ctx.run.repo?.branch,
    repository: await repositoryOf(ctx.run.repo?.root),
  };
  let entry: NewEntry;
  if (flags.amount !== undefined) {
    if (flags.model) throw new UsageError('give either --model with token counts or --amount, not both');
    if (!flags.category) throw new UsageError(`--amount needs --category (${CATEGORIES.join(', ')})`);
    entry = { ...base, category: flags.category as Category, provider: plainName(flags.provider ?? 'other', '--provider'), cost: parseUsd(flags.amount) };
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
    entry = { ...base, category: (flags.category as Category | undefined) ?? 'inference', provider: plainName(flags.provider ?? price.provider, '--provider'), model: plainName(flags.model, '--model'), tokens, cost: priceTokens(price, tokens) };
  } else {
    throw new UsageError('nothing to log: give --model with --input/--output, or --amount with --category');
  }
  const result = await guarded(() => recordEntries(ctx.ledgerDir, [entry], { displayDir: ctx.ledgerDisplay, repoRoot: ctx.run.repo?.root }));
  if (result.added.length === 0) {
    process.stdout.write(`already in the ledger: ${entry.id} (nothing added)\n`);
    return;
  }
  process.stdout.write(`logged ${formatUsd(entry.cost ?? 0)} for ${entry.feature}${entry.model ? ` (${entry.model})` : ` (${entry.category}/${entry.provider})`} in ${ctx.ledgerDisplay}/\n`);
}

const SOURCES: Record<ImportTool, () => Promise<UsageSource>> = {
  'claude-code': async () => (await import('./claude-code.js')).claudeCodeSource,
  codex: async () => (await import('./codex.js')).codexSource,
  gemini: async () => (await import('./gemini.js')).geminiSource,
  opencode: async () => (await import('./opencode.js')).openCodeSource,
};

/**
 * `cost import <tool>`: the one pipeline every tool's files go through. The source reads and
 * de-duplicates its files into one record per API call; here they are filtered (--since, this
 * repository), priced, attributed (the branch the tool recorded, else --feature, else
 * "(unattributed)" — never the branch checked out now) and recorded, which skips ids the ledger
 * already holds.
 */
export async function costImport(tool: ImportTool, flags: Record<string, string | string[] | boolean | undefined>): Promise<void> {
  const ctx = await open(flags);
  const source = await SOURCES[tool]();
  const since = typeof flags.since === 'string' ? parseDate(flags.since, '--since', true) : undefined;
  const dirs = Array.isArray(flags.dir) ? flags.dir.map((d) => resolve(ctx.run.cwd, d)) : source.defaultDirs();
  const files = await source.findFiles(dirs);
  const folderNotes = (await source.folderNotes?.(dirs)) ?? [];
  if (files.length === 0) {
    for (const note of folderNotes) process.stderr.write(`wfo-gate: note: ${note}\n`);
    throw new UsageError(`no ${tool} ${source.pattern} found in ${dirs.join(', ')}`, ['Pass the folder that holds them with --dir.']);
  }
  const book = await prices(ctx);
  const projectRoot = flags.allProjects ? undefined : ctx.run.root;
  const { records, stats } = await source.read(files, { projectRoot: ctx.run.root });
  const named = typeof flags.feature === 'string' && flags.feature.trim() ? plainName(flags.feature.trim(), '--feature') : ctx.options.feature;
  const thisRepo = await repositoryOf(ctx.run.repo?.root);
  let outsideProject = 0;
  let beforeSince = 0;
  let unattributed = 0;
  const unpriced = new Map<string, number>();
  const entries: NewEntry[] = [];
  // A session's cwd, branch, model and remote repeat on every one of its calls: each distinct
  // value is looked up (path arithmetic, regular expressions, the price book) once.
  const inside = memo((cwd: string) => isInside(cwd, ctx.run.root));
  const clean = memo(plainText);
  const repoName = memo((url: string) => plainText(normaliseRepository(url)));
  const priceOf = memo((model: string) => book.find(model) ?? null);
  const provider = memo(providerOf);
  const sinceMs = since?.getTime();
  for (const r of records) {
    if (sinceMs !== undefined && Date.parse(r.timestamp) < sinceMs) {
      beforeSince++;
      continue;
    }
    const inProject = r.cwd !== undefined && inside(r.cwd);
    if (projectRoot && !inProject) {
      outsideProject++;
      continue;
    }
    const price = priceOf(r.model);
    const cost = price ? priceTokens(price, r.tokens) : r.toolCost;
    if (cost === undefined) unpriced.set(r.model, (unpriced.get(r.model) ?? 0) + 1);
    const branch = r.branch && r.branch !== 'HEAD' ? clean(r.branch) : undefined;
    if (!branch && !named) unattributed++;
    const repository = r.repository ? repoName(r.repository) : inProject && thisRepo ? clean(thisRepo) : undefined;
    const entry: NewEntry = {
      id: `${tool}:${r.key}`,
      feature: branch ?? named ?? UNATTRIBUTED,
      date: r.timestamp,
      category: 'inference',
      provider: price?.provider ?? provider(r.model),
      cost,
      model: clean(r.model),
      tokens: r.tokens,
      source: tool,
    };
    if (branch) entry.branch = branch;
    if (repository) entry.repository = repository;
    if (!price && cost !== undefined) entry.costSource = 'tool';
    entries.push(entry);
  }
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const folded = stats.usageLines - records.length;
  const noun = tool === 'claude-code' ? 'transcript' : 'session';
  const lines = [
    `read ${stats.files} ${noun} file(s): ${stats.usageLines} usage line(s) -> ${entries.length} API response(s)` +
      ` (${folded} repeated line(s) folded${stats.extras.map((e) => `, ${e}`).join('')}` +
      `${outsideProject ? `, ${outsideProject} from other projects` : ''}${beforeSince ? `, ${beforeSince} before --since` : ''})`,
  ];
  if (stats.malformed.count) {
    lines.push(`skipped ${stats.malformed.count} malformed line(s) (not a JSON object): ${stats.malformed.at.map((at) => displayPath(ctx, at)).join(', ')}${stats.malformed.count > stats.malformed.at.length ? ', …' : ''}`);
  }
  let result: RecordResult | undefined;
  if (flags.dryRun) {
    lines.push(`dry run: would import up to ${entries.length} response(s) worth ${formatUsd(sum(entries))}; nothing written`);
  } else {
    result = await guarded(() => recordEntries(ctx.ledgerDir, entries, { displayDir: ctx.ledgerDisplay, repoRoot: ctx.run.repo?.root }));
    lines.push(
      `imported ${result.added.length} new response(s) worth ${formatUsd(sum(result.added))} into ${ctx.ledgerDisplay}/; ${result.duplicates} already there` +
        (result.repriced.length ? `; priced ${result.repriced.length} earlier unpriced line(s) (${formatUsd(sum(result.repriced))})` : ''),
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  for (const note of [...folderNotes, ...stats.notes]) process.stderr.write(`wfo-gate: note: ${note}\n`);
  if (unattributed) {
    process.stderr.write(`wfo-gate: warning: ${unattributed} response(s) have no recorded git branch and were charged to ${UNATTRIBUTED}; name the feature they were for with --feature\n`);
  }
  const toolPriced = entries.filter((e) => e.costSource === 'tool').length;
  if (toolPriced) process.stderr.write(`wfo-gate: note: ${toolPriced} response(s) of models with no price here carry the cost ${tool} computed (costSource "tool")\n`);
  for (const [model, n] of unpriced) {
    process.stderr.write(
      `wfo-gate: warning: ${n} response(s) of ${model} have no price and were recorded unpriced (not in the totals); add it under gates.budget.prices and import again\n`,
    );
  }
}

/** A path in a message, relative to the working directory when it is below it. */
function displayPath(ctx: CostContext, path: string): string {
  const rel = relative(ctx.run.cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** `fn` with its results kept per argument. */
function memo<T>(fn: (key: string) => T): (key: string) => T {
  const held = new Map<string, T>();
  return (key) => {
    let value = held.get(key);
    if (value === undefined && !held.has(key)) held.set(key, (value = fn(key)));
    return value as T;
  };
}

/** Names read from other tools' files end up in one-line reports: control characters become spaces. */
function plainText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export async function costReport(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const ctx = await open(flags);
  if (!(await stat(ctx.ledgerDir).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`no cost ledger at ${ctx.ledgerDisplay}/`, ['Record spend first: `wfo-gate cost log …` or `wfo-gate cost import claude-code`.']);
  }
  const today = now();
  const range = typeof flags.since === 'string' || typeof flags.until === 'string';
  if (range && typeof flags.month === 'string') throw new UsageError('give either --month or --since/--until, not both');
  const from = typeof flags.since === 'string' ? dayKey(parseDate(flags.since, '--since', true)) : undefined;
  const to = typeof flags.until === 'string' ? dayKey(parseDate(flags.until, '--until', true)) : undefined;
  if (from && to && from > to) throw new UsageError(`--since ${from} is after --until ${to}`);
  if (to && to > dayKey(today)) throw new UsageError(`--until ${to} has not come yet (today is ${dayKey(today)})`);
  const at = typeof flags.month === 'string' ? endOfMonth(flags.month, today) : to && to < dayKey(today) ? endOfDay(to) : today;
  const period: ReportPeriod = range ? 'range' : ((flags.period as ReportPeriod | undefined) ?? 'month');
  const [ledger, book] = await Promise.all([
    guarded(() => readLedger(ctx.ledgerDir, ctx.ledgerDisplay, { sinceDay: [from ?? reportStartDay(at, 'month'), reportStartDay(at, period === 'range' ? 'month' : period)].sort()[0] })),
    prices(ctx),
  ]);
  const report = computeReport(ledger, at, period, { from: from ?? (range ? undefined : undefined), to, prices: book });
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

// Bounds on one logged entry: far above any real API call or bill, low enough that sums stay
// exact in a double and a typo (an extra 0s, 1e308) is caught instead of poisoning every total.
const MAX_TOKENS = 1e10;
const MAX_USD = 1e6;

function count(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  const digits = value.replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits)) throw new UsageError(`${flag} must be a whole number of tokens, got "${quoteUserText(value)}"`);
  const n = Number(digits);
  if (n > MAX_TOKENS) throw new UsageError(`${flag} ${value} is more tokens than one entry can hold (at most ${MAX_TOKENS.toExponential()}); log large usage as several entries`);
  return n;
}

function parseUsd(value: string): number {
  const text = value.replace(/^\$/, '');
  const usd = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(usd)) throw new UsageError(`--amount must be a non-negative number of USD such as 0.40, got "${quoteUserText(value)}"`);
  if (usd > MAX_USD) throw new UsageError(`--amount ${value} is over $${MAX_USD.toLocaleString('en-US')}, the most one entry may be; log it as several entries if it is real`);
  return usd;
}

/** Names and notes end up in one-line reports and tables: control characters are refused. */
function plainName(value: string, flag: string): string {
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) throw new UsageError(`${flag} must not contain control characters (line breaks, tabs, escapes)`);
  return value;
}

/** The instant a report of month YYYY-MM is made at: now for this month, its last moment for an earlier one. */
function endOfMonth(value: string, today: Date): Date {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new UsageError(`--month must be YYYY-MM, got "${quoteUserText(value)}"`);
  if (value === monthKey(today)) return today;
  if (value > monthKey(today)) throw new UsageError(`--month ${value} has not begun yet (now is ${monthKey(today)})`);
  return new Date(Number(match[1]), month, 0, 23, 59, 59, 999);
}

/** The last moment of a local day YYYY-MM-DD. */
function endOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}

/** ISO 8601, or a bare day (local midnight); YYYYMMDD accepted for --since as ccusage takes it. */
function parseDate(value: string, flag: string, allowCompact = false): Date {
  const compact = allowCompact ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  const day = compact ? [compact[1], compact[2], compact[3]] : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)?.slice(1);
  const date = day ? new Date(Number(day[0]), Number(day[1]) - 1, Number(day[2])) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag}: cannot read "${quoteUserText(value)}" as a date (use YYYY-MM-DD or ISO 8601)`);
  // Date rolls 2026-02-30 over to 2 March: a calendar day that does not exist is refused instead.
  const [y, m, d] = (day ?? value.slice(0, 10).split('-')).map(Number);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(new Date(y, m - 1, 1))) throw new UsageError(`${flag}: ${value.slice(0, 10)} is not a day of the calendar`);
  return date;
}


/** `cost doctor [--fix]`: do the derived daily/month files agree with the entries; is the ledger set up to merge. */
export async function costDoctor(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const ctx = await open(flags);
  if (!(await stat(ctx.ledgerDir).catch(() => undefined))?.isDirectory()) throw new UsageError(`no cost ledger at ${ctx.ledgerDisplay}/`);
  const at = now();
  const ledger = await guarded(() => readLedger(ctx.ledgerDir, ctx.ledgerDisplay));
  const out: string[] = [];
  let problems = 0;
  const dupes = duplicateLines(ledger.lines);
  out.push(`${ctx.ledgerDisplay}/${LEDGER_FILES.byFeature}: ${ledger.lines.length} line(s)${dupes.length ? `, ${dupes.length} repeating an id (kept by a merge; counted once)` : ''}`);
  const attributes = await ensureUnionMerge(ctx.ledgerDir, ctx.run.repo?.root, !flags.fix);
  if (attributes) {
    if (flags.fix) out.push(`set merge=union for ${LEDGER_FILES.byFeature} in ${displayPath(ctx, attributes)}`);
    else {
      problems++;
      out.push(`✖ ${LEDGER_FILES.byFeature} has no merge=union in ${displayPath(ctx, attributes)}: two branches that log spend will conflict on merge (--fix adds it)`);
    }
  }
  if (!ledger.derived) {
    out.push(`${ctx.ledgerDisplay}/ keeps its daily and month files by hand (no .gitignore written by wfo-gate): they are the figures, nothing is derived or rebuilt`);
  } else if (flags.fix) {
    const written = await guarded(() => rebuildDerivedFiles(ctx.ledgerDir, { displayDir: ctx.ledgerDisplay, now: at }));
    out.push(written.length ? `rebuilt from the entries: ${written.join(', ')}` : 'the daily and month files agree with the entries');
  } else {
    const drift = await guarded(() => ledgerDrift(ctx.ledgerDir, ctx.ledgerDisplay, at));
    if (drift.stale.length + drift.missing.length === 0) out.push('the daily and month files agree with the entries');
    else {
      problems++;
      if (drift.stale.length) out.push(`✖ disagree with the entries: ${drift.stale.join(', ')}`);
      if (drift.missing.length) out.push(`✖ missing: ${drift.missing.join(', ')}`);
      out.push('  run `wfo-gate cost doctor --fix` to rebuild them (reports and the budget gate already count the entries)');
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  if (problems) process.exitCode = 1;
}

/** `cost prices`: every price with its source and date; `--from-litellm <file>` shows (and with --write saves) what LiteLLM's file changes. */
export async function costPrices(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const ctx = await open(flags);
  // The first `--from-litellm --write` makes gates.budget.pricesFile: until then it is compared
  // with the prices in use without it, not refused for being missing.
  const target = ctx.options.pricesFile && (isAbsolute(ctx.options.pricesFile) ? ctx.options.pricesFile : resolve(ctx.run.root, ctx.options.pricesFile));
  const missing = typeof flags.fromLitellm === 'string' && target !== undefined && !(await stat(target).catch(() => undefined));
  const book = missing ? await guarded(() => loadPriceBook({ ...ctx.options, pricesFile: undefined }, ctx.run.root)) : await prices(ctx);
  const today = now();
  if (typeof flags.fromLitellm === 'string') {
    const path = resolve(ctx.run.cwd, flags.fromLitellm);
    const doc = await guarded(() => readLiteLlmDoc(path, flags.fromLitellm as string));
    const fresh = createPriceBook([parseLiteLlm(doc, flags.fromLitellm)]);
    const changes: string[] = [];
    for (const price of book.entries()) {
      const next = fresh.find(price.model);
      if (!next || next.source === price.source) continue;
      const diff = (['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead'] as const)
        .filter((k) => next[k] !== undefined && next[k] !== price[k])
        .map((k) => `${k} ${price[k] ?? '-'} -> ${next[k]}`);
      if (diff.length) changes.push(`  ${price.model}: ${diff.join(', ')}`);
    }
    const adds = fresh.entries().filter((p) => book.find(p.model) === undefined).length;
    const lines = [
      changes.length ? `${changes.length} price(s) differ in ${flags.fromLitellm} (USD per million tokens):` : `no price of the ${book.entries().length} known differs in ${flags.fromLitellm}`,
      ...changes,
    ];
    if (adds) lines.push(`${adds} model(s) not priced here now would be priced from it`);
    if (flags.write) {
      if (!target) throw new UsageError('--write needs gates.budget.pricesFile: the file to write', ['Set it in wfo-gate.config.json, e.g. "pricesFile": "costs/prices.json", and run again.']);
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, JSON.stringify({ ...doc, [READ_MARK]: { source: basename(path), date: dayKey(today) } }, null, 1) + '\n');
      lines.push(`wrote ${ctx.options.pricesFile} (gates.budget.pricesFile), read on ${dayKey(today)}: its prices now override the built-in table`);
    } else if (changes.length) {
      lines.push('run again with --write to save them to gates.budget.pricesFile');
    }
    process.stdout.write(lines.join('\n') + '\n');
    return;
  }
  const rows = book.entries().sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
  if (flags.format === 'json') {
    const json = rows.map((p) => ({ ...p, ageDays: priceAgeDays(p.date, today) ?? null, stale: (priceAgeDays(p.date, today) ?? 0) > STALE_PRICE_DAYS }));
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return;
  }
  const out = ['USD per million tokens: input / output / cache write (5m, 1h) / cache read', ''];
  const width = Math.max(...rows.map((p) => p.model.length));
  for (const p of rows) {
    const age = priceAgeDays(p.date, today);
    const flag = age === undefined ? 'undated' : age > STALE_PRICE_DAYS ? `read ${age} days ago: check it` : '';
    const rates = [p.input, p.output, p.cacheWrite5m ?? p.input, p.cacheWrite1h ?? p.cacheWrite5m ?? p.input, p.cacheRead ?? p.input].join(' / ');
    out.push(`${p.model.padEnd(width)}  ${rates}${p.above200k ? ' (more above 200k)' : ''}  — ${p.source}${p.date ? `, ${p.date}` : ''}${flag ? `  ! ${flag}` : ''}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
