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
  it('runs gates concurrently: each gate waits for the other to start', async () => {
    // Run one after the other, the first gate would wait for ever; the timeout turns that into
    // an error status, so the test fails instead of hanging.
    const startedSignal = (): { promise: Promise<void>; resolve: () => void } => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    };
    const secretsStarted = startedSignal();
    const sastStarted = startedSignal();
    const waitFor = (mine: { resolve: () => void }, other: { promise: Promise<void> }) => async () => {
      mine.resolve();
      await other.promise;
      return { findings: [], summary: 'ok' };
    };
    const report = await runGates(memoryScope({ files: {} }), config({ timeoutMs: 5000 }), {
      gates: ['secrets', 'sast'],
      baseline: new Map(),
      loadGate: fakeGates({ secrets: waitFor(secretsStarted, sastStarted), sast: waitFor(sastStarted, secretsStarted) }),
    });
    expect(report.gates.map((g) => [g.gate, g.status, g.error])).toEqual([
      ['secrets', 'pass', undefined],
      ['sast', 'pass', undefined],
    ]);
    expect(report.verdict).toBe('pass');
    expect(report.gates.map((g) => Number.isInteger(g.durationMs) && g.durationMs >= 0)).toEqual([true, true]);
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

  it('honours onError per gate, over the top-level setting in both directions', async () => {
    const loadGate = fakeGates({
      audit: async () => Promise.reject(new Error('registry unreachable')),
      sast: async () => Promise.reject(new Error('semgrep missing')),
    });
    const run = (raw: Record<string, unknown>, gates: GateId[]) => runGates(memoryScope({ files: {} }), config(raw), { gates, baseline: new Map(), loadGate });
    // Top level blocks, the gate relaxes itself: only the relaxed gate errors -> warn.
    expect((await run({ onError: 'fail', gates: { audit: { onError: 'warn' } } }, ['audit'])).verdict).toBe('warn');
    // Top level relaxes, the gate insists: error blocks.
    expect((await run({ onError: 'warn', gates: { audit: { onError: 'fail' } } }, ['audit'])).verdict).toBe('error');
    // The override is per gate: the other gate keeps the top-level policy.
    expect((await run({ onError: 'fail', gates: { audit: { onError: 'warn' } } }, ['audit', 'sast'])).verdict).toBe('error');
    expect((await run({ onError: 'warn', gates: { audit: { onError: 'fail' } } }, ['sast'])).verdict).toBe('warn');
  });

  // The verdict's precedence: fail > blocking error > warn (a warning or a relaxed error) > pass (pass or skipped).
  const outcomeOf: Record<string, () => Promise<GateOutcome>> = {
    pass: async () => ({ findings: [], summary: 'ok' }),
    skipped: async () => ({ findings: [], summary: 'nothing to do', status: 'skipped' }),
    warn: async () => ({ findings: [], summary: 'near the limit', status: 'warn' }),
    fail: async () => ({ findings: [], summary: 'blocked', status: 'fail' }),
    error: async () => Promise.reject(new Error('could not run')),
  };
  const statuses = Object.keys(outcomeOf);
  const expectedVerdict = (a: string, b: string, onError: 'fail' | 'warn'): string => {
    const both = [a, b];
    if (both.includes('fail')) return 'fail';
    if (both.includes('error')) return onError === 'fail' ? 'error' : 'warn';
    if (both.includes('warn')) return 'warn';
    return 'pass';
  };
  const table = statuses.flatMap((a) => statuses.flatMap((b) => (['fail', 'warn'] as const).map((onError) => [a, b, onError, expectedVerdict(a, b, onError)] as const)));
  it.each(table)('verdict of gates %s + %s with onError %s is %s', async (a, b, onError, verdict) => {
    const loadGate = fakeGates({ secrets: outcomeOf[a], sast: outcomeOf[b] });
    const report = await runGates(memoryScope({ files: {} }), config({ onError }), { gates: ['secrets', 'sast'], baseline: new Map(), loadGate });
    expect(report.gates.map((g) => g.status)).toEqual([a, b]);
    expect(report.verdict).toBe(verdict);
    expect(exitCodeFor(report.verdict)).toBe(verdict === 'fail' || verdict === 'error' ? 1 : 0);
  });

  // Every marker form, each with one that must NOT silence: the oracle is the documented syntax.
  const markerCases: { gate: GateId; ruleId: string; line: string; by?: string; reason?: string }[] = [
    { gate: 'secrets', ruleId: 'rule-a', line: 'x // wfo-gate-ignore: rule-a fixture', by: 'wfo-gate-ignore: rule-a', reason: 'fixture' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x # wfo-gate-ignore secrets', by: 'wfo-gate-ignore: secrets' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x /* wfo-gate-ignore: * all of them */', by: 'wfo-gate-ignore: *', reason: 'all of them' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x <!-- wfo-gate-ignore: other,rule-a two ids -->', by: 'wfo-gate-ignore: other,rule-a', reason: 'two ids' },
    { gate: 'sast', ruleId: 'eval', line: 'x # wfo-gate-ignore: audit,sast', by: 'wfo-gate-ignore: audit,sast' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x // wfo-gate-ignore: other-rule' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x // wfo-gate-ignore: sast' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x // wfo-gate-ignore: rule-ab,other' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x # gitleaks:allow', by: 'gitleaks:allow' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x # pragma: allowlist secret', by: 'pragma: allowlist secret' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x # pragma: allowlist-secret', by: 'pragma: allowlist secret' },
    { gate: 'sast', ruleId: 'eval', line: 'x # pragma: allowlist secret' },
    { gate: 'sast', ruleId: 'eval', line: 'x  # nosec', by: '# nosec' },
    { gate: 'sast', ruleId: 'eval', line: 'x  #nosec B307', by: '# nosec' },
    { gate: 'sast', ruleId: 'eval', line: 'x  // nosemgrep', by: 'nosemgrep' },
    { gate: 'sast', ruleId: 'eval', line: 'x  # nosecurity' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x  # nosec' },
    { gate: 'secrets', ruleId: 'rule-a', line: 'x  // nosemgrep' },
    { gate: 'sast', ruleId: 'eval', line: 'x  # gitleaks:allow' },
  ];
  it.each(markerCases.flatMap((c) => [{ ...c, above: false }, { ...c, above: true }]))(
    '$gate finding of $ruleId with "$line" (line above: $above) -> silenced by $by',
    async ({ gate, ruleId, line, by, reason, above }) => {
      const lines = above ? ['first', line, 'finding here', 'last'] : ['first', line, 'last'];
      const scope = memoryScope({ files: { 'a.py': lines.join('\n') } });
      const loadGate = fakeGates({ [gate]: async () => ({ findings: [finding({ gate, ruleId, file: 'a.py', line: above ? 3 : 2 })], summary: '' }) });
      const report = await runGates(scope, config(), { gates: [gate], baseline: new Map(), loadGate });
      const result = report.gates[0];
      if (by === undefined) {
        expect(result.suppressed).toEqual([]);
        expect(result.findings.map((f) => f.ruleId)).toEqual([ruleId]);
        expect(result.status).toBe('fail');
      } else {
        expect(result.findings).toEqual([]);
        expect(result.suppressed.map((f) => [f.ruleId, f.suppression?.kind, f.suppression?.by, f.suppression?.reason])).toEqual([[ruleId, 'inline', by, reason]]);
        expect(report.suppressedCount).toBe(1);
        expect(result.status).toBe('pass');
      }
    },
  );

  it('does not look two lines up for a marker', async () => {
    const scope = memoryScope({ files: { 'a.py': ['x # wfo-gate-ignore: *', 'between', 'finding here'].join('\n') } });
    const loadGate = fakeGates({ secrets: async () => ({ findings: [finding({ ruleId: 'rule-a', file: 'a.py', line: 3 })], summary: '' }) });
    const report = await runGates(scope, config(), { gates: ['secrets'], baseline: new Map(), loadGate });
    expect(report.gates[0].findings.map((f) => f.ruleId)).toEqual(['rule-a']);
  });
});
