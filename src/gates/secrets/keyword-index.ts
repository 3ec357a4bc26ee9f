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

  /** `groups[i]` is the keyword list of group i (e.g. one rule); `hits()` reports group ids. */
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
  }

  /** Marks in `found` (indexed by group id) every group with a keyword in `text`; returns how many. */
  hits(text: string, found: Uint8Array): number {
    const { classOf, next, outputs, width } = this;
    let state = 0;
    let count = 0;
    const total = found.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * width + (code < 128 ? classOf[code] : 0)];
      const groups = outputs[state];
      if (groups !== undefined) {
        for (const g of groups) {
          if (found[g] === 0) {
            found[g] = 1;
            if (++count === total) return count;
          }
        }
      }
    }
    return count;
  }
}
