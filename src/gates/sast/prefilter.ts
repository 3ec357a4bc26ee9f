import type { Rule } from '@ast-grep/napi';
import type { SastRule } from './rule.js';

/**
 * A rule's prefilter, derived from the rule itself: clauses that must all hold for the rule to
 * match anywhere in a file, each holding when the file's text contains one of its literals.
 * Everything a rule's pattern, regex, `has`, `inside`, `follows` or `precedes` matches is a
 * piece of the file, so the literal text such a part needs is text the file must contain; a
 * `not`, a kind, a metavariable or a case-folded regex needs none, and gives no clause. Only
 * ever too weak, never too strong: a clause left out lets a file through to the matcher, which
 * decides as before.
 */
export type Clause = readonly string[];

// Shorter literals occur in nearly every file: they filter nothing and cost scanning.
const MIN_LITERAL = 3;
// An alternation or character class spread into more literals than this is given up on.
const MAX_ALTERNATIVES = 24;

/** The rule's hand-written keywords plus the clauses its pattern parts and constraints need. */
export function prefilterOf(rule: SastRule): Clause[] {
  let clauses = derived.get(rule);
  if (!clauses) derived.set(rule, (clauses = deriveClauses(rule)));
  return clauses;
}

// Rules are data that never change once loaded; a rule in three grammars is derived once.
const derived = new WeakMap<SastRule, Clause[]>();

function deriveClauses(rule: SastRule): Clause[] {
  const clauses: Clause[] = [rule.keywords, ...ruleClauses(rule.rule)];
  for (const [name, constraint] of Object.entries(rule.constraints ?? {})) {
    // A constraint only applies where its metavariable is bound (ast-grep passes it otherwise).
    if (alwaysBinds(rule.rule, name)) clauses.push(...ruleClauses(constraint));
  }
  return dedupe(clauses);
}

function ruleClauses(rule: Rule | undefined): Clause[] {
  if (rule === null || typeof rule !== 'object') return [];
  const out: Clause[] = [];
  if (typeof rule.pattern === 'string') {
    const words = patternWords(rule.pattern);
    if (words.length > 0) out.push([longest(words)]);
  }
  if (typeof rule.regex === 'string') {
    const clause = regexClause(rule.regex);
    if (clause) out.push(clause);
  }
  for (const related of [rule.has, rule.inside, rule.follows, rule.precedes]) out.push(...ruleClauses(related as Rule | undefined));
  for (const part of rule.all ?? []) out.push(...ruleClauses(part));
  if (rule.any) {
    // Each branch needs one of its clauses; which branch matched is not known, so the union.
    const branches = rule.any.map((branch) => best(ruleClauses(branch)));
    if (branches.every((b) => b !== undefined)) {
      const union = [...new Set(branches.flat() as string[])];
      if (union.length <= MAX_ALTERNATIVES * 4) out.push(union);
    }
  }
  return out;
}

/** The most selective clause: the one whose shortest literal is longest, then the fewest. */
function best(clauses: Clause[]): Clause | undefined {
  let chosen: Clause | undefined;
  for (const clause of clauses) {
    if (!chosen || score(clause) > score(chosen)) chosen = clause;
  }
  return chosen;
}

function score(clause: Clause): number {
  return Math.min(...clause.map((l) => l.length)) * 1000 - clause.length;
}

function longest(words: string[]): string {
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}

function dedupe(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  return clauses.filter((clause) => {
    const key = [...clause].sort().join('\u0000');
    // An empty clause (a rule with no keywords) is kept: it never holds, as before.
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The plain words of a pattern: identifiers, keywords and words inside its strings, which the
 * matched code must spell the same way. `$X`, `$$$ARGS` and any word touching a `$` are left
 * out (metavariables, and identifiers such as jQuery's that a pattern may mean otherwise).
 */
export function patternWords(pattern: string): string[] {
  const words: string[] = [];
  for (const match of pattern.matchAll(/[\w$]+/g)) {
    const word = match[0];
    if (word.includes('$') || !/^[A-Za-z_]\w*$/.test(word) || word.length < MIN_LITERAL) continue;
    words.push(word);
  }
  return words;
}

/** Whether every way the rule can match binds `$name` to one node (a pattern part names it). */
function alwaysBinds(rule: Rule | undefined, name: string): boolean {
  if (rule === null || typeof rule !== 'object') return false;
  if (typeof rule.pattern === 'string' && new RegExp(`(?<![$\\w])\\$${name}(?![\\w])`).test(rule.pattern)) return true;
  if ((rule.all ?? []).some((part) => alwaysBinds(part, name))) return true;
  if (rule.any && rule.any.length > 0 && rule.any.every((branch) => alwaysBinds(branch, name))) return true;
  return false;
}

/**
 * The literals one of which any text the regex matches contains, or undefined when no such set
 * can be read off it. Understands concatenation, alternation, groups, quantifiers, escapes of
 * punctuation and small character classes; gives up on case folding and anything unusual.
 */
export function regexClause(source: string): Clause | undefined {
  if (/\(\?[a-zA-Z]*[ix]/.test(source)) return undefined;
  const parser = new RegexReader(source);
  const clause = parser.alternation();
  if (parser.failed || parser.at < source.length) return undefined;
  return clause;
}

/** What a piece of regex needs: the clause it guarantees, and when it is a plain literal, its text(s). */
interface Piece {
  /** Every match is one of these strings (a literal run), when known. */
  exact?: string[];
  /** A clause every match satisfies. */
  clause?: Clause;
}

class RegexReader {
  at = 0;
  failed = false;
  constructor(private readonly source: string) {}

  alternation(): Clause | undefined {
    return this.toClause(this.alternationPiece());
  }

  private alternationPiece(): Piece {
    const branches: Piece[] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    if (branches.every((b) => b.exact)) {
      const exact = [...new Set(branches.flatMap((b) => b.exact!))];
      return exact.length <= MAX_ALTERNATIVES ? { exact } : {};
    }
    const clauses = branches.map((b) => this.toClause(b));
    if (clauses.some((c) => c === undefined)) return {};
    const union = [...new Set(clauses.flat() as string[])];
    return union.length <= MAX_ALTERNATIVES ? { clause: union } : {};
  }

  /** A concatenation: literal runs are built up; the best run or sub-clause is what it needs. */
  private sequence(): Piece {
    let run: string[] | undefined = [''];
    let whole = true;
    const candidates: Clause[] = [];
    const endRun = (): void => {
      const clause = run ? this.toClause({ exact: run }) : undefined;
      if (clause) candidates.push(clause);
      run = [''];
    };
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      if (this.failed) return {};
      const { min, max } = this.quantifier();
      if (min === 1 && max === 1 && atom.exact && run) {
        const next: string[] = [];
        for (const a of run) for (const b of atom.exact) next.push(a + b);
        if (next.length > MAX_ALTERNATIVES) {
          endRun();
          run = atom.exact;
        } else run = next;
        continue;
      }
      whole = false;
      // `x+`, `x{2,}`: x is still there once, but what follows need not touch it.
      if (min >= 1 && atom.exact && run) {
        const next: string[] = [];
        for (const a of run) for (const b of atom.exact) next.push(a + b);
        if (next.length <= MAX_ALTERNATIVES) run = next;
      }
      endRun();
      if (min >= 1 && atom.clause) candidates.push(atom.clause);
    }
    if (whole && run) return { exact: run };
    endRun();
    return { clause: best(candidates) };
  }

  private atom(): Piece {
    const c = this.source[this.at++];
    if (c === '(') {
      const header = /^\?(?:P?<[A-Za-z_]\w*>|[a-zA-Z-]*:|:)?/.exec(this.source.slice(this.at))![0];
      // Lookarounds and flag groups `(?s)`: zero-width or unusual, so they need nothing.
      if (header === '?' || (header.length > 1 && !header.endsWith(':') && !header.endsWith('>'))) return this.skipGroup();
      this.at += header.length;
      const inner = this.alternationPiece();
      if (this.source[this.at] !== ')') {
        this.failed = true;
        return {};
      }
      this.at++;
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const next = this.source[this.at++];
      if (next === undefined) {
        this.failed = true;
        return {};
      }
      // \x41, \u{…}, \p{…}, \0: escapes that read on past themselves, not worth following.
      if (/[xuUpP0-9]/.test(next)) this.failed = true;
      return /[A-Za-z0-9]/.test(next) ? {} : { exact: [next] };
    }
    if (c === '.' || c === '^' || c === '$') return {};
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      this.failed = true;
      return {};
    }
    return { exact: [c] };
  }

  private skipGroup(): Piece {
    let depth = 1;
    while (this.at < this.source.length && depth > 0) {
      const c = this.source[this.at++];
      if (c === '\\') this.at++;
      else if (c === '[') this.charClass();
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    if (depth > 0) this.failed = true;
    return {};
  }

  /** `[abc]` of a few plain characters spreads into alternatives; any other class needs nothing. */
  private charClass(): Piece {
    const start = this.at;
    const chars: string[] = [];
    let plain = this.source[this.at] !== '^';
    if (this.source[this.at] === ']') chars.push(this.source[this.at++]);
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      const c = this.source[this.at++];
      if (c === '\\') {
        const next = this.source[this.at++] ?? '';
        if (/[xuUpP0-9]/.test(next)) this.failed = true;
        if (/[A-Za-z0-9]/.test(next)) plain = false;
        else chars.push(next);
      } else if (c === '[') {
        // Nested or POSIX classes ([[:alpha:]]) end elsewhere than the first `]`.
        this.failed = true;
        return {};
      } else if (c === '&' || c === '~' || (c === '-' && this.at - 1 > start && this.source[this.at] !== ']')) plain = false;
      else chars.push(c);
    }
    if (this.source[this.at] !== ']') {
      this.failed = true;
      return {};
    }
    this.at++;
    const distinct = [...new Set(chars)];
    return plain && distinct.length > 0 && distinct.length <= 4 ? { exact: distinct } : {};
  }

  private quantifier(): { min: number; max: number } {
    const c = this.source[this.at];
    let bounds = { min: 1, max: 1 };
    if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '?') bounds = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return bounds;
      this.at += m[0].length - 1;
      bounds = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity };
    } else return bounds;
    this.at++;
    // Lazy and possessive suffixes change nothing about what must be there.
    if (this.source[this.at] === '?' || this.source[this.at] === '+') this.at++;
    return bounds;
  }

  private toClause(piece: Piece): Clause | undefined {
    if (piece.exact) {
      if (piece.exact.some((l) => l.length < MIN_LITERAL)) return piece.clause;
      return piece.exact;
    }
    return piece.clause;
  }
}

/**
 * Many literals found in one pass over a text (Aho–Corasick over ASCII): which of them occur.
 * A literal with a non-ASCII character is looked for on its own with includes().
 */
export class LiteralScanner {
  private readonly next: Int32Array;
  /** Per state, the literals that end there (through suffix links too), or undefined. */
  private readonly outputs: (number[] | undefined)[];
  private readonly others: { literal: string; index: number }[] = [];

  constructor(readonly literals: readonly string[]) {
    // The trie first (sparse), then one dense table of moves: state * 128 + character.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    literals.forEach((literal, index) => {
      if (!/^[\x00-\x7f]+$/.test(literal)) {
        this.others.push({ literal, index });
        return;
      }
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let to = children[state].get(c);
        if (to === undefined) {
          to = children.length;
          children[state].set(c, to);
          children.push(new Map());
          ends.push([]);
        }
        state = to;
      }
      ends[state].push(index);
    });
    // Breadth first: a state's missing moves are its suffix link's, so scanning is one lookup a character.
    const next = new Int32Array(children.length * 128);
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [c, to] of children[0]) {
      next[c] = to;
      queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const link = fail[state];
      if (ends[link].length > 0) ends[state].push(...ends[link]);
      next.copyWithin(state * 128, link * 128, link * 128 + 128);
      for (const [c, to] of children[state]) {
        fail[to] = next[link * 128 + c];
        next[state * 128 + c] = to;
        queue.push(to);
      }
    }
    this.next = next;
    this.outputs = ends.map((e) => (e.length > 0 ? [...new Set(e)] : undefined));
  }

  /** found[i] is 1 when literals[i] occurs in the text. */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.literals.length);
    const { next, outputs } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A character past ASCII ends every literal in progress (all of them are ASCII).
      state = c < 128 ? next[state * 128 + c] : 0;
      const out = outputs[state];
      if (out !== undefined) for (let k = 0; k < out.length; k++) found[out[k]] = 1;
    }
    for (const { literal, index } of this.others) if (text.includes(literal)) found[index] = 1;
    return found;
  }
}
