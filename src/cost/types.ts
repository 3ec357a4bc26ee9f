// Shapes of the cost ledger (costs/), as the workflow it comes from writes them, plus the
// fields wfo-gate adds (ids, models, token counts). schemas/cost-*.schema.json describe them.

export const CATEGORIES = ['inference', 'compute', 'storage', 'api'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Token counts of one or more requests. Cache writes are split by lifetime: they cost differently. */
export interface TokenCounts {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  /** The part of `output` that was reasoning (thinking) tokens: already counted in `output`, billed at its rate. */
  reasoning?: number;
}

/** The coding agents whose local session files `cost import` reads. */
export const IMPORT_TOOLS = ['claude-code', 'codex', 'gemini', 'opencode'] as const;
export type ImportTool = (typeof IMPORT_TOOLS)[number];

/** `daily-YYYY-MM-DD.json`: category -> provider -> USD, and the day's total. */
export interface DailyFile {
  date?: string;
  total: number;
  [category: string]: unknown;
}

/** `mtd.json` (and `mtd-YYYY-MM.json` for closed months). */
export interface MtdFile {
  month: string;
  budget?: number;
  categories: Record<string, number | Record<string, number>>;
  total: number;
  remaining?: number;
  percent_used?: number;
  [extra: string]: unknown;
}

/** One line of `by-feature.jsonl`. The workflow writes `{feature, cost, date}` or `{feature, costs: {...}, date}`. */
export interface FeatureLine {
  id?: string;
  feature?: string;
  task?: string;
  cost?: number;
  costs?: Record<string, unknown>;
  date?: string;
  category?: string;
  provider?: string;
  model?: string;
  tokens?: Partial<TokenCounts>;
  /** True when the model had no price when the line was written: it adds nothing to the totals. */
  unpriced?: boolean;
  source?: string;
  note?: string;
  /** The git branch the spend was made on, when the tool recorded it (or `cost log` saw it). */
  branch?: string;
  /** The repository the spend was made in (`owner/name`, or a remote URL), when known. */
  repository?: string;
  /** `tool`: `cost` is what the tool itself computed (the model had no price here). */
  costSource?: 'tool';
  [extra: string]: unknown;
}

export interface PeriodLimits {
  soft_limit?: number;
  hard_limit?: number;
  alert_threshold?: number;
}

/** `budget-config.json`. */
export interface BudgetConfig {
  budgets?: { daily?: PeriodLimits; weekly?: PeriodLimits; monthly?: PeriodLimits };
  alert_threshold?: number;
  cost_controls?: { block_on_limit?: boolean; [extra: string]: unknown };
  [extra: string]: unknown;
}

/** A by-feature line as read, with where it came from (1-based line number). */
export interface LedgerLine {
  line: number;
  raw: string;
  entry: FeatureLine;
}

export interface Ledger {
  /** Absolute path of the ledger folder. */
  dir: string;
  /** Repo-relative (or display) path of the folder, for messages. */
  displayDir: string;
  /** `YYYY-MM-DD` -> daily file. */
  days: Map<string, DailyFile>;
  mtd?: MtdFile;
  lines: LedgerLine[];
  budget?: BudgetConfig;
  /** True when the daily and month files are derived from by-feature.jsonl (a ledger wfo-gate created: costs/.gitignore). */
  derived: boolean;
}

/** A new spend to record: what `cost log` and `cost import` hand to the writer. */
export interface NewEntry {
  id: string;
  feature: string;
  /** ISO timestamp. */
  date: string;
  category: Category;
  provider: string;
  /** USD; undefined when the model has no price (recorded as unpriced, adds nothing to totals). */
  cost: number | undefined;
  model?: string;
  tokens?: TokenCounts;
  source?: string;
  note?: string;
  branch?: string;
  repository?: string;
  costSource?: 'tool';
}
