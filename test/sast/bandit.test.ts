import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { memoryScope } from '../../src/core/memory-scope.js';
import gate from '../../src/gates/sast/index.js';
import type { SastOptions } from '../../src/gates/sast/options.js';
import { requireTool, TOOLS } from '../helpers/tools.js';

// Runs the real bandit (.ci/run installs Debian's package): the adapter is only worth what it
// does with the tool's actual output.
// Missing, every test here fails naming bandit and its install command (there is no fallback).
function banditVersion(): string {
  requireTool(TOOLS.bandit);
  return execFileSync('bandit', ['--version'], { encoding: 'utf8' }).split('\n')[0].split(' ')[1];
}

describe('sast gate with bandit', () => {
  it('merges bandit findings, names the version it ran, and keeps one finding per class and line', async () => {
    const version = banditVersion();
    const config = resolveConfig({ gates: { sast: { bandit: { enabled: true } } } });
    const scope = memoryScope({
      files: {
        'app/jobs.py': 'import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n\ndef check(x):\n    assert x > 0\n',
        'app/bad.py': 'def broken(:\n',
      },
    });
    const outcome = await gate.run({ scope, options: config.gates.sast as unknown as SastOptions, explicit: true, config, signal: new AbortController().signal });
    expect(outcome.status).toBeUndefined();
    expect(outcome.summary).toContain(`bandit ${version}`);
    expect(outcome.summary).toMatch(/1 files it could not read/);
    const line4 = outcome.findings.filter((f) => f.file === 'app/jobs.py' && f.line === 4);
    // Our py-subprocess-shell-true and bandit's B602 are the same command injection: one finding.
    expect(line4).toHaveLength(1);
    const assertion = outcome.findings.find((f) => f.ruleId === 'bandit-B101');
    expect(assertion).toMatchObject({ file: 'app/jobs.py', line: 7, severity: 'low' });
    expect(assertion?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // What bandit itself reported: B404 (import subprocess), B602 (shell=True) and B101 (assert).
    expect(outcome.metrics?.['sast.bandit.findings']).toBe(3);
  });

  it('checks the content the scope sees, not the work tree, and marks new findings in diff-aware scopes', async () => {
    requireTool(TOOLS.bandit);
    const config = resolveConfig({ gates: { sast: { bandit: { enabled: true }, disable: ['command-injection'] } } });
    const scope = memoryScope({
      files: { 'staged.py': 'import os\nos.system(cmd)\nos.system(other)\n' },
      changed: { 'staged.py': [{ start: 3, end: 3 }] },
    });
    const outcome = await gate.run({ scope, options: config.gates.sast as unknown as SastOptions, explicit: true, config, signal: new AbortController().signal });
    const bandit = outcome.findings.filter((f) => f.ruleId === 'bandit-B605');
    expect(bandit.map((f) => [f.line, f.isNew])).toEqual([
      [2, false],
      [3, true],
    ]);
  });
});
