import { describe, expect, it } from 'vitest';
import { mergeMetrics, mergeReports, type ShardReport } from '../../src/report/merge.js';
import { ownerShard } from '../../src/core/shard.js';
import type { Finding, GateResult, Report } from '../../src/core/types.js';
import { testNow } from '../helpers/clock.js';

const finding = (over: Partial<Finding>): Finding => ({ gate: 'secrets', ruleId: 'aws-access-key-id', severity: 'high', message: 'm', file: 'a.js', line: 1, fingerprint: 'f'.repeat(32), blocking: true, ...over });
const gate = (over: Partial<GateResult>): GateResult => ({ gate: 'secrets', status: 'pass', findings: [], suppressed: [], summary: 's', durationMs: 1, ...over });

function shard(index: number, total: number, gates: GateResult[]): ShardReport {
  const report: Report = {
    tool: { name: 'wfo-gate', version: '0.1.0' },
    verdict: 'pass',
    scope: { kind: 'range', description: `commits a..b, shard ${index}/${total}`, root: '/r', base: 'a'.repeat(40), head: 'b'.repeat(40), files: 10 },
    gates,
    skipped: { binary: [`bin-${index}`], tooLarge: [], submodules: [], symlinks: ['link'], unreadable: [], tooLargeToParse: [], counts: { binary: 1, tooLarge: 0, submodules: 0, symlinks: 1, unreadable: 0, tooLargeToParse: 0 } },
    suppressedCount: 0,
    notes: [`shard ${index}/${total}: part`],
    durationMs: 100 * index,
    startedAt: testNow().toISOString(),
    shard: { index, total, commit: 'b'.repeat(40), configHash: 'h', gates: ['secrets', 'coverage'], onError: { secrets: 'fail', coverage: 'fail' } },
  };
  return { source: `s${index}.json`, report };
}

describe('mergeReports', () => {
  it('keeps the commit that introduced a secret over the final-content copy another shard found, and keeps equal findings of one shard', () => {
    const owner = ownerShard('coverage', 2);
    const coverage = gate({ gate: 'coverage', status: 'fail', findings: [finding({ gate: 'coverage', ruleId: 'coverage/lines', fingerprint: 'c'.repeat(32) })] });
    const inContent = finding({ line: 3 });
    const twiceInAFile = [finding({ fingerprint: 'e'.repeat(32), line: 1 }), finding({ fingerprint: 'e'.repeat(32), line: 9 })];
    const inCommit = finding({ line: 3, commit: 'c0ffee'.padEnd(40, '0') });
    const first = shard(1, 2, [gate({ status: 'fail', findings: [inContent, ...twiceInAFile], metrics: { files: 5, bytes: 100, commits: 1, rules: 400 } }), ...(owner === 1 ? [coverage] : [])]);
    const second = shard(2, 2, [gate({ status: 'fail', findings: [inCommit], metrics: { files: 4, bytes: 50, commits: 2, rules: 400 } }), ...(owner === 2 ? [coverage] : [])]);
    const merged = mergeReports([second, first]);
    expect(merged.verdict).toBe('fail');
    expect(merged.merged!.problems).toEqual([]);
    const secrets = merged.gates.find((g) => g.gate === 'secrets')!;
    expect(secrets.findings).toEqual([...twiceInAFile, inCommit]);
    expect(secrets.metrics).toEqual({ files: 9, bytes: 150, commits: 3, rules: 400 });
    expect(merged.gates.find((g) => g.gate === 'coverage')!.status).toBe('fail');
    expect(merged.scope).toMatchObject({ files: 20, description: 'commits a..b' });
    expect(merged.skipped.binary).toEqual(['bin-1', 'bin-2']);
    expect(merged.skipped.symlinks).toEqual(['link']);
    expect(merged.skipped.counts).toMatchObject({ binary: 2, symlinks: 1 });
    expect(merged.durationMs).toBe(200);
    expect(merged.notes).toEqual(['merged from 2 of 2 shards']);
  });

  it('recomputes a percentage from the summed lines, never averaging the percentages', () => {
    const merged = mergeMetrics([
      { 'coverage.lines': 100, 'coverage.lines.hit': 1, 'coverage.lines.found': 1 },
      { 'coverage.lines': 10, 'coverage.lines.hit': 10, 'coverage.lines.found': 100 },
    ]);
    // Averaged it would be 55 %; 11 of 101 lines are 10.89 %.
    expect(merged).toEqual({ 'coverage.lines': 10.89, 'coverage.lines.hit': 11, 'coverage.lines.found': 101 });
  });

  it('makes a whole-repository gate an error when the shard that owns it is missing', () => {
    const owner = ownerShard('coverage', 2);
    const other = owner === 1 ? 2 : 1;
    const merged = mergeReports([shard(other, 2, [gate({})])]);
    expect(merged.verdict).toBe('error');
    expect(merged.gates.map((g) => [g.gate, g.status])).toEqual([['secrets', 'error'], ['coverage', 'error']]);
    expect(merged.gates[1].error).toContain(`shard ${owner}/2 was never checked`);
    expect(merged.merged!.problems).toEqual([expect.stringMatching(new RegExp(`^shard ${owner}/2 is missing`))]);
  });
});
