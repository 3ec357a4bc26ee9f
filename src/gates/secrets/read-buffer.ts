import { readSync } from 'node:fs';

// One read buffer per thread, grown to the largest file or piece read so far and reused:
// a fresh buffer per file costs page faults on every new page (here over half a second of
// system time on 126 MB) and garbage collection. Callers must be done with the bytes before
// the next read: the scanner keeps only strings and numbers from them.
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** Reads bytes [start, end) of an open file into the thread's reused buffer (fewer at end of file). */
export function readReused(fd: number, start: number, end: number): Buffer {
  const size = end - start;
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, Math.min(2 * scratch.length, 64 << 20)));
  return scratch.subarray(0, readInto(fd, scratch, 0, start, size));
}

/** Reads `size` bytes of an open file from `position` into `buffer` at `at`; returns how many it read (fewer at end of file). */
function readInto(fd: number, buffer: Uint8Array, at: number, position: number, size: number): number {
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, at + read, size - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}
