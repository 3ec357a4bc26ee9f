// The shape each lockfile reader relies on, checked as it reads: a section of the right syntax
// but the wrong shape (`"packages": "oops"`) is a LockfileError naming its JSON path, never
// "0 packages". Absent sections are allowed where the format allows them.
import { LockfileError } from './graph.js';

export type JsonPath = readonly string[];

/** RFC 6901 JSON Pointer: ['packages', 'node_modules/a'] -> `/packages/node_modules~1a`. */
export function pointer(path: JsonPath): string {
  return path.length === 0 ? '/' : path.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function describeType(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

export function shapeError(path: JsonPath, expected: string, value: unknown): LockfileError {
  return new LockfileError(`unexpected shape at ${pointer(path)}: expected ${expected}, got ${describeType(value)}; regenerate the lockfile with its package manager`);
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object at `path`; `{}` when absent (undefined) unless `required`. */
export function objectAt(value: unknown, path: JsonPath, required = false): Record<string, any> {
  if (value === undefined && !required) return {};
  if (!isObject(value)) throw shapeError(path, 'an object', value);
  return value;
}

/** The entries of an object at `path` whose values must all be objects themselves. */
export function objectEntriesAt(value: unknown, path: JsonPath, required = false): [string, Record<string, any>][] {
  return Object.entries(objectAt(value, path, required)).map(([key, entry]) => [key, objectAt(entry, [...path, key], true)]);
}

/** A string at `path`, or undefined when absent. */
export function stringAt(value: unknown, path: JsonPath): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw shapeError(path, 'a string', value);
  return value;
}
