import { cweClass } from '../external-classes.js';
import type { SastRule } from '../rule.js';

/**
 * A rule whose class is the CWE family of its first CWE, so the two can never disagree.
 * Still data: the result is a plain SastRule, checked by the schema like any other.
 */
export function defineRule(rule: Omit<SastRule, 'class'>): SastRule {
  return { ...rule, class: cweClass(rule.cwe.slice(0, 1)) } as SastRule;
}
