import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-info.js';
import { regexAnchor } from './regex-anchor.js';
import { regexReach } from './regex-reach.js';
import type { SecretRule } from './rule.js';

// What the engine works out from a rule's regex before running it: how far a match reaches
// (its search windows) and, for an anchored rule, the beginnings a match can have. For the
// ~700 built-in rules that is ~0.14 s of CPU per thread, which every whole-tree run paid again;
// so the build works it out once (scripts/build.mjs writes dist/gates/secrets/rule-analysis.json,
// ~90 KB, parsed in under a millisecond) and the engine takes a rule's entry from there when
// the rule is exactly the one analysed (same id, regex and keywords), else works it out.

/** A rule's analysis, as JSON. */
export interface RuleAnalysis {
  /** regexReach(rule.regex). */
  reach: number | null;
  /** regexAnchor(rule.regex, keywords): beginnings as [keyword, beginnings] entries. */
  anchor: { beginnings: [string, string[]][]; classes: string[]; behind: number | null } | null;
}

export const ANALYSIS_FILE = join('dist', 'gates', 'secrets', 'rule-analysis.json');

/** What a rule's analysis depends on: its entry is used only for a rule with the same inputs. */
export function analysisKey(rule: SecretRule): string {
  // FNV-1a over the inputs: the file holds a short hash, not ~700 regex sources.
  const text = `${rule.regex}\u0000${rule.keywords.map((k) => k.toLowerCase()).join('\u0000')}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${rule.id}:${text.length}:${(hash >>> 0).toString(36)}`;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
const infinite = (n: number | null): number => n ?? Infinity;

export function analyseRule(rule: SecretRule): RuleAnalysis {
  const found = regexAnchor(rule.regex, rule.keywords.map((k) => k.toLowerCase()));
  return {
    reach: finite(regexReach(rule.regex)),
    anchor: found ? { beginnings: [...found.beginnings], classes: found.classes, behind: finite(found.behind) } : null,
  };
}

/** The build's table: analysis key → analysis. */
export function analysisTable(rules: readonly SecretRule[]): Record<string, RuleAnalysis> {
  return Object.fromEntries(rules.map((rule) => [analysisKey(rule), analyseRule(rule)]));
}

let table: Map<string, RuleAnalysis> | null | undefined;

/** The built table, read on first use (undefined when there is none, e.g. running from source). */
function builtTable(): Map<string, RuleAnalysis> | null {
  if (table !== undefined) return table;
  table = null;
  try {
    const path = join(packageRoot(), ANALYSIS_FILE);
    if (existsSync(path)) table = new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, RuleAnalysis>));
  } catch {
    table = null; // unreadable or not JSON: work every rule out instead
  }
  return table;
}

/** A rule's analysis: the build's when it is for this very rule, else worked out now. */
export function ruleAnalysis(rule: SecretRule): { reach: number; anchor?: { beginnings: Map<string, string[]>; classes: string[]; behind: number } } {
  const analysis = builtTable()?.get(analysisKey(rule)) ?? analyseRule(rule);
  const { reach, anchor } = analysis;
  return {
    reach: infinite(reach),
    ...(anchor ? { anchor: { beginnings: new Map(anchor.beginnings), classes: anchor.classes, behind: infinite(anchor.behind) } } : {}),
  };
}
