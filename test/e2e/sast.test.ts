import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/repo.js';
import { expectValidReport } from '../helpers/validate.js';

const OLD = 'const cp = require("child_process");\nexports.legacy = (req) => cp.exec("ls " + req.query.dir);\n';
const NEW = 'exports.added = (req, res) => { eval(req.body.code); };\n';
const SILENCED = 'exports.quiet = (req) => cp.exec("cat " + req.query.f); // nosemgrep: reviewed, input is an enum\n';

describe('sast gate on a real pull request', () => {
  it('blocks only what the branch adds, honours nosemgrep, and counts it', () => {
    const repo = makeRepo();
    repo.commit('legacy', { 'src/handler.js': OLD });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'src/handler.js': OLD + NEW + SILENCED });
    const result = repo.run('run', '--base', 'main', '--gate', 'sast', '--format', 'json');
    const report = JSON.parse(result.stdout);
    expectValidReport(report);
    const gate = report.gates[0];
    expect(result.status).toBe(1);
    const byLine = Object.fromEntries(gate.findings.map((f: { line: number; isNew: boolean; blocking: boolean }) => [f.line, [f.isNew, f.blocking]]));
    expect(byLine[3]).toEqual([true, true]);
    expect(gate.suppressed.map((f: { line: number; suppression: { by: string } }) => [f.line, f.suppression.by])).toEqual([[4, 'nosemgrep']]);
    // The legacy line is not in the diff: not reported as new, never blocking.
    expect(gate.findings.filter((f: { blocking: boolean }) => f.blocking)).toHaveLength(1);
  });

  it('reports the same legacy finding as blocking in a full scan', () => {
    const repo = makeRepo();
    repo.commit('legacy', { 'src/handler.js': OLD });
    const result = repo.run('run', '--gate', 'sast', '--format', 'json');
    expect(result.status).toBe(1);
    const gate = JSON.parse(result.stdout).gates[0];
    expect(gate.findings).toEqual([expect.objectContaining({ file: 'src/handler.js', line: 2, blocking: true })]);
  });
});
