import { describe, expect, it } from 'vitest';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { CLASS_BASE, regexAnchor } from '../../src/gates/secrets/regex-anchor.js';
import type { SecretRule } from '../../src/gates/secrets/rule.js';

describe('regexAnchor', () => {
  it('lists the beginnings a match can have, each ending with a keyword', () => {
    const anchor = regexAnchor('(?<![\\w])(?:ghp|GHO)_[A-Z]{4}', ['ghp_', 'gho_']);
    expect(Object.fromEntries(anchor!.beginnings)).toEqual({ ghp_: ['ghp_'], gho_: ['gho_'] });
    expect(Object.fromEntries(regexAnchor('api[_.-]?key', ['key'])!.beginnings)).toEqual({ key: ['apikey', 'api_key', 'api.key', 'api-key'] });
  });

  it('stands a class too wide to list for one position of a beginning', () => {
    const anchor = regexAnchor('(?<=[ \\t])--(?:[a-z]{1,2}-)?token=\\w{3}', ['token'])!;
    expect(anchor.classes).toEqual(['abcdefghijklmnopqrstuvwxyz']);
    const az = String.fromCharCode(CLASS_BASE);
    expect(anchor.beginnings.get('token')).toEqual(['--token', `--${az}-token`, `--${az}${az}-token`]);
    expect(regexAnchor('[\\w]{3}key', ['key'])!.classes).toEqual(['0123456789_abcdefghijklmnopqrstuvwxyz']);
  });

  it('gives up when a match need not begin with a keyword', () => {
    expect(regexAnchor('[^"]{3}key', ['key'])).toBeUndefined();
    expect(regexAnchor('.key', ['key'])).toBeUndefined();
    expect(regexAnchor('[\\w\\s]key', ['key'])).toBeUndefined();
    expect(regexAnchor('[\\w-]{0,60}key', ['key'])).toBeUndefined(); // too many beginnings to check
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

  it('finds exactly what a global search finds when beginnings hold class positions', () => {
    const rule: SecretRule = {
      id: 'flag',
      title: 'flag',
      severity: 'high',
      family: 'test',
      regex: '(?<=[ \\t"\'])--(?:[a-z]{1,8}-)?(?:token|secret)(?:=|[ \\t]{1,4})(?<secret>[A-Za-z0-9]{10,40})',
      flags: 'i',
      keywords: ['token', 'secret'],
      examples: { match: [], noMatch: [] },
    };
    const values = ['Qw3eRt5yUi7o', 'Zx8cVb7nMq6wEr5t', 'Lk2jHg4fDs6a'];
    const text = [
      `deploy --token=${values[0]} i--; --x-token ${values[1]} x--token=Aa1Bb2Cc3Dd4`,
      '-'.repeat(5000),
      `run "--Deploy-Secret=${values[2]}" --waytoolongprefix-token=${values[0]} 'token --secret ${values[1]}`,
    ].join('\n');
    const expected = [...text.matchAll(new RegExp(rule.regex, 'gdi'))].map((m) => m.indices!.groups!.secret![0]);
    expect(expected).toHaveLength(4);
    const engine = new SecretEngine([rule]);
    expect(engine.rules[0].anchor?.classes).toHaveLength(1);
    expect(engine.scan(text).map((f) => f.start)).toEqual(expected);
    expect(new SecretEngine([rule]).scanLatin1(Buffer.from(text, 'latin1')).map((f) => f.start)).toEqual(expected);
  });
});
