// The lcov parser reads bytes on a fast path and keeps records encoded (parsers/lcov-records.ts);
// files live in a compact table (coverage-files.ts); clean relative paths resolve on a fast path
// (paths.ts). Each is checked here against the plain way it stands in for.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageFiles } from '../../src/gates/coverage/coverage-files.js';
import { fileTotals } from '../../src/gates/coverage/measure.js';
import { emptyFile, type FileCoverage } from '../../src/gates/coverage/model.js';
import { parseLcov, parseLcovStream } from '../../src/gates/coverage/parsers/lcov.js';
import { RecordStore, StoredFile } from '../../src/gates/coverage/parsers/lcov-records.js';
import { DiskIndex, indexByName, normaliseReportPath, reportPathResolver, type PathContext } from '../../src/gates/coverage/paths.js';
import { tempDir } from '../helpers/repo.js';

/** Files as plain data (Map entries in order), or the error: what two parses must agree on. */
function outcome(parse: () => FileCoverage[]): unknown {
  try {
    return parse().map((f) => ({ path: f.path, lines: [...f.lines], branches: [...f.branches], functions: [...f.functions], totals: fileTotals(f) }));
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function parseInChunks(text: string, chunk: number): FileCoverage[] {
  const bytes = Buffer.from(text, 'utf8');
  const store = new RecordStore();
  const files: FileCoverage[] = [];
  let pos = 0;
  const read = (b: Buffer, offset: number, length: number): number => {
    const n = Math.min(length, chunk, bytes.length - pos);
    bytes.copy(b, offset, pos, pos + n);
    pos += n;
    return n;
  };
  const buffer = Buffer.alloc(chunk);
  parseLcovStream('r.info', buffer, read(buffer, 0, chunk), read, store, (path, address) => files.push(new StoredFile(path, store, address)));
  return files;
}

const count = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) }, fc.constantFrom('007', '99999999999999999999', '300000000', '127', '128', '-1', '1.5', '2e3', 'x', ''));
const idPart = fc.oneof({ weight: 5, arbitrary: fc.nat(4).map(String) }, fc.constantFrom('01', 'e0', '123456789', 'a,b', ''));
const name = fc.oneof(fc.constantFrom('add', '(anonymous_0)', 'a,b', '', 'été'), fc.string({ maxLength: 4 }));
const bodyLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(count, count).map(([n, h]) => `DA:${n},${h}`) },
  { weight: 3, arbitrary: fc.tuple(count, idPart, idPart, fc.oneof(count, fc.constant('-'))).map(([l, b, x, t]) => `BRDA:${l},${b},${x},${t}`) },
  fc.tuple(count, name).map(([l, n]) => `FN:${l},${n}`),
  fc.tuple(count, name).map(([c, n]) => `FNDA:${c},${n}`),
  fc.tuple(fc.constantFrom('LF', 'LH', 'BRF', 'BRH', 'FNF', 'FNH', 'TN', 'VER'), count).map(([k, v]) => `${k}:${v}`),
  fc.constantFrom('', ' DA:3,1 ', 'DA:1,1\r', '\u00a0DA:2,1', 'garbage', 'end_of_record', 'SF:', 'SF:again.js'),
);
const record = fc.tuple(fc.constantFrom('src/a.js', 'src/b.js', ' ./src/a.js', 'é/ü.js', 'C:\\repo\\a.js'), fc.array(bodyLine, { maxLength: 25 }), fc.boolean()).map(([path, body, ends]) => [`SF:${path}`, ...body, ...(ends ? ['end_of_record'] : [])]);
const report = fc.tuple(fc.array(record, { maxLength: 5 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([records, nl, trailing]) => records.flat().join(nl) + (trailing ? nl : ''));

describe('lcov fast path', () => {
  it('agrees with the reference line parser: a trailing no-break space (trimmed) sends every line the slow way', () => {
    fc.assert(
      fc.property(report, (text) => {
        const lines = text.split('\n');
        const slow = lines.map((line, i) => (i === lines.length - 1 && line === '' ? line : `${line}\u00a0`)).join('\n');
        expect(outcome(() => parseLcov(slow, 'r.info').files)).toEqual(outcome(() => parseLcov(text, 'r.info').files));
      }),
      { numRuns: 400 },
    );
  });

  it('read in chunks of any size, it parses as from the whole text', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 1, max: 9 }), (text, chunk) => {
        expect(outcome(() => parseInChunks(text, chunk))).toEqual(outcome(() => parseLcov(text, 'r.info').files));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps Map semantics: repeats add up in first-seen order; odd ids and counts come back exactly', () => {
    const text = [
      'SF:src/a.js',
      'FN:3,add',
      'FNDA:2,add',
      'FNDA:1,sub,tract',
      'FN:9,été',
      'FNDA:4,add',
      'FNDA:1,',
      'FN:2,',
      'BRDA:5,1,0,1',
      'BRDA:2,0,0,-',
      'BRDA:5,1,0,3',
      'BRDA:07,e1,a,2',
      'BRDA:8,0,x,1,y',
      'BRDA:6,0,123456789,1',
      'DA:4,1',
      'DA:2,0',
      'DA:4,2',
      'DA:9,1.5',
      'DA:10,-3',
      'DA:11,99999999999999999999',
      'DA:12,300000000',
      'LF:6',
      'end_of_record',
    ].join('\n');
    const [file] = parseLcov(text, 'r.info').files;
    expect(fileTotals(file)).toEqual({ lines: { found: 6, hit: 4 }, branches: { found: 5, hit: 4 }, functions: { found: 4, hit: 3 } });
    expect([...file.lines]).toEqual([[4, 3], [2, 0], [9, 1.5], [10, 0], [11, 1e20], [12, 300000000]]);
    // lcov's taken count is the 4th field even when the branch expression has commas (as before).
    expect([...file.branches]).toEqual([['5:1:0', 4], ['2:0:0', 0], ['07:e1:a', 2], ['8:0:x,1', 1], ['6:0:123456789', 1]]);
    expect([...file.functions]).toEqual([['add', 6], ['sub,tract', 1], ['été', 0], ['', 1]]);
  });
});

describe('CoverageFiles', () => {
  it('behaves as a Map<string, FileCoverage> under any sequence of set, addRecord, delete, get', () => {
    const op = fc.tuple(fc.constantFrom('set', 'record', 'delete', 'get'), fc.constantFrom('a.js', 'src/a.js', 'é.js', 'b.js', ''));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const table = new CoverageFiles();
        const map = new Map<string, FileCoverage>();
        for (const [kind, path] of ops) {
          if (kind === 'set') {
            table.set(path, oneLine(path, 5));
            map.set(path, oneLine(path, 5));
          } else if (kind === 'record') {
            // A record of one line with one hit: a new path is added, a known one gets its hits added.
            const text = Buffer.from(`SF:${path || 'x'}\nDA:1,1\nend_of_record\n`);
            parseLcovStream('r', text, text.length, () => 0, table.store, (_, address) => table.addRecord(path, address));
            const seen = map.get(path);
            if (seen) seen.lines.set(1, (seen.lines.get(1) ?? 0) + 1);
            else map.set(path, Object.assign(emptyFile(path), { lines: new Map([[1, 1]]) }));
          } else if (kind === 'delete') {
            expect(table.delete(path)).toBe(map.delete(path));
          } else {
            expect(table.get(path)?.lines.get(1)).toBe(map.get(path)?.lines.get(1));
          }
          expect(table.size).toBe(map.size);
          expect([...table.keys()]).toEqual([...map.keys()]);
          expect([...table.values()].map((f) => [...f.lines])).toEqual([...map.values()].map((f) => [...f.lines]));
          expect(table.has(path)).toBe(map.has(path));
        }
        expect(table.totals()).toEqual(sumOf([...map.values()]));
      }),
      { numRuns: 300 },
    );
  });

  it('holds many files: several pages, byte chunks and hash table sizes', () => {
    const table = new CoverageFiles();
    const text = Buffer.from('SF:x\nDA:1,1\nend_of_record\n');
    let address = -1;
    parseLcovStream('r', text, text.length, () => 0, table.store, (_, at) => (address = at));
    const paths = Array.from({ length: 40_000 }, (_, i) => `dir${i % 97}/${'n'.repeat(i % 50)}file${i}.js`);
    for (const path of paths) table.addRecord(path, address);
    for (let i = 0; i < paths.length; i += 3) table.delete(paths[i]);
    const left = paths.filter((_, i) => i % 3 !== 0);
    expect(table.size).toBe(left.length);
    expect([...table.keys()]).toEqual(left);
    expect(table.totals().lines).toEqual({ found: left.length, hit: left.length });
    table.addRecord(left[12345], address);
    expect(table.get(left[12345])!.lines.get(1)).toBe(2);
    expect(table.has(paths[3])).toBe(false);
  });

  it('deleting while iterating keys visits every key once', () => {
    const table = new CoverageFiles();
    for (const path of ['a', 'b', 'c', 'd']) table.set(path, emptyFile(path));
    const seen: string[] = [];
    for (const path of table.keys()) {
      seen.push(path);
      if (path !== 'c') table.delete(path);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect([...table.keys()]).toEqual(['c']);
  });
});

function oneLine(path: string, hits: number): FileCoverage {
  const file = emptyFile(path);
  file.lines.set(1, hits);
  return file;
}

function sumOf(files: FileCoverage[]) {
  const sum = { lines: { found: 0, hit: 0 }, branches: { found: 0, hit: 0 }, functions: { found: 0, hit: 0 } };
  for (const f of files) {
    const t = fileTotals(f);
    for (const k of ['lines', 'branches', 'functions'] as const) {
      sum[k].found += t[k].found;
      sum[k].hit += t[k].hit;
    }
  }
  return sum;
}

describe('reportPathResolver', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('wfo-cov-paths-');
    for (const file of ['src/a.js', 'src/main/java/com/C.java', 'pkg/src/b.js', 'pkg/coverage/lcov.info', 'é/ü.js', 'a.js']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
  });

  it('gives what normaliseReportPath gives, for any name, report directory and known files', () => {
    const segment = fc.constantFrom('src', 'a.js', 'b.js', 'com', 'C.java', 'pkg', 'main', 'java', 'é', 'ü.js', '..', '.', '', 'x');
    const raw = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('/', '\\'), fc.constantFrom('', '', '', '/', 'ROOT/', '/other/machine/', 'file:///', ' ', 'C:/'))
      .map(([segments, sep, lead]) => lead.replace('ROOT', root) + segments.join(sep));
    const reportDir = fc.constantFrom('', '/pkg/coverage', '/pkg', '/src/main', '/../elsewhere');
    const known = fc.subarray(['src/a.js', 'pkg/src/b.js', 'lib/c.js', 'com/C.java']);
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 8 }), reportDir, known, (names, dir, knownList) => {
        const knownFiles = new Set(knownList);
        const ctx = (): PathContext => ({ root, reportDir: join(root + dir), goModules: [], knownFiles, knownByName: indexByName(knownFiles), disk: new DiskIndex(root) });
        const resolve = reportPathResolver(ctx());
        const reference = ctx();
        for (const name of names) expect(resolve(name), name).toBe(normaliseReportPath(name, reference));
      }),
      { numRuns: 400 },
    );
  });
});
