// The contracts between triggers, scopes, gates, the runner and reporters (see DESIGN.md).
// Every other module imports these shapes; none keeps a copy of its own.

/** The built-in gates. */
export const GATE_IDS = ['secrets', 'sast', 'audit', 'coverage', 'env-ignore', 'budget'] as const;
export type BuiltinGateId = (typeof GATE_IDS)[number];
/** A built-in gate's id, or a custom gate's: `gates.<id>` with `"type": "command"` (src/gates/custom). */
export type GateId = BuiltinGateId | (string & {});

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** How sure a finding is that it is real, most sure first (secrets: see gates/secrets/confidence.ts). */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
/** A severity threshold: findings at or above it block; `none` never blocks. */
export type FailOnLevel = Severity | 'none';
/**
 * A gate's blocking threshold: a severity, or a severity and a minimum confidence (a finding
 * that states a confidence below it is reported but does not block).
 */
export type FailOn = FailOnLevel | { severity?: FailOnLevel; confidence?: Confidence };

export interface Suppression {
  kind: 'inline' | 'baseline' | 'allowlist';
  /** The marker that matched (e.g. `gitleaks:allow`) or the allowlist/baseline entry. */
  by: string;
  reason?: string;
}

export interface Finding {
  gate: GateId;
  ruleId: string;
  severity: Severity;
  message: string;
  /** Repo-relative path with forward slashes. */
  file?: string;
  /** 1-based. */
  line?: number;
  endLine?: number;
  column?: number;
  /** Stable across line moves: hash of gate, rule, file and the normalised match. */
  fingerprint: string;
  /** In diff-aware scopes: on a changed line / introduced by the change. Undefined in full scans. */
  isNew?: boolean;
  /** One line: what the user should do. */
  fix?: string;
  /** Secrets: a redacted preview only (`AKIA…(20 chars)`), never the raw value. */
  preview?: string;
  /** How sure the finding is: a provider format with a fixed prefix or checksum is high, a keyword and entropy medium, an example or documentation value low. */
  confidence?: Confidence;
  /** The commit that introduced it, in range and history scans. */
  commit?: string;
  /** Forces blocking (true) or never blocking (false) regardless of failOn. */
  blocking?: boolean;
  /** Set on findings moved to GateResult.suppressed. */
  suppression?: Suppression;
  /** Line ranges for multi-range findings (e.g. uncovered lines of a file). */
  ranges?: LineRange[];
}

export type GateStatus = 'pass' | 'warn' | 'fail' | 'error' | 'skipped';

export interface RuleInfo {
  gate: GateId;
  id: string;
  title: string;
  severity: Severity;
  description?: string;
  helpUri?: string;
  tags?: string[];
}

export interface GateResult {
  gate: GateId;
  status: GateStatus;
  /** Findings that count: not suppressed. */
  findings: Finding[];
  /** Findings silenced by an inline marker, the baseline or an allowlist: reported, never silent. */
  suppressed: Finding[];
  summary: string;
  durationMs: number;
  metrics?: Record<string, number>;
  /** Why the gate could not decide (status `error`). */
  error?: string;
  /** Metadata of the rules that findings refer to (SARIF's tool.driver.rules). */
  rules?: RuleInfo[];
  /** A gate that measures one number (custom gates): the value, its threshold and the base's value. */
  measure?: Measure;
}

export interface Measure {
  value: number;
  /** e.g. `errors`, `%`, `bytes`. */
  unit?: string;
  /** The thresholds as a person reads them: `≤ 0`, `≥ 90`, `+≤ 5 % vs base`. */
  threshold: string;
  /** The same measure at the base of the change, when it was compared with one. */
  base?: number;
}

/** What a gate's run() returns; the runner adds timing, suppressions and the final status. */
export interface GateOutcome {
  findings: Finding[];
  summary: string;
  metrics?: Record<string, number>;
  /** Only for decisions findings cannot express: `skipped`, `error`, or a forced `warn`. */
  status?: Exclude<GateStatus, 'pass'>;
  error?: string;
  /** Findings the gate itself suppressed (e.g. an allowlist or an inline marker in a past commit). */
  suppressed?: Finding[];
  rules?: RuleInfo[];
  measure?: Measure;
}

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

export type ScopeKind = 'all' | 'staged' | 'base' | 'range' | 'files' | 'history';

export type FileStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'typechange' | 'unchanged';

export interface ScopeFile {
  path: string;
  status: FileStatus;
  oldPath?: string;
  /** Git blob id of the content the trigger sees, when it comes from the object store. */
  blob?: string;
  /** Lines added or changed by the change (diff-aware scopes). Undefined in full scans. */
  changed?: LineRange[];
  /** Whether git tracks the file (index or commit); false for untracked work-tree files. */
  tracked: boolean;
}

export interface FileContent {
  file: ScopeFile;
  content: Buffer;
}

export interface AddedLine {
  line: number;
  text: string;
}

export interface CommitChange {
  commit: string;
  author: string;
  date: string;
  subject: string;
  /** `binary`: a binary file's new blob id (it has no added lines; gates that judge binary content read it by id). */
  files: { path: string; added: AddedLine[]; binary?: string }[];
}

export interface SkippedFiles {
  binary: string[];
  tooLarge: string[];
  submodules: string[];
  symlinks: string[];
  unreadable: string[];
  /**
   * Read, but past a parser's budget (size or nesting depth, decided before parsing): the
   * gates that parse (SAST) did not check them; the others (secrets) did. The reason is in a note.
   */
  tooLargeToParse: string[];
}

export interface Scope {
  kind: ScopeKind;
  /** Absolute path of the repository (or directory, outside git). */
  root: string;
  isGitRepo: boolean;
  /** Staged, base, range: findings carry isNew and only new ones block by default. */
  diffAware: boolean;
  /** Where read() takes content from. */
  source: 'worktree' | 'index' | 'commit';
  /** Resolved commit ids, where the scope has them (base = merge base for `base`). */
  base?: string;
  head?: string;
  /** Human description for reports, e.g. `staged changes` or `origin/main...HEAD`. */
  description: string;
  files: ScopeFile[];
  /** Filled as files are read: never a silent skip. */
  skipped: SkippedFiles;
  maxFileSize: number;
  /**
   * Text content of the given files (default: all), as the trigger sees them. Binary and
   * oversized files are not yielded; they are recorded in `skipped`.
   */
  read(paths?: readonly string[]): AsyncIterable<FileContent>;
  /** One file's raw content as the trigger sees it, or undefined if not in scope / unreadable. */
  readOne(path: string): Promise<Buffer | undefined>;
  /**
   * For gates that read the work tree themselves (the secrets worker pool): records a file
   * they had to skip, once, as read() would. An unreadable file makes that gate an error.
   */
  noteSkipped(kind: keyof SkippedFiles, path: string): void;
  /** A file's content at the scope's base (diff-aware scopes with a base), for "what was there before". */
  readAtBase(path: string): Promise<Buffer | undefined>;
  /** Every commit's added lines, for gates that must see history (range, base, history). */
  commits(): AsyncIterable<CommitChange>;
  /**
   * Why commits() cannot yield every commit the scope asked for (a shallow clone cut inside
   * it), with the fix. A gate that reads commits is then an error: it never saw them.
   */
  missingHistory?: string;
  /** Non-fatal notes for the report (e.g. shallow clone, submodules skipped). */
  notes: string[];  /**
   * Work-tree scopes in git: path -> blob id of each tracked file whose work-tree content is the
   * index's (clean), from git's own listings, without reading any file. Files not in the map
   * (modified, untracked) have no known id. For result caches (src/core/result-cache.ts).
   */
  cleanBlobs?(): Promise<ReadonlyMap<string, string>>;
}

export interface GateContext<O = Record<string, unknown>> {
  /** The id this gate runs as (a custom gate's id is its key under `gates`). */
  gateId?: GateId;
  scope: Scope;
  /** This gate's config section with schema defaults applied. */
  options: O;
  /** True when the user configured this gate explicitly: missing inputs are then an error, not a skip. */
  explicit: boolean;
  config: ResolvedConfig;
  signal: AbortSignal;
}

export interface Gate<O = Record<string, unknown>> {
  id: GateId;
  title: string;
  run(ctx: GateContext<O>): Promise<GateOutcome>;
  /** The gate's rule catalogue for `wfo-gate rules` and SARIF. */
  rules?(): Promise<RuleInfo[]> | RuleInfo[];
}

export interface GateCommonOptions {
  enabled: boolean;
  failOn: FailOn;
  timeoutMs?: number;
  onError?: 'fail' | 'warn';
  /** Globs of repo paths this gate ignores. */
  exclude?: string[];
  /** Block on existing findings too, not only new ones (diff-aware scopes). */
  blockExisting?: boolean;
}

export interface ResolvedConfig {
  /** The file it came from, or undefined for built-in defaults. */
  file?: string;
  onError: 'fail' | 'warn';
  timeoutMs: number;
  maxFileSize: number;
  exclude: string[];
  baseline: string;
  /** Per-file result cache (`cache` in config, `run --no-cache`); undefined: on for whole-tree runs only. */
  cache?: boolean;
  gates: Record<GateId, GateCommonOptions & Record<string, unknown>>;
  /** Gates the user wrote a section for. */
  explicitGates: Set<GateId>;
  hooks: { 'pre-commit': GateId[]; 'pre-push': GateId[] };
  ci: GateId[];
  /** The raw object as written, for tools that print it. */
  raw: Record<string, unknown>;
}

export type Verdict = 'pass' | 'warn' | 'fail' | 'error';

/** One of N parts of a run split across processes (`run --shard i/n`). */
export interface ShardSpec {
  /** 1-based. */
  index: number;
  total: number;
}

/** What a shard's report records about the run it is part of (Report.shard). */
export interface ShardInfo extends ShardSpec {
  /** The commit the run checked (scope head), when there is one. */
  commit?: string;
  /** A hash of the effective configuration, the requested gates and the baseline. */
  configHash: string;
  /** Every gate the run asked for, in every shard; `gates` in the report holds the ones this shard ran. */
  gates: GateId[];
  /** Each requested gate's onError policy, so a merge folds the verdict as the runner does. */
  onError: Partial<Record<GateId, 'fail' | 'warn'>>;
}

/** How `wfo-gate merge` made a report from shard reports (Report.merged). */
export interface MergeInfo {
  /** The shards merged, in order. */
  shards: { index: number; total: number; source: string }[];
  /** Why the merge cannot vouch for the whole run (missing, duplicate, mismatched shards): each makes the verdict `error`. */
  problems: string[];
}

export interface Report {
  tool: { name: 'wfo-gate'; version: string };
  verdict: Verdict;
  scope: { kind: ScopeKind; description: string; root: string; base?: string; head?: string; files: number };
  gates: GateResult[];
  skipped: SkippedFiles & { counts: Record<keyof SkippedFiles, number> };
  suppressedCount: number;
  notes: string[];
  durationMs: number;
  startedAt: string;
  /** Set by `run --shard i/n`: which part of which run this report is. */
  shard?: ShardInfo;
  /** Set by `wfo-gate merge`: the shards it joined and what was wrong with them. */
  merged?: MergeInfo;
}
