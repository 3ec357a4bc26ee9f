import picomatch from 'picomatch';
import { shannonEntropy } from './entropy.js';
import { KeywordIndex } from './keyword-index.js';
import { LineIndex } from './line-index.js';
import { GLOBAL_ALLOW } from './placeholders.js';
import { regexReach } from './regex-reach.js';
import type { SecretRule } from './rule.js';

// Why backtracking regexes and not a linear-time engine: Node has no linear engine without a
// native addon (RE2 bindings) or a V8 flag (`--enable-experimental-regexp-engine`), and users
// must not need either. Instead every rule is written with bounded quantifiers around its
// literal anchors, the prefilter keeps rules off files that cannot match, and
// test/secrets/regex-safety.test.ts runs every built-in regex on adversarial 100 KB inputs as
// a catastrophe detector.

export interface CompiledRule {
  rule: SecretRule;
  /** Characters searched on each side of a keyword occurrence; 0 = the whole text. */
  radius: number;
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
  /** Offset of the start of the secret's line in the scanned text. */
  lineStart: number;
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
  return { rule, order, radius: searchRadius(rule), regex, allow, include: glob(rule.paths?.include), exclude: glob(rule.paths?.exclude) };
}

/** The rule's own `window`, else how far its regex can reach, plus slack for the keyword itself. */
function searchRadius(rule: SecretRule): number {
  if (rule.window !== undefined) return rule.window;
  const reach = regexReach(rule.regex);
  return Number.isFinite(reach) && reach <= MAX_RADIUS ? reach + 32 : 0;
}

/** Past this reach a rule searches the whole text: its windows would merge anyway. */
const MAX_RADIUS = 16384;
/** Past this many occurrences of one keyword a rule scans the whole text: windows would cover it. */
const MAX_OCCURRENCES = 4096;
/** How far a window edge may move to reach a token boundary (so no window starts mid-token). */
const EDGE_SLACK = 256;

/**
 * Runs a rule set over texts. One Aho–Corasick pass finds where every keyword occurs; a rule
 * whose keywords occur runs its regex only in windows around those occurrences (the whole
 * text when they are dense, or when the rule's `window` is 0). So a rule whose regex starts
 * with a character class costs per keyword occurrence, not per character of a 10 MB file,
 * and a minified line is never split or rescanned. Captured secrets then go through entropy,
 * the global placeholder filter and the rule's allow list.
 */
export class SecretEngine {
  readonly rules: CompiledRule[];
  private readonly keywords: KeywordIndex;
  /** Distinct lower-cased keywords, in KeywordIndex group order. */
  private readonly keywordCount: number;
  /** For each rule, the ids of its keywords (empty: the rule always runs). */
  private readonly ruleKeywords: number[][];

  constructor(rules: readonly SecretRule[]) {
    this.rules = rules.map((rule, order) => compileRule(rule, order));
    const ids = new Map<string, number>();
    this.ruleKeywords = this.rules.map((c) => [
      ...new Set(
        c.rule.keywords.map((k) => {
          const key = k.toLowerCase();
          if (!ids.has(key)) ids.set(key, ids.size);
          return ids.get(key)!;
        }),
      ),
    ]);
    this.keywordCount = ids.size;
    this.keywords = new KeywordIndex([...ids.keys()].map((k) => [k]));
  }

  /** The rules worth running on `text` at `path`: their keywords occur and their paths allow it. */
  candidates(text: string, path?: string): CompiledRule[] {
    return this.plan(text, path).map((p) => p.compiled);
  }

  scan(text: string, path?: string): SecretMatch[] {
    return this.scanSource(text, () => text, path);
  }

  /**
   * Scans bytes read as latin1 (one char per byte, so offsets are byte offsets). The keyword
   * pass reads the bytes themselves, so a file no rule is interested in is never decoded.
   */
  scanLatin1(content: Buffer, path?: string): SecretMatch[] {
    return this.scanSource(content, () => content.toString('latin1'), path);
  }

  private scanSource(source: string | Buffer, decode: () => string, path: string | undefined): SecretMatch[] {
    const plans = this.plan(source, path);
    if (plans.length === 0) return [];
    const chars = typeof source === 'string' ? (i: number) => source.charCodeAt(i) : (i: number) => source[i];
    const searches = plans.map(({ compiled, hits }) => ({
      compiled,
      windows: hits && mergeWindows(chars, source.length, hits, compiled.radius),
    }));
    // Decode the whole text only when some rule needs all of it; else only the windows.
    const whole = searches.some((s) => s.windows === undefined) || typeof source === 'string' ? decode() : undefined;
    const slice =
      whole !== undefined
        ? (start: number, end: number) => whole.slice(start, end)
        : (start: number, end: number) => (source as Buffer).toString('latin1', start, end);
    const raw: Omit<SecretMatch, 'line' | 'column' | 'lineStart'>[] = [];
    for (const { compiled, windows } of searches) {
      if (windows === undefined) {
        for (const match of matchesOf(compiled, whole!, 0)) raw.push(match);
        continue;
      }
      for (let i = 0; i < windows.length; i += 2) {
        for (const match of matchesOf(compiled, slice(windows[i], windows[i + 1]), windows[i])) raw.push(match);
      }
    }
    const lines = new LineIndex(source);
    return dropOverlaps(raw).map((m) => ({ ...m, ...lines.position(m.start), lineStart: lines.currentLineStart }));
  }

  /** Each candidate rule with the sorted keyword end offsets to search around; no `hits` = the whole text. */
  private plan(source: string | Uint8Array, path?: string): { compiled: CompiledRule; hits?: number[] }[] {
    const positions: number[][] = Array.from({ length: this.keywordCount }, () => []);
    const dense = new Uint8Array(this.keywordCount);
    this.keywords.occurrences(source, positions, dense, MAX_OCCURRENCES);
    const plans: { compiled: CompiledRule; hits?: number[] }[] = [];
    this.rules.forEach((compiled, r) => {
      const ids = this.ruleKeywords[r];
      if (ids.length > 0 && !ids.some((k) => positions[k].length > 0)) return;
      if (path !== undefined && !pathAllowed(compiled, path)) return;
      if (ids.length === 0 || compiled.radius === 0 || ids.some((k) => dense[k] === 1)) {
        plans.push({ compiled });
        return;
      }
      plans.push({ compiled, hits: ids.length === 1 ? positions[ids[0]] : ids.flatMap((k) => positions[k]).sort((a, b) => a - b) });
    });
    return plans;
  }
}

/**
 * Merged [start, end) windows of `radius` around each occurrence, widened to a token boundary,
 * or undefined when they would cover most of the text anyway.
 */
function mergeWindows(chars: (i: number) => number, length: number, hits: number[], radius: number): number[] | undefined {
  const windows: number[] = [];
  let covered = 0;
  for (const hit of hits) {
    const start = toBoundary(chars, length, Math.max(0, hit - radius), -1);
    const end = toBoundary(chars, length, Math.min(length, hit + radius), 1);
    const last = windows.length - 1;
    if (windows.length > 0 && start <= windows[last]) {
      covered += Math.max(0, end - windows[last]);
      windows[last] = Math.max(windows[last], end);
    } else {
      windows.push(start, end);
      covered += end - start;
    }
    if (covered > length / 2) return undefined;
  }
  return windows;
}

/** Moves an edge outward to just past the nearest whitespace, quote, comma or semicolon, within EDGE_SLACK characters. */
function toBoundary(chars: (i: number) => number, length: number, at: number, direction: 1 | -1): number {
  for (let i = at, steps = 0; i > 0 && i < length && steps < EDGE_SLACK; i += direction, steps++) {
    const c = chars(i);
    // \t \n \r space " ' ` , ;
    if (c === 9 || c === 10 || c === 13 || c === 32 || c === 34 || c === 39 || c === 96 || c === 44 || c === 59) {
      return direction === -1 ? i : i + 1;
    }
  }
  return direction === -1 ? Math.max(0, at - EDGE_SLACK) : Math.min(length, at + EDGE_SLACK);
}

function pathAllowed(compiled: CompiledRule, path: string): boolean {
  if (compiled.include && !compiled.include(path)) return false;
  if (compiled.exclude?.(path)) return false;
  return true;
}

function* matchesOf(compiled: CompiledRule, text: string, offset: number): Generator<Omit<SecretMatch, 'line' | 'column' | 'lineStart'>> {
  const { regex, rule } = compiled;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    const found = secretOf(m);
    if (!found || found.secret.length === 0) continue;
    const { secret, span } = found;
    if (isAllowed(compiled, secret)) continue;
    yield { rule, ruleIndex: compiled.order, secret, start: offset + span[0], end: offset + span[1] };
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
