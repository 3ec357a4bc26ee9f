import { ByteArena, PagedArray } from './paged.js';

/**
 * Byte strings to dense ids (0, 1, 2, ... in insertion order), kept in typed arrays: no JS
 * string or object per key, so 200k keys cost ~10 MB outside the garbage-collected heap instead
 * of ~50 MB in it. Open addressing with linear probing on a 32-bit FNV-1a hash.
 */
export class ByteKeys {
  size = 0;
  private readonly bytes = new ByteArena();
  private readonly addresses = new PagedArray('int32');
  private readonly lengths = new PagedArray('int32');
  private readonly hashes = new PagedArray('int32');
  /** id + 1 per slot; 0 is free. */
  private slots = new Int32Array(32);

  /** The id of b[start, end), or -1 when it is not a key. */
  find(b: Uint8Array, start: number, end: number): number {
    const h = fnv1a(b, start, end);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      if (this.matches(entry - 1, h, b, start, end)) return entry - 1;
    }
  }

  /** The id of b[start, end), added when it is new. */
  add(b: Uint8Array, start: number, end: number): number {
    const h = fnv1a(b, start, end);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      if (this.matches(entry - 1, h, b, start, end)) return entry - 1;
    }
    const id = this.size++;
    this.addresses.set(id, this.bytes.append(b, start, end));
    this.lengths.set(id, end - start);
    this.hashes.set(id, h);
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Forgets every key (a small table is kept for the next ones). */
  clear(): void {
    if (this.size === 0) return;
    if (this.slots.length <= 256) this.slots.fill(0);
    else this.slots = new Int32Array(32);
    this.size = 0;
    this.bytes.clear();
  }

  byteLength(id: number): number {
    return this.lengths.get(id);
  }

  /** Copies the key's bytes into `into` at `at`. */
  copy(id: number, into: Uint8Array, at: number): void {
    this.bytes.copy(this.addresses.get(id), this.lengths.get(id), into, at);
  }

  /** The key decoded as UTF-8. */
  text(id: number): string {
    return this.bytes.text(this.addresses.get(id), this.lengths.get(id));
  }

  private matches(id: number, h: number, b: Uint8Array, start: number, end: number): boolean {
    return this.hashes.get(id) === h && this.lengths.get(id) === end - start && this.bytes.equals(this.addresses.get(id), end - start, b, start);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes.get(id) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}

/** A signed 32-bit hash (as Int32Array stores it: the empty key too). */
function fnv1a(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h;
}
