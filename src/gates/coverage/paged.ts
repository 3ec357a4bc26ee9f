const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;

/**
 * A growable array of numbers kept in fixed pages of 16k entries. Growing never copies: an array
 * that doubles leaves its old copy behind until a full garbage collection, which on a report of
 * 200k files held as much memory as the live data.
 */
export class PagedArray {
  private readonly pages: (Int32Array | Float64Array)[] = [];
  /** int32: integers of 32 bits; float64: any number. */
  constructor(private readonly kind: 'int32' | 'float64') {}

  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK];
  }

  set(i: number, value: number): void {
    const page = i >>> PAGE_BITS;
    while (this.pages.length <= page) this.pages.push(this.kind === 'int32' ? new Int32Array(PAGE) : new Float64Array(PAGE));
    this.pages[page][i & MASK] = value;
  }
}

const CHUNK = 1 << 16;

/**
 * Byte strings appended in 64 KB chunks (a longer one gets a chunk of its own); each is addressed
 * by chunk << 16 | offset. Like PagedArray, growing never copies.
 */
export class ByteArena {
  private readonly chunks: Buffer[] = [Buffer.allocUnsafe(CHUNK)];
  private used = 0;

  /** Appends b[start, end); returns its address. */
  append(b: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.used + length > this.chunks[this.chunks.length - 1].length) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, length)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    const at = this.used;
    for (let i = 0; i < length; i++) chunk[at + i] = b[start + i];
    this.used += length;
    return ((this.chunks.length - 1) << 16) | at;
  }

  /** Whether the `length` bytes at `address` are b[start, start + length). */
  equals(address: number, length: number, b: Uint8Array, start: number): boolean {
    const chunk = this.chunks[address >>> 16];
    const from = address & 0xffff;
    for (let i = 0; i < length; i++) if (chunk[from + i] !== b[start + i]) return false;
    return true;
  }

  copy(address: number, length: number, into: Uint8Array, at: number): void {
    const chunk = this.chunks[address >>> 16];
    const from = address & 0xffff;
    for (let i = 0; i < length; i++) into[at + i] = chunk[from + i];
  }

  text(address: number, length: number): string {
    const from = address & 0xffff;
    return this.chunks[address >>> 16].toString('utf8', from, from + length);
  }

  /** Forgets every string, keeping the first chunk. */
  clear(): void {
    this.chunks.length = 1;
    this.used = 0;
  }
}
