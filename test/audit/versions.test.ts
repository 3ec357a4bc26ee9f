import { describe, expect, it } from 'vitest';
import { cvss3BaseScore, severityFromScore } from '../../src/gates/audit/osv/cvss.js';
import { parseNpmVersion } from '../../src/gates/audit/versions/npm-version.js';
import { comparePep440, parsePep440 } from '../../src/gates/audit/versions/pep440.js';
import { normalizePackageName } from '../../src/gates/audit/versions/index.js';

function pep(text: string) {
  const v = parsePep440(text);
  if (!v) throw new Error(`unparsable ${text}`);
  return v;
}

describe('PEP 440', () => {
  // The ordering example of PEP 440's "Summary of permitted suffixes and relative ordering".
  const ordered = ['1.0.dev456', '1.0a1', '1.0a2.dev456', '1.0a12.dev456', '1.0a12', '1.0b1.dev456', '1.0b2', '1.0b2.post345.dev456', '1.0b2.post345', '1.0rc1.dev456', '1.0rc1', '1.0', '1.0+abc.5', '1.0+abc.7', '1.0+5', '1.0.post456.dev34', '1.0.post456', '1.0.15', '1.1.dev1'];

  it('orders the PEP\'s own example list', () => {
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => comparePep440(pep(a), pep(b)))).toEqual(ordered);
  });

  it('treats trailing zeros, spellings and separators as equal', () => {
    expect(comparePep440(pep('3.2'), pep('3.2.0'))).toBe(0);
    expect(comparePep440(pep('1.0-alpha1'), pep('1.0a1'))).toBe(0);
    expect(comparePep440(pep('1.0.RC.1'), pep('1.0rc1'))).toBe(0);
    expect(comparePep440(pep('1.0-1'), pep('1.0.post1'))).toBe(0);
    expect(comparePep440(pep('v2.31.0'), pep('2.31.0'))).toBe(0);
    expect(comparePep440(pep('1.0c1'), pep('1.0rc1'))).toBe(0);
  });

  it('orders epochs above everything and compares releases numerically', () => {
    expect(comparePep440(pep('1!0.1'), pep('2024.1'))).toBeGreaterThan(0);
    expect(comparePep440(pep('3.2.14'), pep('3.2.9'))).toBeGreaterThan(0);
    expect(comparePep440(pep('4.0'), pep('3.2.14'))).toBeGreaterThan(0);
  });

  it('rejects what pip rejects', () => {
    expect(parsePep440('not-a-version')).toBeUndefined();
    expect(parsePep440('1.0..1')).toBeUndefined();
  });
});

describe('npm versions', () => {
  it('reads two-part versions as real records spell them', () => {
    expect(parseNpmVersion('1.0')?.version).toBe('1.0.0');
    expect(parseNpmVersion('2')?.version).toBe('2.0.0');
  });
  it('keeps pre-release tags so they order before the release', () => {
    const beta = parseNpmVersion('5.0.0-beta.1')!;
    expect(beta.compare(parseNpmVersion('5.0.0-beta.3')!)).toBeLessThan(0);
    expect(beta.compare(parseNpmVersion('5.0.0-alpha.1')!)).toBeGreaterThan(0);
    expect(beta.compare(parseNpmVersion('5.0.0')!)).toBeLessThan(0);
  });
  it('returns undefined for non-versions', () => {
    expect(parseNpmVersion('github:user/repo')).toBeUndefined();
  });
});

describe('package names', () => {
  it('compares npm names case-insensitively and PyPI names per PEP 503', () => {
    expect(normalizePackageName('npm', 'Axios')).toBe('axios');
    expect(normalizePackageName('PyPI', 'Zope.Interface__x')).toBe('zope-interface-x');
  });
});

describe('CVSS v3', () => {
  it('computes base scores of real vectors', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvss3BaseScore('CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H')).toBe(8.8);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toBe(6.1);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L')).toBe(5.3);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toBe(0);
  });
  it('refuses other versions and broken vectors', () => {
    expect(cvss3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
  });
  it('maps scores to CVSS ratings', () => {
    expect([9.8, 7.0, 6.9, 4.0, 0.1, 0].map(severityFromScore)).toEqual(['critical', 'high', 'medium', 'medium', 'low', 'info']);
  });
});
