import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/gates/secrets/engine.js';
import { catalogueFailures, exampleFailures } from '../../src/gates/secrets/examples.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { PROJECT_ROOT } from '../helpers/repo.js';
import { dataTest } from '../helpers/data-test.js';

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const ruleSchema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'secrets-rule.schema.json'), 'utf8'));
const validateRule = new Ajv2020({ allErrors: true, strict: true }).compile(ruleSchema);
const knownIds = new Set(builtinRules.map((r) => r.id));

describe('built-in secret rules', () => {
  it('covers at least 250 secret kinds', () => {
    expect(builtinRules.length).toBeGreaterThanOrEqual(250);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    const duplicates = builtinRules.map((r) => r.id).filter((id) => seen.has(id) || !seen.add(id));
    expect(duplicates).toEqual([]);
  });

  it('states the exact secret of every match example, and names only existing rules as co-firing', () => {
    const unstated = builtinRules.flatMap((r) => r.examples.match.flatMap((m, i) => (typeof m === 'string' ? [`${r.id}: examples.match[${i}]`] : [])));
    expect(unstated).toEqual([]);
    const named = builtinRules.flatMap((r) => [
      ...r.examples.match.flatMap((m) => (typeof m === 'string' ? [] : (m.alsoFiredBy ?? []))),
      ...r.examples.noMatch.flatMap((m) => (typeof m === 'string' ? [] : m.firedBy)),
    ]);
    expect(named.filter((id) => !knownIds.has(id))).toEqual([]);
  });

  it('holds a value shape only where every stated secret matches it, and a shape that compiles', () => {
    const bound = builtinRules.find((r) => r.valueShape !== undefined)!;
    const [first] = bound.examples.match;
    const narrowed = { ...bound, valueShape: '[%]{3}' };
    expect(exampleFailures(narrowed)).toContain(`${bound.id}: examples.match[0] states a secret that valueShape does not match`);
    expect(exampleFailures(bound)).toEqual([]);
    expect(typeof first === 'string' ? undefined : first.secret).toMatch(new RegExp(bound.valueShape!, bound.flags));
    expect(() => compileRule({ ...bound, valueShape: '[a-' }, 0)).toThrow(/valueShape does not compile/);
  });

  it('says where each format comes from (generic keyword rules name no format)', () => {
    const unstated = builtinRules.filter((r) => r.family !== 'generic' && r.formatSource === undefined).map((r) => r.id);
    expect(unstated).toEqual([]);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))(dataTest('%s matches the rule schema'), (_id, rule) => {
    const valid = validateRule(rule);
    expect(validateRule.errors ?? [], JSON.stringify(validateRule.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))(dataTest('%s captures exactly the stated secret of each example'), (_id, rule) => {
    expect(rule.examples.match.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.noMatch.length).toBeGreaterThanOrEqual(2);
    expect(exampleFailures(rule)).toEqual([]);
  });
});

describe('the whole secrets catalogue on every example, as users run it', () => {
  it('reports each match example by its own rule and a noMatch by no rule, but those the example names', () => {
    expect(catalogueFailures(builtinRules)).toEqual([]);
  });
});
