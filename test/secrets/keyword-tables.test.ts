import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-info.js';
import { activeRules } from '../../src/gates/secrets/custom-rules.js';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { type Automaton, KeywordIndex, buildAutomaton } from '../../src/gates/secrets/keyword-index.js';
import { KEYWORD_TABLES_FILE, decodeKeywordTables, encodeKeywordTables } from '../../src/gates/secrets/keyword-tables.js';
import { binaryRules } from '../../src/gates/secrets/keystore.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';

const SMALL = ['token', 'secret', 'ghp_', 'key'];

/** Made-up eight-letter keywords (a fixed pseudo-random sequence), enough for an automaton past 16-bit states. */
function manyKeywords(count: number): string[] {
  let seed = 12345;
  const letter = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(97 + ((seed >>> 16) % 26));
  };
  return [...new Set(Array.from({ length: count }, () => Array.from({ length: 8 }, letter).join('')))];
}

const bytesOf = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

const occurrences = (index: KeywordIndex, text: string) => {
  const count = index.scan(Buffer.from(text, 'latin1'));
  return [[...index.keywordIds.subarray(0, count)], [...index.endOffsets.subarray(0, count)]];
};

describe('stored keyword tables', () => {
  it('decode to the automaton they were encoded from, 16-bit and 32-bit', () => {
    for (const keywords of [SMALL, manyKeywords(9000)]) {
      const built = buildAutomaton(keywords);
      const decoded = decodeKeywordTables(encodeKeywordTables(keywords, built), keywords);
      expect(decoded).toBeDefined();
      expect(decoded!.next.constructor).toBe(built.next.constructor);
      for (const field of ['classOf', 'next', 'outStart', 'outputs'] as const) expect(bytesOf(decoded![field]).equals(bytesOf(built[field])), field).toBe(true);
      expect([decoded!.rowShift, decoded!.depth]).toEqual([built.rowShift, built.depth]);
    }
    expect(buildAutomaton(manyKeywords(9000)).next).toBeInstanceOf(Int32Array);
  });

  it('are refused for other keywords, and when truncated, corrupted or of another format', () => {
    const built = buildAutomaton(SMALL);
    const bytes = encodeKeywordTables(SMALL, built);
    expect(decodeKeywordTables(bytes, ['token', 'secret', 'ghp_'])).toBeUndefined();
    expect(decodeKeywordTables(bytes, [...SMALL].reverse())).toBeUndefined();
    expect(decodeKeywordTables(bytes.subarray(0, bytes.length - 4), SMALL)).toBeUndefined();
    expect(decodeKeywordTables(Buffer.alloc(8), SMALL)).toBeUndefined();
    // A depth shorter than the longest keyword (a long scan's streams would warm up too briefly).
    expect(decodeKeywordTables(encodeKeywordTables(SMALL, { ...built, depth: built.depth - 1 }), SMALL)).toBeUndefined();
    const otherMagic = Buffer.from(bytes);
    otherMagic[0] ^= 1;
    expect(decodeKeywordTables(otherMagic, SMALL)).toBeUndefined();
    // A transition past the last state, in the last word of the `next` table.
    const header = 9 * 4;
    const textLength = bytes.readUInt32LE(8);
    const nextAt = header + ((textLength + 3) & ~3) + 256;
    const broken = Buffer.from(bytes);
    broken.writeUInt16LE(0xfffe, nextAt + 2 * (built.next.length - 1));
    expect(decodeKeywordTables(broken, SMALL)).toBeUndefined();
    // An output naming a keyword that does not exist (the outputs come last).
    const badOutput = Buffer.from(bytes);
    badOutput.writeInt32LE(SMALL.length, badOutput.length - 4);
    expect(decodeKeywordTables(badOutput, SMALL)).toBeUndefined();
  });

  it('the build stores are those of the default rule set, and scan as a freshly built automaton does', () => {
    const rules = activeRules(builtinRules, [], [], binaryRules.map((r) => r.id));
    const keywords = new SecretEngine(rules, { checked: true }).keywords;
    const stored = decodeKeywordTables(readFileSync(join(packageRoot(), KEYWORD_TABLES_FILE)), keywords) as Automaton;
    expect(stored).toBeDefined();
    const groups = keywords.map((k) => [k]);
    const text = `const githubToken = "x"; password: y; AKIA ${keywords.slice(0, 200).join(' ')} AUTHORIZATION: Bearer z`;
    expect(occurrences(new KeywordIndex(groups, stored), text)).toEqual(occurrences(new KeywordIndex(groups), text));
    expect(occurrences(new KeywordIndex(groups, stored), text)[0].length).toBeGreaterThan(200);
  });
});
