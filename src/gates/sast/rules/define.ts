import type { Rule } from '@ast-grep/napi';
import { cweClass } from '../external-classes.js';
import type { SastRule } from '../rule.js';

/**
 * A rule whose class is the CWE family of its first CWE, so the two can never disagree.
 * Still data: the result is a plain SastRule, checked by the schema like any other.
 */
export function defineRule(rule: Omit<SastRule, 'class'>): SastRule {
  return { ...rule, class: cweClass(rule.cwe.slice(0, 1)) } as SastRule;
}

/** A one-CWE rule written compactly: `taintOn` names the metavariable that must carry request data. */
export interface RuleSpec {
  id: string;
  cwe: string;
  severity: SastRule['severity'];
  keywords: string[];
  title: string;
  message: string;
  fix: string;
  rule: Rule;
  constraints?: SastRule['constraints'];
  taintOn?: string;
  flow?: SastRule['flow'];
  examples: SastRule['examples'];
}

/** Rules for one language family from compact specs. */
export function ruleMaker(languages: SastRule['languages']): (spec: RuleSpec) => SastRule {
  return ({ cwe, taintOn, ...rest }) => defineRule({ ...rest, languages, cwe: [cwe], ...(taintOn ? { taint: { metavariable: taintOn, sources: 'request' as const } } : {}) });
}
