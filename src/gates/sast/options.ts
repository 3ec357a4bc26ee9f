import type { FailOn, Severity } from '../../core/types.js';
import { SAST_LANGUAGES, VULN_CLASSES, type SastLanguage, type SastRule } from './rule.js';

/** gates.sast in the config, defaults applied (schemas/gates/sast.schema.json). */
export interface SastOptions {
  failOn: FailOn;
  languages: SastLanguage[];
  rules: Record<string, { enabled?: boolean; severity?: Severity }>;
  disable: string[];
  severity: Record<string, Severity>;
  bandit: { enabled: boolean | 'auto' };
  semgrep: { config?: string | string[] };
}

export interface RuleSelection {
  rules: SastRule[];
  /** Effective severity per rule id, after config overrides. */
  severity: Map<string, Severity>;
}

/**
 * The rules this run uses: `disable` and `rules.<id>.enabled` take rules (or whole classes) out,
 * `severity` and `rules.<id>.severity` change what a finding weighs. An id that is neither a
 * rule nor a class is a configuration mistake, reported rather than ignored.
 */
export function selectRules(catalogue: readonly SastRule[], options: SastOptions): RuleSelection {
  const ids = new Set(catalogue.map((r) => r.id));
  // External engines' ids (bandit-B101, semgrep-…) are only known once they run.
  const known = (key: string): boolean =>
    ids.has(key) || (VULN_CLASSES as readonly string[]).includes(key) || /^(?:bandit|semgrep)-/.test(key);
  const unknown = [
    ...options.disable.filter((k) => !known(k)).map((k) => `disable: "${k}"`),
    ...Object.keys(options.severity).filter((k) => !known(k)).map((k) => `severity: "${k}"`),
    ...Object.keys(options.rules).filter((k) => !known(k)).map((k) => `rules: "${k}"`),
  ];
  if (unknown.length > 0) {
    throw new Error(
      `gates.sast names rules that do not exist (${unknown.join(', ')}); run \`wfo-gate rules --gate sast\` for the ids, or use a class such as "insecure-crypto"`,
    );
  }
  const languages = new Set(options.languages);
  const rules: SastRule[] = [];
  const severity = new Map<string, Severity>();
  for (const rule of catalogue) {
    const own = options.rules[rule.id] ?? {};
    const ofClass = options.rules[rule.class] ?? {};
    const disabled = options.disable.includes(rule.id) || options.disable.includes(rule.class);
    const enabled = own.enabled ?? ofClass.enabled ?? !disabled;
    const inLanguages = rule.languages.filter((l) => languages.has(l));
    if (!enabled || inLanguages.length === 0) continue;
    rules.push(inLanguages.length === rule.languages.length ? rule : { ...rule, languages: inLanguages });
    severity.set(rule.id, own.severity ?? options.severity[rule.id] ?? ofClass.severity ?? options.severity[rule.class] ?? rule.severity);
  }
  return { rules, severity };
}

export const ALL_LANGUAGES: readonly SastLanguage[] = SAST_LANGUAGES;
