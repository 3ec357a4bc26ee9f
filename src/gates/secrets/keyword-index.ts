/**
 * Aho–Corasick automaton over ASCII keywords, case-insensitive by construction (A–Z fold onto
 * a–z in the alphabet map), so a file is scanned once without making a lower-cased copy.
 * The goto function is a dense DFA (failure links folded in), so the inner loop is two
 * typed-array reads per character.
 */
export class KeywordIndex {
  /** Alphabet class of every UTF-16 code unit (0: no keyword uses it), so the loop never branches on it. */
  private readonly classOf = new Uint8Array(65536);
  private readonly next: Int32Array;
  /** By state row offset: the ids of the groups whose keywords end there (failure outputs merged). */
  private readonly outputs: number[][];
  /** 1 at a state's row offset where `outputs` is non-empty: the hot loop reads a byte, not an array slot. */
  private readonly terminal: Uint8Array;

  /** `groups[i]` is the keyword list of group i (e.g. one keyword, or one rule's keywords). */
  constructor(groups: readonly (readonly string[])[]) {
    let classes = 1; // class 0: every character no keyword uses
    for (const keywords of groups) {
      for (const keyword of keywords) {
        for (const ch of keyword.toLowerCase()) {
          const code = ch.charCodeAt(0);
          if (code >= 128) throw new Error(`keyword "${keyword}" is not ASCII`);
          if (this.classOf[code] === 0) {
            if (classes === 255) throw new Error('too many distinct keyword characters');
            this.classOf[code] = classes++;
            const upper = ch.toUpperCase().charCodeAt(0);
            if (upper !== code && upper < 128) this.classOf[upper] = this.classOf[code];
          }
        }
      }
    }

    const trie: number[][] = [new Array<number>(classes).fill(-1)];
    const out: Set<number>[] = [new Set()];
    groups.forEach((keywords, group) => {
      for (const keyword of keywords) {
        if (keyword.length === 0) continue;
        let state = 0;
        for (const ch of keyword.toLowerCase()) {
          const cls = this.classOf[ch.charCodeAt(0)];
          if (trie[state][cls] === -1) {
            trie[state][cls] = trie.length;
            trie.push(new Array<number>(classes).fill(-1));
            out.push(new Set());
          }
          state = trie[state][cls];
        }
        out[state].add(group);
      }
    });

    // Breadth-first: fill missing transitions from the failure state, merge outputs.
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (let c = 0; c < classes; c++) {
      const s = trie[0][c];
      if (s === -1) trie[0][c] = 0;
      else {
        fail[s] = 0;
        queue.push(s);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const g of out[fail[state]]) out[state].add(g);
      for (let c = 0; c < classes; c++) {
        const s = trie[state][c];
        if (s === -1) trie[state][c] = trie[fail[state]][c];
        else {
          fail[s] = trie[fail[state]][c];
          queue.push(s);
        }
      }
    }
    // Flattened, with every state stored as its row offset (state × width), so a step is one
    // add and one read.
    this.next = new Int32Array(trie.length * classes);
    trie.forEach((row, state) => this.next.set(row.map((target) => target * classes), state * classes));
    this.outputs = [];
    this.terminal = new Uint8Array(trie.length * classes);
    out.forEach((set, state) => {
      if (set.size === 0) return;
      this.outputs[state * classes] = [...set];
      this.terminal[state * classes] = 1;
    });
  }

  /**
   * Where each group's keywords occur: `positions[g]` gets the end offset of every occurrence
   * of a keyword of group g, up to `cap` of them (past that the group is marked `dense`, and
   * callers scan the whole text). Bytes are read as latin1 (offsets are byte offsets). Returns
   * how many groups occur at all.
   */
  occurrences(input: string | Uint8Array, positions: number[][], dense: Uint8Array, cap: number): number {
    const { classOf, next, outputs, terminal } = this;
    let state = 0;
    let count = 0;
    const record = (at: number) => {
      for (const g of outputs[state]!) {
        const list = positions[g];
        if (list.length === 0) count++;
        if (list.length < cap) list.push(at);
        else dense[g] = 1;
      }
    };
    // Two copies of the hot loop, so each stays monomorphic (typed-array reads vs charCodeAt).
    if (typeof input === 'string') {
      for (let i = 0; i < input.length; i++) {
        state = next[state + classOf[input.charCodeAt(i)]];
        if (terminal[state] !== 0) record(i + 1);
      }
    } else {
      for (let i = 0; i < input.length; i++) {
        state = next[state + classOf[input[i]]];
        if (terminal[state] !== 0) record(i + 1);
      }
    }
    return count;
  }
}
