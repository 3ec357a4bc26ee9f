import type { Automaton } from './keyword-index.js';
import { type Code, add, and, call, get, i32, load16, load32, load8, ltU, max0, or, ret, set, shl, shrU, store32, sub, wasmModule, when, whileLoop } from './wasm-encoding.js';

// The keyword automaton's inner loop over bytes, compiled to WebAssembly: the same DFA steps as
// KeywordIndex's JavaScript loop over a string, without a bounds check on each of the three
// table reads per byte. On the tree of issue #15 it runs ~2.5x as fast as that loop (672 against
// 273 MB/s, bench/keyword-scan.mjs) and ~2.8x as fast as the four-stream JavaScript loop over
// bytes it replaced; the keyword pass had been a third of a whole-tree scan's CPU.
//
// A chunk of input is copied into the module's memory and read as four streams at once, one per
// quarter, each with its own state: one state's next step waits on the previous one's table
// read, so independent chains keep the core busy where one leaves it waiting. Each later stream
// starts `depth` bytes before its quarter (the state one pass would be in there is the longest
// keyword prefix ending there, at most `depth` long) and reports only from its quarter on, so
// the streams report what one pass reports. Each stream writes (state, end offset) pairs to a
// region of its own, in order.

/** Bytes scanned per call: the input region of the module's memory. */
export const SCAN_CHUNK = 1 << 18;
/** Below this many bytes a chunk is read as one stream (the split's set-up is not worth it). */
const SPLIT_STREAMS = 4096;
const STREAMS = 4;
/** Room for every position of a stream's quarter (or of an unsplit chunk) to end a keyword. */
const REGION_HITS = Math.max(SCAN_CHUNK / STREAMS + STREAMS, SPLIT_STREAMS);

// Memory layout: classOf (256 bytes), the transition table, the input, the streams' hit
// regions, their counts.
const CLASSES_AT = 0;
const TABLE_AT = 256;

/** The part of the WebAssembly JS API used here (the project's type libraries declare only its types). */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

/** True when this runtime has WebAssembly (Node has none under `--jitless`). */
export const canScanBytes = wasm !== undefined;

// Locals of `scan`: its parameters, then the streams' states, positions and counts.
const [START, END, A, B, C, D, I, QUARTER, P1, P2, P3, NA, NB, NC, ND] = Array.from({ length: 15 }, (_, i) => i);

export class ByteScanner {
  private readonly heap: Uint8Array;
  private readonly words: Int32Array;
  private readonly inputAt: number;
  private readonly hitsAt: number;
  private readonly countsAt: number;
  private readonly scanChunk: (start: number, end: number) => void;

  constructor(automaton: Automaton) {
    const { classOf, next, rowShift, depth } = automaton;
    const wide = next instanceof Int32Array;
    this.inputAt = align(TABLE_AT + next.byteLength);
    this.hitsAt = align(this.inputAt + SCAN_CHUNK + depth);
    this.countsAt = this.hitsAt + STREAMS * REGION_HITS * 8;
    const pages = Math.ceil((this.countsAt + 4 * STREAMS) / 65536);
    const memory = new wasm!.Memory({ initial: pages, maximum: pages });
    const bytes = wasmModule(scannerFunctions(rowShift, wide, depth, this.inputAt, this.hitsAt, this.countsAt), pages);
    const instance = new wasm!.Instance(new wasm!.Module(bytes), { env: { memory } });
    this.heap = new Uint8Array(memory.buffer);
    this.words = new Int32Array(memory.buffer);
    this.heap.set(classOf, CLASSES_AT);
    this.heap.set(new Uint8Array(next.buffer, next.byteOffset, next.byteLength), TABLE_AT);
    this.scanChunk = instance.exports.scan as (start: number, end: number) => void;
  }

  /**
   * Scans `chunk` (at most SCAN_CHUNK + depth bytes) from offset `from` on, the bytes before it
   * read only for the state they leave; then `each` gets every state with a keyword ending in
   * it (the table's value: the state doubled, plus 1) and the offset just past that, ascending.
   */
  scan(chunk: Uint8Array, from: number, each: (state: number, end: number) => void): void {
    this.heap.set(chunk, this.inputAt);
    this.scanChunk(from, chunk.length);
    const { words } = this;
    for (let stream = 0; stream < STREAMS; stream++) {
      const first = (this.hitsAt >> 2) + stream * REGION_HITS * 2;
      const last = first + 2 * words[(this.countsAt >> 2) + stream];
      for (let h = first; h < last; h += 2) each(words[h], words[h + 1]);
    }
  }
}

const align = (offset: number) => (offset + 15) & ~15;

/** `run(state, from, to)`, the state after bytes [from, to), and `scan(start, end)`. */
function scannerFunctions(rowShift: number, wide: boolean, depth: number, inputAt: number, hitsAt: number, countsAt: number) {
  const RUN = 0;
  // The next state: next[((state >>> 1) << rowShift) + classOf[input[at]]].
  const step = (state: Code, at: Code): Code => {
    const entry = add(shl(shrU(state, i32(1)), i32(rowShift)), load8(load8(at, inputAt), CLASSES_AT));
    return wide ? load32(shl(entry, i32(2)), TABLE_AT) : load16(shl(entry, i32(1)), TABLE_AT);
  };
  const increment = (local: number): Code => set(local, add(get(local), i32(1)));
  const warm = (stateLocal: number, at: Code): Code => set(stateLocal, call(RUN, i32(0), max0(sub(at, i32(depth))), at));
  const hit = (stream: number, countLocal: number, state: number, end: Code): Code => {
    const at = shl(get(countLocal), i32(3));
    const region = hitsAt + stream * REGION_HITS * 8;
    return [...store32(at, get(state), region), ...store32(at, end, region + 4), ...increment(countLocal)];
  };
  const reported = (state: number): Code => and(get(state), i32(1));
  const storeCounts = (): Code => [NA, NB, NC, ND].flatMap((local, stream) => store32(i32(0), get(local), countsAt + 4 * stream));

  const run = {
    name: 'run',
    params: 3,
    returnsI32: true,
    locals: 0,
    body: [...whileLoop(ltU(get(1), get(2)), set(0, step(get(0), get(1))), increment(1)), ...get(0)],
  };
  const oneStream = [
    ...warm(A, get(START)),
    ...set(I, get(START)),
    ...whileLoop(ltU(get(I), get(END)), set(A, step(get(A), get(I))), increment(I), when(reported(A), hit(0, NA, A, get(I)))),
    ...storeCounts(),
    ...ret(),
  ];
  const streams: [number, number, number][] = [
    [A, START, NA],
    [B, P1, NB],
    [C, P2, NC],
    [D, P3, ND],
  ];
  const scan = {
    name: 'scan',
    params: 2,
    returnsI32: false,
    locals: 13,
    body: [
      ...when(ltU(sub(get(END), get(START)), i32(SPLIT_STREAMS)), oneStream),
      ...set(QUARTER, shrU(sub(get(END), get(START)), i32(2))),
      ...set(P1, add(get(START), get(QUARTER))),
      ...set(P2, add(get(P1), get(QUARTER))),
      ...set(P3, add(get(P2), get(QUARTER))),
      ...streams.flatMap(([state, first]) => warm(state, get(first))),
      ...whileLoop(
        ltU(get(I), get(QUARTER)),
        streams.flatMap(([state, first]) => set(state, step(get(state), add(get(first), get(I))))),
        increment(I),
        when(
          and(or(or(get(A), get(B)), or(get(C), get(D))), i32(1)),
          streams.flatMap(([state, first, count], stream) => when(reported(state), hit(stream, count, state, add(get(first), get(I))))),
        ),
      ),
      // The last stream's last bytes, when the length is no multiple of four.
      ...set(I, add(get(P3), get(QUARTER))),
      ...whileLoop(ltU(get(I), get(END)), set(D, step(get(D), get(I))), increment(I), when(reported(D), hit(3, ND, D, get(I)))),
      ...storeCounts(),
    ],
  };
  return [run, scan];
}
