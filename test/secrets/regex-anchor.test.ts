import { describe, expect, it } from 'vitest';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { regexAnchor } from '../../src/gates/secrets/regex-anchor.js';
import type { SecretRule } from '../../src/gates/secrets/rule.js';

describe('regexAnchor', () => {
  it('lists the beginnings a match can have, each ending with a keyword', () => {
    const anchor = regexAnchor('(?<![\\w])(?:ghp|GHO)_[A-Z]{4}', ['ghp_', 'gho_']);
    expect(Object.fromEntries(anchor!.beginnings)).toEqual({ ghp_: ['ghp_'], gho_: ['gho_'] });
    expect(Object.fromEntries(regexAnchor('api[_.-]?key', ['key'])!.beginnings)).toEqual({ key: ['apikey', 'api_key', 'api.key', 'api-key'] });
  });

  it('gives up when a match need not begin with a keyword', () => {
    expect(regexAnchor('[\\w]{3}key', ['key'])).toBeUndefined();
    expect(regexAnchor('(?:key|other)=', ['key'])).toBeUndefined();
    expect(regexAnchor('(a)\\1key', ['key'])).toBeUndefined();
  });
});

describe('anchored search', () => {
  it('finds exactly what a global search of the whole text finds', () => {
    const rule: SecretRule = {
      id: 'assign',
      title: 'assign',
      severity: 'high',
      family: 'test',
      regex: '(?<![a-z])(?:api[_.-]?key|token)[ \\t]{0,4}=[ \\t]{0,4}"(?<secret>[A-Za-z0-9]{12,40})"',
      flags: 'i',
      keywords: ['key', 'token'],
      examples: { match: [], noMatch: [] },
    };
    const values = ['Ab3dEf6hIj9kLm2n', 'Zx8cVb7nMq6wEr5t', 'Pq1wNrTh2uGoP3as'];
    const text = [
      `const apiKey = "${values[0]}"; keyof token; TOKEN="${values[1]}"`,
      'x'.repeat(70_000),
      `mytoken = "${values[2]}" api_key=  "short"  API-KEY="${values[2]}"`,
    ].join('\n');
    const expected = [...text.matchAll(new RegExp(rule.regex, 'gdi'))].map((m) => m.indices!.groups!.secret![0]);
    const found = new SecretEngine([rule]).scan(text);
    expect(new SecretEngine([rule]).rules[0].anchor).toBeDefined();
    expect(found.map((f) => f.start)).toEqual(expected);
    expect(found.map((f) => f.secret)).toEqual([values[0], values[1], values[2]]);
    expect(new SecretEngine([rule]).scanLatin1(Buffer.from(text, 'latin1')).map((f) => f.start)).toEqual(expected);
  });
});
