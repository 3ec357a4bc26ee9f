import { describe, expect, it } from 'vitest';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { GRAMMAR_EXAMPLES, GRAMMAR_NON_EXAMPLES, PROVIDER_GRAMMAR_EXAMPLES, PROVIDER_GRAMMAR_NON_EXAMPLES } from '../../src/gates/secrets/rules/grammar-examples.js';
import type { SecretRule } from '../../src/gates/secrets/rule.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { anyCaseOf, assignedToName } from '../../src/gates/secrets/rules/providers/patterns.js';

const catalogue = new SecretEngine(builtinRules);
const probe: SecretRule = {
  id: 'acme-key',
  title: 'a made-up provider key bound by the grammar',
  severity: 'high',
  family: 'test',
  // Built as assignedRule builds most provider rules: a caseless name, no `i` flag.
  regex: assignedToName(anyCaseOf('acme'), '[a-z0-9]{32}'),
  keywords: ['acme'],
  examples: { match: [], noMatch: [] },
};
const provider = new SecretEngine([probe]);

describe('the assignment grammar', () => {
  it.each(GRAMMAR_EXAMPLES.map((e) => [e.shape, e] as const))('the catalogue reads %s', (_shape, example) => {
    expect(catalogue.scan(example.text, example.path).map((m) => m.secret)).toEqual([example.secret]);
  });

  it.each(PROVIDER_GRAMMAR_EXAMPLES.map((e) => [e.shape, e] as const))('a provider rule reads %s', (_shape, example) => {
    expect(provider.scan(example.text, example.path).map((m) => m.secret)).toEqual([example.secret]);
  });

  it.each(PROVIDER_GRAMMAR_NON_EXAMPLES.map((e) => [e.shape, e] as const))('a provider rule does not read %s', (_shape, example) => {
    expect(provider.scan(example.text, example.path).map((m) => m.secret)).toEqual([]);
  });

  it.each(GRAMMAR_NON_EXAMPLES.map((e) => [e.shape, e] as const))('no rule reads %s', (_shape, example) => {
    expect(catalogue.scan(example.text, example.path).map((m) => m.rule.id)).toEqual([]);
  });
});
