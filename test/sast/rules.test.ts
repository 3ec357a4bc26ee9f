import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { RuleCompileError, compileCatalogue } from '../../src/gates/sast/catalogue.js';
import { scanSource } from '../../src/gates/sast/engine.js';
import { VULN_CLASSES, type SastRule } from '../../src/gates/sast/rule.js';
import { ALL_RULES } from '../../src/gates/sast/rules/index.js';
import { PROJECT_ROOT } from '../helpers/repo.js';

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;

/** Runs one rule, alone, on a snippet in one language: the rule ids it reports. */
function ruleIdsOn(rule: SastRule, language: SastRule['languages'][number], source: string): string[] {
  const matcher = compileCatalogue([{ ...rule, languages: [language] }]).get(language)!;
  return scanSource(matcher, source).hits.map((h) => h.rule.id);
}

describe('SAST rule catalogue', () => {
  it('has at least 60 rules with unique ids, and covers every class of the issue in JS/TS and Python where it exists', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    const covered = (cls: string, lang: string) => ALL_RULES.some((r) => r.class === cls && r.languages.includes(lang as never));
    for (const cls of VULN_CLASSES.filter((c) => c !== 'other')) {
      expect(covered(cls, 'javascript') || covered(cls, 'python'), cls).toBe(true);
    }
    // Classes that exist in both ecosystems have rules in both.
    for (const cls of ['command-injection', 'code-injection', 'sql-injection', 'xss', 'path-traversal', 'ssrf', 'open-redirect', 'insecure-deserialization', 'weak-crypto', 'tls-verification', 'jwt', 'redos', 'cors', 'xxe']) {
      expect(covered(cls, 'javascript'), `${cls} in JS`).toBe(true);
      expect(covered(cls, 'python'), `${cls} in Python`).toBe(true);
    }
  });

  it('every rule matches schemas/sast-rule.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'sast-rule.schema.json'), 'utf8')));
    const invalid: string[] = [];
    for (const rule of ALL_RULES) if (!validate(structuredClone(rule) as unknown)) invalid.push(`${rule.id}: ${ajv.errorsText(validate.errors)}`);
    expect(invalid).toEqual([]);
  });

  it('compiles every rule for every language it names (the catalogue load validates kinds per grammar)', () => {
    const matchers = compileCatalogue(ALL_RULES);
    expect([...matchers.keys()].sort()).toEqual(['javascript', 'python', 'tsx', 'typescript']);
  });

  it('rejects a rule whose kind the grammar lacks, naming the rule and the language', () => {
    const jsxOnly: SastRule = { ...ALL_RULES[0], id: 'js-jsx-only', languages: ['typescript'], rule: { kind: 'jsx_attribute' }, constraints: undefined };
    expect(() => compileCatalogue([jsxOnly])).toThrow(RuleCompileError);
    expect(() => compileCatalogue([jsxOnly])).toThrow(/js-jsx-only does not compile for typescript/);
  });

  describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it.each(rule.languages)('examples hold in %s', (language) => {
      for (const source of rule.examples.match) expect(ruleIdsOn(rule, language, source), `should match: ${source}`).toContain(rule.id);
      for (const source of rule.examples.noMatch) expect(ruleIdsOn(rule, language, source), `should not match: ${source}`).not.toContain(rule.id);
    });

    it('has a near miss: a noMatch example that passes the keyword prefilter, so the pattern itself says no', () => {
      const matcher = compileCatalogue([rule]).get(rule.languages[0])!;
      expect(rule.examples.noMatch.some((source) => matcher.forText(source) !== undefined)).toBe(true);
    });
  });

  it("the combined matcher finds every rule's examples when all rules of a language run together", () => {
    const matchers = compileCatalogue(ALL_RULES);
    for (const rule of ALL_RULES) {
      for (const language of rule.languages) {
        for (const source of rule.examples.match) {
          const ids = scanSource(matchers.get(language)!, source).hits.map((h) => h.rule.id);
          expect(ids, `${rule.id} in ${language}: ${source}`).toContain(rule.id);
        }
      }
    }
  });
});
