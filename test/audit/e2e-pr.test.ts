import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, gitEnv, makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { expectValidReport } from '../helpers/validate.js';
import { writeOsvFolder } from './helpers/osv-facts.js';

// A pull request in a real git repository: the base's lockfile already has a known
// vulnerability, the branch adds a new vulnerable package. Only the new one blocks.

const cli = process.env.WFO_TEST_CLI ?? CLI;

function lockfile(packages: Record<string, string>): string {
  const entries: Record<string, unknown> = { '': { name: 'app', version: '1.0.0', dependencies: Object.fromEntries(Object.keys(packages).map((n) => [n, '*'])) } };
  for (const [name, version] of Object.entries(packages)) entries[`node_modules/${name}`] = { version };
  return JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: entries }, null, 2) + '\n';
}

function audit(repo: TestRepo, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'run', '--gate', 'audit', '--format', 'json', ...args], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${result.status}): ${result.stderr}`);
  }
  expectValidReport(report);
  return { status: result.status, report, gate: report.gates[0] };
}

function prRepo(added: Record<string, string>): TestRepo {
  const db = writeOsvFolder(tempDir('wfo-osv-e2e-'));
  const repo = makeRepo({ branch: 'main' });
  repo.commit('app with an old, known lodash', {
    'wfo-gate.config.json': JSON.stringify({ gates: { audit: { source: 'osv-db', osvDatabase: db, failOn: 'high' } } }),
    'package-lock.json': lockfile({ lodash: '4.17.19' }),
  });
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('add a dependency', { 'package-lock.json': lockfile({ lodash: '4.17.19', ...added }) });
  return repo;
}

describe('audit gate on a pull request (real git repository, built CLI)', () => {
  it('blocks only on the vulnerability the branch introduces', () => {
    const repo = prRepo({ minimist: '1.2.5' });
    const { status, report, gate } = audit(repo, '--base', 'main');
    expect(status, JSON.stringify(gate)).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(gate.status).toBe('fail');
    const byRule = Object.fromEntries(gate.findings.map((f: { ruleId: string; isNew: boolean }) => [f.ruleId, f.isNew]));
    expect(byRule).toEqual({ 'GHSA-xvch-5gv4-984h': true, 'GHSA-p6mc-m468-83gw': false, 'GHSA-29mw-wpgm-hmr9': false });
  });

  it('reports but does not block the old vulnerability when the branch adds a safe package', () => {
    const repo = prRepo({ ms: '2.1.3' });
    const { status, gate } = audit(repo, '--base', 'main');
    expect(status, JSON.stringify(gate)).toBe(0);
    expect(gate.findings.map((f: { ruleId: string; isNew: boolean }) => `${f.ruleId} ${f.isNew}`).sort()).toEqual([
      'GHSA-29mw-wpgm-hmr9 false',
      'GHSA-p6mc-m468-83gw false',
    ]);
  });

  it('a full scan of the same tree blocks on the old high vulnerability', () => {
    const repo = prRepo({ ms: '2.1.3' });
    const { status, gate } = audit(repo);
    expect(status).toBe(1);
    expect(gate.findings.map((f: { ruleId: string; blocking: boolean }) => `${f.ruleId} ${f.blocking}`).sort()).toEqual([
      'GHSA-29mw-wpgm-hmr9 false',
      'GHSA-p6mc-m468-83gw true',
    ]);
  });
});
