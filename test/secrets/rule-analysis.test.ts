import { describe, expect, it } from 'vitest';
import { regexAnchor } from '../../src/gates/secrets/regex-anchor.js';
import { regexReach } from '../../src/gates/secrets/regex-reach.js';
import { analyseRule, analysisKey, analysisTable, ruleAnalysis } from '../../src/gates/secrets/rule-analysis.js';
import type { SecretRule } from '../../src/gates/secrets/rule.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';

const made: SecretRule = {
  id: 'made-up-token',
  title: 'made-up token',
  severity: 'high',
  family: 'test',
  regex: 'mupt_(?<secret>[a-z0-9]{24})',
  keywords: ['mupt_'],
  examples: { match: [], noMatch: [] },
};

/** What the engine worked out before the build's table existed. */
function direct(rule: SecretRule) {
  const found = regexAnchor(rule.regex, rule.keywords.map((k) => k.toLowerCase()));
  return { reach: regexReach(rule.regex), ...(found ? { anchor: { beginnings: found.beginnings, classes: found.classes, behind: found.behind } } : {}) };
}

describe('rule analysis', () => {
  it('gives every built-in rule what working it out directly gives, from the built table or not', () => {
    for (const rule of builtinRules) expect(ruleAnalysis(rule), rule.id).toEqual(direct(rule));
  });

  it('survives JSON: unbounded reach and look-behind come back as Infinity', () => {
    const unbounded: SecretRule = { ...made, id: 'made-up-unbounded', regex: '(?<=x.*)mupt_(?<secret>[a-z0-9]+)' };
    const table = JSON.parse(JSON.stringify(analysisTable([made, unbounded])));
    expect(Object.keys(table)).toEqual([analysisKey(made), analysisKey(unbounded)]);
    expect(table[analysisKey(made)]).toEqual(analyseRule(made));
    expect(table[analysisKey(unbounded)].reach).toBeNull();
    expect(ruleAnalysis(unbounded).reach).toBe(Infinity);
  });

  it('keys an entry by the rule id, regex and keywords, so an edited rule is worked out again', () => {
    const key = analysisKey(made);
    expect(analysisKey({ ...made })).toBe(key);
    expect(analysisKey({ ...made, regex: made.regex.replace('24', '32') })).not.toBe(key);
    expect(analysisKey({ ...made, keywords: ['mupt'] })).not.toBe(key);
    expect(analysisKey({ ...made, id: 'other-made-up-token' })).not.toBe(key);
    expect(analysisKey({ ...made, keywords: ['MUPT_'] })).toBe(key); // keywords are caseless
  });
});
