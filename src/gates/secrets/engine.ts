import picomatch from 'picomatch';
import { shannonEntropy } from './entropy.js';
import { KeywordIndex } from './keyword-index.js';
import { LineIndex } from './line-index.js';
import { GLOBAL_ALLOW } from './placeholders.js';
import type { SecretRule } from './rule.js';

// Why backtracking regexes and not a linear-time engine: Node has no linear engine without a
// native addon (RE2 bindings) or a V8 flag (`--enable-experimental-regexp-engine`), and users
// must not need either. Instead every rule is written with bounded quantifiers around its
// literal anchors, the prefilter keeps rules off files that cannot match, and
// test/secrets/regex-safety.test.ts runs every built-in regex on adversarial 100 KB inputs as
// a catastrophe detector.

export interface CompiledRule {
  rule: SecretRule;
  /** Position in the rule list: among overlapping matches the lower order wins. */
  order: number;
  regex: RegExp;
  allow: RegExp[];
  include?: (path: string) => boolean;
  exclude?: (path: string) => boolean;
}

export interface SecretMatch {
  rule: SecretRule;
  /** The rule's position in the engine's rule list (stable across threads). */
  ruleIndex: number;
  secret: string;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  /** 1-based position of the secret's first character. */
  line: number;
  column: number;
}

/** A rule that cannot be compiled: its id and what is wrong, for a precise gate error. */
export class RuleCompileError extends Error {
  override name = 'RuleCompileError';
  constructor(readonly ruleId: string, detail: string) {
    super(`secret rule "${ruleId}": ${detail}`);
  }
}

export function compileRule(rule: SecretRule, order: number): CompiledRule {
  const flags = new Set(`gd${rule.flags ?? ''}`);
  let regex: RegExp;
  let allow: RegExp[];
  try {
    regex = new RegExp(rule.regex, [...flags].join(''));
  } catch (error) {
    throw new RuleCompileError(rule.id, `regex does not compile: ${(error as Error).message}`);
  }
  try {
    allow = (rule.allow ?? []).map((source) => new RegExp(source, 'i'));
  } catch (error) {
    throw new RuleCompileError(rule.id, `an allow pattern does not compile: ${(error as Error).message}`);
  }
  const glob = (patterns: string[] | undefined) =>
    patterns?.length ? picomatch(patterns, { dot: true }) : undefined;
  return { rule, order, regex, allow, include: glob(rule.paths?.include), exclude: glob(rule.paths?.exclude) };
}

/**
 * Runs a rule set over texts: one keyword pass picks the candidate rules, each candidate's
 * regex runs over the whole text (no per-line splitting, so a 5 MB minified line costs one
 * pass per candidate), and captured secrets go through entropy, the global placeholder
 * filter and the rule's allow list.
 */
export class SecretEngine {
  readonly rules: CompiledRule[];
  private readonly keywords: KeywordIndex;
  /** Rules with keywords, in KeywordIndex group order. */
  private readonly keyed: CompiledRule[];
  private readonly unkeyed: CompiledRule[];

  constructor(rules: readonly SecretRule[]) {
    this.rules = rules.map((rule, order) => compileRule(rule, order));
    this.keyed = this.rules.filter((c) => c.rule.keywords.length > 0);
    this.unkeyed = this.rules.filter((c) => c.rule.keywords.length === 0);
    this.keywords = new KeywordIndex(this.keyed.map((c) => c.rule.keywords));
  }

  /** The rules worth running on `text` at `path`: their keywords occur and their paths allow it. */
  candidates(text: string, path?: string): CompiledRule[] {
    const found = new Uint8Array(this.keyed.length);
    const chosen = [...this.unkeyed];
    if (this.keywords.hits(text, found) > 0) {
      for (let i = 0; i < found.length; i++) if (found[i]) chosen.push(this.keyed[i]);
    }
    return path === undefined ? chosen : chosen.filter((c) => pathAllowed(c, path));
  }

  scan(text: string, path?: string): SecretMatch[] {
    const candidates = this.candidates(text, path);
    if (candidates.length === 0) return [];
    const lines = new LineIndex(text);
    const raw: Omit<SecretMatch, 'line' | 'column'>[] = [];
    for (const compiled of candidates) for (const match of matchesOf(compiled, text)) raw.push(match);
    return dropOverlaps(raw).map((m) => ({ ...m, ...lines.position(m.start) }));
  }
}

function pathAllowed(compiled: CompiledRule, path: string): boolean {
  if (compiled.include && !compiled.include(path)) return false;
  if (compiled.exclude?.(path)) return false;
  return true;
}

function* matchesOf(compiled: CompiledRule, text: string): Generator<Omit<SecretMatch, 'line' | 'column'>> {
  const { regex, rule } = compiled;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    const found = secretOf(m);
    if (!found || found.secret.length === 0) continue;
    const { secret, span } = found;
    if (isAllowed(compiled, secret)) continue;
    yield { rule, ruleIndex: compiled.order, secret, start: span[0], end: span[1] };
  }
}

/**
 * The secret in a match: the `secret` named group, else the first capture group that took
 * part (so a rule may offer alternatives with one group each), else the whole match.
 */
function secretOf(m: RegExpExecArray): { secret: string; span: [number, number] } | undefined {
  const named = m.groups?.secret;
  if (named !== undefined) return { secret: named, span: m.indices!.groups!.secret! };
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return { secret: m[i], span: m.indices![i]! };
  return { secret: m[0], span: m.indices![0] };
}

/** True when the captured secret is a placeholder, not random enough for the rule, or allow-listed. */
export function isAllowed(compiled: CompiledRule, secret: string): boolean {
  if (compiled.rule.entropy !== undefined && shannonEntropy(secret) < compiled.rule.entropy) return true;
  for (const pattern of GLOBAL_ALLOW) if (pattern.test(secret)) return true;
  for (const pattern of compiled.allow) if (pattern.test(secret)) return true;
  return false;
}

/** Where two rules claim overlapping text, the more specific (earlier) rule keeps it. */
function dropOverlaps<T extends { ruleIndex: number; start: number; end: number }>(matches: T[]): T[] {
  if (matches.length < 2) return matches;
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.ruleIndex - b.ruleIndex);
  const kept: T[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || last.end <= m.start) kept.push(m);
    else if (m.ruleIndex < last.ruleIndex) kept[kept.length - 1] = m;
  }
  return kept;
}
