/**
 * Aho–Corasick automaton over ASCII keywords, case-insensitive by construction (A–Z fold onto
 * a–z in the alphabet map), so a file is scanned once without making a lower-cased copy.
 * The goto function is a dense DFA (failure links folded in), so the inner loop is two
 * typed-array reads per character.
 */
export class KeywordIndex {
  private readonly classOf = new Uint8Array(128);
  private readonly width: number;
  private readonly next: Int32Array;
  /** For each state, the ids of the groups whose keywords end there (failure outputs merged). */
  private readonly outputs: (number[] | undefined)[];
  /** 1 where `outputs` is non-empty: the hot loop reads a byte, not an array slot. */
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
            this.classOf[code] = classes++;
            const upper = ch.toUpperCase().charCodeAt(0);
            if (upper !== code && upper < 128) this.classOf[upper] = this.classOf[code];
          }
        }
      }
    }
    this.width = classes;

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
    // Class 0 never continues a keyword: from any state it goes back to the root.
    this.next = new Int32Array(trie.length * classes);
    trie.forEach((row, state) => this.next.set(row, state * classes));
    this.outputs = out.map((set) => (set.size ? [...set] : undefined));
    this.terminal = Uint8Array.from(this.outputs, (o) => (o ? 1 : 0));
  }

  /**
   * Where each group's keywords occur: `positions[g]` gets the end offset of every occurrence
   * of a keyword of group g, up to `cap` of them (past that the group is marked `dense`, and
   * callers scan the whole text). Returns how many groups occur at all.
   */
  occurrences(text: string, positions: number[][], dense: Uint8Array, cap: number): number {
    const { classOf, next, outputs, width, terminal } = this;
    let state = 0;
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * width + (code < 128 ? classOf[code] : 0)];
      if (terminal[state] === 0) continue;
      for (const g of outputs[state]!) {
        const list = positions[g];
        if (list.length === 0) count++;
        if (list.length < cap) list.push(i + 1);
        else dense[g] = 1;
      }
    }
    return count;
  }
}
