import { describe, expect, it } from 'vitest';
import { OsvIndex } from '../../src/gates/audit/osv/database.js';
import { applyPipAudit, parsePipAuditReport } from '../../src/gates/audit/sources/pip-audit.js';
import { SourceError } from '../../src/gates/audit/sources/source.js';
import type { LockedPackage } from '../../src/gates/audit/types.js';
import { PYPI_RECORDS } from './helpers/osv-facts.js';

// pip-audit is not installed here (it comes from PyPI, which this machine cannot reach), so its
// JSON is written by hand in the shape pip-audit 2.x prints; the "not installed" path is
// covered by the gate tests.

const REPORT = JSON.stringify({
  dependencies: [
    { name: 'django', version: '3.2.13', vulns: [{ id: 'PYSEC-2022-213', fix_versions: ['3.2.14', '4.0.6'], aliases: ['GHSA-p64x-8rxx-wf6q', 'CVE-2022-34265'], description: '' }] },
    { name: 'flask', version: '2.2.0', vulns: [{ id: 'PYSEC-2023-62', fix_versions: ['2.2.5'], aliases: ['CVE-2023-30861'], description: '' }] },
    { name: 'six', version: '1.16.0', vulns: [] },
  ],
  fixes: [],
});

const packages: LockedPackage[] = [
  { ecosystem: 'PyPI', name: 'Django', version: '3.2.13', dev: false, path: ['Django'], line: 1 },
  { ecosystem: 'PyPI', name: 'Flask', version: '2.2.0', dev: true, path: ['Flask'], line: 2 },
];

describe('pip-audit reports', () => {
  it('keeps every vulnerability; severity from the OSV database by alias, else unknown', () => {
    const index = new OsvIndex();
    for (const r of PYPI_RECORDS) index.add(r);
    const found = applyPipAudit(parsePipAuditReport(REPORT), packages, index);
    expect(found.map((f) => [f.pkg.name, f.vuln.id, f.vuln.severity, f.vuln.fixed])).toEqual([
      ['Django', 'PYSEC-2022-213', 'critical', '3.2.14'],
      ['Flask', 'PYSEC-2023-62', undefined, '2.2.5'],
    ]);
  });

  it('reads the older bare-list format', () => {
    const old = JSON.stringify([{ name: 'flask', version: '2.2.0', vulns: [{ id: 'PYSEC-2023-62', fix_versions: [] }] }]);
    expect(applyPipAudit(parsePipAuditReport(old), packages, undefined).map((f) => f.vuln.id)).toEqual(['PYSEC-2023-62']);
  });

  it('turns unreadable output into a source error naming pip-audit\'s last words', () => {
    expect(() => parsePipAuditReport('', 'ERROR: No matching distribution found for django==9.9')).toThrow(SourceError);
    expect(() => parsePipAuditReport('', 'ERROR: boom')).toThrow(/pip-audit printed no JSON report \(ERROR: boom\)/);
    expect(() => parsePipAuditReport('{"x": 1}')).toThrow(/without a dependencies list/);
  });
});
