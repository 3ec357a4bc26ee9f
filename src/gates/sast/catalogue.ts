import type { NapiConfig, Rule } from '@ast-grep/napi';
import { withAsciiRegexes } from './ascii-regex.js';
import { astGrep, napiLang } from './languages.js';
import { LiteralScanner, prefilterOf } from './prefilter.js';
import type { SastLanguage, SastRule } from './rule.js';
import { mentionsSource } from './taint.js';

export interface CompiledRule {
  rule: SastRule;
  /** The rule alone, with its constraints: used to attribute a hit of the combined pass. */
  config: NapiConfig;
  /**
   * The rule, or a syntax error (an ERROR node, first: it binds nothing, so the constraints pass
   * it): a file that needs only this rule is matched and checked for syntax errors in one traversal.
   */
  orError: NapiConfig;
  /**
   * About what one matches() call costs, in microseconds: ast-grep compiles the rule each call,
   * and its regexes are most of that (measured on this catalogue: ~15 µs a pattern, a regex
   * some tens of µs and more the longer it is).
   */
  compileCost: number;
}

/**
 * The node kinds a rule can match at its root, or undefined when any: a `kind`, or the kind of a
 * pattern's root (found by matching the pattern against its own text, since a pattern matches
 * only nodes of its root's kind), narrowed by `all` and parts of one object, widened by `any`.
 * Worked out on first use and kept, so runs that never need it pay nothing.
 */
export function rootKinds(compiled: CompiledRule, language: SastLanguage): ReadonlySet<string> | undefined {
  const key = `${language}\0${compiled.rule.id}`;
  if (!rootKindCache.has(key)) rootKindCache.set(key, kindsOf(compiled.rule.rule, language));
  return rootKindCache.get(key);
}

const rootKindCache = new Map<string, ReadonlySet<string> | undefined>();

function kindsOf(rule: Rule, language: SastLanguage): Set<string> | undefined {
  const parts: (Set<string> | undefined)[] = [];
  if (typeof rule.kind === 'string') parts.push(new Set([rule.kind]));
  if (typeof rule.pattern === 'string') parts.push(patternKinds(rule.pattern, language));
  for (const item of rule.all ?? []) parts.push(kindsOf(item, language));
  if (rule.any) {
    const branches = rule.any.map((branch) => kindsOf(branch, language));
    parts.push(branches.some((b) => b === undefined) ? undefined : new Set(branches.flatMap((b) => [...b!])));
  }
  let kinds: Set<string> | undefined;
  for (const part of parts) {
    if (part) kinds = kinds ? new Set([...kinds].filter((k) => part.has(k))) : part;
  }
  return kinds;
}

function patternKinds(pattern: string, language: SastLanguage): Set<string> | undefined {
  // A lone metavariable matches a node of any kind.
  if (/^\s*\$+[A-Z_][A-Z0-9_]*\s*$/.test(pattern)) return undefined;
  // Python has no `$` in identifiers: ast-grep reads metavariables there with its expando character.
  const source = language === 'python' ? pattern.replaceAll('$', 'µ') : pattern;
  const kinds = new Set<string>();
  try {
    for (const node of astGrep().parse(napiLang(language), source).root().findAll({ rule: { pattern } })) kinds.add(String(node.kind()));
  } catch {
    return undefined;
  }
  return kinds.size > 0 ? kinds : undefined;
}

function compileCost(config: unknown): number {
  if (Array.isArray(config)) return config.reduce((sum: number, item) => sum + compileCost(item), 0);
  if (config === null || typeof config !== 'object') return 0;
  let cost = 0;
  for (const [key, value] of Object.entries(config)) {
    if (key === 'pattern' && typeof value === 'string') cost += 8;
    else if (key === 'regex' && typeof value === 'string') cost += 15 + value.length;
    else cost += compileCost(value);
  }
  return cost;
}

/** The branch that finds syntax errors in the same traversal as the rules. */
export const ERROR_BRANCH = { kind: 'ERROR' } as const;

/** The rules one file needs, in one matcher. */
export interface RuleSubset {
  /**
   * `any` of the rules without their constraints: one traversal finds every candidate node.
   * Constraints cannot ride along: ast-grep checks them after `any` has settled on its first
   * matching branch, so one rule's failed constraint would hide another rule's match. Its first
   * branch finds syntax errors, so the tree is not walked again for them.
   */
  combined: NapiConfig;
  rules: CompiledRule[];
}

/** Everything one language runs on a tree. */
export interface LanguageMatcher {
  language: SastLanguage;
  rules: CompiledRule[];
  /** The rules whose prefilter this text passes, or undefined when none does (no need to parse). */
  forText(text: string): RuleSubset | undefined;
}

export class RuleCompileError extends Error {
  override name = 'RuleCompileError';
}

// Distinct keyword subsets are few in practice; the cap only bounds a pathological tree.
const SUBSET_CACHE_LIMIT = 1024;

/**
 * Groups the rules by language and checks that each compiles for every language it names:
 * ast-grep rejects a `kind` the grammar lacks only when the rule is compiled, so a rule written
 * for JavaScript that names a TSX-only node would otherwise fail mid-scan. With `only`, just
 * those languages (the ones a scope has files in): compiling costs ~70 ms a grammar.
 */
export function compileCatalogue(
  rules: readonly SastRule[],
  only?: ReadonlySet<SastLanguage>,
  /** False in a scan worker: the thread that started it has already checked these rules compile. */
  check = true,
): Map<SastLanguage, LanguageMatcher> {
  const { parse } = astGrep();
  const grouped = new Map<SastLanguage, CompiledRule[]>();
  for (const rule of rules) {
    for (const language of rule.languages) {
      if (only && !only.has(language)) continue;
      const config: NapiConfig = withAsciiRegexes({ rule: rule.rule, ...(rule.constraints ? { constraints: rule.constraints } : {}) });
      if (check) {
        try {
          parse(napiLang(language), '').root().findAll(config);
        } catch (error) {
          const reason = (error as Error).message.replace(/\s*\n\s*\|->/g, ': ');
          throw new RuleCompileError(`SAST rule ${rule.id} does not compile for ${language}: ${reason}`);
        }
      }
      if (!grouped.has(language)) grouped.set(language, []);
      grouped.get(language)!.push({ rule, config, orError: { ...config, rule: { any: [ERROR_BRANCH, config.rule] } }, compileCost: compileCost(config) });
    }
  }
  const matchers = new Map<SastLanguage, LanguageMatcher>();
  const scanners = new Map<string, LiteralScanner>();
  for (const [language, compiled] of grouped) matchers.set(language, languageMatcher(language, compiled, scanners));
  return matchers;
}

/** `scanners`: one per distinct literal list, shared by the grammars of one rule set (JS, TS, TSX). */
function languageMatcher(language: SastLanguage, rules: CompiledRule[], scanners: Map<string, LiteralScanner>): LanguageMatcher {
  const cache = new Map<string, RuleSubset>();
  const python = language === 'python';
  // Every rule's prefilter (its keywords and the literals its patterns need) as clauses of
  // indices into one literal list, looked for in one pass over each file.
  const literals = new Map<string, number>();
  const clausesOf = rules.map(({ rule }) =>
    prefilterOf(rule).map((clause) =>
      clause.map((literal) => {
        if (!literals.has(literal)) literals.set(literal, literals.size);
        return literals.get(literal)!;
      }),
    ),
  );
  const list = [...literals.keys()];
  const key = list.join('\0');
  let scanner = scanners.get(key);
  if (!scanner) scanners.set(key, (scanner = new LiteralScanner(list)));
  return {
    language,
    rules,
    forText(text) {
      const found = scanner.scan(text);
      let request: boolean | undefined;
      let argv: boolean | undefined;
      const chosen: number[] = [];
      rules.forEach(({ rule }, index) => {
        if (!clausesOf[index].every((clause) => clause.some((literal) => found[literal] === 1))) return;
        if (rule.taint) {
          request ??= mentionsSource(text, python, 'request');
          argv ??= request || mentionsSource(text, python, 'request+argv');
          if (!(rule.taint.sources === 'request' ? request : argv)) return;
        }
        chosen.push(index);
      });
      if (chosen.length === 0) return undefined;
      const key = chosen.join(',');
      let subset = cache.get(key);
      if (!subset) {
        const picked = chosen.map((i) => rules[i]);
        subset = { combined: { rule: { any: [ERROR_BRANCH, ...picked.map((r) => r.config.rule)] } }, rules: picked };
        if (cache.size < SUBSET_CACHE_LIMIT) cache.set(key, subset);
      }
      return subset;
    },
  };
}
