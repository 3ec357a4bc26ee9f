import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { RuleCompileError, compileCatalogue } from '../../src/gates/sast/catalogue.js';
import { scanSource } from '../../src/gates/sast/engine.js';
import { VULN_CLASSES, exampleCode, exampleLines, type SastRule } from '../../src/gates/sast/rule.js';
import { ALL_RULES } from '../../src/gates/sast/rules/index.js';
import { mentionsSource } from '../../src/gates/sast/taint.js';
import { dataTest } from '../helpers/data-test.js';
import { PROJECT_ROOT } from '../helpers/repo.js';

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;

/** Runs one rule, alone, on a snippet in one language: `rule-id@line` of each hit. */
function hitsOn(rule: SastRule, language: SastRule['languages'][number], source: string): string[] {
  const matcher = compileCatalogue([{ ...rule, languages: [language] }]).get(language)!;
  return scanSource(matcher, source).hits.map((h) => `${h.rule.id}@${h.line}`);
}

const ids = new Set(ALL_RULES.map((r) => r.id));
const atLines = (id: string, lines: number[]) => lines.map((line) => `${id}@${line}`);
const distinct = (list: string[]) => [...new Set(list)].sort();

describe('SAST rule catalogue', () => {
  it('has at least 60 rules with unique ids, and covers every class of the issue in JS/TS and Python where it exists', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    const covered = (cls: string, lang: string) => ALL_RULES.some((r) => r.class === cls && r.languages.includes(lang as never));
    for (const cls of VULN_CLASSES.filter((c) => c !== 'other')) {
      expect(covered(cls, 'javascript') || covered(cls, 'python'), cls).toBe(true);
    }
    // Classes that exist in both ecosystems have rules in both.
    for (const cls of ['command-injection', 'code-injection', 'sql-injection', 'xss', 'path-traversal', 'ssrf', 'open-redirect', 'deserialization', 'insecure-crypto', 'tls-verification-disabled', 'auth-session', 'regex-dos', 'misconfiguration', 'xxe', 'hardcoded-secret', 'insecure-transport', 'csrf', 'nosql-injection']) {
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

  it('states the lines of every multi-line match example, and names only existing rules as co-firing', () => {
    const unstated = ALL_RULES.flatMap((r) => r.examples.match.flatMap((m, i) => (typeof m === 'string' && m.includes('\n') ? [`${r.id}: examples.match[${i}]`] : [])));
    expect(unstated).toEqual([]);
    const named = ALL_RULES.flatMap((r) => [
      ...r.examples.match.flatMap((m) => (typeof m === 'string' ? [] : (m.alsoFiredBy ?? []))),
      ...r.examples.noMatch.flatMap((m) => (typeof m === 'string' ? [] : m.firedBy)),
    ]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it.each(rule.languages)(dataTest('examples hold in %s, on the stated lines'), (language) => {
      for (const example of rule.examples.match) {
        const code = exampleCode(example);
        expect(distinct(hitsOn(rule, language, code)), `should match on lines ${exampleLines(example).join(',')}: ${code}`).toEqual(atLines(rule.id, exampleLines(example)));
      }
      for (const example of rule.examples.noMatch) expect(hitsOn(rule, language, exampleCode(example)), `should not match: ${exampleCode(example)}`).toEqual([]);
    });

    // The engine's prefilter also needs the literals the rule's patterns spell (so it may turn
    // such an example away unparsed); a near miss is judged by the rule's keywords and sources.
    it(dataTest('has a near miss: a noMatch example that passes the keyword prefilter, so the rule itself says no'), () => {
      const python = rule.languages[0] === 'python';
      const nearMiss = (code: string): boolean =>
        rule.keywords.some((keyword) => code.includes(keyword)) && (!rule.taint || mentionsSource(code, python, rule.taint.sources));
      expect(rule.examples.noMatch.some((example) => nearMiss(exampleCode(example)))).toBe(true);
    });
  });

  it('the whole catalogue, as users run it, reports each match on its lines by its own rule and others only where stated', () => {
    const matchers = compileCatalogue(ALL_RULES);
    const failures: string[] = [];
    for (const rule of ALL_RULES) {
      for (const language of rule.languages) {
        const matcher = matchers.get(language)!;
        const langRules = new Set(ALL_RULES.filter((r) => r.languages.includes(language)).map((r) => r.id));
        const fired = (code: string) => scanSource(matcher, code).hits.map((h) => ({ id: h.rule.id, at: `${h.rule.id}@${h.line}` }));
        rule.examples.match.forEach((example, i) => {
          const hits = fired(exampleCode(example));
          const own = distinct(hits.filter((h) => h.id === rule.id).map((h) => h.at));
          const others = distinct(hits.filter((h) => h.id !== rule.id).map((h) => h.id));
          const stated = distinct((typeof example === 'string' ? [] : (example.alsoFiredBy ?? [])).filter((id) => langRules.has(id)));
          if (own.join() !== atLines(rule.id, exampleLines(example)).join() || others.join() !== stated.join()) {
            failures.push(`${rule.id} in ${language}: match[${i}] gave [${own.join(', ')}] and others [${others.join(', ')}], expected lines ${exampleLines(example).join(',')} and others [${stated.join(', ')}]`);
          }
        });
        rule.examples.noMatch.forEach((example, i) => {
          const others = distinct(fired(exampleCode(example)).map((h) => h.id));
          const stated = distinct((typeof example === 'string' ? [] : example.firedBy).filter((id) => langRules.has(id)));
          if (others.join() !== stated.join()) failures.push(`${rule.id} in ${language}: noMatch[${i}] is reported by [${others.join(', ')}], expected [${stated.join(', ')}]`);
        });
      }
    }
    expect(failures).toEqual([]);
  });
});
