import type { Finding, Gate, GateContext, GateOutcome, RuleInfo, Scope } from '../../core/types.js';
import { errorMessage } from '../../core/errors.js';
import type { ExternalResult } from './bandit.js';
import { dedupeByClassAndLine, externalRuleInfo, findingOf, plainFinding, ruleInfo, type ClassedFinding } from './findings.js';
import { languageFor } from './languages.js';
import type { SastOptions } from './options.js';

// Everything that loads ast-grep is imported inside run(): the registry already loads this
// module lazily, and `wfo-gate rules` needs only the catalogue.
const gate: Gate<SastOptions> = {
  id: 'sast',
  title: 'SAST',
  async run(ctx: GateContext<SastOptions>): Promise<GateOutcome> {
    try {
      return await runSast(ctx);
    } catch (error) {
      return { status: 'error', findings: [], summary: 'could not decide', error: errorMessage(error) };
    }
  },
  async rules(): Promise<RuleInfo[]> {
    const { ALL_RULES } = await import('./rules/index.js');
    return ALL_RULES.map((rule) => ruleInfo(rule));
  },
};
export default gate;

async function runSast(ctx: GateContext<SastOptions>): Promise<GateOutcome> {
  const { ALL_RULES } = await import('./rules/index.js');
  const { selectRules } = await import('./options.js');
  const { compileCatalogue } = await import('./catalogue.js');
  const { scanScope } = await import('./scan.js');
  const { openSastCache, replayCached } = await import('./cache.js');
  const { scope, options, signal } = ctx;

  const selection = selectRules(ALL_RULES, options);
  // Only the grammars the scope has files in: a TypeScript-only change compiles no Python rules.
  const present = new Set(scope.files.map((f) => languageFor(f.path)).filter((l) => l !== undefined));
  const matchers = compileCatalogue(selection.rules, present);
  // Consulted before any file is read, filled as each is scanned (whole-tree runs only).
  const cache = await openSastCache(ctx, selection);
  const eligible = scope.files.filter((f) => matchers.has(languageFor(f.path)!));
  const { hits: cached, misses } = cache ? cache.lookup(eligible) : { hits: [], misses: eligible };
  let scannedFiles = 0;
  let scannedBytes = 0;
  const { files, totals } = await scanScope({ ...scope, files: misses }, matchers, signal, (outcome) => {
    scannedFiles++;
    scannedBytes += outcome.bytes;
    const f = outcome.hits.map((hit) => findingOf(hit, outcome.path, selection.severity.get(hit.rule.id)!, undefined));
    cache?.store(outcome.path, { l: outcome.language, b: outcome.bytes, ...(outcome.unparsable ? { u: 1 } : {}), ...(outcome.overBudget ? { o: outcome.overBudget } : {}), f });
  }, selection.rules);
  await cache?.save();
  const changed = new Map(scope.files.map((f) => [f.path, f.changed]));
  const perFile: { path: string; findings: ClassedFinding[] }[] = files.map(({ path, hits }) => ({
    path,
    findings: hits.map((hit) => findingOf(hit, path, selection.severity.get(hit.rule.id)!, scope.diffAware ? (changed.get(path) ?? []) : undefined)),
  }));
  if (cached.length > 0) perFile.push(...replayCached(cached, totals));
  recordOverBudget(scope, totals.overBudget);
  const own: ClassedFinding[] = perFile.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).flatMap((f) => f.findings);

  const external = await runExternalEngines(ctx);
  const merged = dedupeByClassAndLine([...own, ...external.flatMap((e) => applyOverrides(e.result.findings, options))]);
  const findings: Finding[] = merged.map(plainFinding);
  const overBudget = totals.overBudget.length > 0 ? describeOverBudget(totals.overBudget) : undefined;
  if (totals.files === 0 && external.length === 0) {
    // Never a pass for files it did not check: skipped, with the reason in the summary.
    return { status: 'skipped', findings: [], summary: overBudget ?? 'no JavaScript, TypeScript or Python files in scope' };
  }

  const parts = [
    `${selection.rules.length} rules on ${totals.files} file${totals.files === 1 ? '' : 's'} (${describeLanguages(totals.byLanguage)})`,
    `${findings.length} finding${findings.length === 1 ? '' : 's'}`,
  ];
  if (totals.unparsable.length > 0) {
    const shown = totals.unparsable.slice(0, 3).join(', ');
    parts.push(`${totals.unparsable.length} with syntax errors, checked where readable (${shown}${totals.unparsable.length > 3 ? ', …' : ''})`);
  }
  if (overBudget) parts.push(overBudget);
  for (const { name, result } of external) {
    parts.push(`${name} ${result.version}: ${result.findings.length} merged${result.errors.length ? `, ${result.errors.length} files it could not read` : ''}`);
  }
  const metrics: Record<string, number> = {
    'sast.files': totals.files,
    'sast.bytes': totals.bytes,
    'sast.rules': selection.rules.length,
    'sast.unparsable': totals.unparsable.length,
    'sast.tooLargeToParse': totals.overBudget.length,
    'sast.findings': findings.length,
    'sast.scannedFiles': scannedFiles,
    'sast.scannedBytes': scannedBytes,
    ...cache?.metrics('sast.'),
  };
  for (const { name, result } of external) metrics[`sast.${name}.findings`] = result.findings.length;
  const usedRules = new Set(findings.map((f) => f.ruleId));
  const externalRules = new Map(merged.filter((f) => !selection.severity.has(f.ruleId)).map((f) => [f.ruleId, externalRuleInfo(f)]));
  return {
    findings,
    summary: parts.join('; '),
    metrics,
    rules: [...selection.rules.filter((r) => usedRules.has(r.id)).map((r) => ruleInfo(r, selection.severity.get(r.id))), ...externalRules.values()],
  };
}

/**
 * Files past the parse budget go into the report's `skipped.tooLargeToParse`, each with a note
 * saying why (the secrets gate reads the same scope and still scans them).
 */
function recordOverBudget(scope: Scope, overBudget: readonly { path: string; reason: string }[]): void {
  const list = scope.skipped.tooLargeToParse;
  for (const { path, reason } of overBudget) {
    if (list.includes(path)) continue;
    list.push(path);
    scope.notes.push(`${path}: not parsed by SAST: ${reason}; its other gates still checked it`);
  }
}

function describeOverBudget(overBudget: readonly { path: string }[]): string {
  const shown = overBudget.slice(0, 3).map((f) => f.path).join(', ');
  const n = overBudget.length;
  return `${n} file${n === 1 ? '' : 's'} past the parse budget, not parsed (${shown}${n > 3 ? ', …' : ''})`;
}

/** Bandit (Python) and semgrep, when configured; missing tools that were asked for are errors. */
async function runExternalEngines(ctx: GateContext<SastOptions>): Promise<{ name: 'bandit' | 'semgrep'; result: ExternalResult }[]> {
  const { scope, options, signal } = ctx;
  const ran: { name: 'bandit' | 'semgrep'; result: ExternalResult }[] = [];
  const python = scope.files.map((f) => f.path).filter((p) => languageFor(p) === 'python');
  if (options.bandit.enabled !== false && options.languages.includes('python') && python.length > 0) {
    const { runBandit, toolVersion } = await import('./bandit.js');
    if (options.bandit.enabled === true || (await toolVersion('bandit', signal)) !== undefined) {
      const { banditWithCache } = await import('./cache.js');
      ran.push({ name: 'bandit', result: await banditWithCache(ctx, python, () => toolVersion('bandit', signal), (paths) => runBandit(scope, paths, signal)) });
    }
  }
  const configs = options.semgrep.config === undefined ? [] : [options.semgrep.config].flat();
  if (configs.length > 0) {
    const { runSemgrep } = await import('./semgrep.js');
    const targets = scope.files.map((f) => f.path).filter((p) => languageFor(p) !== undefined);
    ran.push({ name: 'semgrep', result: await runSemgrep(scope, targets, configs, signal) });
  }
  return ran;
}

/** `severity` / `rules.<id>.severity` / `disable` apply to external rule ids (`bandit-B101`) too. */
function applyOverrides(findings: ClassedFinding[], options: SastOptions): ClassedFinding[] {
  return findings
    .filter((f) => !options.disable.includes(f.ruleId) && options.rules[f.ruleId]?.enabled !== false)
    .map((f) => {
      const severity = options.rules[f.ruleId]?.severity ?? options.severity[f.ruleId];
      return severity ? { ...f, severity } : f;
    });
}

function describeLanguages(byLanguage: Partial<Record<string, number>>): string {
  const js = (byLanguage.javascript ?? 0) + (byLanguage.typescript ?? 0) + (byLanguage.tsx ?? 0);
  const py = byLanguage.python ?? 0;
  return `JS/TS ${js}, Python ${py}`;
}
