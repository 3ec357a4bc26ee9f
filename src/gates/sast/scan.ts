import type { FileContent, Scope } from '../../core/types.js';
import type { LanguageMatcher } from './catalogue.js';
import { matchTree, parseSource, type RuleHit } from './engine.js';
import { languageFor } from './languages.js';
import type { SastLanguage } from './rule.js';

export interface ScannedFile {
  path: string;
  hits: RuleHit[];
}

export interface ScanTotals {
  files: number;
  bytes: number;
  /** Files the parser could not fully read (syntax errors); their other lines were still checked. */
  unparsable: string[];
  byLanguage: Partial<Record<SastLanguage, number>>;
}

// Parses overlap on libuv's pool; a cap on files and bytes in flight bounds the trees alive at
// once, since ast-grep frees a tree only when the JS garbage collector collects its handle.
const MAX_IN_FLIGHT = 4;
const MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024;

/**
 * Reads the scope's JS/TS/Python files once each and runs every rule of the file's language on
 * one tree per file.
 */
export async function scanScope(
  scope: Scope,
  matchers: Map<SastLanguage, LanguageMatcher>,
  signal: AbortSignal,
): Promise<{ files: ScannedFile[]; totals: ScanTotals }> {
  const paths = scope.files.map((f) => f.path).filter((p) => {
    const language = languageFor(p);
    return language !== undefined && matchers.has(language);
  });
  const totals: ScanTotals = { files: 0, bytes: 0, unparsable: [], byLanguage: {} };
  const files: ScannedFile[] = [];
  const inFlight = new Set<Promise<void>>();
  let bytesInFlight = 0;

  const scanOne = async ({ file, content }: FileContent, matcher: LanguageMatcher): Promise<void> => {
    const text = content.toString('utf8');
    const subset = matcher.forText(text);
    // No rule's keywords occur in the file: nothing to find, so it is not even parsed.
    if (!subset) return;
    try {
      const root = await parseSource(matcher, text);
      const { hits, syntaxErrors } = matchTree(matcher, subset, root);
      if (syntaxErrors) totals.unparsable.push(file.path);
      if (hits.length > 0) files.push({ path: file.path, hits });
    } catch {
      // The parser gave up on the file entirely: counted and named in the summary, never fatal.
      totals.unparsable.push(file.path);
    }
  };

  for await (const entry of scope.read(paths)) {
    if (signal.aborted) throw new Error('SAST scan cancelled');
    const language = languageFor(entry.file.path)!;
    const matcher = matchers.get(language)!;
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
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  totals.unparsable.sort();
  return { files, totals };
}
