import type { NapiConfig } from '@ast-grep/napi';
import { astGrep, napiLang } from './languages.js';
import type { SastLanguage, SastRule } from './rule.js';

export interface CompiledRule {
  rule: SastRule;
  /** The rule alone, with its constraints: used to attribute a hit of the combined pass. */
  config: NapiConfig;
}

/** Everything one language runs on a tree: the rules in one combined matcher, and each alone. */
export interface LanguageMatcher {
  language: SastLanguage;
  /** `any` of every rule, constraints included (metavariables renamed apart): one traversal finds all hits. */
  combined: NapiConfig;
  rules: CompiledRule[];
}

export class RuleCompileError extends Error {
  override name = 'RuleCompileError';
}

/**
 * Groups the rules by parser and checks that each compiles for every parser it runs on: ast-grep
 * rejects a `kind` the grammar lacks only when the rule is compiled, so a rule written for
 * JavaScript that names a TypeScript-only node would otherwise fail mid-scan.
 */
export function compileCatalogue(rules: readonly SastRule[]): Map<SastLanguage, LanguageMatcher> {
  const { parse } = astGrep();
  const byLanguage = new Map<SastLanguage, LanguageMatcher>();
  for (const rule of rules) {
    for (const language of rule.languages) {
      const config: NapiConfig = { rule: rule.rule, ...(rule.constraints ? { constraints: rule.constraints } : {}) };
      try {
        parse(napiLang(language), '').root().findAll(config);
      } catch (error) {
        const reason = (error as Error).message.replace(/\s*\n\s*\|->/g, ': ');
        throw new RuleCompileError(`SAST rule ${rule.id} does not compile for ${language}: ${reason}`);
      }
      let matcher = byLanguage.get(language);
      if (!matcher) byLanguage.set(language, (matcher = { language, combined: { rule: { any: [] }, constraints: {} }, rules: [] }));
      const prefix = `R${matcher.rules.length}_`;
      matcher.rules.push({ rule, config });
      (matcher.combined.rule.any as unknown[]).push(renameMetavariables(rule.rule, prefix));
      for (const [name, constraint] of Object.entries(rule.constraints ?? {})) {
        matcher.combined.constraints![prefix + name] = renameMetavariables(constraint, prefix);
      }
    }
  }
  return byLanguage;
}

const METAVARIABLE = /\$(\$\$)?([A-Z][A-Z0-9_]*)/g;

/**
 * Rules share metavariable names ($URL, $CMD …) but each has its own constraints on them; in
 * one combined `any` the names must be told apart, so every rule's are prefixed. `$_…` names
 * are wildcards that never bind and stay as they are.
 */
export function renameMetavariables<T>(rule: T, prefix: string): T {
  if (Array.isArray(rule)) return rule.map((r) => renameMetavariables(r, prefix)) as T;
  if (rule === null || typeof rule !== 'object') return rule;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule)) {
    if ((key === 'pattern' || key === 'context') && typeof value === 'string') {
      out[key] = value.replace(METAVARIABLE, (_m, multi: string | undefined, name: string) => `$${multi ?? ''}${prefix}${name}`);
    } else {
      out[key] = renameMetavariables(value, prefix);
    }
  }
  return out as T;
}
