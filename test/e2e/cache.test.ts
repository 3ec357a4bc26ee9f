import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/types.js';
import { makeRepo } from '../helpers/repo.js';

// Planted value assembled at run time so this file itself holds no secret.
const API_KEY = ['a8f3', 'Kq92', 'LmZx', '7Vb4', 'Nw1T'].join('');

function secrets(stdout: string): { metrics: Record<string, number>; findings: Finding[] } {
  const report = JSON.parse(stdout) as Report;
  const gate = report.gates.find((g) => g.gate === 'secrets')!;
  const key = (f: Finding) => `${f.file}\0${String(f.line).padStart(8)}\0${f.ruleId}`;
  return { metrics: gate.metrics ?? {}, findings: [...gate.findings].sort((a, b) => (key(a) < key(b) ? -1 : 1)) };
}

describe('run --all with the result cache (CLI, worker threads)', () => {
  it('a re-run of an unchanged tree reads no file on the workers; --no-cache scans them all and finds the same', () => {
    const repo = makeRepo();
    // Past the gate's worker threshold (200 files), so the worker pool does the reading.
    const files: Record<string, string> = {};
    for (let i = 0; i < 240; i++) files[`src/m${i}.js`] = i % 60 === 0 ? `const api_key = "${API_KEY}${i}";\n` : `export const v${i} = ${i};\n`;
    repo.commit('seed', files);
    const args = ['run', '--all', '--gate', 'secrets', '--format', 'json'];
    const cold = secrets(repo.run(...args).stdout);
    expect(cold.metrics).toMatchObject({ files: 240, scannedFiles: 240, cacheHits: 0, cacheStored: 240 });
    expect(cold.findings).toHaveLength(4);

    const warm = secrets(repo.run(...args).stdout);
    expect(warm.metrics).toMatchObject({ files: 240, scannedFiles: 0, scannedBytes: 0, cacheHits: 240, bytes: cold.metrics.bytes });
    expect(warm.findings).toEqual(cold.findings);

    const uncached = secrets(repo.run(...args, '--no-cache').stdout);
    expect(uncached.metrics.scannedFiles).toBe(240);
    expect(uncached.metrics.cacheHits).toBeUndefined();
    expect(uncached.findings).toEqual(cold.findings);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});
