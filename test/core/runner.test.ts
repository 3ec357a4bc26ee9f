import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { fingerprint } from '../../src/core/fingerprint.js';
import { memoryScope } from '../../src/core/memory-scope.js';
import { exitCodeFor, runGates } from '../../src/core/runner.js';
import type { Finding, Gate, GateId, GateOutcome } from '../../src/core/types.js';

function finding(partial: Partial<Finding> & { ruleId: string }): Finding {
  return { gate: 'secrets', severity: 'high', message: 'm', fingerprint: fingerprint('secrets', partial.ruleId, partial.file, partial.ruleId + (partial.line ?? '')), ...partial };
}

function fakeGates(impl: Partial<Record<GateId, (signal: AbortSignal) => Promise<GateOutcome>>>) {
  return async (id: GateId): Promise<Gate> => ({ id, title: id, run: ({ signal }) => impl[id]!(signal) });
}

const config = (raw: Record<string, unknown> = {}) => resolveConfig(raw);

describe('runGates', () => {
  it('runs gates concurrently and records durations', async () => {
    const started: string[] = [];
    const slow = (id: string) => async () => {
      started.push(id);
      await new Promise((r) => setTimeout(r, 50));
      return { findings: [], summary: 'ok' };
    };
    const report = await runGates(memoryScope({ files: {} }), config(), {
      gates: ['secrets', 'sast'],
      baseline: new Map(),
      loadGate: fakeGates({ secrets: slow('secrets'), sast: slow('sast') }),
    });
    expect(report.gates.map((g) => g.status)).toEqual(['pass', 'pass']);
    expect(report.verdict).toBe('pass');
    // Both had started before either finished.
    expect(started).toEqual(['secrets', 'sast']);
    expect(report.gates.every((g) => g.durationMs >= 40)).toBe(true);
  });

  it('turns a throwing gate into an error that blocks, and onError "warn" relaxes it', async () => {
    const loadGate = fakeGates({ audit: async () => Promise.reject(new Error('registry unreachable')) });
    const strict = await runGates(memoryScope({ files: {} }), config(), { gates: ['audit'], baseline: new Map(), loadGate });
    expect(strict.gates[0]).toMatchObject({ status: 'error', error: 'registry unreachable' });
    expect(strict.verdict).toBe('error');
    expect(exitCodeFor(strict.verdict)).toBe(1);
    const relaxed = await runGates(memoryScope({ files: {} }), config({ onError: 'warn' }), { gates: ['audit'], baseline: new Map(), loadGate });
    expect(relaxed.verdict).toBe('warn');
    expect(exitCodeFor(relaxed.verdict)).toBe(0);
  });

  it('times a gate out and aborts its signal', async () => {
    let aborted = false;
    const loadGate = fakeGates({
      sast: (signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve({ findings: [], summary: 'late' });
          });
        }),
    });
    const report = await runGates(memoryScope({ files: {} }), config({ gates: { sast: { timeoutMs: 1000 } } }), { gates: ['sast'], baseline: new Map(), loadGate });
    expect(report.gates[0].status).toBe('error');
    expect(report.gates[0].error).toMatch(/timed out after 1 s: raise gates\.sast\.timeoutMs/);
    expect(aborted).toBe(true);
  });

  it('blocks at or above failOn, warns below it', async () => {
    const loadGate = fakeGates({ secrets: async () => ({ findings: [finding({ ruleId: 'low-one', severity: 'low' })], summary: '' }) });
    const blocked = await runGates(memoryScope({ files: {} }), config(), { gates: ['secrets'], baseline: new Map(), loadGate });
    expect(blocked.gates[0].status).toBe('fail');
    const warned = await runGates(memoryScope({ files: {} }), config({ gates: { secrets: { failOn: 'high' } } }), { gates: ['secrets'], baseline: new Map(), loadGate });
    expect(warned.gates[0].status).toBe('warn');
    expect(warned.gates[0].findings[0].blocking).toBe(false);
  });

  it('in diff-aware scopes only new findings block, unless blockExisting', async () => {
    const scope = memoryScope({ files: { 'a.js': 'x\n' }, changed: { 'a.js': [{ start: 1, end: 1 }] } });
    const loadGate = fakeGates({ secrets: async () => ({ findings: [finding({ ruleId: 'old', isNew: false })], summary: '' }) });
    const held = await runGates(scope, config(), { gates: ['secrets'], baseline: new Map(), loadGate });
    expect(held.gates[0].status).toBe('warn');
    const strict = await runGates(scope, config({ gates: { secrets: { blockExisting: true } } }), { gates: ['secrets'], baseline: new Map(), loadGate });
    expect(strict.gates[0].status).toBe('fail');
  });

  it('honours inline markers on the line or the line above, and counts them', async () => {
    const scope = memoryScope({
      files: {
        'a.js': ['const a = 1; // wfo-gate-ignore: rule-a test fixture', '// gitleaks:allow', 'const b = 2;', 'const c = 3; // wfo-gate-ignore: other-rule'].join('\n'),
      },
    });
    const loadGate = fakeGates({
      secrets: async () => ({
        findings: [finding({ ruleId: 'rule-a', file: 'a.js', line: 1 }), finding({ ruleId: 'rule-b', file: 'a.js', line: 3 }), finding({ ruleId: 'rule-c', file: 'a.js', line: 4 })],
        summary: '',
      }),
    });
    const report = await runGates(scope, config(), { gates: ['secrets'], baseline: new Map(), loadGate });
    const gate = report.gates[0];
    expect(gate.suppressed.map((f) => [f.ruleId, f.suppression?.by, f.suppression?.reason])).toEqual([
      ['rule-a', 'wfo-gate-ignore: rule-a', 'test fixture'],
      ['rule-b', 'gitleaks:allow', undefined],
    ]);
    expect(gate.findings.map((f) => f.ruleId)).toEqual(['rule-c']);
    expect(report.suppressedCount).toBe(2);
  });

  it('finds a marker at the start of a multi-MB minified line', async () => {
    const line = '/* wfo-gate-ignore: rule-a vendored bundle */' + 'var a=b.c||d,e={f:1};'.repeat(150_000);
    const scope = memoryScope({ files: { 'bundle.min.js': `${line}\n`, 'b.js': `${line.slice(20)}\n` }, maxFileSize: 8 << 20 });
    const loadGate = fakeGates({
      secrets: async () => ({ findings: [finding({ ruleId: 'rule-a', file: 'bundle.min.js', line: 1 }), finding({ ruleId: 'rule-a', file: 'b.js', line: 1 })], summary: '' }),
    });
    const report = await runGates(scope, config(), { gates: ['secrets'], baseline: new Map(), loadGate });
    expect(report.gates[0].suppressed.map((f) => [f.file, f.suppression?.reason])).toEqual([['bundle.min.js', 'vendored bundle']]);
    expect(report.gates[0].findings.map((f) => f.file)).toEqual(['b.js']);
  });

  it('does not let a secrets marker silence another gate', async () => {
    const scope = memoryScope({ files: { 'a.py': 'eval(x)  # gitleaks:allow\n' } });
    const loadGate = fakeGates({ sast: async () => ({ findings: [finding({ gate: 'sast', ruleId: 'eval', file: 'a.py', line: 1 })], summary: '' }) });
    const report = await runGates(scope, config(), { gates: ['sast'], baseline: new Map(), loadGate });
    expect(report.gates[0].findings).toHaveLength(1);
  });

  it('moves baselined fingerprints to suppressed', async () => {
    const f = finding({ ruleId: 'known', file: 'a.js', line: 1 });
    const loadGate = fakeGates({ secrets: async () => ({ findings: [f], summary: '' }) });
    const report = await runGates(memoryScope({ files: { 'a.js': 'x' } }), config(), {
      gates: ['secrets'],
      baseline: new Map([[f.fingerprint, { gate: 'secrets', ruleId: 'known' }]]),
      loadGate,
    });
    expect(report.gates[0]).toMatchObject({ status: 'pass', findings: [] });
    expect(report.gates[0].suppressed[0].suppression?.kind).toBe('baseline');
  });

  it('skips a disabled gate without loading it', async () => {
    let loaded = false;
    const report = await runGates(memoryScope({ files: {} }), config({ gates: { sast: { enabled: false } } }), {
      gates: ['sast'],
      baseline: new Map(),
      loadGate: async () => {
        loaded = true;
        throw new Error('should not load');
      },
    });
    expect(report.gates[0]).toMatchObject({ status: 'skipped', summary: expect.stringMatching(/disabled/) });
    expect(loaded).toBe(false);
  });

  it('lets a gate skip or force a warning', async () => {
    const loadGate = fakeGates({
      coverage: async () => ({ findings: [], summary: 'no report', status: 'skipped' }),
      budget: async () => ({ findings: [], summary: 'over the alert threshold', status: 'warn' }),
    });
    const report = await runGates(memoryScope({ files: {} }), config(), { gates: ['coverage', 'budget'], baseline: new Map(), loadGate });
    expect(report.gates.map((g) => g.status)).toEqual(['skipped', 'warn']);
    expect(report.verdict).toBe('warn');
  });
});
