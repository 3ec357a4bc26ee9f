import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDayOf, localMonthOf, testNow } from '../helpers/clock.js';
import { CLI, gitEnv, makeRepo } from '../helpers/repo.js';

// WFO_TEST_CLI runs a private build (useful while other builds rewrite dist/ in a shared tree).
const cli = process.env.WFO_TEST_CLI ?? CLI;

function runAsync(cwd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: gitEnv() });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('wfo-gate cost log from 20 processes at once', () => {
  // Generous time limit: 20 Node processes on a small shared CI machine queue for the CPU.
  it('loses no entry and keeps the day and month totals equal to the entries', { timeout: 300_000 }, async () => {
    const repo = makeRepo({ branch: 'feat/parallel' });
    repo.commit('init', { 'README.md': '# x\n' });
    // Today by the suite's clock: mtd.json is the ledger of the current month.
    const day = testNow().toISOString();
    const runs = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? runAsync(repo.dir, ['cost', 'log', '--model', 'claude-sonnet-4-5', '--input', String(1000 * (i + 1)), '--output', '500', '--date', day, '--note', `run ${i}`])
        : runAsync(repo.dir, ['cost', 'log', '--amount', (0.01 * (i + 1)).toFixed(2), '--category', 'compute', '--provider', 'runpod', '--date', day, '--note', `run ${i}`]),
    );
    const results = await Promise.all(runs);
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);

    const dir = join(repo.dir, 'costs');
    const lines = readFileSync(join(dir, 'by-feature.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((l) => l.note)).size).toBe(20);
    expect(new Set(lines.map((l) => l.feature))).toEqual(new Set(['feat/parallel']));
    const sum = lines.reduce((t, l) => t + l.cost, 0);
    const expected =
      Array.from({ length: 10 }, (_, k) => (1000 * (2 * k + 1) * 3 + 500 * 15) / 1e6).reduce((a, b) => a + b) +
      Array.from({ length: 10 }, (_, k) => 0.01 * (2 * k + 2)).reduce((a, b) => a + b);
    expect(sum).toBeCloseTo(expected, 6);

    const dayFile = JSON.parse(readFileSync(join(dir, `daily-${localDayOf(new Date(day))}.json`), 'utf8'));
    const mtd = JSON.parse(readFileSync(join(dir, 'mtd.json'), 'utf8'));
    expect(dayFile.entries).toBe(20);
    expect(dayFile.total).toBeCloseTo(sum, 6);
    expect(dayFile.inference.claude + dayFile.compute.runpod).toBeCloseTo(sum, 6);
    expect(mtd.month).toBe(localMonthOf(new Date(day)));
    expect(mtd.total).toBeCloseTo(sum, 6);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  });
});
