/**
 * How a regex's matches begin, when every match begins with a short run of text that ends
 * with one of the rule's keywords: `\bghp_…` begins with `ghp_`, the generic assignment rule
 * with `secret`, `api_key`, `access_key` …. Then a match can only start where one of those
 * beginnings occurs, which the keyword pass already located: the engine compares the few
 * beginnings there (on the bytes, before decoding anything) and runs the regex anchored at
 * each position that passes — the exact matches of a whole-text search, at the cost of a few
 * anchored attempts per keyword occurrence instead of a scan of every character.
 */
export interface RegexAnchor {
  /**
   * Per keyword (lower-cased): the lower-cased beginnings a match can have that end with it.
   * A character from CLASS_BASE on stands for a class of characters (`[a-z]`, `\w`): the
   * lower-cased ASCII characters in `classes[code - CLASS_BASE]`.
   */
  beginnings: Map<string, string[]>;
  classes: string[];
  /** Characters a match may look behind its start (look-behinds; unbounded = Infinity). */
  behind: number;
}

type Node =
  // set undefined: too many characters to enumerate; then `ascii` lists them (lower-cased) when
  // they are few enough ASCII characters to stand in a beginning as one class position.
  | { kind: 'chars'; set: string[] | undefined; ascii?: string }
  | { kind: 'assert'; behind: number } // zero-width: ^ $ \b \B look-arounds; behind = how far it reads back
  | { kind: 'group'; alternatives: Atom[][] }
  | { kind: 'opaque' }; // back-references, anything not understood
interface Atom {
  node: Node;
  min: number;
  max: number;
}

const MAX_SET = 12;
const MAX_BEGINNING = 64;
const BUDGET = 20000;
/** Beginnings (per keyword) past which an anchor with class positions is not worth checking. */
const MAX_CLASS_BEGINNINGS = 48;
/** Beginnings encode a class position as one character from here on (Unicode private use). */
export const CLASS_BASE = 0xe000;
const MAX_CLASSES = 64;
const WORD = 'abcdefghijklmnopqrstuvwxyz0123456789_';
const DIGITS = '0123456789';

/** The anchor of a regex for the given (lower-case) keywords, or undefined when matches need not begin with one. */
export function regexAnchor(source: string, keywords: readonly string[]): RegexAnchor | undefined {
  if (keywords.length === 0) return undefined;
  let parsed: { sequence: Atom[][]; behind: number };
  try {
    parsed = parse(source);
  } catch {
    return undefined;
  }
  const beginnings = new Map<string, Set<string>>();
  const classes: string[] = [];
  const classChar = (members: string): string | undefined => {
    let id = classes.indexOf(members);
    if (id === -1) {
      if (classes.length === MAX_CLASSES) return undefined;
      id = classes.push(members) - 1;
    }
    return String.fromCharCode(CLASS_BASE + id);
  };
  let steps = 0;
  interface Cont {
    seq: Atom[];
    i: number;
    reps: number;
    next: Cont | undefined;
  }
  const step = (seq: Atom[], i: number, reps: number, prefix: string, next: Cont | undefined): boolean => {
    if (++steps > BUDGET || prefix.length > MAX_BEGINNING) return false;
    const keyword = keywords.find((k) => prefix.endsWith(k));
    if (keyword !== undefined) {
      let set = beginnings.get(keyword);
      if (!set) beginnings.set(keyword, (set = new Set()));
      set.add(prefix);
      return true;
    }
    if (i === seq.length) return next ? step(next.seq, next.i, next.reps, prefix, next.next) : false;
    const atom = seq[i];
    if (atom.node.kind === 'assert') return step(seq, i + 1, 0, prefix, next); // reads, does not consume
    if (reps >= atom.min && !step(seq, i + 1, 0, prefix, next)) return false;
    if (reps < atom.max) {
      const cont: Cont = { seq, i, reps: reps + 1, next };
      const node = atom.node;
      if (node.kind === 'opaque') return false;
      if (node.kind === 'chars') {
        if (node.set === undefined) {
          const c = node.ascii === undefined ? undefined : classChar(node.ascii);
          return c !== undefined && step(cont.seq, cont.i, cont.reps, prefix + c, cont.next);
        }
        for (const c of node.set) if (!step(cont.seq, cont.i, cont.reps, prefix + c, cont.next)) return false;
        return true;
      }
      for (const alternative of node.alternatives) if (!step(alternative, 0, 0, prefix, cont)) return false;
    }
    return true;
  };
  const top: Atom = { node: { kind: 'group', alternatives: parsed.sequence }, min: 1, max: 1 };
  if (!step([top], 0, 0, '', undefined)) return undefined;
  if (classes.length > 0) {
    if ([...beginnings.values()].some((set) => set.size > MAX_CLASS_BEGINNINGS)) return undefined;
    // A literal in the private-use range would read as a class position.
    if (/[\ue000-\uf8ff]/.test(source) || /\\u[eEfF]/.test(source)) return undefined;
  }
  return { beginnings: new Map([...beginnings].map(([k, set]) => [k, [...set]])), classes, behind: parsed.behind };
}

/** A parser for the regex syntax the rules use; throws on anything else. */
function parse(source: string): { sequence: Atom[][]; behind: number } {
  let i = 0;
  let behind = 0;

  function alternatives(): Atom[][] {
    const alts: Atom[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        alts.push([]);
        i++;
        continue;
      }
      const node = atom();
      const [min, max] = quantifier();
      alts[alts.length - 1].push({ node, min, max });
    }
    return alts;
  }

  function atom(): Node {
    const c = source[i];
    if (c === '(') {
      i++;
      let look: 'ahead' | 'behind' | undefined;
      if (source[i] === '?') {
        i++;
        if (source[i] === ':') i++;
        else if (source[i] === '=' || source[i] === '!') {
          look = 'ahead';
          i++;
        } else if (source[i] === '<' && (source[i + 1] === '=' || source[i + 1] === '!')) {
          look = 'behind';
          i += 2;
        } else if (source[i] === '<') i = source.indexOf('>', i) + 1;
        else throw new Error('unsupported group');
      }
      const inner = alternatives();
      if (source[i] !== ')') throw new Error('unbalanced');
      i++;
      if (look === 'behind') {
        behind += width(inner);
        return { kind: 'assert', behind: 0 };
      }
      return look ? { kind: 'assert', behind: 0 } : { kind: 'group', alternatives: inner };
    }
    if (c === '[') return charClass();
    if (c === '\\') return escape(false) as Node;
    i++;
    if (c === '^' || c === '$') return { kind: 'assert', behind: 1 };
    if (c === '.') return { kind: 'chars', set: undefined };
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Error('unexpected');
    return { kind: 'chars', set: [c.toLowerCase()] };
  }

  /** An escape; in a class, `\b` is a backspace. Returns a node, or for classes a char list / undefined. */
  function escape(inClass: boolean): Node | string[] | undefined {
    const next = source[i + 1];
    i += 2;
    if (next === undefined) throw new Error('trailing backslash');
    if ('dDwWsS'.includes(next)) {
      if (inClass) return undefined;
      return { kind: 'chars', set: undefined, ascii: next === 'w' ? WORD : next === 'd' ? DIGITS : undefined };
    }
    if (!inClass && (next === 'b' || next === 'B')) {
      behind = Math.max(behind, 1);
      return { kind: 'assert', behind: 1 };
    }
    if (next === 'k' || /[1-9]/.test(next)) {
      if (inClass) throw new Error('unsupported');
      return { kind: 'opaque' };
    }
    if (next === 'p' || next === 'P' || next === 'c') throw new Error('unsupported escape');
    let ch: string;
    if (next === 'x') {
      ch = String.fromCharCode(parseInt(source.slice(i, i + 2), 16));
      i += 2;
    } else if (next === 'u') {
      if (source[i] === '{') {
        const close = source.indexOf('}', i);
        ch = String.fromCodePoint(parseInt(source.slice(i + 1, close), 16));
        i = close + 1;
      } else {
        ch = String.fromCharCode(parseInt(source.slice(i, i + 4), 16));
        i += 4;
      }
    } else {
      const control: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0', b: '\b' };
      ch = control[next] ?? next;
    }
    const set = [ch.toLowerCase()];
    return inClass ? set : { kind: 'chars', set };
  }

  function charClass(): Node {
    i++;
    let negated = false;
    if (source[i] === '^') {
      negated = true;
      i++;
    }
    const chars = new Set<string>();
    let wide = negated;
    // Every member when the class is a few ASCII characters (undefined: not only ASCII, or negated).
    let ascii: Set<string> | undefined = negated ? undefined : new Set<string>();
    let first = true;
    while (i < source.length && (source[i] !== ']' || first)) {
      first = false;
      let from: string | undefined;
      if (source[i] === '\\') {
        const escaped = source[i + 1];
        const set = escape(true) as string[] | undefined;
        if (set === undefined) {
          wide = true;
          const members = escaped === 'w' ? WORD : escaped === 'd' ? DIGITS : undefined;
          if (members === undefined) ascii = undefined;
          else for (const c of members) ascii?.add(c);
          continue;
        }
        from = set[0];
      } else from = source[i++];
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
        i++;
        let to: string;
        if (source[i] === '\\') {
          const set = escape(true) as string[] | undefined;
          if (set === undefined) throw new Error('bad range');
          to = set[0];
        } else to = source[i++];
        const a = from.charCodeAt(0);
        const b = to.charCodeAt(0);
        if (b - a > MAX_SET * 2) wide = true;
        else for (let c = a; c <= b; c++) chars.add(String.fromCharCode(c).toLowerCase());
        if (b >= 128) ascii = undefined;
        else for (let c = a; c <= b; c++) ascii?.add(String.fromCharCode(c).toLowerCase());
      } else {
        chars.add(from.toLowerCase());
        if (from.charCodeAt(0) >= 128) ascii = undefined;
        else ascii?.add(from.toLowerCase());
      }
    }
    if (source[i] !== ']') throw new Error('unclosed class');
    i++;
    if (wide || chars.size > MAX_SET) return { kind: 'chars', set: undefined, ascii: ascii && [...ascii].sort().join('') };
    return { kind: 'chars', set: [...chars] };
  }

  function quantifier(): [number, number] {
    const c = source[i];
    let range: [number, number];
    if (c === '*') range = [0, Infinity];
    else if (c === '+') range = [1, Infinity];
    else if (c === '?') range = [0, 1];
    else if (c === '{') {
      const close = source.indexOf('}', i);
      const body = close === -1 ? '' : source.slice(i + 1, close);
      if (!/^\d+(?:,\d*)?$/.test(body)) return [1, 1]; // a literal brace (parsed as a char next)
      const [min, max] = body.split(',');
      range = [Number(min), max === undefined ? Number(min) : max === '' ? Infinity : Number(max)];
      i = close;
    } else return [1, 1];
    i++;
    if (source[i] === '?') i++; // lazy
    return range;
  }

  /** The most characters a sequence list can span (look-arounds count 0). */
  function width(alts: Atom[][]): number {
    let best = 0;
    for (const seq of alts) {
      let sum = 0;
      for (const { node, max } of seq) {
        const w = node.kind === 'chars' ? 1 : node.kind === 'group' ? width(node.alternatives) : node.kind === 'opaque' ? Infinity : 0;
        sum += w === 0 ? 0 : w * max;
      }
      best = Math.max(best, sum);
    }
    return best;
  }

  const sequence = alternatives();
  if (i < source.length) throw new Error('unbalanced');
  return { sequence, behind };
}
