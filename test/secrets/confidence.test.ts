import { describe, expect, it } from 'vitest';
import { boundNameWords, findingConfidence, ruleConfidence } from '../../src/gates/secrets/confidence.js';
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

describe('confidence from the name a value is bound to', () => {
  it('reads the words of the bound name', () => {
    expect(boundNameWords('const myFake_API-key = "')).toEqual(['my', 'fake', 'api', 'key']);
    expect(boundNameWords('headers.set("Authorization", "Bearer ')).toEqual(['authorization']);
    expect(boundNameWords('DUMMY_TOKEN=')).toEqual(['dummy', 'token']);
  });

  it('is low when the name says fake, dummy, example, sample or mock, whatever the rule', () => {
    expect(findingConfidence('medium', 'src/app.ts', 'const fakeApiKey = "')).toBe('low');
    expect(findingConfidence('high', 'config/app.env', 'DUMMY_STRIPE_KEY=')).toBe('low');
    expect(findingConfidence('medium', 'settings.py', 'api_key_sample = "')).toBe('low');
    expect(confidences('mock_api_key = "a8f3Kq92LmZx7Vb4Nw1T"', 'src/app.py')).toEqual([['generic-secret', 'low']]);
  });

  it('is low for a keyword match whose name says test, not for a provider format', () => {
    expect(findingConfidence('medium', 'src/app.ts', 'const testToken = "')).toBe('low');
    expect(findingConfidence('high', 'src/app.ts', 'TEST_STRIPE_KEY = "')).toBe('high');
  });

  it('keeps names that only contain those letters', () => {
    expect(findingConfidence('medium', 'src/app.ts', 'const latestToken = "')).toBe('medium');
    expect(findingConfidence('medium', 'src/app.ts', 'contestSecret: "')).toBe('medium');
    expect(findingConfidence('high', 'src/app.ts', 'const exampleless = 1; key = "')).toBe('high');
  });
});
