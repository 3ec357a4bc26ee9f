import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { exampleFailures } from '../../src/gates/secrets/examples.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { PROJECT_ROOT } from '../helpers/repo.js';

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const ruleSchema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'secrets-rule.schema.json'), 'utf8'));
const validateRule = new Ajv2020({ allErrors: true, strict: true }).compile(ruleSchema);

describe('built-in secret rules', () => {
  it('covers at least 250 secret kinds', () => {
    expect(builtinRules.length).toBeGreaterThanOrEqual(250);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    const duplicates = builtinRules.map((r) => r.id).filter((id) => seen.has(id) || !seen.add(id));
    expect(duplicates).toEqual([]);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s matches the rule schema', (_id, rule) => {
    const valid = validateRule(rule);
    expect(validateRule.errors ?? [], JSON.stringify(validateRule.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s proves itself on its examples', (_id, rule) => {
    expect(rule.examples.match.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.noMatch.length).toBeGreaterThanOrEqual(2);
    expect(exampleFailures(rule)).toEqual([]);
  });
});
