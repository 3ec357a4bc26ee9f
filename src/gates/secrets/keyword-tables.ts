import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-info.js';
import { type Automaton, KeywordIndex } from './keyword-index.js';

// The keyword automaton of the built-in rules, built once by the build (~20 ms of CPU that
// every hook run and every scanning thread paid again) and stored as its tables
// (dist/gates/secrets/keyword-tables.bin, ~0.7 MB, read in well under a millisecond). It is
// used only for exactly the keywords it was built from; any other set (custom rules, disabled
// rules) is built on the spot, as is everything when the file is missing or malformed.

export const KEYWORD_TABLES_FILE = join('dist', 'gates', 'secrets', 'keyword-tables.bin');

const MAGIC = 0x4b574657; // "WFWK"
const VERSION = 1;
/** magic, version, keywords byte length, rowShift, depth, next bits, next length, outStart length, outputs length. */
const HEADER_WORDS = 9;

const align4 = (n: number) => (n + 3) & ~3;

/** The automaton of `keywords` (distinct, lower-case, in id order) as bytes. */
export function encodeKeywordTables(keywords: readonly string[], automaton: Automaton): Buffer {
  const text = Buffer.from(keywords.join('\n'), 'utf8');
  const { next, outStart, outputs } = automaton;
  const bits = next instanceof Uint16Array ? 16 : 32;
  const parts = [text, Buffer.from(automaton.classOf), Buffer.from(next.buffer, next.byteOffset, next.byteLength), Buffer.from(outStart.buffer, outStart.byteOffset, outStart.byteLength), Buffer.from(outputs.buffer, outputs.byteOffset, outputs.byteLength)];
  const header = new Uint32Array([MAGIC, VERSION, text.length, automaton.rowShift, automaton.depth, bits, next.length, outStart.length, outputs.length]);
  const chunks: Buffer[] = [Buffer.from(header.buffer)];
  for (const part of parts) chunks.push(part, Buffer.alloc(align4(part.length) - part.length));
  return Buffer.concat(chunks);
}

/** The automaton stored in `bytes` when it was built from exactly `keywords`, else undefined (also when the bytes are not well formed). */
export function decodeKeywordTables(bytes: Buffer, keywords: readonly string[]): Automaton | undefined {
  if (bytes.length < HEADER_WORDS * 4) return undefined;
  const word = (i: number) => bytes.readUInt32LE(i * 4);
  const [magic, version, textLength, rowShift, depth, bits, nextLength, outStartLength, outputsLength] = Array.from({ length: HEADER_WORDS }, (_, i) => word(i));
  if (magic !== MAGIC || version !== VERSION || (bits !== 16 && bits !== 32) || rowShift > 8) return undefined;
  // The streams of a long scan warm up over `depth` bytes (KeywordIndex): too small a depth would lose keywords at their seams.
  if (depth !== Math.max(0, ...keywords.map((k) => k.length))) return undefined;
  const states = outStartLength - 1;
  const sizes = [textLength, 256, nextLength * (bits / 8), outStartLength * 4, outputsLength * 4];
  if (bytes.length !== HEADER_WORDS * 4 + sizes.reduce((sum, n) => sum + align4(n), 0)) return undefined;
  if (states < 1 || nextLength !== states << rowShift) return undefined;
  let at = HEADER_WORDS * 4;
  const take = (size: number) => {
    const part = bytes.subarray(at, at + size);
    at += align4(size);
    return new Uint8Array(part).buffer; // a copy, aligned for the typed arrays over it
  };
  if (Buffer.from(take(textLength)).toString('utf8') !== keywords.join('\n')) return undefined;
  const classOf = new Uint8Array(take(256));
  const next = bits === 16 ? new Uint16Array(take(sizes[2])) : new Int32Array(take(sizes[2]));
  const outStart = new Int32Array(take(sizes[3]));
  const outputs = new Int32Array(take(sizes[4]));
  // Every transition leads to a state and every output names a keyword: a table that did not
  // would send the scan off its rows, or report keywords that are not there.
  for (let c = 0; c < 256; c++) if (classOf[c] >= 1 << rowShift) return undefined;
  for (let i = 0; i < next.length; i++) if (next[i] >>> 1 >= states || next[i] < 0) return undefined;
  for (let s = 0; s < states; s++) if (outStart[s] > outStart[s + 1] || outStart[s] < 0) return undefined;
  if (outStart[states] !== outputsLength) return undefined;
  for (let i = 0; i < outputs.length; i++) if (outputs[i] < 0 || outputs[i] >= keywords.length) return undefined;
  return { classOf, next, rowShift, outStart, outputs, depth };
}

let stored: Buffer | null | undefined;
/** The last automaton decoded from `stored`, and for which keywords: every engine and thread of a run asks for the same one, and its tables are only read. */
let decoded: { keywords: string; automaton: Automaton } | undefined;

/**
 * A keyword index for `keywords` (distinct, lower-case, in id order; one group each), from the
 * build's tables when they were built from these very keywords.
 */
export function keywordIndexFor(keywords: readonly string[]): KeywordIndex {
  if (stored === undefined) {
    stored = null;
    try {
      const path = join(packageRoot(), KEYWORD_TABLES_FILE);
      if (existsSync(path)) stored = readFileSync(path);
    } catch {
      stored = null; // unreadable: build the automaton instead
    }
  }
  const key = keywords.join('\n');
  if (stored && decoded?.keywords !== key) {
    const automaton = decodeKeywordTables(stored, keywords);
    if (automaton) decoded = { keywords: key, automaton };
  }
  return new KeywordIndex(
    keywords.map((keyword) => [keyword]),
    decoded?.keywords === key ? decoded.automaton : undefined,
  );
}
