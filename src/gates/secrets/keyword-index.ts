import { ByteScanner, SCAN_CHUNK, canScanBytes } from './byte-scanner.js';

/** Bytes an index reads as text before it makes its byte scanner: about what the scanner's set-up costs. */
export const JS_SCAN_BYTES = 1 << 20;

/** A copy of `array` with room for `capacity` elements. */
function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(capacity);
  copy.set(array);
  return copy;
}

/**
 * Aho–Corasick automaton over ASCII keywords, case-insensitive by construction (A–Z fold onto
 * a–z in the alphabet map), so a file is scanned once without making a lower-cased copy.
 * The goto function is a dense DFA (failure links folded in), so the inner loop is two
 * typed-array reads per character.
 *
 * It is built straight into typed arrays (no per-state JS arrays or sets), because whoever
 * runs a rule set other than the built-in one (whose tables the build stores:
 * keyword-tables.ts) pays for the construction on every run. (Filing keywords under their
 * rarest character pair instead was tried: cheaper to build, but on source code its
 * data-dependent branch made the scan ~30% slower than this DFA.)
 */
export class KeywordIndex {
  /** Its tables; the byte scanner is made from them on first use. */
  private readonly automaton: Automaton;
  private byteScanner: ByteScanner | undefined = undefined;
  /** Bytes scanned as text before the byte scanner was made. */
  private bytesAsText = 0;
  /** For each keyword, the groups it belongs to. */
  private readonly groupsOf: number[][] = [];
  /** Scratch output of `scan`, reused across calls: keyword ids and end offsets, by end offset. */
  private found = new Int32Array(1024);
  private ends = new Int32Array(1024);

  /**
   * `groups[i]` is the keyword list of group i (e.g. one keyword, or one rule's keywords).
   * `prebuilt`: the automaton of exactly these keywords (their distinct lower-cased forms, in
   * order), as `automaton` gave it, e.g. built at build time (keyword-tables.ts).
   */
  constructor(groups: readonly (readonly string[])[], prebuilt?: Automaton) {
    const ids = new Map<string, number>();
    groups.forEach((keywords, group) => {
      for (const keyword of keywords) {
        if (keyword.length === 0) continue;
        const key = keyword.toLowerCase();
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          this.groupsOf.push([]);
        }
        if (!this.groupsOf[id].includes(group)) this.groupsOf[id].push(group);
      }
    });
    this.automaton = prebuilt ?? buildAutomaton([...ids.keys()]);
  }

  /** How many distinct keywords there are (ids 0 … count − 1, in order of first appearance). */
  get keywordCount(): number {
    return this.groupsOf.length;
  }

  /** The groups keyword `id` belongs to. */
  groupsOfKeyword(id: number): readonly number[] {
    return this.groupsOf[id];
  }

  /**
   * Every keyword occurrence, ordered by end offset: returns how many, and the keyword ids and
   * end offsets in `keywordIds` / `endOffsets` (scratch arrays, valid until the next call).
   * Bytes are read as latin1 (offsets are byte offsets).
   */
  scan(input: string | Uint8Array): number {
    return typeof input === 'string' ? this.scanText(input) : this.scanBytes(input);
  }

  get keywordIds(): Int32Array {
    return this.found;
  }

  get endOffsets(): Int32Array {
    return this.ends;
  }

  /**
   * Bytes are scanned by the WebAssembly scanner (byte-scanner.ts) a chunk at a time, each chunk
   * with the `depth` bytes before it, which leave the state one pass would be in at its start.
   * The first JS_SCAN_BYTES, and all of them without WebAssembly (`--jitless`), are read as
   * latin1 text instead: making the scanner (~4 ms) costs more than a hook's few files take.
   */
  private scanBytes(input: Uint8Array): number {
    if (!canScanBytes || (this.byteScanner === undefined && this.bytesAsText + input.length <= JS_SCAN_BYTES)) {
      this.bytesAsText += input.length;
      return this.scanText(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1'));
    }
    const scanner = (this.byteScanner ??= new ByteScanner(this.automaton));
    let count = 0;
    for (let from = 0; from < input.length; from += SCAN_CHUNK) {
      const context = Math.min(from, this.automaton.depth);
      const base = from - context;
      scanner.scan(input.subarray(base, Math.min(input.length, from + SCAN_CHUNK)), context, (state, end) => {
        count = this.emit(state >>> 1, base + end, count);
      });
    }
    return count;
  }

  private scanText(input: string): number {
    const { classOf, next, rowShift } = this.automaton;
    let state = 0;
    let count = 0;
    for (let i = 0; i < input.length; i++) {
      const code = input.charCodeAt(i);
      state = next[((state >>> 1) << rowShift) + (code < 256 ? classOf[code] : 0)];
      if ((state & 1) !== 0) count = this.emit(state >>> 1, i + 1, count);
    }
    return count;
  }

  /** Records the keywords ending in state `s`, at offset `end`. */
  private emit(s: number, end: number, count: number): number {
    const { outStart, outputs } = this.automaton;
    for (let o = outStart[s], last = outStart[s + 1]; o < last; o++) {
      if (count === this.found.length) this.reserve(count + 1);
      this.found[count] = outputs[o];
      this.ends[count] = end;
      count++;
    }
    return count;
  }

  /** Grows the output arrays to hold at least `size` occurrences. */
  private reserve(size: number): void {
    if (size <= this.found.length) return;
    const capacity = Math.max(size, this.found.length * 2);
    this.found = grown(this.found, capacity);
    this.ends = grown(this.ends, capacity);
  }

  /**
   * Where each group's keywords occur: `positions[g]` gets the end offset of every occurrence
   * of a keyword of group g (once per offset), up to `cap` of them (past that the group is
   * marked `dense`). Returns how many groups occur at all.
   */
  occurrences(input: string | Uint8Array, positions: number[][], dense: Uint8Array, cap: number): number {
    const total = this.scan(input);
    let count = 0;
    for (let i = 0; i < total; i++) {
      const end = this.ends[i];
      for (const g of this.groupsOf[this.found[i]]) {
        const list = positions[g];
        if (list.length > 0 && list[list.length - 1] === end) continue;
        if (list.length === 0) count++;
        if (list.length < cap) list.push(end);
        else dense[g] = 1;
      }
    }
    return count;
  }
}

/** A keyword automaton's tables (KeywordIndex). */
export interface Automaton {
  /** Alphabet class of every byte (0: no keyword uses it); chars ≥ 128 are class 0. */
  classOf: Uint8Array;
  /**
   * next[(state << rowShift) + class] = the next state × 2, plus 1 when some keyword ends there.
   * 16-bit entries where the states fit (the built-in rules' ~5,000 do): half the cache lines of
   * 32-bit ones, and a scan's time goes mostly to fetching rows of this table.
   */
  next: Uint16Array | Int32Array;
  /** log2(width): a state's row starts at state << rowShift. */
  rowShift: number;
  /** Keyword ids ending at each state (failure outputs merged): outputs[outStart[s] … outStart[s + 1]). */
  outStart: Int32Array;
  outputs: Int32Array;
  /** The longest keyword: no state of the automaton remembers more characters than this. */
  depth: number;
}

/** The automaton of distinct lower-case ASCII keywords; keyword i gets id i. */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const classOf = new Uint8Array(256);
  let classes = 1; // class 0: every character no keyword uses
  let maxStates = 1;
  for (const keyword of keywords) {
    maxStates += keyword.length;
    for (let i = 0; i < keyword.length; i++) {
      const code = keyword.charCodeAt(i);
      if (code >= 128) throw new Error(`keyword "${keyword}" is not ASCII`);
      if (classOf[code] === 0) {
        if (classes === 255) throw new Error('too many distinct keyword characters');
        classOf[code] = classes++;
        if (code >= 97 && code <= 122) classOf[code - 32] = classOf[code];
      }
    }
  }
  // A power of two, so a row's offset is a shift of the state, not a multiplication.
  const rowShift = Math.ceil(Math.log2(classes));
  const width = 1 << rowShift;
  const depth = Math.max(0, ...keywords.map((k) => k.length));

  // The trie, in rows of `width` (-1: no edge yet); `last` = keyword ending at a state.
  const trie = new Int32Array(maxStates * width).fill(-1);
  const endsHere: number[][] = [[]];
  let states = 1;
  keywords.forEach((keyword, id) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const at = state * width + classOf[keyword.charCodeAt(i)];
      if (trie[at] === -1) {
        trie[at] = states++;
        endsHere.push([]);
      }
      state = trie[at];
    }
    endsHere[state].push(id);
  });

  // Breadth-first: fill missing transitions from the failure state, merge outputs.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let c = 0; c < width; c++) {
    const s = trie[c];
    if (s === -1) trie[c] = 0;
    else queue[tail++] = s; // fail[s] = 0
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head];
    const f = fail[state];
    if (endsHere[f].length > 0) endsHere[state].push(...endsHere[f]);
    for (let c = 0; c < width; c++) {
      const at = state * width + c;
      const s = trie[at];
      if (s === -1) trie[at] = trie[f * width + c];
      else {
        fail[s] = trie[f * width + c];
        queue[tail++] = s;
      }
    }
  }
  // States renumbered in breadth-first order (the root, then every state one character deep,
  // …): the shallow states most characters lead to sit together, in fewer cache lines.
  const rank = new Int32Array(states);
  for (let i = 0; i < tail; i++) rank[queue[i]] = i + 1;
  const order = new Int32Array(states);
  for (let s = 0; s < states; s++) order[rank[s]] = s;
  // Every state stored doubled, bit 0 saying "a keyword ends here": a step is a shift, an add and one read.
  const next = states * 2 <= 0xffff ? new Uint16Array(states * width) : new Int32Array(states * width);
  for (let r = 0; r < states; r++) {
    const s = order[r];
    for (let c = 0; c < width; c++) {
      const target = trie[s * width + c];
      next[r * width + c] = rank[target] * 2 + (endsHere[target].length > 0 ? 1 : 0);
    }
  }
  const outStart = new Int32Array(states + 1);
  let outputs = 0;
  for (let r = 0; r < states; r++) {
    outStart[r] = outputs;
    outputs += endsHere[order[r]].length;
  }
  outStart[states] = outputs;
  const outputTable = new Int32Array(outputs);
  for (let r = 0; r < states; r++) outputTable.set(endsHere[order[r]], outStart[r]);
  return { classOf, next, rowShift, outStart, outputs: outputTable, depth };
}
