// Turns what a command printed (or a file it wrote) into the one number a threshold judges.
import { syntaxErrorMessage } from '../../core/redact-message.js';
import type { ReadSpec } from './options.js';

export class ReadError extends Error {
  override name = 'ReadError';
}

/** The value `read` describes in `text` (stdout or the file's content). `size` and `exit-code` are not read from text. */
export function valueFromText(read: Exclude<ReadSpec, 'exit-code' | { size: string } | { sarif: string }>, text: string): number {
  if ('json' in read) return valueAtPointer(parseJson(text), read.json);
  if ('count' in read) return [...text.matchAll(new RegExp(read.count, 'gm'))].length;
  const match = new RegExp(read.regex, 'm').exec(text);
  if (!match) throw new ReadError(`no match for /${read.regex}/`);
  const group = match.slice(1).find((g) => g !== undefined);
  const value = group === undefined ? NaN : Number(group.replace(/,/g, ''));
  if (!Number.isFinite(value)) throw new ReadError(`/${read.regex}/ matched, but its group holds no number`);
  return value;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ReadError(`not JSON: ${syntaxErrorMessage(error, text)}`);
  }
}

/**
 * The number at an RFC 6901 pointer. A `*` segment stands for every element (or value) there,
 * and the numbers found are added up: `/* /errorCount` is ESLint's total over all files.
 */
export function valueAtPointer(doc: unknown, pointer: string): number {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const found = resolvePointer(doc, segments, '');
  return found.reduce((sum, n) => sum + n, 0);
}

function resolvePointer(value: unknown, segments: readonly string[], at: string): number[] {
  if (segments.length === 0) {
    if (typeof value === 'number' && Number.isFinite(value)) return [value];
    throw new ReadError(`${at || '/'} holds ${describe(value)}, not a number`);
  }
  const [head, ...rest] = segments;
  if (head === '*') {
    if (typeof value !== 'object' || value === null) throw new ReadError(`${at || '/'} holds ${describe(value)}, so * has nothing to add up`);
    return Object.entries(value).flatMap(([key, item]) => resolvePointer(item, rest, `${at}/${key}`));
  }
  const here = `${at}/${head}`;
  const next = typeof value === 'object' && value !== null && Object.hasOwn(value, head!) ? (value as Record<string, unknown>)[head!] : undefined;
  if (next === undefined) throw new ReadError(`nothing at ${here}`);
  return resolvePointer(next, rest, here);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
