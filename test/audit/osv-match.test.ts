import { describe, expect, it } from 'vitest';
import { OsvIndex } from '../../src/gates/audit/osv/database.js';
import { matchOsv } from '../../src/gates/audit/osv/match.js';
import { recordSeverity } from '../../src/gates/audit/osv/record.js';
import type { LockedPackage } from '../../src/gates/audit/types.js';
import { ALL_RECORDS, NPM_RECORDS } from './helpers/osv-facts.js';

const index = new OsvIndex();
for (const r of ALL_RECORDS) index.add(r);

function hits(ecosystem: 'npm' | 'PyPI', name: string, version: string) {
  const pkg: LockedPackage = { ecosystem, name, version, dev: false, path: [name] };
  return matchOsv(index, [pkg]).map((m) => ({ id: m.vuln.id, fixed: m.vuln.fixed, lastAffected: m.vuln.lastAffected, severity: m.vuln.severity }));
}

describe('OSV range semantics', () => {
  it('introduced "0" covers everything below the fix, and nothing from the fix on', () => {
    expect(hits('npm', 'lodash', '4.17.19').map((h) => h.id).sort()).toEqual(['GHSA-29mw-wpgm-hmr9', 'GHSA-p6mc-m468-83gw']);
    expect(hits('npm', 'lodash', '4.17.20').map((h) => h.id)).toEqual(['GHSA-29mw-wpgm-hmr9']);
    expect(hits('npm', 'lodash', '4.17.21')).toEqual([]);
  });

  it('last_affected includes its own version and nothing above it', () => {
    expect(hits('npm', 'lodash.trim', '4.5.1')).toEqual([{ id: 'GHSA-29mw-wpgm-hmr9', fixed: undefined, lastAffected: '4.5.1', severity: 'medium' }]);
    expect(hits('npm', 'lodash.trimend', '4.5.2')).toEqual([]);
  });

  it('picks the fix of the release line the version is on (multiple ranges)', () => {
    expect(hits('npm', 'minimist', '1.2.5')).toEqual([{ id: 'GHSA-xvch-5gv4-984h', fixed: '1.2.6', lastAffected: undefined, severity: 'critical' }]);
    expect(hits('npm', 'minimist', '0.2.0').map((h) => [h.id, h.fixed])).toEqual([['GHSA-xvch-5gv4-984h', '0.2.4'], ['GHSA-vh95-rmgr-6w4m', '0.2.1']]);
    expect(hits('npm', 'minimist', '0.5.0')).toEqual([]);
    expect(hits('npm', 'qs', '6.5.2').map((h) => h.fixed)).toEqual(['6.5.3']);
    expect(hits('npm', 'qs', '6.5.3')).toEqual([]);
    expect(hits('npm', 'ws', '7.5.9').map((h) => h.fixed)).toEqual(['7.5.10']);
    expect(hits('npm', 'ws', '2.0.0')).toEqual([]);
  });

  it('reports one match per record even when a package repeats over affected[] entries', () => {
    expect(hits('npm', 'qs', '6.2.3')).toHaveLength(1);
  });

  it('reads two-part introduced versions ("1.0")', () => {
    expect(hits('npm', 'node-fetch', '2.6.1').map((h) => h.fixed)).toEqual(['2.6.7']);
    expect(hits('npm', 'node-fetch', '3.0.0').map((h) => h.fixed)).toEqual(['3.1.1']);
    expect(hits('npm', 'node-fetch', '3.1.1')).toEqual([]);
  });

  it('orders pre-releases inside ranges', () => {
    expect(hits('npm', 'express', '5.0.0-beta.1').map((h) => h.fixed)).toEqual(['5.0.0-beta.3']);
    expect(hits('npm', 'express', '5.0.0-beta.3')).toEqual([]);
    expect(hits('npm', 'express', '5.0.0')).toEqual([]);
    expect(hits('npm', 'express', '4.19.1').map((h) => h.fixed)).toEqual(['4.19.2']);
  });

  it('matches npm names case-insensitively (a record spells Axios)', () => {
    expect(hits('npm', 'axios', '1.7.3').map((h) => h.id).sort()).toEqual(['GHSA-8hc4-vh64-cxmj']);
    expect(hits('npm', 'axios', '1.5.0').map((h) => h.id).sort()).toEqual(['GHSA-8hc4-vh64-cxmj', 'GHSA-wf5p-g6vw-rhxx']);
    expect(hits('npm', 'axios', '1.3.1').map((h) => h.id)).toEqual(['GHSA-wf5p-g6vw-rhxx']);
  });

  it('ignores withdrawn records', () => {
    expect(hits('npm', 'lodash', '4.17.21').some((h) => h.id === 'TEST-WITHDRAWN-1')).toBe(false);
    expect(index.withdrawn).toBe(1);
  });

  it('matches explicit versions lists and SEMVER ranges', () => {
    expect(hits('npm', 'left-pad', '1.1.2').map((h) => h.id)).toEqual(['TEST-VERSIONS-1']);
    expect(hits('npm', 'left-pad', '1.1.3')).toEqual([]);
    expect(hits('npm', 'tar', '6.2.0')).toEqual([{ id: 'TEST-SEMVER-CVSS', fixed: '6.2.1', lastAffected: undefined, severity: 'critical' }]);
  });

  it('compares PyPI versions per PEP 440 and names per PEP 503', () => {
    expect(hits('PyPI', 'Django', '3.2.13').map((h) => h.fixed)).toEqual(['3.2.14']);
    expect(hits('PyPI', 'django', '3.2').map((h) => h.fixed)).toEqual(['3.2.14']);
    expect(hits('PyPI', 'django', '3.1.9')).toEqual([]);
    expect(hits('PyPI', 'django', '4.0rc1')).toEqual([]);
    expect(hits('PyPI', 'django', '4.0.5').map((h) => h.fixed)).toEqual(['4.0.6']);
    expect(hits('PyPI', 'pyyaml', '5.3.1').map((h) => h.severity)).toEqual(['critical']);
    expect(hits('PyPI', 'py_yaml', '5.3.1')).toEqual([]);
    expect(hits('PyPI', 'urllib3', '1.26.16').map((h) => h.fixed)).toEqual(['1.26.17']);
  });

  it('takes GitHub labels first (MODERATE is medium), then CVSS, else nothing', () => {
    const label = (id: string) => recordSeverity(NPM_RECORDS.find((r) => r.id === id)!);
    expect(label('GHSA-wf5p-g6vw-rhxx')).toBe('medium');
    expect(label('GHSA-pxg6-pf52-xh8x')).toBe('low');
    expect(recordSeverity({ id: 'x', severity: [] })).toBeUndefined();
  });
});
