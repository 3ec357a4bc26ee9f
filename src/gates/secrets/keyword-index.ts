/**
 * Finds every occurrence of a set of ASCII keywords, case-insensitively (A–Z fold onto a–z),
 * in text or in bytes read as latin1, without making a lower-cased copy.
 *
 * Why not an Aho–Corasick DFA: its inner loop is a chain of dependent table reads (the next
 * state depends on the previous one), about 4 ns a byte here, and with ~560 keywords its table
 * is 600 KB. Instead each keyword is filed under one of its two-character pairs, the rarest
 * one in source text; the hot loop looks up the pair at every position in a 16 KB table (reads
 * that do not depend on each other, so the CPU overlaps them), and only at the few positions
 * whose pair is filed (about 6% of real code) compares the keywords filed there.
 */
export class KeywordIndex {
  /** Distinct lower-cased keywords, as bytes, one after the other. */
  private readonly bytes: Uint8Array;
  private readonly start: Int32Array;
  private readonly length: Int32Array;
  /** For each keyword, the groups it belongs to. */
  private readonly groupsOf: number[][];
  /**
   * Per pair (folded first char × 128 + folded second char): 0, or the 1-based slot of the
   * pair among those with keywords filed under them.
   */
  private readonly slotOf = new Uint16Array(PAIRS);
  /** Slot s's entries in `entryKeyword`/`entryOffset` are [bucket[s − 1], bucket[s]). */
  private readonly bucket: Int32Array;
  private readonly entryKeyword: Int32Array;
  /** Offset of the filed pair inside the keyword. */
  private readonly entryOffset: Int32Array;
  /**
   * Per slot, a 128-bit set of the characters that may follow its pair (4 words): a second
   * filter before the comparisons. Every character when a keyword ends with the pair.
   */
  private readonly follows: Uint32Array;
  /** Scratch output of `scan`, reused across calls: keyword ids and end offsets, by end offset. */
  private found = new Int32Array(1024);
  private ends = new Int32Array(1024);

  /** `groups[i]` is the keyword list of group i (e.g. one keyword, or one rule's keywords). */
  constructor(groups: readonly (readonly string[])[]) {
    const ids = new Map<string, number>();
    this.groupsOf = [];
    groups.forEach((keywords, group) => {
      for (const keyword of keywords) {
        if (keyword.length === 0) continue;
        const key = keyword.toLowerCase();
        for (let i = 0; i < key.length; i++) {
          if (key.charCodeAt(i) >= 128) throw new Error(`keyword "${keyword}" is not ASCII`);
        }
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          this.groupsOf.push([]);
        }
        if (!this.groupsOf[id].includes(group)) this.groupsOf[id].push(group);
      }
    });
    const keywords = [...ids.keys()];
    this.start = new Int32Array(keywords.length);
    this.length = new Int32Array(keywords.length);
    this.bytes = new Uint8Array(keywords.reduce((n, k) => n + k.length, 0));
    let at = 0;
    keywords.forEach((k, id) => {
      this.start[id] = at;
      this.length[id] = k.length;
      for (let i = 0; i < k.length; i++) this.bytes[at++] = k.charCodeAt(i);
    });

    // File each keyword under its rarest pair; a one-character keyword under every pair it
    // starts (the character after the last one reads as 0).
    const entries: { pair: number; keyword: number; offset: number }[] = [];
    keywords.forEach((k, keyword) => {
      if (k.length === 1) {
        for (let next = 0; next < 128; next++) entries.push({ pair: (k.charCodeAt(0) << 7) | next, keyword, offset: 0 });
        return;
      }
      let best = 0;
      for (let o = 1; o + 1 < k.length; o++) if (pairCost(k, o) < pairCost(k, best)) best = o;
      entries.push({ pair: (k.charCodeAt(best) << 7) | k.charCodeAt(best + 1), keyword, offset: best });
    });
    entries.sort((a, b) => a.pair - b.pair);
    let slots = 0;
    for (const e of entries) if (this.slotOf[e.pair] === 0) this.slotOf[e.pair] = ++slots;
    this.entryKeyword = new Int32Array(entries.length);
    this.entryOffset = new Int32Array(entries.length);
    this.bucket = new Int32Array(slots + 1);
    this.follows = new Uint32Array((slots + 1) * 4);
    entries.forEach((e, i) => {
      this.entryKeyword[i] = e.keyword;
      this.entryOffset[i] = e.offset;
      const slot = this.slotOf[e.pair];
      this.bucket[slot] = i + 1; // entries are sorted by pair: a slot's run ends here
      const k = keywords[e.keyword];
      if (e.offset + 2 >= k.length) this.follows.fill(0xffffffff, slot * 4, slot * 4 + 4);
      else {
        const c = k.charCodeAt(e.offset + 2);
        this.follows[slot * 4 + (c >> 5)] |= 1 << (c & 31);
      }
    });
  }

  /** How many distinct keywords there are (ids 0 … count − 1, in order of first appearance). */
  get keywordCount(): number {
    return this.start.length;
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

  // Two copies of the hot loop and of the comparison, so each stays monomorphic (typed-array
  // reads vs charCodeAt).
  private scanBytes(input: Uint8Array): number {
    const n = input.length;
    if (n === 0) return 0;
    const { slotOf, follows, bucket, bytes, start, length, entryKeyword, entryOffset } = this;
    let count = 0;
    let previous = FOLD[input[0]];
    for (let i = 1; i <= n; i++) {
      const current = i < n ? FOLD[input[i]] : 0;
      const pair = (previous << 7) | current;
      previous = current;
      const slot = slotOf[pair];
      if (slot === 0) continue;
      const third = i + 1 < n ? FOLD[input[i + 1]] : 0;
      if (((follows[slot * 4 + (third >> 5)] >>> (third & 31)) & 1) === 0) continue;
      const at = i - 1;
      for (let e = bucket[slot - 1], last = bucket[slot]; e < last; e++) {
        const keyword = entryKeyword[e];
        const from = at - entryOffset[e];
        const len = length[keyword];
        if (from < 0 || from + len > n) continue;
        const k = start[keyword];
        let j = 0;
        while (j < len && FOLD[input[from + j]] === bytes[k + j]) j++;
        if (j === len) count = this.record(keyword, from + len, count);
      }
    }
    return count;
  }

  private scanText(input: string): number {
    const n = input.length;
    if (n === 0) return 0;
    const { slotOf, follows, bucket, bytes, start, length, entryKeyword, entryOffset } = this;
    let count = 0;
    let previous = foldChar(input.charCodeAt(0));
    for (let i = 1; i <= n; i++) {
      const current = i < n ? foldChar(input.charCodeAt(i)) : 0;
      const pair = (previous << 7) | current;
      previous = current;
      const slot = slotOf[pair];
      if (slot === 0) continue;
      const third = i + 1 < n ? foldChar(input.charCodeAt(i + 1)) : 0;
      if (((follows[slot * 4 + (third >> 5)] >>> (third & 31)) & 1) === 0) continue;
      const at = i - 1;
      for (let e = bucket[slot - 1], last = bucket[slot]; e < last; e++) {
        const keyword = entryKeyword[e];
        const from = at - entryOffset[e];
        const len = length[keyword];
        if (from < 0 || from + len > n) continue;
        const k = start[keyword];
        let j = 0;
        while (j < len && foldChar(input.charCodeAt(from + j)) === bytes[k + j]) j++;
        if (j === len) count = this.record(keyword, from + len, count);
      }
    }
    return count;
  }

  /** Appends an occurrence, keeping the list ordered by end offset (entries arrive almost in order). */
  private record(keyword: number, end: number, count: number): number {
    if (count === this.found.length) {
      const found = new Int32Array(count * 2);
      const ends = new Int32Array(count * 2);
      found.set(this.found);
      ends.set(this.ends);
      this.found = found;
      this.ends = ends;
    }
    const { found, ends } = this;
    let i = count;
    while (i > 0 && ends[i - 1] > end) {
      found[i] = found[i - 1];
      ends[i] = ends[i - 1];
      i--;
    }
    found[i] = keyword;
    ends[i] = end;
    return count + 1;
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

const PAIRS = 128 * 128;

/** Byte → folded ASCII char: A–Z become a–z, bytes ≥ 128 (never in a keyword) become 0. */
const FOLD = new Uint8Array(256);
for (let c = 0; c < 128; c++) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;

function foldChar(code: number): number {
  return code < 128 ? FOLD[code] : 0;
}

// How common characters and pairs are in source code (counted on ~125 MB of installed npm
// packages), most common first: a keyword is filed under its pair least likely to occur.
const COMMON_CHARS = ' et"roisanlpcud:m,gh/_fyb.{}v-()wx*=;k021j`q\'[]z\\4635&|987?>!$@+%#<^~';
const COMMON_PAIRS =
  '   ": ":reinonerat",stpee"ortiesriteth {leendee tyco }itnturypio ttrng"thesemetoar},edam"sctetisexrlant n ocoms nscataalraec,  il"llgeodro cmagimp aeasig"foprla_uponos_loassst"ts rplubulnauescn" sve =nettrtac"euspaptrs= ce *emlificr) apndopelidch fr epe_ os"ht--huolncefs/os* "hagilund // ptp.c"d niff  exaipvad"icpi:/dis:"utupsie);blrmab.gb.rg drr (ou"fm/mirnfae,nurusos./osuhabeadclt_bo/aaaevhiquofkeow m"i"nd_nie.o _aot/*_i*/t/ /imdomoi."r by ryum vut=="plda r_ltluia"air."mmoor"da wigaulsje';
const PAIR_RANK = new Map<string, number>();
for (let i = 0; i + 1 < COMMON_PAIRS.length; i += 2) {
  const pair = COMMON_PAIRS.slice(i, i + 2);
  if (!PAIR_RANK.has(pair)) PAIR_RANK.set(pair, COMMON_PAIRS.length - i);
}

const CHAR_RANK = new Uint8Array(128);
for (let i = 0; i < COMMON_CHARS.length; i++) CHAR_RANK[COMMON_CHARS.charCodeAt(i)] = COMMON_CHARS.length - i;

/** Lower is rarer: common pairs first by rank, then by how common each character is. */
function pairCost(keyword: string, offset: number): number {
  const pairRank = PAIR_RANK.get(keyword.slice(offset, offset + 2)) ?? 0;
  return pairRank * 1e4 + CHAR_RANK[keyword.charCodeAt(offset)] * CHAR_RANK[keyword.charCodeAt(offset + 1)];
}
