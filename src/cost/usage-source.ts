// What every importer of a coding agent's session files hands to the one import pipeline
// (src/cost/import.ts): one record per billed API call, de-duplicated within and across files.
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ImportTool, TokenCounts } from './types.js';

/** One billed API call, as a tool's files record it. */
export interface UsageRecord {
  /** The identity of the call within its tool (the ledger id is `<tool>:<key>`). */
  key: string;
  model: string;
  /** ISO 8601. */
  timestamp: string;
  tokens: TokenCounts;
  cwd?: string;
  branch?: string;
  /** A remote URL or `owner/name`, when the file records it. */
  repository?: string;
  sessionId?: string;
  /** USD the tool itself computed for the call, when it records one. */
  toolCost?: number;
  file: string;
  line: number;
}

export interface ReadStats {
  files: number;
  /** Lines (or messages) that carried usage, repeats included. */
  usageLines: number;
  malformed: MalformedLines;
  /** Tool-specific counts for the summary line, e.g. `1 sidechain replay(s)`. */
  extras: string[];
  /** Things the user must know, e.g. a store that is not read. */
  notes: string[];
}

export interface ReadOptions {
  /** The repository root, for tools that name a project by a hash of its path. */
  projectRoot?: string;
}

export interface UsageSource {
  tool: ImportTool;
  /** Where the tool keeps its files when --dir is not given. */
  defaultDirs(env?: NodeJS.ProcessEnv): string[];
  /** What to look for, for the "nothing found" message. */
  pattern: string;
  findFiles(dirs: readonly string[]): Promise<string[]>;
  read(files: readonly string[], options?: ReadOptions): Promise<{ records: UsageRecord[]; stats: ReadStats }>;
  /** Notes about the folders themselves (a database beside them that is not read). */
  folderNotes?(dirs: readonly string[]): Promise<string[]>;
}

const NAMED = 5;

/** Lines that could not be read: counted, and the first few named as file:line. */
export class MalformedLines {
  count = 0;
  readonly at: string[] = [];
  add(file: string, line: number): void {
    this.count++;
    if (this.at.length < NAMED) this.at.push(`${file}:${line}`);
  }
}

export function newStats(files: number): ReadStats {
  return { files, usageLines: 0, malformed: new MalformedLines(), extras: [], notes: [] };
}

/** A parsed JSON line that is an object, or undefined (counted as malformed). */
export function parseObject(text: string, malformed: MalformedLines, file: string, line: number): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // counted below
  }
  malformed.add(file, line);
  return undefined;
}

// Session files are read whole below this size (one read, no stream round trips per chunk).
const READ_WHOLE = 64 * 1024 * 1024;
// Lines of a streamed file handed over at once.
const BATCH = 4096;

/** Consecutive lines of a file: `lines[i]` is line `first + i` (1-based), without its line break. */
export interface LineBatch {
  lines: string[];
  first: number;
}

/**
 * The lines of a text file, in batches: a file read whole is one batch, a streamed one
 * (above 64 MiB) several. Batches, not one line per iteration, because every step of an
 * async generator is a promise round trip, which for 100,000s of lines costs more than
 * reading them.
 */
export async function* fileLines(file: string): AsyncGenerator<LineBatch> {
  if ((await stat(file)).size > READ_WHOLE) {
    let lines: string[] = [];
    let first = 1;
    for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      lines.push(text);
      if (lines.length === BATCH) {
        yield { lines, first };
        first += lines.length;
        lines = [];
      }
    }
    if (lines.length) yield { lines, first };
    return;
  }
  yield { lines: splitLines(await readFile(file, 'utf8')), first: 1 };
}

/** A text's lines without their \n or \r\n; no empty last line for a text that ends in a line break. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** Every file below the folders whose name passes `keep` (each once, even through symlinked folders). */
export async function findFilesBelow(dirs: readonly string[], keep: (path: string) => boolean): Promise<string[]> {
  const seen = new Set<string>();
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    for (const name of await readdir(dir, { recursive: true })) {
      const path = join(dir, name);
      if (!keep(path)) continue;
      seen.add(await realpath(path).catch(() => path));
    }
  }
  return [...seen].sort();
}

/** A non-negative whole count, or 0. */
export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** ISO 8601 of a timestamp string or epoch milliseconds; undefined when it does not parse. */
export function isoOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function tokens(input: number, output: number, cacheRead: number, reasoning: number, cacheWrite5m = 0): TokenCounts {
  const t: TokenCounts = { input, output, cacheWrite5m, cacheWrite1h: 0, cacheRead };
  if (reasoning > 0) t.reasoning = reasoning;
  return t;
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
