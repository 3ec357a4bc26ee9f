import { describe, expect, it } from 'vitest';
import { SHAPE_CHECKS, SecretEngine } from '../../src/gates/secrets/engine.js';
import { shannonEntropy } from '../../src/gates/secrets/entropy.js';
import { SCAN_CHUNK } from '../../src/gates/secrets/byte-scanner.js';
import { JS_SCAN_BYTES, KeywordIndex } from '../../src/gates/secrets/keyword-index.js';
import { hitsIn, hitsInContent, utf16Length } from '../../src/gates/secrets/hits.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { redact } from '../../src/gates/secrets/redact.js';
import { regexReach } from '../../src/gates/secrets/regex-reach.js';
import type { SecretRule } from '../../src/gates/secrets/rule.js';

function rule(overrides: Partial<SecretRule> & Pick<SecretRule, 'id' | 'regex' | 'keywords'>): SecretRule {
  return {
    title: overrides.id,
    severity: 'high',
    family: 'test',
    examples: { match: [], noMatch: [] },
    ...overrides,
  };
}

const tokenRule = rule({ id: 'zq-token', regex: '\\bzq_(?<secret>[A-Za-z0-9]{24})\\b', keywords: ['zq_'], entropy: 3 });
const token = 'zq_' + 'Ab3dEf6hIj9kLm2nOp5qRs8t';

function occurrences(groups: string[][], text: string, cap = 100) {
  const positions: number[][] = groups.map(() => []);
  const dense = new Uint8Array(groups.length);
  const count = new KeywordIndex(groups).occurrences(text, positions, dense, cap);
  return { count, positions, dense: [...dense] };
}

/** `index`, made to read bytes with its WebAssembly scanner from now on (it reads the first JS_SCAN_BYTES as text). */
function byteScanning(index: KeywordIndex): KeywordIndex {
  index.scan(new Uint8Array(JS_SCAN_BYTES + 1));
  return index;
}

describe('KeywordIndex', () => {
  it('finds every occurrence of every group, case-insensitively, in one pass (end offsets)', () => {
    const found = occurrences([['alpha'], ['beta', 'gamma'], ['delta'], ['he', 'she', 'hers']], 'xx GAMMA yy uShers gamma');
    expect(found.count).toBe(2);
    expect(found.positions).toEqual([[], [8, 24], [], [16, 18]]);
  });

  it('finds keywords that overlap or sit inside others (failure links)', () => {
    expect(occurrences([['abcd'], ['bc'], ['cdx']], 'zabcdx').positions).toEqual([[5], [4], [6]]);
  });

  it('ignores non-ASCII text and reports nothing when no keyword occurs', () => {
    expect(occurrences([['key']], 'ключ 鍵 kex').count).toBe(0);
  });

  it('finds in bytes (scanned as four quarters at once) exactly what one pass over the text finds', () => {
    const index = byteScanning(new KeywordIndex([['hers'], ['she'], ['he'], ['longkeyword'], ['x']]));
    const scanned = (input: string | Uint8Array) => {
      const n = index.scan(input);
      return [...index.keywordIds.subarray(0, n)].map((id, i) => `${id}@${index.endOffsets[i]}`);
    };
    // Keywords straddling each quarter's start, ending on it and just past it, every length
    // modulo four (the last stream's tail), the shortest split input, and past 10,000 bytes
    // enough occurrences in every quarter to grow its scratch arrays.
    for (const size of [4096, 10_000, 10_001, 10_002, 10_003]) {
      const quarter = size >>> 2;
      for (const boundary of [quarter, 2 * quarter, 3 * quarter, size - 3]) {
        for (const at of [boundary - 11, boundary - 6, boundary - 4, boundary - 1, boundary, boundary + 1]) {
          const chars: string[] = Array.from({ length: size }, (_, i) => (i % 3 === 0 ? '.' : 'x'));
          chars.splice(at, 11, ...'LongKeyword');
          chars.splice(at - 6, 4, ...'sHeRs'.slice(0, 4));
          const text = chars.join('').slice(0, size);
          const viaText = scanned(text);
          expect(scanned(Buffer.from(text, 'latin1'))).toEqual(viaText);
          expect(viaText.length).toBeGreaterThan(size < 10_000 ? 2048 : 4 * 1024);
        }
      }
    }
  });

  it('finds the same in bytes before and after it makes its byte scanner (past JS_SCAN_BYTES read as text)', () => {
    const index = new KeywordIndex([['secret'], ['ghp_']]);
    const bytes = Buffer.from('const secret = "ghp_x";\n'.repeat(Math.ceil(JS_SCAN_BYTES / 2 / 24)), 'latin1');
    const scanned = () => {
      const n = index.scan(bytes);
      return [...index.endOffsets.subarray(0, n)];
    };
    const first = scanned(); // read as text: under JS_SCAN_BYTES so far
    expect(first.length).toBeGreaterThan(40_000);
    expect(scanned()).toEqual(first); // past it: the byte scanner
  });

  it('finds in bytes longer than one scanner chunk exactly what one pass over the text finds (keywords across chunk edges)', () => {
    const index = byteScanning(new KeywordIndex([['longkeyword'], ['ab'], ['b']]));
    const scanned = (input: string | Uint8Array) => {
      const n = index.scan(input);
      return [...index.keywordIds.subarray(0, n)].map((id, i) => `${id}@${index.endOffsets[i]}`);
    };
    const size = 2 * SCAN_CHUNK + 4099;
    const chars: string[] = Array.from({ length: size }, (_, i) => (i % 7 === 0 ? 'b' : '.'));
    // Across the first chunk's edge and ending on the second's, and across the quarters of the
    // last chunk (4,099 bytes: no multiple of four), a two-letter one across its last quarter's.
    const keywordAt = [SCAN_CHUNK - 5, 2 * SCAN_CHUNK - 11, 2 * SCAN_CHUNK + 1024 - 3, 2 * SCAN_CHUNK + 2049 - 10];
    for (const at of keywordAt) chars.splice(at, 11, ...'LongKeyword');
    chars.splice(2 * SCAN_CHUNK + 3071, 2, 'A', 'B');
    const text = chars.join('');
    const viaText = scanned(text);
    expect(viaText.filter((hit) => hit.startsWith('0@'))).toEqual(keywordAt.map((at) => `0@${at + 11}`));
    expect(viaText).toContain(`1@${2 * SCAN_CHUNK + 3073}`);
    expect(scanned(Buffer.from(text, 'latin1'))).toEqual(viaText);
  });

  it('finds what a naive search finds, with 16-bit transitions (the built-in keywords) and with 32-bit ones (more states than 16 bits hold)', () => {
    const builtin = [...new Set(builtinRules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))];
    // 40,000 distinct six-letter keywords: over 32,767 states, past what 16-bit entries hold.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const many = Array.from({ length: 40_000 }, (_, i) => 'q' + [0, 1, 2, 3, 4].map((d) => letters[Math.floor(i / 26 ** d) % 26]).join(''));
    const text = [
      'const apiKey = process.env.API_KEY; // the Token is read once',
      ...many.filter((_, i) => i % 997 === 0),
      'Authorization: Bearer ghp_ and xoxb- then sk_live_ and AKIA, -----BEGIN',
    ].join('\n').repeat(40);
    for (const keywords of [builtin, many]) {
      const index = byteScanning(new KeywordIndex(keywords.map((k) => [k])));
      const found = (input: string | Uint8Array) => {
        const n = index.scan(input);
        return [...index.keywordIds.subarray(0, n)].map((id, i) => `${keywords[id]}@${index.endOffsets[i]}`).sort();
      };
      const lower = text.toLowerCase();
      const naive: string[] = [];
      for (const keyword of keywords) for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) naive.push(`${keyword}@${at + keyword.length}`);
      expect(naive.length).toBeGreaterThan(200);
      expect(found(text)).toEqual(naive.sort());
      expect(found(Buffer.from(text, 'latin1'))).toEqual(naive);
    }
  });

  it('marks a group dense past the cap instead of collecting every occurrence', () => {
    const found = occurrences([['ab'], ['zz']], 'ab '.repeat(10) + 'zz', 4);
    expect(found.positions[0]).toHaveLength(4);
    expect(found.dense).toEqual([1, 0]);
  });
});

describe('SecretEngine', () => {
  it('runs only the rules whose keywords occur in the text (prefilter)', () => {
    const other = rule({ id: 'other', regex: 'never-matches-(\\d+)', keywords: ['never-matches'] });
    const engine = new SecretEngine([tokenRule, other]);
    expect(engine.candidates(`const t = "${token}"`).map((c) => c.rule.id)).toEqual(['zq-token']);
    expect(engine.candidates('nothing here')).toEqual([]);
  });

  it('reports the secret group with 1-based line and column of the secret', () => {
    const engine = new SecretEngine([tokenRule]);
    const [found] = engine.scan(`line one\n  key = "${token}"\n`);
    expect(found.secret).toBe(token.slice(3));
    expect(found.line).toBe(2);
    expect(found.column).toBe('  key = "zq_'.length + 1);
  });

  it('computes positions on CRLF files without counting the carriage return as a column', () => {
    const engine = new SecretEngine([tokenRule]);
    const [found] = engine.scan(`a\r\nb\r\n${token}\r\n`);
    expect([found.line, found.column]).toEqual([3, 4]);
  });

  it('drops secrets under the entropy floor', () => {
    const engine = new SecretEngine([tokenRule]);
    expect(shannonEntropy('aaaaaaaabbbbbbbbaaaaaaaa')).toBeLessThan(3);
    expect(engine.scan('zq_aaaaaaaabbbbbbbbaaaaaaaa')).toEqual([]);
  });

  it('drops allow-listed secrets and global placeholders', () => {
    const allowing = { ...tokenRule, allow: ['^Ab3d'] };
    expect(new SecretEngine([allowing]).scan(token)).toEqual([]);
    expect(new SecretEngine([tokenRule]).scan('zq_Ab3dEf6hIjEXAMPLERs8tqRs8')).toEqual([]);
  });

  it('keeps the more specific rule where two rules claim the same text', () => {
    const generic = rule({ id: 'generic', regex: 'key = "(?<secret>[^"]{8,64})"', keywords: ['key'] });
    const found = new SecretEngine([tokenRule, generic]).scan(`key = "${token}"`);
    expect(found.map((f) => f.rule.id)).toEqual(['zq-token']);
  });

  it('honours per-rule path filters', () => {
    const limited = { ...tokenRule, paths: { include: ['**/*.env', '.env'], exclude: ['fixtures/**'] } };
    const engine = new SecretEngine([limited]);
    expect(engine.scan(token, 'app/config.yml')).toHaveLength(0);
    expect(engine.scan(token, 'app/prod.env')).toHaveLength(1);
    expect(engine.scan(token, '.env')).toHaveLength(1);
    expect(engine.scan(token, 'fixtures/x.env')).toHaveLength(0);
  });

  it('passes over a keyword with no value of the rule\'s shape in reach, until the regex has run once or SHAPE_CHECKS starts were passed over', () => {
    // The shape here is narrower than the regex (digits only), so what it passes over shows.
    const bound = rule({ id: 'zq-bound', regex: 'zq_key = "(?<secret>[A-Za-z0-9]{20})"', keywords: ['zq_key'], valueShape: '[0-9]{20}' });
    const letters = (i: number) => `zq_key = "Kq7Wz2Lm9Xv4Rt8Bn${String.fromCharCode(65 + (i % 26))}${i % 10}H"`;
    const digits = 'zq_key = "80315926473018562947"';
    // Lines far enough apart that no start reaches the next line's value.
    const text = (lines: string[]) => lines.join(`\n${'#'.repeat(80)}\n`);
    const found = (lines: string[]) => new SecretEngine([bound]).scan(text(lines)).map((m) => m.secret);

    expect(found([letters(0)])).toEqual([]);
    // Once a value of the shape is seen, the regex has run: every match counts from then on.
    expect(found([letters(0), digits, letters(1)])).toEqual(['80315926473018562947', letters(1).slice(10, 30)]);
    // The shape is looked for at SHAPE_CHECKS starts at most; past them the regex runs at each.
    const many = Array.from({ length: SHAPE_CHECKS + 5 }, (_, i) => letters(i));
    expect(found(many)).toEqual(many.slice(SHAPE_CHECKS).map((line) => line.slice(10, 30)));
    // Without a shape, nothing is passed over.
    expect(new SecretEngine([{ ...bound, valueShape: undefined }]).scan(text(many))).toHaveLength(many.length);
  });

  it('finds every secret on a long minified line, with columns', () => {
    const filler = 'var a=1;'.repeat(200_000);
    const text = `${filler}k="${token}";${filler}k="${token}";`;
    const found = new SecretEngine([tokenRule]).scan(text);
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [1, filler.length + 7],
      [1, 2 * filler.length + 3 + token.length + 2 + 7],
    ]);
  });

  it('finds the same secrets in keyword windows as in the whole text, and no token cut at a window edge', () => {
    // The regex starts with a character class and the keyword sits inside the match: windows
    // around the keyword must still see the whole token, and a window edge inside a long run
    // must not make a slice of it look like a token.
    const midKeyword = rule({ id: 'mid', regex: '(?<![\\w-])(?<secret>[A-Za-z0-9]{20}QZKW[A-Za-z0-9]{8})(?![\\w-])', keywords: ['qzkw'] });
    const planted = ['Ab3dEf6hIj', '9kLm2nOp5q', 'QZKW', 'Rs8tUv1w'].join('');
    const filler = 'x'.repeat(50_000);
    const longRun = 'a'.repeat(5000) + planted;
    const text = `${filler}\nk = "${planted}"\n${filler} ${longRun}\n${filler}`;
    const windowed = new SecretEngine([midKeyword]).scan(text);
    const whole = new SecretEngine([{ ...midKeyword, window: 0 }]).scan(text);
    const shape = (ms: typeof windowed) => ms.map((m) => [m.line, m.column, m.start, m.end, m.secret]);
    expect(shape(windowed)).toEqual(shape(whole));
    expect(windowed.map((m) => m.line)).toEqual([2]);
  });

  it('names the rule when its regex does not compile', () => {
    expect(() => new SecretEngine([rule({ id: 'broken', regex: '(unclosed', keywords: ['x'] })])).toThrow(/"broken".*regex/);
  });
});

describe('redact', () => {
  it('shows at most 4 leading characters, never more than a quarter, and the length', () => {
    expect(redact('AKIA' + 'Z'.repeat(16))).toBe('AKIA…(20 chars)');
    expect(redact('hunter22')).toBe('hu…(8 chars)');
    expect(redact('abc')).toBe('…(3 chars)');
  });
});

describe('hitsInContent', () => {
  it('reports UTF-8 columns and the same secret hash as a scan of the decoded text', () => {
    const engine = new SecretEngine([tokenRule]);
    const text = `über\nnaïve → k = "${token}"\n`;
    const [fromBytes] = hitsInContent(engine, Buffer.from(text, 'utf8'), 'a.txt');
    const [fromText] = hitsIn(engine, text, 'a.txt');
    // Offsets differ by design (bytes vs UTF-16 units); everything reported agrees.
    expect({ ...fromBytes, offset: 0 }).toEqual({ ...fromText, offset: 0 });
    expect([fromBytes.line, fromBytes.column]).toEqual([2, 'naïve → k = "zq_'.length + 1]);
  });

  it('applies allow patterns to the UTF-8 secret, as a scan of the decoded text does', () => {
    const loose = rule({ id: 'zq-any', regex: 'zq=(\\S{6,40})', keywords: ['zq='] });
    const engine = new SecretEngine([loose]);
    const text = 'naïve zq=Abc…Def9 zq=Abc9Def7\n';
    const found = (hits: { line: number; column: number; secretSha256: string }[]) => hits.map((h) => [h.line, h.column, h.secretSha256]);
    // `…` marks an elided value (GLOBAL_ALLOW): only the second value is a finding, in both readings.
    expect(found(hitsIn(engine, text, 'a.txt'))).toHaveLength(1);
    expect(found(hitsInContent(engine, Buffer.from(text), 'a.txt'))).toEqual(found(hitsIn(engine, text, 'a.txt')));
  });

  // The byte path plans and searches a long text in parts of 8 MiB and counts columns a chunk
  // at a time; the string path searches one whole string: they must agree exactly.
  const MiB = 1 << 20;
  const filler = 'function a(b){var c=b.token||b.password,d={key:c,title:"Weiter … ©"};return d}';
  /** One line of `bytes` UTF-8 bytes of minified-looking code, with `plants` written at the given byte offsets. */
  function line(bytes: number, plants: [number, string][]): Buffer {
    const content = Buffer.from(filler.repeat(Math.ceil(bytes / Buffer.byteLength(filler))).slice(0, bytes), 'utf8').subarray(0, bytes);
    for (const [at, text] of plants) Buffer.from(text).copy(content, at);
    content[content.length - 1] = 10;
    return content;
  }
  const positions = (hits: { ruleIndex: number; line: number; column: number; secretSha256: string }[]) =>
    hits.map((h) => `${h.ruleIndex}@${h.line}:${h.column}:${h.secretSha256.slice(0, 8)}`);

  it('finds secrets in the middle of a multi-MB non-ASCII line, and across the edge between planned parts, at the right line and column', () => {
    // A rule without keywords searches the whole text: part by part, for bytes.
    const bare = rule({ id: 'bare-token', regex: '\\bqq_([A-Za-z0-9]{24})\\b', keywords: [], entropy: 3 });
    const engine = new SecretEngine([tokenRule, bare]);
    const qq = 'qq_' + 'Zx8cVb7nMa6sDf5gHj4kLp3o';
    const plants: [number, string][] = [
      [3 * MiB, ` ${token} `],
      [4 * MiB - 10, ` ${qq} `],
      [8 * MiB - 10, ` ${qq.replace('Zx8', 'Yw7')} `], // straddles the edge between the parts
      [8 * MiB + 40, ` ${token.replace('Ab3', 'Cd4')} `],
      [9 * MiB - 100, ` ${qq.replace('Zx8', 'Uv5')} `],
    ];
    const content = line(9 * MiB, plants);
    const fromBytes = hitsInContent(engine, content, 'bundle.min.js');
    const text = content.toString('utf8');
    expect(positions(fromBytes)).toEqual(positions(hitsIn(engine, text, 'bundle.min.js')));
    // Each secret (after its `_`) at its UTF-16 column; a plant may cut a multi-byte character.
    expect(fromBytes.map((h) => [h.line, h.column])).toEqual(
      plants.map(([at, planted]) => [1, content.toString('utf8', 0, at).length + planted.indexOf('_') + 2]),
    );
  });

  it('finds a match of unbounded reach that spans the edge between two planned parts (8 MiB)', () => {
    // `[\s\S]*?` has no bound: the rule is searched over the whole text, not part by part.
    const block = rule({ id: 'zq-block', regex: 'BEGIN ZQ-----[\\s\\S]*?-----END ZQ (\\w{24})', keywords: ['begin zq'] });
    const engine = new SecretEngine([tokenRule, block]);
    const content = line(9 * MiB, [
      [8 * MiB - 40_000, ' BEGIN ZQ-----'],
      [8 * MiB + 100_000, '-----END ZQ Qm9uZXN0bHlSYW5kb21WYWx1 '],
      [8 * MiB + 200_000, ` ${token} `],
    ]);
    const fromBytes = hitsInContent(engine, content, 'bundle.min.js');
    expect(fromBytes.map((h) => engine.rules[h.ruleIndex].rule.id)).toEqual(['zq-block', 'zq-token']);
    expect(positions(fromBytes)).toEqual(positions(hitsIn(engine, content.toString('utf8'), 'bundle.min.js')));
  });

  it('finds the same secrets with the built-in rules on a 9 MB minified line as a whole-text search', () => {
    const engine = new SecretEngine(builtinRules);
    const aws = 'AKIA' + '7YVVVG44XUPDSXMI';
    const gh = 'ghp_' + 'ooIS5nTDVCuel9aU3vGjsWMWQ9uYwD5wbijn';
    const assigned = 'pass' + 'word="Wq8zR2mLk4Tz9"';
    const content = line(9 * MiB, [
      [4 * MiB - 8, `;var k="${aws}";`],
      [6 * MiB, `;const g={token:"${gh}"};`],
      [8 * MiB - 20, `;const ${assigned};`],
    ]);
    const fromBytes = hitsInContent(engine, content, 'bundle.min.js');
    expect(fromBytes.map((h) => engine.rules[h.ruleIndex].rule.id)).toEqual(['aws-access-key-id', 'github-classic-pat', 'generic-password']);
    expect(positions(fromBytes)).toEqual(positions(hitsIn(engine, content.toString('utf8'), 'bundle.min.js')));
  });

  it('counts UTF-16 units of any bytes, a chunk at a time, as one decode does', () => {
    let seed = 3;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 0xff;
    // Random bytes (stray continuations, cut sequences) and valid multi-byte text, both past one chunk.
    const noise = Buffer.from(Array.from({ length: 3 * MiB + 7 }, random));
    const text = Buffer.from('a€😀ü'.repeat(400_000), 'utf8');
    const runs = Buffer.concat([Buffer.alloc(MiB + 1, 0x80), Buffer.from('é😀'), Buffer.alloc(MiB + 5, 0xbf), Buffer.from([0xf0, 0x9f])]);
    for (const bytes of [noise, text, runs]) expect(utf16Length(bytes, 0, bytes.length)).toBe(bytes.toString('utf8').length);
  });
});

describe('regexReach', () => {
  it('bounds how far a regex can span, look-arounds included, and says Infinity when it cannot', () => {
    expect(regexReach('abc')).toBe(3);
    expect(regexReach('a{2,5}b')).toBe(6);
    expect(regexReach('(?:x|yy){3}')).toBe(6);
    expect(regexReach('(?<![\\w-])(?<secret>[A-Z]{10})(?=q{3})')).toBe(1 + 10 + 3);
    expect(regexReach('\\bkey\\b')).toBe(3);
    expect(regexReach('a+')).toBe(Infinity);
    expect(regexReach('a{2,}')).toBe(Infinity);
    expect(regexReach('unbalanced)')).toBe(Infinity);
  });
});
