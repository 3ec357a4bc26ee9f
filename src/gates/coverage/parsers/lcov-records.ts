import { ByteKeys } from '../byte-keys.js';
import { emptyTotals } from '../measure.js';
import type { FileCoverage, FileTotals } from '../model.js';

/**
 * Compact storage for lcov records. A 50 MB report holds ~200k records; one Map per record and
 * kind (lines, branches, functions) costs ~2 KB each and most of the run in garbage collection.
 * Here each finished record is varint-encoded into shared 1 MB blocks (~3 bytes a DA line) with
 * its totals up front; a file's Maps are decoded only when something asks for them (patch
 * coverage of a changed file, a merge with another report, a test), exactly as the Map-based
 * parser built them: same keys, same values, same insertion order.
 */

const BLOCK_SIZE = 1 << 20;
/** An address is block * ADDRESS_SPAN + offset. */
const ADDRESS_SPAN = 2 ** 32;
/** Numbers 0..MAX_INLINE-1 are written as varint(n + 1); code 0 means "in the exotic list". */
const MAX_INLINE = 2 ** 28 - 2;
/** Branch ids `line:block:branch` whose parts are canonical integers of at most 8 digits are stored as numbers. */
const CANONICAL_PART = /^(?:0|[1-9]\d{0,7})$/;

/** One lcov record while it is read: lines, branches and functions with Map semantics, reused for every record. */
export class RecordBuilder {
  path = '';
  startLine = 0;

  lineCount = 0;
  private lineNos = new Float64Array(256);
  private lineHits = new Float64Array(256);
  /** Built only when a DA line does not follow the previous one in ascending order. */
  private lineIndex: Map<number, number> | undefined;

  branchCount = 0;
  private branchLine = new Float64Array(64);
  private branchBlock = new Float64Array(64);
  private branchExpr = new Float64Array(64);
  private branchTaken = new Float64Array(64);
  /** Ids that are not three canonical integers (undefined where they are); entries past branchCount are stale. */
  private branchKeys: (string | undefined)[] = [];
  private ascendingByLine = true;
  private ascendingByBlock = true;
  /** Built only when branch ids stop being ascending (so could repeat), keyed as the text id. */
  private branchIndex: Map<string, number> | undefined;

  /** Function names as UTF-8 bytes; a name's id is its index in functionCalls. */
  private readonly functionNames = new ByteKeys();
  private functionCalls = new Float64Array(64);

  start(path: string, startLine: number): void {
    this.path = path;
    this.startLine = startLine;
    this.lineCount = 0;
    this.lineIndex = undefined;
    this.branchCount = 0;
    this.ascendingByLine = true;
    this.ascendingByBlock = true;
    this.branchIndex = undefined;
    this.functionNames.clear();
  }

  /** DA: hits add up per line. */
  line(n: number, hits: number): void {
    const count = this.lineCount;
    if (this.lineIndex === undefined) {
      if (count === 0 || n > this.lineNos[count - 1]) {
        this.appendLine(n, hits);
        return;
      }
      this.lineIndex = new Map();
      for (let i = 0; i < count; i++) this.lineIndex.set(this.lineNos[i], i);
    }
    const at = this.lineIndex.get(n);
    if (at !== undefined) {
      this.lineHits[at] += hits;
      return;
    }
    this.lineIndex.set(n, count);
    this.appendLine(n, hits);
  }

  private appendLine(n: number, hits: number): void {
    const i = this.lineCount++;
    if (i === this.lineNos.length) {
      this.lineNos = grow(this.lineNos);
      this.lineHits = grow(this.lineHits);
    }
    this.lineNos[i] = n;
    this.lineHits[i] = hits;
  }

  /** BRDA with an id of three canonical integers: times taken add up per id. */
  branch(line: number, block: number, expr: number, taken: number): void {
    const count = this.branchCount;
    if (this.branchIndex === undefined && count > 0) {
      const i = count - 1;
      const l = this.branchLine[i];
      const b = this.branchBlock[i];
      const x = this.branchExpr[i];
      if (this.branchKeys[i] !== undefined) {
        this.ascendingByLine = this.ascendingByBlock = false;
      } else {
        this.ascendingByLine &&= line > l || (line === l && (block > b || (block === b && expr > x)));
        this.ascendingByBlock &&= block > b || (block === b && (expr > x || (expr === x && line > l)));
      }
      if (!this.ascendingByLine && !this.ascendingByBlock) this.indexBranches();
    }
    if (this.branchIndex !== undefined) {
      const id = `${line}:${block}:${expr}`;
      const at = this.branchIndex.get(id);
      if (at !== undefined) {
        this.branchTaken[at] += taken;
        return;
      }
      this.branchIndex.set(id, count);
    }
    this.appendBranch(line, block, expr, undefined, taken);
  }

  /** BRDA with any id text (as the Map-based parser keyed it). */
  branchId(id: string, taken: number): void {
    const parts = id.split(':');
    if (parts.length === 3 && CANONICAL_PART.test(parts[0]) && CANONICAL_PART.test(parts[1]) && CANONICAL_PART.test(parts[2])) {
      this.branch(Number(parts[0]), Number(parts[1]), Number(parts[2]), taken);
      return;
    }
    if (this.branchIndex === undefined) this.indexBranches();
    const at = this.branchIndex!.get(id);
    if (at !== undefined) {
      this.branchTaken[at] += taken;
      return;
    }
    this.branchIndex!.set(id, this.branchCount);
    this.appendBranch(0, 0, 0, id, taken);
  }

  private indexBranches(): void {
    this.branchIndex = new Map();
    for (let i = 0; i < this.branchCount; i++) this.branchIndex.set(this.branchKeys[i] ?? `${this.branchLine[i]}:${this.branchBlock[i]}:${this.branchExpr[i]}`, i);
  }

  private appendBranch(line: number, block: number, expr: number, id: string | undefined, taken: number): void {
    const i = this.branchCount++;
    if (i === this.branchLine.length) {
      this.branchLine = grow(this.branchLine);
      this.branchBlock = grow(this.branchBlock);
      this.branchExpr = grow(this.branchExpr);
      this.branchTaken = grow(this.branchTaken);
    }
    this.branchLine[i] = line;
    this.branchBlock[i] = block;
    this.branchExpr[i] = expr;
    this.branchTaken[i] = taken;
    this.branchKeys[i] = id;
  }

  get functionCount(): number {
    return this.functionNames.size;
  }

  /** FN: a function is known (0 calls) once declared; its name is b[start, end) (UTF-8). */
  declareFunction(b: Uint8Array, start: number, end: number): void {
    const count = this.functionNames.size;
    if (this.functionNames.add(b, start, end) === count) this.setCalls(count, 0);
  }

  /** FNDA: calls add up per name. */
  functionCalled(b: Uint8Array, start: number, end: number, calls: number): void {
    const count = this.functionNames.size;
    const id = this.functionNames.add(b, start, end);
    if (id === count) this.setCalls(id, calls);
    else this.functionCalls[id] += calls;
  }

  private setCalls(id: number, calls: number): void {
    if (id === this.functionCalls.length) this.functionCalls = grow(this.functionCalls);
    this.functionCalls[id] = calls;
  }

  /** An upper bound of the encoded size, in bytes. */
  encodedBound(): number {
    let names = 0;
    for (let i = 0; i < this.functionCount; i++) names += this.functionNames.byteLength(i) + 12;
    // A number takes at most 6 bytes (an exotic one: code 0 and a 5-byte index), a varint 5.
    return 36 + this.lineCount * 12 + this.branchCount * 21 + names;
  }

  /** Writes the record (totals, then lines, branches, functions in insertion order). */
  encode(w: Writer): void {
    w.number(this.lineCount);
    w.number(countPositive(this.lineHits, this.lineCount));
    w.number(this.branchCount);
    w.number(countPositive(this.branchTaken, this.branchCount));
    w.number(this.functionCount);
    w.number(countPositive(this.functionCalls, this.functionCount));
    for (let i = 0; i < this.lineCount; i++) {
      w.number(this.lineNos[i]);
      w.number(this.lineHits[i]);
    }
    for (let i = 0; i < this.branchCount; i++) {
      const id = this.branchKeys[i];
      if (id === undefined) {
        w.varint(this.branchLine[i] + 1);
        w.varint(this.branchBlock[i]);
        w.varint(this.branchExpr[i]);
      } else {
        w.varint(0);
        w.varint(w.key(id));
      }
      w.number(this.branchTaken[i]);
    }
    for (let i = 0; i < this.functionCount; i++) {
      w.varint(this.functionNames.byteLength(i));
      w.bytes(this.functionNames, i);
      w.number(this.functionCalls[i]);
    }
  }
}

interface Writer {
  varint(value: number): void;
  number(value: number): void;
  bytes(keys: ByteKeys, id: number): void;
  key(id: string): number;
}

/** Encoded lcov records (of all the lcov reports of one run, when loadReports reads them). */
export class RecordStore implements Writer {
  private readonly blocks: Buffer[] = [];
  /** The block being written, and the write position in it. */
  private block = Buffer.alloc(0);
  private at = 0;
  /** The block being read, and the read position in it (reads are synchronous, never nested). */
  private reading: Buffer = Buffer.alloc(0);
  private readAt = 0;
  /** Numbers that are not small non-negative integers (fractional or huge hit counts). */
  private readonly exotic: number[] = [];
  /** Branch ids that are not three canonical integers. */
  private readonly keys: string[] = [];

  /** Stores the builder's record; returns its address. */
  add(record: RecordBuilder): number {
    const bound = record.encodedBound();
    if (this.at + bound > this.block.length) {
      this.block = Buffer.allocUnsafe(Math.max(BLOCK_SIZE, bound));
      this.blocks.push(this.block);
      this.at = 0;
    }
    const address = (this.blocks.length - 1) * ADDRESS_SPAN + this.at;
    record.encode(this);
    return address;
  }

  varint(value: number): void {
    const b = this.block;
    let v = value;
    while (v >= 0x80) {
      b[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[this.at++] = v;
  }

  number(value: number): void {
    if (value >= 0 && value < 127 && (value | 0) === value) {
      this.block[this.at++] = value + 1;
    } else if (value >= 0 && value < MAX_INLINE && Number.isInteger(value)) {
      this.varint(value + 1);
    } else {
      this.varint(0);
      this.varint(this.exotic.length);
      this.exotic.push(value);
    }
  }

  bytes(keys: ByteKeys, id: number): void {
    keys.copy(id, this.block, this.at);
    this.at += keys.byteLength(id);
  }

  key(id: string): number {
    this.keys.push(id);
    return this.keys.length - 1;
  }

  totals(address: number): FileTotals {
    const sum = emptyTotals();
    this.addTotals(address, sum);
    return sum;
  }

  /** Adds the record's totals to `sum`. */
  addTotals(address: number, sum: FileTotals): void {
    this.seek(address);
    sum.lines.found += this.readNumber();
    sum.lines.hit += this.readNumber();
    sum.branches.found += this.readNumber();
    sum.branches.hit += this.readNumber();
    sum.functions.found += this.readNumber();
    sum.functions.hit += this.readNumber();
  }

  detail(address: number): Detail {
    this.seek(address);
    const lineCount = this.readNumber();
    this.readNumber();
    const branchCount = this.readNumber();
    this.readNumber();
    const functionCount = this.readNumber();
    this.readNumber();
    const lines = new Map<number, number>();
    for (let i = 0; i < lineCount; i++) lines.set(this.readNumber(), this.readNumber());
    const branches = new Map<string, number>();
    for (let i = 0; i < branchCount; i++) {
      const head = this.readVarint();
      const id = head === 0 ? this.keys[this.readVarint()] : `${head - 1}:${this.readVarint()}:${this.readVarint()}`;
      branches.set(id, this.readNumber());
    }
    const functions = new Map<string, number>();
    for (let i = 0; i < functionCount; i++) {
      const length = this.readVarint();
      const name = this.reading.toString('utf8', this.readAt, this.readAt + length);
      this.readAt += length;
      functions.set(name, this.readNumber());
    }
    return { lines, branches, functions };
  }

  private seek(address: number): void {
    const block = Math.floor(address / ADDRESS_SPAN);
    this.reading = this.blocks[block];
    this.readAt = address - block * ADDRESS_SPAN;
  }

  private readVarint(): number {
    const b = this.reading;
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[this.readAt++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
  }

  private readNumber(): number {
    const code = this.readVarint();
    return code === 0 ? this.exotic[this.readVarint()] : code - 1;
  }
}

interface Detail {
  lines: Map<number, number>;
  branches: Map<string, number>;
  functions: Map<string, number>;
}

/**
 * An lcov record as a FileCoverage: totals straight from the store; the Maps decoded on first
 * use, after which they are the file's coverage (a merge may add to them).
 */
export class StoredFile implements FileCoverage {
  private decoded: Detail | undefined;
  constructor(
    public path: string,
    private readonly store: RecordStore,
    private readonly address: number,
  ) {}

  private detail(): Detail {
    return (this.decoded ??= this.store.detail(this.address));
  }

  get lines(): Map<number, number> {
    return this.detail().lines;
  }
  set lines(value: Map<number, number>) {
    this.detail().lines = value;
  }
  get branches(): Map<string, number> {
    return this.detail().branches;
  }
  set branches(value: Map<string, number>) {
    this.detail().branches = value;
  }
  get functions(): Map<string, number> {
    return this.detail().functions;
  }
  set functions(value: Map<string, number>) {
    this.detail().functions = value;
  }

  counted(): FileTotals | undefined {
    return this.decoded === undefined ? this.store.totals(this.address) : undefined;
  }
}

function countPositive(values: Float64Array, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (values[i] > 0) n++;
  return n;
}

function grow(values: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(values.length * 2);
  bigger.set(values);
  return bigger;
}
