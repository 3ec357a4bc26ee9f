// The few parts of the WebAssembly binary format (https://webassembly.github.io/spec/core/binary/)
// that the keyword scanner's module is written in: i32 locals, loads and stores, arithmetic and
// structured control flow. Each helper returns the bytes of one folded instruction, its operands
// first, so a function body reads like the text format's s-expressions.

export type Code = number[];

/** Unsigned LEB128. */
function uleb(value: number): Code {
  const out: Code = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 of an i32. */
function sleb(value: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const I32 = 0x7f;
const EMPTY_BLOCK = 0x40;

export const get = (local: number): Code => [0x20, ...uleb(local)];
export const set = (local: number, value: Code): Code => [...value, 0x21, ...uleb(local)];
export const i32 = (value: number): Code => [0x41, ...sleb(value)];

const binary = (opcode: number) => (a: Code, b: Code): Code => [...a, ...b, opcode];
export const add = binary(0x6a);
export const sub = binary(0x6b);
export const and = binary(0x71);
export const or = binary(0x72);
export const shl = binary(0x74);
export const shrU = binary(0x76);
export const ltU = binary(0x49);
const gtS = binary(0x4a);

/** `select(a, b, condition)`: a when condition is non-zero, else b. */
const select = (a: Code, b: Code, condition: Code): Code => [...a, ...b, ...condition, 0x1b];
/** The larger of `value` and 0. */
export const max0 = (value: Code): Code => select(value, i32(0), gtS(value, i32(0)));

// Loads and stores take `align` (log2 of the access size) and a constant offset.
export const load8 = (address: Code, offset = 0): Code => [...address, 0x2d, 0, ...uleb(offset)];
export const load16 = (address: Code, offset = 0): Code => [...address, 0x2f, 1, ...uleb(offset)];
export const load32 = (address: Code, offset = 0): Code => [...address, 0x28, 2, ...uleb(offset)];
export const store32 = (address: Code, value: Code, offset = 0): Code => [...address, ...value, 0x36, 2, ...uleb(offset)];

export const call = (func: number, ...args: Code[]): Code => [...args.flat(), 0x10, ...uleb(func)];
export const ret = (): Code => [0x0f];

/** `if (condition) { body }`. */
export const when = (condition: Code, ...body: Code[]): Code => [...condition, 0x04, EMPTY_BLOCK, ...body.flat(), 0x0b];

/** `while (condition) { body }`: a block around a loop that leaves when the condition is 0. */
export const whileLoop = (condition: Code, ...body: Code[]): Code => [
  0x02, EMPTY_BLOCK, 0x03, EMPTY_BLOCK, ...condition, 0x45, 0x0d, 1, ...body.flat(), 0x0c, 0, 0x0b, 0x0b,
];

export interface WasmFunction {
  name: string;
  params: number;
  returnsI32: boolean;
  locals: number;
  body: Code;
}

const vector = (items: Code[]): Code => [...uleb(items.length), ...items.flat()];
const name = (text: string): Code => vector([...Buffer.from(text, 'utf8')].map((b) => [b]));
const section = (id: number, content: Code): Code => [id, ...uleb(content.length), ...content];

/** A module of i32 functions, all exported, importing its memory as `env.memory` (at least `pages` of 64 KiB). */
export function wasmModule(functions: readonly WasmFunction[], pages: number): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(Array.from({ length: f.params }, () => [I32])), ...vector(f.returnsI32 ? [[I32]] : [])]);
  const imports = vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)]]);
  const exported = vector(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]));
  const bodies = functions.map((f) => {
    const body = [...vector(f.locals > 0 ? [[...uleb(f.locals), I32]] : []), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, exported),
    ...section(10, vector(bodies)),
  ]);
}
