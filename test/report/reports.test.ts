import { randomBytes } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core/fingerprint.js';
import type { Finding, Report } from '../../src/core/types.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderPretty } from '../../src/report/pretty.js';
import { renderSarif } from '../../src/report/sarif.js';
import { NPM_V3 } from '../audit/helpers/samples.js';
import { writeOsvFolder } from '../audit/helpers/osv-facts.js';
import { localDay } from '../cost/fixtures.js';
import { makeRepo } from '../helpers/repo.js';
import { expectValidReport, expectValidSarif, sarifErrors, sarifSchemaErrors } from '../helpers/validate.js';

const HOSTILE = ['a|b.js', 'x</details><script>alert(1)</script>.js', 'new\nline | --- |.js', '`tick`*star*_u_[l](http://e.x).js', '\u001b[31mred.js'];

function f(file: string, i: number, extra: Partial<Finding> = {}): Finding {
  return {
    gate: 'secrets',
    ruleId: 'aws-access-key-id',
    severity: i % 2 ? 'high' : 'medium',
    message: `AWS access key ID in ${file}`,
    file,
    line: i + 1,
    column: 3,
    preview: 'AKIA…(20 chars)',
    fix: 'Rotate it at AWS',
    fingerprint: fingerprint('secrets', 'aws-access-key-id', file, String(i)),
    isNew: i !== 1,
    blocking: i !== 1,
    ...extra,
  };
}

export function sampleReport(findings: Finding[] = HOSTILE.map((n, i) => f(n, i))): Report {
  return {
    tool: { name: 'wfo-gate', version: '0.1.0' },
    verdict: 'fail',
    scope: { kind: 'base', description: 'changes since main', root: '/tmp/repo', base: 'a'.repeat(40), head: 'b'.repeat(40), files: 7 },
    gates: [
      { gate: 'secrets', status: 'fail', findings, suppressed: [{ ...f('ok.js', 9), suppression: { kind: 'inline', by: 'gitleaks:allow' } }], summary: `${findings.length} secrets`, durationMs: 12 },
      { gate: 'env-ignore', status: 'pass', findings: [], suppressed: [], summary: 'no .env file in scope', durationMs: 3 },
      { gate: 'audit', status: 'error', findings: [], suppressed: [], summary: 'could not decide', error: 'no advisory source reachable', durationMs: 5 },
    ],
    skipped: { binary: ['img.png'], tooLarge: [], submodules: [], symlinks: [], unreadable: [], tooLargeToParse: [], counts: { binary: 1, tooLarge: 0, submodules: 0, symlinks: 0, unreadable: 0, tooLargeToParse: 0 } },
    suppressedCount: 1,
    notes: ['HEAD is detached'],
    durationMs: 20,
    startedAt: '2026-11-25T01:00:00.000Z',
  };
}

describe('JSON report', () => {
  it('validates against schemas/report.schema.json', () => {
    expectValidReport(renderJson(sampleReport()));
  });
  it('the schema rejects a report missing its verdict (the check can fail)', () => {
    const { verdict, ...broken } = sampleReport();
    void verdict;
    expect(() => expectValidReport(broken)).toThrow();
  });
});

describe('SARIF', () => {
  it('passes the SARIF authors validator with rules, fingerprints and regions', () => {
    const text = renderSarif(sampleReport());
    expectValidSarif(text);
    const log = JSON.parse(text);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['secrets/aws-access-key-id']);
    expect(run.results[0]).toMatchObject({ ruleId: 'secrets/aws-access-key-id', ruleIndex: 0, level: 'warning', partialFingerprints: { 'wfoGate/v1': expect.any(String) } });
    expect(run.results[1].level).toBe('error');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('a%7Cb.js');
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 3 });
    expect(run.results.at(-1).suppressions).toEqual([{ kind: 'inSource' }]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
  });
  it('a log with findings from all six gates (built CLI, real repo) passes the OASIS schema and the validator, warnings included', () => {
    const repo = makeRepo();
    const token = 'ghp_' + Array.from(randomBytes(36), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[b % 62]).join('');
    writeOsvFolder(`${repo.dir}/osv`);
    repo.commit('everything at once', {
      'src/client.js': `const token = "${token}";\nexports.run = (req) => { eval(req.body.code); };\n`,
      'package-lock.json': NPM_V3,
      'coverage/lcov.info': 'TN:\nSF:src/client.js\nDA:1,1\nDA:2,0\nend_of_record\n',
      '.env': 'A=1\n',
      [`costs/daily-${localDay()}.json`]: JSON.stringify({ inference: { claude: 9 }, total: 9 }),
      'costs/budget-config.json': JSON.stringify({ budgets: { daily: { soft_limit: 5, hard_limit: 7.5 } }, cost_controls: { block_on_limit: true } }),
      'wfo-gate.config.json': JSON.stringify({ gates: { audit: { source: 'osv-db', osvDatabase: 'osv' }, coverage: { reports: ['coverage/lcov.info'] } } }),
    });
    const result = repo.run('run', '--all', '--gate', 'secrets,sast,audit,coverage,env-ignore,budget', '--format', 'sarif');
    expect(result.status, result.stderr).toBe(1);
    const run = JSON.parse(result.stdout).runs[0];
    const gates = new Set(run.results.map((r: { ruleId: string }) => r.ruleId.split('/')[0]));
    expect([...gates].sort()).toEqual(['audit', 'budget', 'coverage', 'env-ignore', 'sast', 'secrets']);
    expect(result.stdout).not.toContain(token);
    expectValidSarif(result.stdout);
    for (const rule of run.tool.driver.rules) {
      expect(rule.id).not.toMatch(/^([^/]+)\/\1[/.]/);
      const tags: string[] = rule.properties.tags;
      expect(new Set(tags).size, rule.id).toBe(tags.length);
      const gate = rule.id.split('/')[0];
      expect(tags.includes('security'), rule.id).toBe(!['coverage', 'budget'].includes(gate));
    }
    for (const r of run.results) if (r.locations) expect(r.locations[0].physicalLocation.region, r.ruleId).toBeDefined();
  });
  it('the OASIS schema rejects repeated tags (the check can fail)', () => {
    const log = JSON.parse(renderSarif(sampleReport()));
    log.runs[0].tool.driver.rules[0].properties.tags = ['security', 'security'];
    expect(sarifSchemaErrors(JSON.stringify(log))).toEqual([expect.stringMatching(/tags uniqueItems/)]);
  });
  it('the validator reports a broken log (the check can fail)', () => {
    const log = JSON.parse(renderSarif(sampleReport()));
    log.runs[0].tool.driver.name = 42;
    delete log.runs[0].results[0].ruleId;
    // One error per break: the driver name's type, and the result with no ruleId.
    expect(sarifErrors(JSON.stringify(log)).map((p) => `${p.ruleId} ${JSON.parse(p.text).arguments[0]}`)).toEqual(['JSON1001 runs[0].tool.driver.name', 'SARIF1010 runs[0].results[0]']);
  });
});

describe('markdown', () => {
  const md = new MarkdownIt({ html: true });

  it('keeps the table and details intact whatever the file names', () => {
    const html = md.render(renderMarkdown(sampleReport()));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<a /);
    expect(html).not.toMatch(/<em>|<strong>|<code>/);
    const tables = html.split('<table>').slice(1);
    // The gate table: a header and one row per gate, six cells each.
    const gateRows = tables[0].split('</thead>')[1].match(/<tr>/g) ?? [];
    expect(gateRows).toHaveLength(3);
    // The secrets details: one row per finding, five cells each.
    const detailBody = tables[1].split('</thead>')[1].split('</tbody>')[0];
    const rows = detailBody.split('<tr>').slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) expect(row.match(/<td/g)).toHaveLength(5);
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
  });

  it('says in one line why each skipped gate was skipped, escaped', () => {
    const report = sampleReport();
    report.gates.push({ gate: 'coverage', status: 'skipped', findings: [], suppressed: [], summary: 'no coverage report found\n(looked for <b>coverage/lcov.info</b> | x)', durationMs: 1 });
    const text = renderMarkdown(report);
    const line = text.split('\n').find((l) => l.includes('**coverage** skipped'));
    expect(line).toBeDefined();
    expect(line).toContain('no coverage report found (looked for');
    const html = md.render(text);
    expect(html).not.toContain('<b>coverage');
    expect(html).toMatch(/<li>⏭️ <strong>coverage<\/strong> skipped: no coverage report found \(looked for &lt;b&gt;coverage\/lcov\.info&lt;\/b&gt; \| x\)<\/li>/);
  });

  it('stays under a size limit by listing fewer findings and says where the rest are', () => {
    const many = Array.from({ length: 2000 }, (_, i) => f(`src/file-${i}.js`, i));
    const text = renderMarkdown(sampleReport(many), { maxChars: 20_000, truncatedPointer: 'see the job summary' });
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/more finding\(s\) not listed here: see the job summary/);
  });
});

describe('pretty', () => {
  it('has no colour codes when colour is off and neutralises control characters in names', () => {
    const text = renderPretty(sampleReport(), { color: false });
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('\\x1b[31mred.js');
    expect(text).toContain('new\\nline');
    expect(text).toMatch(/Verdict: BLOCKED/);
    expect(text).toContain('audit');
    expect(text).toContain('no advisory source reachable');
  });
  it('colours the verdict when asked', () => {
    expect(renderPretty(sampleReport(), { color: true })).toMatch(/\u001b\[31mBLOCKED/);
  });
  it('quiet shows only blocking findings', () => {
    const text = renderPretty(sampleReport(), { color: false, quiet: true });
    expect(text).not.toContain('x</details>');
    expect(text).toContain('a|b.js:1');
  });
});
