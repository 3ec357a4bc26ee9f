import { describe, expect, it } from 'vitest';
import { findingConfidence, ruleConfidence } from '../../src/gates/secrets/confidence.js';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { hitsIn } from '../../src/gates/secrets/hits.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { meetsThreshold } from '../../src/core/severity.js';

const engine = new SecretEngine(builtinRules);
const rule = (id: string) => builtinRules.find((r) => r.id === id)!;
const confidences = (text: string, path: string) => hitsIn(engine, text, path).map((h) => [engine.rules[h.ruleIndex].rule.id, h.confidence]);

describe('secret confidence', () => {
  it('starts high for a fixed-prefix format and medium for keyword context and generic rules', () => {
    expect(ruleConfidence(rule('stripe-live-secret-key'))).toBe('high');
    expect(ruleConfidence(rule('generic-secret'))).toBe('medium');
    expect(ruleConfidence(rule('jwt'))).toBe('medium');
    const keywordContext = builtinRules.find((r) => r.family !== 'generic' && ruleConfidence(r) === 'medium' && r.confidence === undefined);
    expect(keywordContext).toBeDefined();
  });

  it('is low in example and documentation context, whatever the rule', () => {
    expect(findingConfidence('high', 'node_modules/aws-sdk/apis/kms-2014-11-01.examples.json', '"Plaintext": "')).toBe('low');
    expect(findingConfidence('high', 'docs/setup.md', 'TOKEN=')).toBe('low');
    expect(findingConfidence('medium', 'openapi.yaml', '          example: ')).toBe('low');
    expect(findingConfidence('high', 'src/app.ts', 'const key = "')).toBe('high');
    expect(findingConfidence('medium', 'node_modules/@octokit/openapi/generated/api.github.com.json', '"url": "https://x/?token=')).toBe('low');
  });

  it('lowers a keyword match in a test file, not a provider format', () => {
    expect(findingConfidence('medium', 'url/test.js', "'http://user:")).toBe('low');
    expect(findingConfidence('high', 'src/__tests__/client.test.ts', 'key: "')).toBe('high');
  });

  it('is carried by every hit', () => {
    expect(confidences('api_key = "a8f3Kq92LmZx7Vb4Nw1T"', 'src/app.py')).toEqual([['generic-secret', 'medium']]);
    expect(confidences('api_key = "a8f3Kq92LmZx7Vb4Nw1T"', 'docs/app.examples.json')).toEqual([['generic-secret', 'low']]);
  });

  it('blocks below the minimum confidence only when the threshold names one', () => {
    expect(meetsThreshold('high', { severity: 'low', confidence: 'medium' }, 'low')).toBe(false);
    expect(meetsThreshold('high', { severity: 'low', confidence: 'medium' }, 'medium')).toBe(true);
    expect(meetsThreshold('high', 'low', 'low')).toBe(true);
    expect(meetsThreshold('low', { severity: 'high', confidence: 'low' }, 'high')).toBe(false);
    expect(meetsThreshold('high', { confidence: 'high' }, undefined)).toBe(true);
  });
});
