import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OsvRecord } from '../../../src/gates/audit/osv/record.js';

// OSV records written for the tests from facts of real GitHub advisories (ids, packages as
// spelled, ranges and their event types, severity labels, CVSS vectors, quirks such as
// `Axios`, `severity: []`, `last_affected`, `introduced: "1.0"`, one package repeated over
// several affected[] entries). No summaries or details are copied. Records whose id starts
// with TEST- are made up to cover what no real record here shows (withdrawn, versions lists,
// SEMVER ranges, CVSS-only severity, pre-releases).

type Range = [introduced: string, end?: { fixed: string } | { last_affected: string }];

function ranges(...list: Range[]) {
  return [{ type: 'ECOSYSTEM', events: list.flatMap(([introduced, end]) => [{ introduced }, ...(end ? [end] : [])]) }];
}

function record(
  id: string,
  alias: string,
  label: string | undefined,
  cvss: string | undefined,
  affected: { ecosystem: 'npm' | 'PyPI'; name: string; ranges: Range[] }[],
): OsvRecord {
  return {
    id,
    aliases: [alias],
    severity: cvss ? [{ type: 'CVSS_V3', score: cvss }] : [],
    // One affected[] entry per range, as GHSA records do for release lines.
    affected: affected.flatMap((a) => a.ranges.map((r) => ({ package: { ecosystem: a.ecosystem, name: a.name }, ranges: ranges(r) }))),
    database_specific: label ? { severity: label } : {},
  };
}

const fixed = (v: string) => ({ fixed: v });
const last = (v: string) => ({ last_affected: v });

export const NPM_RECORDS: OsvRecord[] = [
  record('GHSA-p6mc-m468-83gw', 'CVE-2020-8203', 'HIGH', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H', [
    { ecosystem: 'npm', name: 'lodash', ranges: [['0', fixed('4.17.20')]] },
    { ecosystem: 'npm', name: 'lodash-es', ranges: [['0', fixed('4.17.20')]] },
  ]),
  record('GHSA-29mw-wpgm-hmr9', 'CVE-2020-28500', 'MODERATE', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', [
    { ecosystem: 'npm', name: 'lodash', ranges: [['0', fixed('4.17.21')]] },
    { ecosystem: 'npm', name: 'lodash.trimend', ranges: [['0', last('4.5.1')]] },
    { ecosystem: 'npm', name: 'lodash.trim', ranges: [['0', last('4.5.1')]] },
  ]),
  record('GHSA-xvch-5gv4-984h', 'CVE-2021-44906', 'CRITICAL', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', [
    { ecosystem: 'npm', name: 'minimist', ranges: [['1.0.0', fixed('1.2.6')], ['0', fixed('0.2.4')]] },
  ]),
  record('GHSA-vh95-rmgr-6w4m', 'CVE-2020-7598', 'MODERATE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L', [
    { ecosystem: 'npm', name: 'minimist', ranges: [['0', fixed('0.2.1')], ['1.0.0', fixed('1.2.3')]] },
  ]),
  record('GHSA-r683-j2x4-v87g', 'CVE-2022-0235', 'HIGH', 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', [
    { ecosystem: 'npm', name: 'node-fetch', ranges: [['1.0', fixed('3.1.1')], ['0', fixed('2.6.7')]] },
  ]),
  record('GHSA-wf5p-g6vw-rhxx', 'CVE-2023-45857', 'MODERATE', undefined, [{ ecosystem: 'npm', name: 'axios', ranges: [['0.8.1', fixed('1.6.0')]] }]),
  record('GHSA-8hc4-vh64-cxmj', 'CVE-2024-39338', 'HIGH', undefined, [{ ecosystem: 'npm', name: 'Axios', ranges: [['1.3.2', fixed('1.7.4')]] }]),
  record('GHSA-c2qf-rxjj-qqgw', 'CVE-2022-25883', 'MODERATE', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', [
    { ecosystem: 'npm', name: 'semver', ranges: [['7.0.0', fixed('7.5.2')], ['6.0.0', fixed('6.3.1')], ['0', fixed('5.7.2')]] },
  ]),
  record('GHSA-hrpp-h998-j3pp', 'CVE-2022-24999', 'HIGH', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', [
    {
      ecosystem: 'npm',
      name: 'qs',
      ranges: [
        ['6.10.0', fixed('6.10.3')], ['6.9.0', fixed('6.9.7')], ['6.8.0', fixed('6.8.3')], ['6.7.0', fixed('6.7.3')], ['6.6.0', fixed('6.6.1')],
        ['6.5.0', fixed('6.5.3')], ['6.4.0', fixed('6.4.1')], ['6.3.0', fixed('6.3.3')], ['0', fixed('6.2.4')],
      ],
    },
  ]),
  record('GHSA-3h5v-q93c-6h6q', 'CVE-2024-37890', 'HIGH', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', [
    { ecosystem: 'npm', name: 'ws', ranges: [['2.1.0', fixed('5.2.4')], ['6.0.0', fixed('6.2.3')], ['7.0.0', fixed('7.5.10')], ['8.0.0', fixed('8.17.1')]] },
  ]),
  record('GHSA-rv95-896h-c2vc', 'CVE-2024-29041', 'MODERATE', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', [
    { ecosystem: 'npm', name: 'express', ranges: [['0', fixed('4.19.2')], ['5.0.0-alpha.1', fixed('5.0.0-beta.3')]] },
  ]),
  record('GHSA-pxg6-pf52-xh8x', 'CVE-2024-47764', 'LOW', undefined, [{ ecosystem: 'npm', name: 'cookie', ranges: [['0', fixed('0.7.0')]] }]),
  record('GHSA-9c47-m6qq-7p4h', 'CVE-2022-46175', 'HIGH', 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:L/A:H', [
    { ecosystem: 'npm', name: 'json5', ranges: [['2.0.0', fixed('2.2.2')], ['0', fixed('1.0.2')]] },
  ]),
];

export const PYPI_RECORDS: OsvRecord[] = [
  record('GHSA-8q59-q68h-6hv4', 'CVE-2020-14343', 'CRITICAL', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', [
    { ecosystem: 'PyPI', name: 'PyYAML', ranges: [['0', fixed('5.4')]] },
  ]),
  record('GHSA-p64x-8rxx-wf6q', 'CVE-2022-34265', 'CRITICAL', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', [
    { ecosystem: 'PyPI', name: 'django', ranges: [['3.2', fixed('3.2.14')], ['4.0', fixed('4.0.6')]] },
  ]),
  record('GHSA-j8r2-6x86-q33q', 'CVE-2023-32681', 'MODERATE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N', [
    { ecosystem: 'PyPI', name: 'requests', ranges: [['2.3.0', fixed('2.31.0')]] },
  ]),
  record('GHSA-v845-jxx5-vc9f', 'CVE-2023-43804', 'MODERATE', 'CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:N', [
    { ecosystem: 'PyPI', name: 'urllib3', ranges: [['2.0.0', fixed('2.0.6')], ['0', fixed('1.26.17')]] },
  ]),
  record('GHSA-h5c8-rqwp-cp95', 'CVE-2024-22195', 'MODERATE', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', [
    { ecosystem: 'PyPI', name: 'jinja2', ranges: [['0', fixed('3.1.3')]] },
  ]),
];

/** Made-up records for semantics no real record above shows. */
export const TEST_RECORDS: OsvRecord[] = [
  // Withdrawn: must never match although its range covers every lodash.
  { ...record('TEST-WITHDRAWN-1', 'CVE-0000-0001', 'CRITICAL', undefined, [{ ecosystem: 'npm', name: 'lodash', ranges: [['0']] }]), withdrawn: '2024-01-01T00:00:00Z' },
  // Only an explicit versions list, no ranges.
  { id: 'TEST-VERSIONS-1', aliases: [], affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, versions: ['1.1.1', '1.1.2'] }], database_specific: { severity: 'HIGH' } },
  // SEMVER-typed range, severity only from a CVSS vector (9.8 → critical).
  {
    id: 'TEST-SEMVER-CVSS',
    aliases: [],
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'npm', name: 'tar' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '6.2.1' }] }] }],
  },
  // No severity anywhere: the gate's unknownSeverity applies.
  { id: 'TEST-NO-SEVERITY', aliases: [], affected: [{ package: { ecosystem: 'PyPI', name: 'Flask' }, ranges: ranges(['0', fixed('2.2.5')]) }] },
];

export const ALL_RECORDS = [...NPM_RECORDS, ...PYPI_RECORDS, ...TEST_RECORDS];

/** Writes records as an OSV dump folder: <dir>/<ecosystem>/<id>.json (nested, as the gate must search). */
export function writeOsvFolder(dir: string, records: readonly OsvRecord[] = ALL_RECORDS): string {
  for (const r of records) {
    const eco = r.affected?.[0]?.package?.ecosystem ?? 'misc';
    mkdirSync(join(dir, eco), { recursive: true });
    writeFileSync(join(dir, eco, `${r.id}.json`), JSON.stringify(r, null, 2));
  }
  return dir;
}
