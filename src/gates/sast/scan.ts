import { availableParallelism } from 'node:os';
import type { SgRoot } from '@ast-grep/napi';
import type { FileContent, Scope } from '../../core/types.js';
import { gateWorkerScript } from '../../core/package-info.js';
import type { LanguageMatcher } from './catalogue.js';
import { matchTree, parseSource, type RuleHit } from './engine.js';
import { languageFor } from './languages.js';
import type { SastLanguage, SastRule } from './rule.js';
import { SastPool } from './pool.js';

export interface ScannedFile {
  path: string;
  hits: RuleHit[];
}

/** One file's part of a scan, for the result cache: what it added to the totals, and its hits. */
export interface FileOutcome {
  path: string;
  language: SastLanguage;
  bytes: number;
  hits: RuleHit[];
  unparsable: boolean;
  /** Past the parse budget: not counted in files or bytes. */
  overBudget?: string;
}

export interface ScanTotals {
  files: number;
  bytes: number;
  /** Files the parser could not fully read (syntax errors); their other lines were still checked. */
  unparsable: string[];
  /** Files past the parse budget: not parsed, so not checked; sorted by path. */
  overBudget: { path: string; reason: string }[];
  byLanguage: Partial<Record<SastLanguage, number>>;
}

// Parses overlap on libuv's pool; a cap on files and bytes in flight bounds the trees alive at
// once, since ast-grep frees a tree only when the JS garbage collector collects its handle.
// The byte cap is one file at the parse budget, so two such files are never parsed at once.
const MAX_IN_FLIGHT = 4;

/**
 * The parse budget, decided from the bytes before anything is decoded or parsed. A tree-sitter
 * tree of minified JavaScript takes about 65 bytes of memory per byte of source (measured by
 * bench/huge-file.mjs: 4 MB → 330 MB peak, 16 MB → 1.1 GB), and a deeply nested one several
 * times that, so a file past either limit is skipped and reported, never parsed.
 */
export const MAX_PARSE_BYTES = 4 * 1024 * 1024;
export const MAX_PARSE_DEPTH = 1000;
const MAX_BYTES_IN_FLIGHT = MAX_PARSE_BYTES;

/** Why a file is past the parse budget, or undefined when it may be parsed. */
export function overParseBudget(content: Buffer): string | undefined {
  if (content.length > MAX_PARSE_BYTES) {
    return `${mib(content.length)} is past the SAST parse budget of ${mib(MAX_PARSE_BYTES)}`;
  }
  const depth = bracketDepth(content, MAX_PARSE_DEPTH);
  if (depth > MAX_PARSE_DEPTH) return `brackets nest more than ${MAX_PARSE_DEPTH} deep, past the SAST parse budget`;
  return undefined;
}

/**
 * How deep ( [ { nest, counted on the bytes without regard to strings or comments (so a string
 * of brackets may overstate it: the file is then skipped and named, never passed silently);
 * stops counting once past `limit`.
 */
function bracketDepth(bytes: Buffer, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    // ( [ {
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > deepest && (deepest = depth) > limit) break;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return deepest;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** What one file's parse and match gave: its hits, and whether the parser met syntax it could not read. */
export interface FileMatch {
  hits: RuleHit[];
  unparsable: boolean;
}

/**
 * Files in scope from which the scan runs on workers. A worker pays its start-up (loading
 * ast-grep, compiling the catalogue) before its first file; a pre-commit of a few files is
 * matched in this thread. A guess, not yet measured on a quiet machine.
 */
const WORKER_FILES = 64;
const MAX_WORKERS = 8;

/**
 * Parses one file with `parse` (parseSource in this thread, on libuv's pool; ast-grep's
 * synchronous parse in a worker, which has nothing else to do meanwhile) and matches it.
 */
export async function matchFile(matcher: LanguageMatcher, text: string, parse: (text: string) => SgRoot | Promise<SgRoot>): Promise<FileMatch> {
  const subset = matcher.forText(text);
  // No rule's keywords occur in the file: nothing to find, so it is not even parsed.
  if (!subset) return { hits: [], unparsable: false };
  try {
    const { hits, syntaxErrors } = matchTree(matcher, subset, await parse(text), text.length);
    return { hits, unparsable: syntaxErrors };
  } catch {
    // The parser gave up on the file entirely: counted and named in the summary, never fatal.
    return { hits: [], unparsable: true };
  }
}

/**
 * Reads the scope's JS/TS/Python files once each and runs every rule of the file's language on
 * one tree per file.
 */
export async function scanScope(
  scope: Scope,
  matchers: Map<SastLanguage, LanguageMatcher>,
  signal: AbortSignal,
  onFile?: (outcome: FileOutcome) => void,
  /** The rules `matchers` was compiled from: workers compile their own. Without them, this thread alone. */
  rules?: readonly SastRule[],
): Promise<{ files: ScannedFile[]; totals: ScanTotals }> {
  const paths = scope.files.map((f) => f.path).filter((p) => {
    const language = languageFor(p);
    return language !== undefined && matchers.has(language);
  });
  const totals: ScanTotals = { files: 0, bytes: 0, unparsable: [], overBudget: [], byLanguage: {} };
  const files: ScannedFile[] = [];
  const inFlight = new Set<Promise<void>>();
  let bytesInFlight = 0;

  // Above a size of tree, files are parsed and matched on worker threads, one per core; below
  // it, in this thread (a worker's start-up would cost more than it saves).
  const script = gateWorkerScript('sast');
  const threads = Math.min(availableParallelism(), MAX_WORKERS);
  const pool = script !== undefined && rules !== undefined && threads > 1 && paths.length >= WORKER_FILES
    ? new SastPool(script, threads, rules, [...matchers.keys()])
    : undefined;
  const scanOne = async ({ file, content }: FileContent, matcher: LanguageMatcher): Promise<void> => {
    const outcome: FileOutcome = { path: file.path, language: matcher.language, bytes: content.length, hits: [], unparsable: false };
    const { hits, unparsable } = pool ? await pool.match(matcher, content) : await matchFile(matcher, content.toString('utf8'), (text) => parseSource(matcher, text));
    if (unparsable) totals.unparsable.push(file.path);
    if (hits.length > 0) files.push({ path: file.path, hits });
    outcome.hits = hits;
    outcome.unparsable = unparsable;
    onFile?.(outcome);
  };

  try {
    for await (const entry of scope.read(paths)) {
      if (signal.aborted) throw new Error('SAST scan cancelled');
      const language = languageFor(entry.file.path)!;
      const matcher = matchers.get(language)!;
      const reason = overParseBudget(entry.content);
      if (reason !== undefined) {
        totals.overBudget.push({ path: entry.file.path, reason });
        onFile?.({ path: entry.file.path, language, bytes: entry.content.length, hits: [], unparsable: false, overBudget: reason });
        continue;
      }
      totals.files++;
      totals.bytes += entry.content.length;
      totals.byLanguage[language] = (totals.byLanguage[language] ?? 0) + 1;
      while (inFlight.size >= MAX_IN_FLIGHT || (inFlight.size > 0 && bytesInFlight + entry.content.length > MAX_BYTES_IN_FLIGHT)) {
        await Promise.race(inFlight);
      }
      const size = entry.content.length;
      bytesInFlight += size;
      const task: Promise<void> = scanOne(entry, matcher).finally(() => {
        bytesInFlight -= size;
        inFlight.delete(task);
      });
      inFlight.add(task);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await pool?.close();
  }
  files.sort(byPath);
  totals.unparsable.sort();
  totals.overBudget.sort(byPath);
  return { files, totals };
}
