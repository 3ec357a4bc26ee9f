import { ResultCache } from '../../core/result-cache.js';
import type { GateContext } from '../../core/types.js';
import type { ExternalResult } from './bandit.js';
import type { ClassedFinding } from './findings.js';
import type { RuleSelection, SastOptions } from './options.js';
import { SAST_LANGUAGES, type SastLanguage } from './rule.js';
import { MAX_PARSE_BYTES, MAX_PARSE_DEPTH, type ScanTotals } from './scan.js';

/**
 * What the SAST gate keeps per file: its part of the totals (language, bytes, syntax errors,
 * the parse-budget reason) and its findings as the report holds them: fingerprints, never the
 * matched source.
 */
export interface SastCacheValue {
  l: SastLanguage;
  b: number;
  /** The parser met syntax errors. */
  u?: 1;
  /** Past the parse budget, with the reason. */
  o?: string;
  f: ClassedFinding[];
}

/** The gate's cache for this run, or undefined (hooks, diff scopes, `cache: false`). */
export function openSastCache(ctx: GateContext<SastOptions>, selection: RuleSelection): Promise<ResultCache<SastCacheValue> | undefined> {
  const ids = new Set(selection.rules.map((r) => r.id));
  const isValue = (value: unknown): value is SastCacheValue => {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return (
      (SAST_LANGUAGES as readonly unknown[]).includes(v.l) &&
      Number.isInteger(v.b) &&
      (v.u === undefined || v.u === 1) &&
      (v.o === undefined || typeof v.o === 'string') &&
      Array.isArray(v.f) &&
      v.f.every((f) => isFinding(f, ids))
    );
  };
  const parts = {
    rules: selection.rules,
    severity: [...selection.severity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    budget: [MAX_PARSE_BYTES, MAX_PARSE_DEPTH],
  };
  return ResultCache.open(ctx, 'sast', parts, isValue);
}

function isFinding(value: unknown, ids: ReadonlySet<string> | undefined): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    f.gate === 'sast' &&
    typeof f.ruleId === 'string' &&
    (ids === undefined || ids.has(f.ruleId)) &&
    typeof f.message === 'string' &&
    typeof f.fingerprint === 'string' &&
    typeof f.vulnClass === 'string' &&
    Number.isInteger(f.line)
  );
}

/**
 * Adds cached files to the scan's totals as a scan of them would have (lists re-sorted, as
 * scanScope leaves them) and returns their findings per file.
 */
export function replayCached(cached: readonly { file: { path: string }; value: SastCacheValue }[], totals: ScanTotals): { path: string; findings: ClassedFinding[] }[] {
  const perFile: { path: string; findings: ClassedFinding[] }[] = [];
  for (const { file, value } of cached) {
    if (value.o !== undefined) {
      totals.overBudget.push({ path: file.path, reason: value.o });
      continue;
    }
    totals.files++;
    totals.bytes += value.b;
    totals.byLanguage[value.l] = (totals.byLanguage[value.l] ?? 0) + 1;
    if (value.u) totals.unparsable.push(file.path);
    if (value.f.length > 0) perFile.push({ path: file.path, findings: value.f });
  }
  totals.unparsable.sort();
  totals.overBudget.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return perFile;
}

/**
 * Bandit on the Python files the cache has no bandit result for; the others' findings come from
 * the cache (its own namespace, keyed on bandit's version). Files bandit reported it could not
 * read are never stored.
 */
export async function banditWithCache(
  ctx: GateContext<SastOptions>,
  python: readonly string[],
  version: () => Promise<string | undefined>,
  run: (paths: readonly string[]) => Promise<ExternalResult>,
): Promise<ExternalResult> {
  const isValue = (value: unknown): value is ClassedFinding[] =>
    Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && typeof (f as ClassedFinding).ruleId === 'string' && (f as ClassedFinding).ruleId.startsWith('bandit-') && isFinding(f, undefined));
  const opened = await ResultCache.open(ctx, 'sast-bandit', { bandit: await version() }, isValue);
  if (!opened) return run(python);
  const wanted = new Set(python);
  const { hits, misses } = opened.lookup(ctx.scope.files.filter((f) => wanted.has(f.path)));
  const result: ExternalResult = misses.length > 0 ? await run(misses.map((f) => f.path)) : { findings: [], version: (await version()) ?? 'unknown', errors: [] };
  const unreadable = new Set(misses.map((f) => f.path).filter((path) => result.errors.some((e) => e.startsWith(`${path}: `))));
  const byFile = new Map<string, ClassedFinding[]>();
  for (const finding of result.findings) byFile.set(finding.file!, [...(byFile.get(finding.file!) ?? []), finding]);
  for (const { path } of misses) if (!unreadable.has(path)) opened.store(path, byFile.get(path) ?? []);
  await opened.save();
  return { ...result, findings: [...result.findings, ...hits.flatMap((h) => h.value)] };
}
