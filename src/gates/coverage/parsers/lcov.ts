import type { FileCoverage, ParsedReport } from '../model.js';
import { quoteUserText } from '../../../core/redact-message.js';
import { ReportParseError } from '../report-error.js';
import { RecordBuilder, RecordStore, StoredFile } from './lcov-records.js';

const COUNT = /^\d+$/;
const HITS = /^-?\d+(\.\d+)?(e\+?\d+)?$/i;

const LF = 10;
const CR = 13;
const SPACE = 32;
const COMMA = 44;
const DASH = 45;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
/** Digits read into a number on the fast path; longer runs go the slow way (Number() of the text). */
const MAX_DIGITS = 15;
/** Branch id parts stored as numbers: canonical integers of at most 8 digits (as lcov-records.ts). */
const MAX_ID_DIGITS = 8;
const END_OF_RECORD = Buffer.from('end_of_record', 'latin1');

/**
 * lcov tracefile (geninfo's format, as written by c8, vitest, jest, node --test, lcov itself).
 * Strict where a mistake would change the numbers: a bad count, a record outside `SF:` or a
 * record cut off before `end_of_record` is an error naming the line. Unknown keys are skipped.
 */
export function parseLcov(text: string, file: string): ParsedReport {
  const store = new RecordStore();
  const files: FileCoverage[] = [];
  const parser = new LcovParser(file, store, (path, address) => files.push(new StoredFile(path, store, address)));
  const bytes = Buffer.from(text, 'utf8');
  parser.feed(bytes, 0, bytes.length, true);
  parser.finish();
  return { format: 'lcov', files };
}

/** Receives each record as it ends: its SF path as written and its address in the store. */
export type RecordSink = (path: string, address: number) => void;

/**
 * The same parser over a report read in chunks, so a large report is never held whole, its
 * records stored in `store` and handed to `sink` one by one: `buffer` holds the first `filled`
 * bytes; `read(buffer, offset, length)` reads the next bytes into it and returns how many (0
 * at the end). Throws a ReportParseError as parseLcov does; records before it were handed on.
 */
export function parseLcovStream(
  file: string,
  buffer: Buffer,
  filled: number,
  read: (buffer: Buffer, offset: number, length: number) => number,
  store: RecordStore,
  sink: RecordSink,
): void {
  const parser = new LcovParser(file, store, sink);
  let b = buffer;
  let end = filled;
  for (;;) {
    const rest = parser.feed(b, 0, end, false);
    b.copyWithin(0, rest, end);
    end -= rest;
    if (end === b.length) {
      // One line longer than the buffer.
      const bigger = Buffer.allocUnsafe(b.length * 2);
      b.copy(bigger, 0, 0, end);
      b = bigger;
    }
    const n = read(b, end, b.length - end);
    if (n === 0) break;
    end += n;
  }
  parser.feed(b, 0, end, true);
  parser.finish();
}

/**
 * Reads bytes, not a decoded string: an ASCII line in its plain form is parsed in place (numbers
 * from digits, function names as bytes, one string per SF path); any other line, and every line
 * that would be an error, is decoded and parsed by `slowLine`, the reference implementation
 * (the former line-by-line parser), which alone writes error messages.
 */
class LcovParser {
  private readonly record = new RecordBuilder();
  private records = 0;
  private inRecord = false;
  private lineNo = 0;
  /** Whether any line had more than whitespace (a report of blank lines is empty). */
  private sawText = false;

  constructor(
    private readonly file: string,
    private readonly store: RecordStore,
    private readonly sink: RecordSink,
  ) {}

  /** Parses the complete lines of b[from, to), and the last line too at the end of input; returns where the unparsed rest starts. */
  feed(b: Buffer, from: number, to: number, atEnd: boolean): number {
    let pos = from;
    while (pos < to) {
      let eol = pos;
      let ascii = true;
      for (; eol < to; eol++) {
        const c = b[eol];
        if (c === LF) break;
        if (c >= 0x80) ascii = false;
      }
      if (eol === to && !atEnd) return pos;
      this.lineNo++;
      if (!ascii || !this.fastLine(b, pos, eol)) this.slowLine(b.toString('utf8', pos, eol));
      pos = eol + 1;
    }
    return to;
  }

  finish(): void {
    if (this.inRecord) {
      throw new ReportParseError(this.file, this.lineNo, `truncated: the record of ${this.record.path} (from line ${this.record.startLine}) has no end_of_record`);
    }
    if (this.lineNo === 0 || (this.records === 0 && !this.sawText)) throw new ReportParseError(this.file, 1, 'empty lcov report');
  }

  private endRecord(): void {
    this.records++;
    this.inRecord = false;
    this.sink(this.record.path, this.store.add(this.record));
  }

  /**
   * One ASCII line in b[start, end); false when it is not the plain, valid form (the slow
   * path then parses it, or reports the error).
   */
  private fastLine(b: Buffer, start: number, end: number): boolean {
    let s = start;
    let e = end;
    while (s < e && isSpace(b[s])) s++;
    while (e > s && isSpace(b[e - 1])) e--;
    if (s === e) return true;
    this.sawText = true;
    const length = e - s;
    if (length === END_OF_RECORD.length && b[s] === 0x65 && isEndOfRecord(b, s)) {
      if (!this.inRecord) return false;
      this.endRecord();
      return true;
    }
    let colon = s;
    while (colon < e && b[colon] !== COLON) colon++;
    if (colon === e || colon === s) return false;
    const v = colon + 1;
    const k0 = b[s];
    const k1 = b[s + 1];
    switch (colon - s) {
      case 2:
        if (k0 === 0x44 && k1 === 0x41) return this.inRecord && this.da(b, v, e); // DA
        if (k0 === 0x53 && k1 === 0x46) return this.sf(b, v, e); // SF
        if (k0 === 0x46 && k1 === 0x4e) return this.inRecord && this.fn(b, v, e); // FN
        if (k0 === 0x4c && (k1 === 0x46 || k1 === 0x48)) return this.inRecord && digitsTo(b, v, e) === e && e > v; // LF, LH
        return true;
      case 3:
        // BRF, BRH, FNF, FNH
        if (((k0 === 0x42 && k1 === 0x52) || (k0 === 0x46 && k1 === 0x4e)) && (b[s + 2] === 0x46 || b[s + 2] === 0x48)) {
          return this.inRecord && digitsTo(b, v, e) === e && e > v;
        }
        return true;
      case 4:
        if (b[s + 2] !== 0x44 || b[s + 3] !== 0x41) return true;
        if (k0 === 0x42 && k1 === 0x52) return this.inRecord && this.brda(b, v, e); // BRDA
        if (k0 === 0x46 && k1 === 0x4e) return this.inRecord && this.fnda(b, v, e); // FNDA
        return true;
      default:
        return true;
    }
  }

  private sf(b: Buffer, v: number, e: number): boolean {
    if (this.inRecord) return false;
    let s = v;
    while (s < e && isSpace(b[s])) s++;
    if (s === e) return false;
    this.record.start(b.toString('latin1', s, e), this.lineNo);
    this.inRecord = true;
    return true;
  }

  /** DA:<line>,<hits>[,...]: only plain integers here. */
  private da(b: Buffer, v: number, e: number): boolean {
    const lineEnd = digitsTo(b, v, e);
    if (lineEnd === v || lineEnd - v > MAX_DIGITS || lineEnd === e || b[lineEnd] !== COMMA) return false;
    const n = digitsValue(b, v, lineEnd);
    if (n < 1) return false;
    const hitsEnd = digitsTo(b, lineEnd + 1, e);
    if (hitsEnd === lineEnd + 1 || hitsEnd - lineEnd - 1 > MAX_DIGITS || (hitsEnd !== e && b[hitsEnd] !== COMMA)) return false;
    this.record.line(n, digitsValue(b, lineEnd + 1, hitsEnd));
    return true;
  }

  /** BRDA:<line>,<block>,<branch>,<taken|->: ids of canonical integers only. */
  private brda(b: Buffer, v: number, e: number): boolean {
    const lineEnd = canonicalTo(b, v, e);
    if (lineEnd < 0 || b[lineEnd] !== COMMA) return false;
    const blockEnd = canonicalTo(b, lineEnd + 1, e);
    if (blockEnd < 0 || b[blockEnd] !== COMMA) return false;
    const exprEnd = canonicalTo(b, blockEnd + 1, e);
    if (exprEnd < 0 || b[exprEnd] !== COMMA) return false;
    const t = exprEnd + 1;
    let taken: number;
    if (e - t === 1 && b[t] === DASH) {
      taken = 0;
    } else {
      if (digitsTo(b, t, e) !== e || e === t || e - t > MAX_DIGITS) return false;
      taken = digitsValue(b, t, e);
    }
    this.record.branch(digitsValue(b, v, lineEnd), digitsValue(b, lineEnd + 1, blockEnd), digitsValue(b, blockEnd + 1, exprEnd), taken);
    return true;
  }

  /** FN:<line>,...,<name>: the name is after the last comma. */
  private fn(b: Buffer, v: number, e: number): boolean {
    const lineEnd = digitsTo(b, v, e);
    if (lineEnd === v || lineEnd === e || b[lineEnd] !== COMMA) return false;
    let comma = e - 1;
    while (b[comma] !== COMMA) comma--;
    this.record.declareFunction(b, comma + 1, e);
    return true;
  }

  /** FNDA:<calls>,<name>: the name is everything after the first comma. */
  private fnda(b: Buffer, v: number, e: number): boolean {
    const callsEnd = digitsTo(b, v, e);
    if (callsEnd === v || callsEnd - v > MAX_DIGITS || callsEnd === e || b[callsEnd] !== COMMA) return false;
    this.record.functionCalled(b, callsEnd + 1, e, digitsValue(b, v, callsEnd));
    return true;
  }

  private fail(reason: string): never {
    throw new ReportParseError(this.file, this.lineNo, reason);
  }

  private count(value: string | undefined, what: string): number {
    if (value === undefined || !COUNT.test(value)) this.fail(`${what} must be a non-negative integer, got ${JSON.stringify(quoteUserText(value ?? ''))}`);
    return Number(value);
  }

  private need(key: string): void {
    if (!this.inRecord) this.fail(`${key} outside a source-file record (no SF: before it)`);
  }

  /** The reference parser of one line (any text); every error message comes from here. */
  private slowLine(text: string): void {
    let line = text;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = line.trim();
    if (line === '') return;
    this.sawText = true;
    const record = this.record;
    if (line === 'end_of_record') {
      if (!this.inRecord) this.fail('end_of_record without an SF: record');
      this.endRecord();
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) this.fail(`not an lcov record: ${JSON.stringify(quoteUserText(line))}`);
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    switch (key) {
      case 'SF':
        if (this.inRecord) this.fail(`SF: before the end_of_record of ${record.path} (line ${record.startLine})`);
        if (value.trim() === '') this.fail('SF: without a path');
        record.start(value.trim(), this.lineNo);
        this.inRecord = true;
        break;
      case 'DA': {
        this.need(key);
        const [lineStr, hitsStr] = value.split(',');
        const n = this.count(lineStr, 'DA line number');
        if (n < 1) this.fail('DA line number must be 1 or more');
        // Some generators write negative or fractional hits; only "was it run" matters to us.
        if (hitsStr === undefined || !HITS.test(hitsStr)) this.fail(`DA hit count is not a number: ${JSON.stringify(quoteUserText(hitsStr ?? ''))}`);
        record.line(n, Math.max(0, Number(hitsStr)));
        break;
      }
      case 'BRDA': {
        this.need(key);
        const parts = value.split(',');
        if (parts.length < 4) this.fail('BRDA needs line,block,branch,taken');
        this.count(parts[0], 'BRDA line number');
        const taken = parts[3] === '-' ? 0 : this.count(parts[3], 'BRDA taken count');
        record.branchId(`${parts[0]}:${parts[1]}:${parts.slice(2, -1).join(',')}`, taken);
        break;
      }
      case 'FN': {
        this.need(key);
        const parts = value.split(',');
        if (parts.length < 2) this.fail('FN needs line,name');
        this.count(parts[0], 'FN line number');
        const name = Buffer.from(parts[parts.length - 1], 'utf8');
        record.declareFunction(name, 0, name.length);
        break;
      }
      case 'FNDA': {
        this.need(key);
        const comma = value.indexOf(',');
        if (comma <= 0) this.fail('FNDA needs count,name');
        const calls = this.count(value.slice(0, comma), 'FNDA call count');
        const name = Buffer.from(value.slice(comma + 1), 'utf8');
        record.functionCalled(name, 0, name.length, calls);
        break;
      }
      case 'LF':
      case 'LH':
      case 'BRF':
      case 'BRH':
      case 'FNF':
      case 'FNH':
        this.need(key);
        this.count(value, key);
        break;
      default:
        // TN, VER, FNL, FNA and future keys carry nothing the totals need.
        break;
    }
  }
}

function isEndOfRecord(b: Buffer, s: number): boolean {
  for (let i = 0; i < END_OF_RECORD.length; i++) if (b[s + i] !== END_OF_RECORD[i]) return false;
  return true;
}

/** ASCII whitespace as String.prototype.trim sees it (tab, LF, VT, FF, CR, space). */
function isSpace(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= CR);
}

/** The end of the run of digits starting at `from`. */
function digitsTo(b: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end && b[i] >= ZERO && b[i] <= NINE) i++;
  return i;
}

/** The end of a canonical integer (no leading zero, at most 8 digits) at `from`, or -1; it must be followed by more text. */
function canonicalTo(b: Buffer, from: number, end: number): number {
  const to = digitsTo(b, from, end);
  if (to === from || to === end || to - from > MAX_ID_DIGITS || (b[from] === ZERO && to - from > 1)) return -1;
  return to;
}

function digitsValue(b: Buffer, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + b[i] - ZERO;
  return value;
}
