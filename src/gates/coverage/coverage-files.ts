import { ByteKeys } from './byte-keys.js';
import { addTotals, emptyTotals, fileTotals } from './measure.js';
import { mergeInto } from './merge.js';
import type { FileCoverage, FileTotals } from './model.js';
import { PagedArray } from './paged.js';
import { RecordStore, StoredFile } from './parsers/lcov-records.js';

/** An entry's address when it is an object (in `objects`), or deleted; else it is a record's address (>= 0). */
const OBJECT = -1;
const DELETED = -2;

/**
 * Repo path -> merged coverage, a Map in what it offers (get, set, has, delete, size, keys,
 * values, entries; insertion order) but sized for reports of 100k+ files: an lcov record is an
 * address in the store and its path a key in ByteKeys, so a file costs ~50 bytes outside the
 * garbage-collected heap until something asks for it. `get` makes the file an object and keeps
 * it (so changes to its Maps stay); `values` and `entries` hand out passing views of the files
 * nothing asked for: read them, do not change them.
 */
export class CoverageFiles implements Iterable<[string, FileCoverage]> {
  readonly store = new RecordStore();
  /** ASCII paths; the others (rare) are in otherKeys. */
  private readonly asciiKeys = new ByteKeys();
  private readonly otherKeys = new Map<string, number>();
  private readonly otherNames: string[] = [];
  /** ByteKeys id -> entry, -1 once deleted. */
  private readonly entryOfKey = new PagedArray('int32');
  /** Per entry, in insertion order: its key (ByteKeys id, or -1 - index into otherNames) and address. */
  private readonly keyOf = new PagedArray('int32');
  private readonly address = new PagedArray('float64');
  private readonly objects = new Map<number, FileCoverage>();
  private count = 0;
  private live = 0;
  private scratch = Buffer.allocUnsafe(256);

  get size(): number {
    return this.live;
  }

  has(path: string): boolean {
    return this.entryOf(path) !== -1;
  }

  get(path: string): FileCoverage | undefined {
    const i = this.entryOf(path);
    if (i === -1) return undefined;
    const address = this.address.get(i);
    if (address !== OBJECT) {
      this.objects.set(i, new StoredFile(path, this.store, address));
      this.address.set(i, OBJECT);
    }
    return this.objects.get(i);
  }

  set(path: string, file: FileCoverage): this {
    let i = this.entryOf(path);
    if (i === -1) i = this.append(path);
    this.objects.set(i, file);
    this.address.set(i, OBJECT);
    return this;
  }

  /** Adds the lcov record at `address` of the store under `path`, merged (as mergeInto does) with what is there. */
  addRecord(path: string, address: number): void {
    const length = this.ascii(path);
    if (length !== -1) {
      // One hash lookup for the common case, a new ASCII path.
      const count = this.asciiKeys.size;
      const key = this.asciiKeys.add(this.scratch, 0, length);
      if (key === count || this.entryOfKey.get(key) === -1) {
        this.address.set(this.newEntry(key), address);
        return;
      }
    } else if (!this.otherKeys.has(path)) {
      this.address.set(this.append(path), address);
      return;
    }
    mergeInto(this, [new StoredFile(path, this.store, address)]);
  }

  delete(path: string): boolean {
    const i = this.entryOf(path);
    if (i === -1) return false;
    this.address.set(i, DELETED);
    this.objects.delete(i);
    const key = this.keyOf.get(i);
    if (key >= 0) this.entryOfKey.set(key, -1);
    else this.otherKeys.delete(path);
    this.live--;
    return true;
  }

  /** The paths, in insertion order (deleting the current one while iterating is fine). */
  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.count; i++) if (this.address.get(i) !== DELETED) yield this.keyName(i);
  }

  *values(): IterableIterator<FileCoverage> {
    for (let i = 0; i < this.count; i++) if (this.address.get(i) !== DELETED) yield this.fileAt(i);
  }

  *entries(): IterableIterator<[string, FileCoverage]> {
    for (let i = 0; i < this.count; i++) if (this.address.get(i) !== DELETED) yield [this.keyName(i), this.fileAt(i)];
  }

  [Symbol.iterator](): IterableIterator<[string, FileCoverage]> {
    return this.entries();
  }

  /** Lines, branches and functions summed over every file. */
  totals(): FileTotals {
    const sum = emptyTotals();
    for (let i = 0; i < this.count; i++) {
      const address = this.address.get(i);
      if (address >= 0) this.store.addTotals(address, sum);
      else if (address === OBJECT) addTotals(sum, fileTotals(this.objects.get(i)!));
    }
    return sum;
  }

  private fileAt(i: number): FileCoverage {
    const address = this.address.get(i);
    return address === OBJECT ? this.objects.get(i)! : new StoredFile(this.keyName(i), this.store, address);
  }

  private keyName(i: number): string {
    const key = this.keyOf.get(i);
    return key >= 0 ? this.asciiKeys.text(key) : this.otherNames[-1 - key];
  }

  /** The live entry of `path`, or -1. */
  private entryOf(path: string): number {
    const length = this.ascii(path);
    if (length === -1) return this.otherKeys.get(path) ?? -1;
    const key = this.asciiKeys.find(this.scratch, 0, length);
    return key === -1 ? -1 : this.entryOfKey.get(key);
  }

  /** A new entry for `path` (not live before); its address is for the caller to set. */
  private append(path: string): number {
    const length = this.ascii(path);
    if (length !== -1) return this.newEntry(this.asciiKeys.add(this.scratch, 0, length));
    this.otherNames.push(path);
    const i = this.newEntry(-this.otherNames.length);
    this.otherKeys.set(path, i);
    return i;
  }

  /** A new live entry for a key: a ByteKeys id, or -1 - index into otherNames. */
  private newEntry(key: number): number {
    const i = this.count++;
    this.keyOf.set(i, key);
    if (key >= 0) this.entryOfKey.set(key, i);
    this.live++;
    return i;
  }

  /** Writes an ASCII path into scratch and returns its length; -1 when it is not ASCII. */
  private ascii(path: string): number {
    const length = path.length;
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(length * 2);
    const b = this.scratch;
    for (let i = 0; i < length; i++) {
      const c = path.charCodeAt(i);
      if (c >= 0x80) return -1;
      b[i] = c;
    }
    return length;
  }
}
