import { afterEach, describe, expect, it } from 'vitest';
import { memoryScope } from '../../src/core/memory-scope.js';
import { runAudit } from '../../src/gates/audit/index.js';
import { OsvIndex } from '../../src/gates/audit/osv/database.js';
import { applyPipAudit, parsePipAuditReport } from '../../src/gates/audit/sources/pip-audit.js';
import { SourceError } from '../../src/gates/audit/sources/source.js';
import type { LockedPackage } from '../../src/gates/audit/types.js';
import { PIP_AUDIT, usageError, writeStandIn } from '../helpers/stand-in.js';
import { auditContext } from './helpers/context.js';
import { PYPI_RECORDS } from './helpers/osv-facts.js';

// pip-audit is not installed here (it comes from PyPI, which this machine cannot reach), so its
// JSON is written by hand in the shape pip-audit 2.x prints, and the gate runs it through a
// stand-in that checks its arguments against pip-audit's documented CLI (usage errors exit 2);
// the "not installed" path is covered by the gate tests.

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

describe('pip-audit run by the audit gate', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('calls pip-audit with arguments pip-audit accepts, and turns its report into findings', async () => {
    process.env.PATH = `${writeStandIn(PIP_AUDIT, 'pip-audit 2.7.3', REPORT, 1)}:${savedPath}`;
    const scope = memoryScope({ files: { 'requirements.txt': 'django==3.2.13\nflask==2.2.0\nsix==1.16.0\n' } });
    const out = await runAudit(auditContext(scope, { source: 'auto' }));
    expect(out.error).toBeUndefined();
    expect(out.findings.map((f) => f.ruleId).sort()).toEqual(['PYSEC-2022-213', 'PYSEC-2023-62']);
  });

  it('the stand-in rejects what pip-audit rejects', () => {
    expect(usageError(PIP_AUDIT, ['-f', 'json', '--progress-spinner', 'off', '--disable-pip', '--no-deps', '-r', 'r.txt'])).toBeUndefined();
    expect(usageError(PIP_AUDIT, ['-f', 'json', '--disable-pip', '-r', 'r.txt'])).toMatch(/--disable-pip needs one of --no-deps/);
    expect(usageError(PIP_AUDIT, ['-f', 'yaml', '-r', 'r.txt'])).toMatch(/invalid value for -f/);
    expect(usageError(PIP_AUDIT, ['--no-deps'])).toMatch(/--no-deps needs one of -r/);
    expect(usageError(PIP_AUDIT, ['-r', 'r.txt', 'extra'])).toBe('unrecognized arguments: extra');
  });
});
