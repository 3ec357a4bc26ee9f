import picomatch from 'picomatch';
import { shannonEntropy } from './entropy.js';
import type { KeywordIndex } from './keyword-index.js';
import { keywordIndexFor } from './keyword-tables.js';
import { LineIndex } from './line-index.js';
import { GLOBAL_ALLOW } from './placeholders.js';
import { CLASS_BASE } from './regex-anchor.js';
import { ruleAnalysis } from './rule-analysis.js';
import type { SecretRule } from './rule.js';
import { decodesToWords, hasStrayCharacters, isDamagedHex, isNotARealJwt, isPatterned, isTimeBasedUuid } from './value-shape.js';

// Why backtracking regexes and not a linear-time engine: Node has no linear engine without a
// native addon (RE2 bindings) or a V8 flag (`--enable-experimental-regexp-engine`), and users
// must not need either. Instead every rule is written with bounded quantifiers around its
// literal anchors, the prefilter keeps rules off files that cannot match, and
// test/secrets/regex-safety.test.ts runs every built-in regex on adversarial 100 KB inputs as
// a catastrophe detector.

export interface CompiledRule {
  rule: SecretRule;
  /**
   * Characters searched on each side of a keyword occurrence; 0 = the whole text. Worked out
   * from the regex the first time it is read (when the rule's keywords first occur), so start-up
   * does not analyse ~400 regexes a commit hook never needs.
   */
  readonly radius: number;
  /**
   * When every match begins with a short run of text ending with one of the rule's keywords
   * (regex-anchor.ts): the rule is run anchored where those beginnings occur instead of in
   * windows. Worked out on first read, like `radius`.
   */
  readonly anchor: AnchoredSearch | undefined;
  /** Position in the rule list: among overlapping matches the lower order wins. */
  order: number;
  readonly regex: RegExp;
  readonly allow: RegExp[];
  /** For a `token`-shaped rule: the lower-cased names that rules with `ownsName` judge alone. */
  ownedNames?: readonly string[];
  /** For a `token`-shaped rule: the lower-cased token prefixes that other rules with `ownsPrefix` judge alone. */
  ownedPrefixes?: readonly string[];
  include?: (path: string) => boolean;
  exclude?: (path: string) => boolean;
}

export interface AnchoredSearch {
  /** Per keyword (lower-cased): the lower-cased beginnings a match can have that end with it. */
  beginnings: Map<string, string[]>;
  /** For a beginning's character CLASS_BASE + n: which (A–Z folded) character codes class n holds. */
  classes: Uint8Array[];
  /** Characters of context the regex needs before a match start and after it (Infinity: the rest of the text). */
  before: number;
  after: number;
  /** The rule's regex with the sticky flag: it matches only at `lastIndex`. */
  sticky: RegExp;
  /**
   * The rule's value shape (SecretRule.valueShape) while it is worth looking for first: until
   * the regex has run once, and for at most SHAPE_CHECKS starts, a start with no match of the
   * shape within `after` of it is passed over (the regex cannot match there). Most provider
   * rules meet their keyword on a large tree but never their value, and so are never compiled:
   * ~1 ms each for a regex holding the assignment grammar.
   */
  shape: { regex: RegExp; checksLeft: number } | undefined;
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

/** A rule compiled now: its regex and allow patterns built (a custom rule is checked this way when its file is loaded). */
export function compileRule(rule: SecretRule, order: number): CompiledRule {
  const compiled = new LazyCompiledRule(rule, order);
  try {
    void compiled.regex;
  } catch (error) {
    throw new RuleCompileError(rule.id, `regex does not compile: ${(error as Error).message}`);
  }
  try {
    void compiled.allow;
  } catch (error) {
    throw new RuleCompileError(rule.id, `an allow pattern does not compile: ${(error as Error).message}`);
  }
  try {
    valueShapeRegex(rule);
  } catch (error) {
    throw new RuleCompileError(rule.id, `valueShape does not compile: ${(error as Error).message}`);
  }
  return compiled;
}

const glob = (patterns: string[] | undefined) => (patterns?.length ? picomatch(patterns, { dot: true }) : undefined);

/**
 * One class for every compiled rule, its fields all set in the constructor and its lazy parts
 * behind prototype getters: the scan loop reads `radius` and `anchor` of hundreds of rules,
 * and object literals with their own getter closures gave each rule a hidden class of its
 * own, so V8 deoptimised plan() thousands of times a run on those reads. The regex and allow
 * patterns are built on first use too: a pre-commit hook's few files meet the keywords of a
 * few dozen of the ~700 rules, and parsing every pattern up front was ~15 ms of its start-up.
 */
class LazyCompiledRule implements CompiledRule {
  ownedNames: readonly string[] | undefined = undefined;
  ownedPrefixes: readonly string[] | undefined = undefined;
  readonly include: ((path: string) => boolean) | undefined;
  readonly exclude: ((path: string) => boolean) | undefined;
  private readonly flags: string;
  private regexBuilt: RegExp | undefined = undefined;
  private allowBuilt: RegExp[] | undefined = undefined;
  private radiusFound = -1;
  /** null: worked out, and the rule has none. */
  private anchorFound: AnchoredSearch | null | undefined = undefined;

  constructor(
    readonly rule: SecretRule,
    public order: number,
  ) {
    this.flags = [...new Set(`gd${rule.flags ?? ''}`)].join('');
    this.include = glob(rule.paths?.include);
    this.exclude = glob(rule.paths?.exclude);
  }

  get regex(): RegExp {
    return (this.regexBuilt ??= new RegExp(this.rule.regex, this.flags));
  }

  get allow(): RegExp[] {
    const { allow = [], allowCased = [] } = this.rule;
    return (this.allowBuilt ??= [...allow.map((source) => new RegExp(source, 'i')), ...allowCased.map((source) => new RegExp(source))]);
  }

  get radius(): number {
    if (this.radiusFound < 0) this.radiusFound = searchRadius(this.rule);
    return this.radiusFound;
  }

  get anchor(): AnchoredSearch | undefined {
    if (this.anchorFound === undefined) this.anchorFound = anchoredSearch(this.rule, this.flags) ?? null;
    return this.anchorFound ?? undefined;
  }
}

/** The rule's own `window`, else how far its regex can reach, plus slack for the keyword itself. */
function searchRadius(rule: SecretRule): number {
  if (rule.window !== undefined) return rule.window;
  const { reach } = ruleAnalysis(rule);
  return Number.isFinite(reach) && reach <= MAX_RADIUS ? reach + 32 : 0;
}

function anchoredSearch(rule: SecretRule, flags: string): AnchoredSearch | undefined {
  const { anchor: found, reach } = ruleAnalysis(rule);
  if (found === undefined) return undefined;
  // Slack past the regex's own reach for what \b, ^ and $ read around it.
  const classes = found.classes.map((members) => {
    const holds = new Uint8Array(256);
    for (let i = 0; i < members.length; i++) holds[members.charCodeAt(i)] = 1;
    return holds;
  });
  return { beginnings: found.beginnings, classes, before: found.behind + 32, after: reach + 32, sticky: new RegExp(rule.regex, `${flags}y`), shape: valueShape(rule) };
}

/** Starts a rule's value shape is looked for at before its regex runs anyway: past that, the search costs more than the compile it might spare. */
export const SHAPE_CHECKS = 64;

/** The rule's value shape, compiled as the engine tests it (without `g`, `d` or `y`: a test keeps no state); throws where it does not compile. */
export function valueShapeRegex(rule: SecretRule): RegExp | undefined {
  return rule.valueShape === undefined ? undefined : new RegExp(rule.valueShape, (rule.flags ?? '').replace(/[gdy]/g, ''));
}

function valueShape(rule: SecretRule): AnchoredSearch['shape'] {
  const regex = valueShapeRegex(rule);
  // Tested on a slice of the text that starts at the match's start: a look-behind could need
  // what lies before, and a back-reference the rest of the regex.
  if (regex === undefined || /\(\?<[=!]|\\k<|\\[1-9]/.test(rule.valueShape!)) return undefined;
  return { regex, checksLeft: SHAPE_CHECKS };
}

/** Past this reach a rule searches the whole text: its windows would merge anyway. */
const MAX_RADIUS = 16384;
/** Past this many occurrences of one keyword a rule scans the whole text: windows would cover it. */
const MAX_OCCURRENCES = 4096;
/** How far a window edge may move to reach a token boundary (so no window starts mid-token). */
const EDGE_SLACK = 256;

/**
 * Runs a rule set over texts. One pass finds where every keyword occurs; a rule whose keywords
 * occur runs its regex only in windows around those occurrences (the whole text when they are
 * dense, or when the rule's `window` is 0). So a rule whose regex starts with a character class
 * costs per keyword occurrence, not per character of a 10 MB file, and a minified line is never
 * split or rescanned. Captured secrets then go through entropy, the global placeholder filter
 * and the rule's allow list.
 */
export class SecretEngine {
  readonly rules: CompiledRule[];
  /** Built on the first scan: a process that only reads `rules` (the thread that hands work to scan workers) never pays for it. */
  private index: KeywordIndex | undefined;
  /** Distinct lower-cased keywords, in KeywordIndex id order. */
  private readonly keywordList: string[];
  /** For each rule, the ids of its keywords (empty: the rule always runs). */
  private readonly ruleKeywords: number[][];
  /** For each keyword id, the rules that list it. */
  private readonly keywordRules: number[][];
  /** Rules without keywords: they run on every text. */
  private readonly alwaysRun: number[];
  // Scratch state reused by every scan (a scan allocates nothing for a text without keywords).
  private generation = 0;
  private readonly keywordSeen: Int32Array;
  private readonly keywordCount: Int32Array;
  private readonly ruleSeen: Int32Array;
  /** Per rule, its slot in the scan's window or anchor lists. */
  private readonly ruleSlot: Int32Array;
  /** Per rule, where its next match may start in the text being scanned (parts carry it on). */
  private readonly resumeAt: Float64Array;
  /** Per anchored rule, its beginnings by keyword id (built when the rule first runs). */
  private readonly anchorBeginnings: (KeywordBeginnings | undefined)[][] = [];

  /**
   * `checked`: every rule's patterns are known to compile (the built-in rules, proven by the
   * suite; custom rules, compiled by activeRules), so each is built on first use. Otherwise
   * all are built now, and a broken one throws RuleCompileError here rather than mid-scan.
   */
  constructor(rules: readonly SecretRule[], { checked = false }: { checked?: boolean } = {}) {
    this.rules = rules.map((rule, order) => (checked ? new LazyCompiledRule(rule, order) : compileRule(rule, order)));
    // What the token-shaped rules leave to others: names (ownsName) and token prefixes (ownsPrefix).
    const lowerKeywords = (rule: SecretRule) => rule.keywords.map((k) => k.toLowerCase());
    const owned = rules.filter((rule) => rule.ownsName).flatMap(lowerKeywords);
    const prefixes = rules.filter((rule) => rule.ownsPrefix).flatMap((rule) => lowerKeywords(rule).filter(isTokenPrefix));
    for (const compiled of this.rules) {
      if (compiled.rule.shape !== 'token') continue;
      if (owned.length > 0) compiled.ownedNames = owned;
      const own = new Set(lowerKeywords(compiled.rule));
      const others = prefixes.filter((p) => !own.has(p));
      if (others.length > 0) compiled.ownedPrefixes = others;
    }
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
    this.keywordList = [...ids.keys()];
    this.keywordRules = this.keywordList.map(() => []);
    this.alwaysRun = [];
    this.ruleKeywords.forEach((keywords, r) => {
      if (keywords.length === 0) this.alwaysRun.push(r);
      for (const k of keywords) this.keywordRules[k].push(r);
    });
    this.keywordSeen = new Int32Array(ids.size);
    this.keywordCount = new Int32Array(ids.size);
    this.ruleSeen = new Int32Array(this.rules.length);
    this.ruleSlot = new Int32Array(this.rules.length);
    this.resumeAt = new Float64Array(this.rules.length);
  }

  /** The rules worth running on `text` at `path`: their keywords occur and their paths allow it. */
  candidates(text: string, path?: string): CompiledRule[] {
    const plan = this.plan(text, path);
    return plan ? [...plan.whole, ...plan.windowed, ...plan.anchored].sort((a, b) => a.order - b.order) : [];
  }

  scan(text: string, path?: string): SecretMatch[] {
    return this.scanSource(text, path);
  }

  /**
   * Scans bytes read as latin1 (one char per byte, so offsets are byte offsets). The keyword
   * pass reads the bytes themselves, so a file no rule is interested in is never decoded, and
   * of the others only the windows the rules search are (all of a part, at most PLAN_BYTES,
   * when a rule must see all of it; all of the file only for a rule whose regex can reach
   * without bound).
   */
  scanLatin1(content: Buffer, path?: string): SecretMatch[] {
    return this.scanSource(content, path);
  }

  /** The distinct lower-cased keywords in id order: a KeywordIndex built from them (one group each) numbers them as this engine does. */
  get keywords(): readonly string[] {
    return this.keywordList;
  }

  /**
   * Bytes longer than PLAN_BYTES are planned and searched a part at a time, each part seen
   * with PLAN_CONTEXT bytes on both sides and keeping the matches that start in it, so the
   * keyword occurrences, windows and anchored starts held at once are those of one part, not
   * of the whole file. Each rule's search resumes where its last match ended, in the next part
   * too: the matches are those of one search of the whole text. A rule whose regex can reach
   * further than the context is searched once over the whole text after the parts.
   */
  private scanSource(source: string | Buffer, path: string | undefined): SecretMatch[] {
    const length = source.length;
    const raw: RawMatch[] = [];
    const resume = this.resumeAt.fill(0);
    if (typeof source === 'string' || length <= PLAN_BYTES) this.scanPart(source, 0, 0, length, path, raw, resume, undefined);
    else {
      const unbounded = new Set<CompiledRule>();
      for (let own = 0; own < length; own += PLAN_BYTES) {
        const from = Math.max(0, own - PLAN_CONTEXT);
        const view = source.subarray(from, Math.min(length, own + PLAN_BYTES + PLAN_CONTEXT));
        this.scanPart(view, from, own, Math.min(length, own + PLAN_BYTES), path, raw, resume, unbounded);
      }
      const text = unbounded.size > 0 ? source.toString('latin1') : '';
      for (const compiled of unbounded) searchFrom(compiled, text, 0, length, 0, raw);
    }
    if (raw.length === 0) return [];
    const lines = new LineIndex(source);
    return dropOverlaps(raw).map((m) => ({ ...m, ...lines.position(m.start), lineStart: lines.currentLineStart }));
  }

  /**
   * Plans and searches `view` (which starts at `offset` of the scanned text), keeping the
   * matches that start in [own, ownEnd) and at or after each rule's `resume`, which it moves
   * on. With `unbounded`, rules needing more context than the view has go there instead.
   */
  private scanPart(
    view: string | Buffer,
    offset: number,
    own: number,
    ownEnd: number,
    path: string | undefined,
    raw: RawMatch[],
    resume: Float64Array,
    unbounded: Set<CompiledRule> | undefined,
  ): void {
    const plan = this.plan(view, path);
    if (plan === undefined) return;
    const { whole: wholeRules, windowed, windows, anchored, starts } = plan;
    const length = view.length;
    const end = ownEnd - offset;
    const lo = (compiled: CompiledRule) => Math.max(own, resume[compiled.order]) - offset;
    const deferred = (compiled: CompiledRule, context: number) => {
      if (unbounded === undefined || (context > 0 && context <= MAX_PART_CONTEXT)) return false;
      unbounded.add(compiled);
      return true;
    };
    // The text each rule needs: its windows, and around each anchored start the context its
    // regex can read. One decoded string for the whole view when a rule needs all of it or
    // the spans cover most of it, else one per stretch the spans cover; each rule reads
    // slices of those (V8 slices share the characters: no copy). A view is at most a part.
    // An upper bound of what the spans cover, so a view they would mostly cover is decoded at
    // once, without listing and sorting them.
    let needWhole = wholeRules.length > 0 || typeof view === 'string';
    let bound = 0;
    for (const list of windows) for (let i = 0; i < list.length; i += 2) bound += list[i + 1] - list[i];
    anchored.forEach(({ anchor }, a) => {
      // Each rule's starts are ascending: what their contexts cover, overlaps counted once.
      const { before, after } = anchor!;
      let reached = 0;
      for (const at of starts[a]) {
        const from = Math.max(reached, at - before);
        reached = at + after;
        bound += reached - from;
      }
    });
    needWhole ||= bound > length / 2;
    const spans: number[] = [];
    if (!needWhole) {
      for (const list of windows) for (const at of list) spans.push(at);
      anchored.forEach(({ anchor }, a) => {
        for (const at of starts[a]) spans.push(Math.max(0, at - anchor!.before), Math.min(length, at + anchor!.after));
      });
    }
    const { decoded, decodedAt } = needWhole
      ? { decoded: [typeof view === 'string' ? view : view.toString('latin1')], decodedAt: [0] }
      : decodeSpans(view as Buffer, spans);
    for (const compiled of wholeRules) {
      if (deferred(compiled, compiled.radius)) continue;
      resume[compiled.order] = offset + searchFrom(compiled, decoded[0], lo(compiled), end, offset, raw);
    }
    for (let w = 0; w < windowed.length; w++) {
      const compiled = windowed[w];
      if (deferred(compiled, compiled.radius)) continue;
      const list = windows[w];
      let at = lo(compiled);
      let piece = 0;
      for (let i = 0; i < list.length && list[i] < end; i += 2) {
        const [start, stop] = [list[i], list[i + 1]];
        if (stop <= at) continue;
        while (decodedAt[piece] + decoded[piece].length < stop) piece++;
        const window = decoded[piece].slice(start - decodedAt[piece], stop - decodedAt[piece]);
        at = start + searchFrom(compiled, window, Math.max(0, at - start), Math.min(stop, end) - start, offset + start, raw);
      }
      resume[compiled.order] = offset + Math.max(at, end);
    }
    for (let a = 0; a < anchored.length; a++) {
      const compiled = anchored[a];
      const { before, after, sticky, shape } = compiled.anchor!;
      if (deferred(compiled, Math.max(before, after))) continue;
      // As a global search of the whole text would: each match starts at or after the end of
      // the previous one, and every match starts at one of `starts`.
      let at = lo(compiled);
      let piece = 0;
      for (const start of starts[a]) {
        if (start < at) continue;
        if (start >= end) break;
        const need = Math.min(length, start + after);
        while (decodedAt[piece] + decoded[piece].length < need) piece++;
        const base = decodedAt[piece];
        if (shape !== undefined && shape.checksLeft > 0) {
          shape.checksLeft--;
          if (!shape.regex.test(decoded[piece].slice(start - base, start - base + after))) continue;
          shape.checksLeft = 0;
        }
        sticky.lastIndex = start - base;
        const m = sticky.exec(decoded[piece]);
        if (m === null) continue;
        at = m[0].length === 0 ? start + 1 : base + sticky.lastIndex;
        consider(compiled, m, offset + base, raw);
      }
      resume[compiled.order] = offset + Math.max(at, end);
    }
  }

  private keywordIndex(): KeywordIndex {
    return (this.index ??= keywordIndexFor(this.keywordList));
  }

  /** For an anchored rule, its beginnings by keyword id (the rule's keywords without beginnings map to none). */
  private beginningsOf(r: number): (KeywordBeginnings | undefined)[] {
    let byId = this.anchorBeginnings[r];
    if (byId === undefined) {
      const anchor = this.rules[r].anchor!;
      byId = [];
      for (const k of this.ruleKeywords[r]) {
        const keyword = this.keywordList[k];
        const list = anchor.beginnings.get(keyword);
        if (list !== undefined) byId[k] = keywordBeginnings(list, keyword.length, anchor.classes);
      }
      this.anchorBeginnings[r] = byId;
    }
    return byId;
  }

  /**
   * The candidate rules: those searching the whole text; those searching windows, with their
   * merged [start, end) windows; and anchored ones, with the sorted offsets where one of their
   * beginnings occurs. Undefined when no rule runs.
   */
  private plan(
    source: string | Uint8Array,
    path?: string,
  ): { whole: CompiledRule[]; windowed: CompiledRule[]; windows: number[][]; anchored: CompiledRule[]; starts: number[][] } | undefined {
    const index = this.keywordIndex();
    const total = index.scan(source);
    const { keywordIds, endOffsets: ends } = index;
    if (total === 0 && this.alwaysRun.length === 0) return undefined;
    const generation = ++this.generation;
    const { keywordSeen, keywordCount, ruleSeen, ruleSlot, keywordRules } = this;
    const candidates: number[] = [...this.alwaysRun];
    for (const r of candidates) ruleSeen[r] = generation;
    for (let i = 0; i < total; i++) {
      const k = keywordIds[i];
      if (keywordSeen[k] === generation) {
        keywordCount[k]++;
        continue;
      }
      keywordSeen[k] = generation;
      keywordCount[k] = 1;
      for (const r of keywordRules[k]) {
        if (ruleSeen[r] === generation) continue;
        ruleSeen[r] = generation;
        candidates.push(r);
      }
    }
    candidates.sort((a, b) => a - b);
    const whole: CompiledRule[] = [];
    const windowed: CompiledRule[] = [];
    const anchored: CompiledRule[] = [];
    // ruleSlot: ≥ 0 a windowed rule's slot, ≤ −2 an anchored rule's (−2 − slot), −1 neither.
    for (const r of candidates) {
      const compiled = this.rules[r];
      ruleSlot[r] = -1;
      if (path !== undefined && !pathAllowed(compiled, path)) continue;
      const keywords = this.ruleKeywords[r];
      if (keywords.length > 0 && compiled.anchor !== undefined) {
        ruleSlot[r] = -2 - anchored.length;
        anchored.push(compiled);
      } else if (keywords.length === 0 || compiled.radius === 0 || keywords.some((k) => keywordCount[k] > MAX_OCCURRENCES)) whole.push(compiled);
      else {
        ruleSlot[r] = windowed.length;
        windowed.push(compiled);
      }
    }
    // One comparison, not three chained: V8 optimises plan() before the third of a chain has
    // ever run (files whose candidates all fail their path filter are rare), and deoptimised it
    // there on every such file (3,600 times on the 118 MB tree of issue #15).
    if (whole.length + windowed.length + anchored.length === 0) return undefined;
    // Occurrences come ordered by end offset, so each rule's windows come in order: merge the
    // raw [hit − radius, hit + radius] spans as they come, then move the edges of each merged
    // span to token boundaries (the same windows as widening every span first: the edge moves
    // are monotonic).
    const windows: number[][] = windowed.map(() => []);
    const radius = windowed.map((c) => c.radius);
    const starts: number[][] = anchored.map(() => []);
    const beginnings = anchored.map((c) => this.beginningsOf(c.order));
    const classes = anchored.map((c) => c.anchor!.classes);
    const length = source.length;
    for (let i = 0; i < total; i++) {
      const end = ends[i];
      const k = keywordIds[i];
      for (const r of keywordRules[k]) {
        const slot = ruleSeen[r] === generation ? ruleSlot[r] : -1;
        if (slot === -1) continue;
        if (slot <= -2) {
          const entry = beginnings[-2 - slot][k];
          if (entry === undefined) continue;
          const a = -2 - slot;
          // The keyword alone: the keyword pass has matched it already.
          if (entry.bare) insertSorted(starts[a], end - entry.keywordLength);
          // Only the longer beginnings whose character before the keyword is the one there.
          const before = end - entry.keywordLength - 1;
          if (before < 0 || entry.longer.length === 0) continue;
          let list = entry.longer;
          if (entry.byPrevious !== undefined) {
            let c = typeof source === 'string' ? source.charCodeAt(before) : source[before];
            if (c >= 65 && c <= 90) c += 32;
            const bucket = c < 256 ? entry.byPrevious[c] : undefined;
            if (bucket === undefined) continue;
            list = bucket;
          }
          for (const beginning of list) {
            const at = end - beginning.length;
            if (at >= 0 && beginsAt(source, at, beginning, classes[a])) insertSorted(starts[a], at);
          }
          continue;
        }
        const list = windows[slot];
        const from = Math.max(0, end - radius[slot]);
        const to = Math.min(length, end + radius[slot]);
        if (list.length > 0 && from <= list[list.length - 1]) list[list.length - 1] = Math.max(list[list.length - 1], to);
        else list.push(from, to);
      }
    }
    const at = typeof source === 'string' ? (i: number) => source.charCodeAt(i) : (i: number) => source[i];
    for (let w = windowed.length - 1; w >= 0; w--) {
      const merged = toBoundaries(at, length, windows[w]);
      if (merged === undefined) {
        // The windows would cover most of the text: search all of it.
        whole.push(windowed[w]);
        windowed.splice(w, 1);
        windows.splice(w, 1);
      } else windows[w] = merged;
    }
    whole.sort((a, b) => a.order - b.order);
    return { whole, windowed, windows, anchored, starts };
  }
}

type RawMatch = Omit<SecretMatch, 'line' | 'column' | 'lineStart'>;

/** One anchored rule's beginnings that end with one keyword, sorted for checking at an occurrence. */
interface KeywordBeginnings {
  keywordLength: number;
  /** Whether the keyword alone is one (a beginning as long as the keyword is the keyword). */
  bare: boolean;
  /** The longer ones. */
  longer: string[];
  /**
   * The longer ones by the character just before the keyword in them (a class position: under
   * each of its characters), so an occurrence checks only those that can match the character
   * before it (`key` has ~40 beginnings in the generic rule: most occurrences check none).
   * Undefined when one of those characters is past latin1: then every longer one is checked.
   */
  byPrevious: (string[] | undefined)[] | undefined;
}

function keywordBeginnings(list: readonly string[], keywordLength: number, classes: readonly Uint8Array[]): KeywordBeginnings {
  const bare = list.some((b) => b.length === keywordLength);
  const longer = list.filter((b) => b.length > keywordLength);
  let byPrevious: (string[] | undefined)[] | undefined = new Array<string[] | undefined>(256).fill(undefined);
  const file = (c: number, beginning: string) => (byPrevious![c] ??= []).push(beginning);
  for (const beginning of longer) {
    const code = beginning.charCodeAt(beginning.length - keywordLength - 1);
    if (code >= CLASS_BASE) {
      const holds = classes[code - CLASS_BASE];
      for (let c = 0; c < 256; c++) if (holds[c] === 1) file(c, beginning);
    } else if (code < 256) file(code, beginning);
    else {
      byPrevious = undefined;
      break;
    }
  }
  return { keywordLength, bare, longer, byPrevious };
}

/** Adds `at` to an ascending list without duplicates (values arrive almost in order). */
function insertSorted(list: number[], at: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > at) i--;
  if (i > 0 && list[i - 1] === at) return;
  if (i === list.length) list.push(at);
  else list.splice(i, 0, at);
}

/**
 * True when `beginning` (lower case) occurs at `at`, A–Z folded (bytes read as latin1); a
 * character from CLASS_BASE on matches any character of that class.
 */
function beginsAt(source: string | Uint8Array, at: number, beginning: string, classes: Uint8Array[]): boolean {
  if (at + beginning.length > source.length) return false;
  for (let j = 0; j < beginning.length; j++) {
    let c = typeof source === 'string' ? source.charCodeAt(at + j) : source[at + j];
    if (c >= 65 && c <= 90) c += 32;
    const b = beginning.charCodeAt(j);
    if (b >= CLASS_BASE) {
      if (c > 255 || classes[b - CLASS_BASE][c] === 0) return false;
    } else if (c !== b) return false;
  }
  return true;
}

/**
 * Spans with their edges moved to token boundaries, spans that then touch merged, or
 * undefined when they cover more than half the text.
 */
function toBoundaries(at: (i: number) => number, length: number, spans: number[]): number[] | undefined {
  const windows: number[] = [];
  let covered = 0;
  for (let i = 0; i < spans.length; i += 2) {
    const start = toBoundary(at, length, spans[i], -1);
    const end = toBoundary(at, length, spans[i + 1], 1);
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

/**
 * Decodes the stretches of bytes the [start, end) spans cover, each once; all of them in one
 * string when they cover more than half.
 */
function decodeSpans(bytes: Buffer, spans: number[]): { decoded: string[]; decodedAt: number[] } {
  const order = Array.from({ length: spans.length / 2 }, (_, i) => i).sort((a, b) => spans[2 * a] - spans[2 * b]);
  const merged: number[] = [];
  let covered = 0;
  for (const i of order) {
    const last = merged.length - 1;
    if (last > 0 && spans[2 * i] <= merged[last]) {
      covered += Math.max(0, spans[2 * i + 1] - merged[last]);
      merged[last] = Math.max(merged[last], spans[2 * i + 1]);
    } else {
      merged.push(spans[2 * i], spans[2 * i + 1]);
      covered += spans[2 * i + 1] - spans[2 * i];
    }
  }
  if (covered > bytes.length / 2) return { decoded: [bytes.toString('latin1')], decodedAt: [0] };
  const decoded: string[] = [];
  const decodedAt: number[] = [];
  for (let i = 0; i < merged.length; i += 2) {
    decoded.push(bytes.toString('latin1', merged[i], merged[i + 1]));
    decodedAt.push(merged[i]);
  }
  return { decoded, decodedAt };
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

/**
 * A rule's global search of `text` for the matches starting in [from, to); returns where the
 * next search may start (past the last match, and at least `to`).
 */
function searchFrom(compiled: CompiledRule, text: string, from: number, to: number, offset: number, into: RawMatch[]): number {
  const { regex } = compiled;
  let at = from;
  regex.lastIndex = from;
  for (let m = regex.exec(text); m !== null && m.index < to; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    at = regex.lastIndex;
    consider(compiled, m, offset, into);
  }
  return Math.max(at, to);
}

/** Bytes planned at once (keyword occurrences, windows, anchored starts) in a longer text. */
const PLAN_BYTES = 8 * 1024 * 1024;
/** Bytes each part is read with on both sides. */
const PLAN_CONTEXT = 64 * 1024;
/**
 * The most context a rule may need to be searched in parts: a window reaches its radius on
 * both sides of a keyword that may itself lie a radius past the part, plus its edge slack.
 */
const MAX_PART_CONTEXT = (PLAN_CONTEXT - EDGE_SLACK) / 2 - 64;

/** Keeps a regex match's secret unless it is empty, a placeholder or allow-listed. */
function consider(compiled: CompiledRule, m: RegExpExecArray, offset: number, into: RawMatch[]): void {
  const found = secretOf(m);
  if (!found || found.secret.length === 0) return;
  const { secret, span } = found;
  if (isAllowed(compiled, secret)) return;
  if (compiled.ownedNames && namesOwned(compiled.ownedNames, boundName(m, span[0]))) return;
  if (compiled.ownedPrefixes && prefixOwned(compiled.ownedPrefixes, secret)) return;
  into.push({ rule: compiled.rule, ruleIndex: compiled.order, secret, start: offset + span[0], end: offset + span[1] });
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

/** The match's text before its secret, from the start of the identifier the match begins in (`meraki_` of `meraki_token = `). */
function boundName(m: RegExpExecArray, secretStart: number): string {
  let start = m.index;
  const floor = Math.max(0, start - 64);
  while (start > floor && /[\w.$-]/.test(m.input[start - 1])) start--;
  return m.input.slice(start, secretStart);
}

/** True when the name a secret is bound to holds a name another rule owns. */
function namesOwned(names: readonly string[], before: string): boolean {
  const text = before.toLowerCase();
  for (const name of names) if (text.includes(name)) return true;
  return false;
}

/** A literal that marks a provider's tokens (`sm_pat_`, `ghp_`), not the first letters of ordinary values (`AKIA`, `sk-`, `1000.`). */
function isTokenPrefix(keyword: string): boolean {
  return keyword.length >= 4 && /[_.-]/.test(keyword) && (keyword.match(/[a-z]/g)?.length ?? 0) >= 3;
}

/** True when a value begins with a prefix another rule's provider puts on its tokens. */
function prefixOwned(prefixes: readonly string[], secret: string): boolean {
  const text = secret.slice(0, 24).toLowerCase();
  for (const prefix of prefixes) if (text.startsWith(prefix)) return true;
  return false;
}

/** True when the captured secret is a placeholder, not random enough for the rule, or allow-listed. */
export function isAllowed(compiled: CompiledRule, secret: string): boolean {
  if (compiled.rule.entropy !== undefined && shannonEntropy(secret) < compiled.rule.entropy) return true;
  for (const pattern of GLOBAL_ALLOW) if (pattern.test(secret)) return true;
  // A field that holds nothing but a credential (`.npmrc` `_authToken`) is one whatever it looks like.
  if (compiled.rule.shape !== 'password' && isTimeBasedUuid(secret)) return true;
  for (const pattern of compiled.allow) if (pattern.test(secret)) return true;
  return !hasItsShape(compiled.rule.shape, secret);
}

/** Longest value read for patterns: a PEM body or a long signed token is judged by its own rule. */
const PATTERN_REACH = 256;

/** True when `secret` looks like what a rule of `shape` reports (rule.ts `shape`). */
function hasItsShape(shape: SecretRule['shape'], secret: string): boolean {
  if (shape === 'token') return !(secret.length <= PATTERN_REACH && isPatterned(secret)) && !hasStrayCharacters(secret) && !isDamagedHex(secret) && !decodesToWords(secret);
  if (shape === 'jwt') return !isNotARealJwt(secret);
  return true;
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
