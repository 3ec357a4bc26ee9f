import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { branchCostFor, renderCostSection } from '../../src/action/cost-section.js';
import { resolveConfig } from '../../src/core/config.js';
import { localMonthOf, testNow } from '../helpers/clock.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { writeCodexSession, writeGeminiChat, writeOpenCodeMessage } from '../cost/agent-fixtures.js';
import { assistantLine } from '../cost/fixtures.js';

// The ledger v2 end to end: spend from four coding agents, on two branches, over two months
// (relative to the suite's clock), imported twice; and a ledger shared by two branches that
// git merges with no conflict.

const json = (text: string) => JSON.parse(text);

function repoWithRemote(): TestRepo {
  const repo = makeRepo({ branch: 'main' });
  repo.commit('init', { 'README.md': '# app\n' });
  repo.git('remote', 'add', 'origin', 'git@github.com:acme/app.git');
  return repo;
}

/** Noon on the 15th of the month before the suite's today: no time zone moves it to another month. */
function lastMonth(): Date {
  const now = testNow();
  return new Date(now.getFullYear(), now.getMonth() - 1, 15, 12);
}

function writeAllFourTools(repo: TestRepo): Record<string, string[]> {
  const now = testNow();
  const before = lastMonth();
  const root = realpathSync(repo.dir);
  const claude = join(tempDir(), 'projects', '-work-app');
  mkdirSync(claude, { recursive: true });
  writeFileSync(
    join(claude, 'session.jsonl'),
    [
      assistantLine({ messageId: 'msg_a1', requestId: 'req_a1', model: 'claude-sonnet-4-5', timestamp: now.toISOString(), cwd: repo.dir, gitBranch: 'feat/a', usage: { input_tokens: 100_000, output_tokens: 10_000 } }),
      assistantLine({ messageId: 'msg_b1', requestId: 'req_b1', model: 'claude-haiku-4-5', timestamp: before.toISOString(), cwd: repo.dir, gitBranch: 'feat/b', usage: { input_tokens: 100_000, output_tokens: 100_000 } }),
    ].join('\n') + '\n',
  );
  const codex = tempDir();
  writeCodexSession({ home: codex, id: '0199a8b2-aaaa-7000-8000-00000000000a', start: now, stepMs: 0, cwd: repo.dir, branch: 'feat/a', model: 'gpt-5', calls: [{ input: 1_000_000, cached: 0, output: 100_000, reasoning: 20_000 }] });
  writeCodexSession({ home: codex, id: '0199a8b2-bbbb-7000-8000-00000000000b', start: before, stepMs: 0, cwd: repo.dir, branch: 'feat/b', model: 'o4-mini', calls: [{ input: 200_000, cached: 100_000, output: 10_000, reasoning: 0 }] });
  const gemini = tempDir();
  writeGeminiChat({ tmp: gemini, project: 'app', projectRoot: root, sessionId: '6f0c2b1e-0000-4000-8000-0000000000b0', format: 'jsonl', model: 'gemini-2.5-flash', messages: [{ id: 'g1', timestamp: now.toISOString(), tokens: { input: 100_000, output: 10_000, cached: 0, thoughts: 0, tool: 0 } }] });
  const opencode = join(tempDir(), 'storage');
  writeOpenCodeMessage({ storage: opencode, sessionID: 'ses_a', id: 'msg_o1', created: before.getTime(), modelID: 'claude-sonnet-4-5', providerID: 'anthropic', cost: 0, cwd: repo.dir, tokens: { input: 100_000, output: 10_000, reasoning: 0, cache: { read: 0, write: 0 } } });
  // Gemini and OpenCode record no branch: the user says which feature the spend was for.
  return {
    'claude-code': ['--dir', join(claude, '..')],
    codex: ['--dir', codex],
    gemini: ['--dir', gemini, '--feature', 'feat/b'],
    opencode: ['--dir', opencode, '--feature', 'feat/a'],
  };
}

describe('cost ledger v2 end to end', () => {
  it('four tools, two branches, two months, imported twice: exact per-branch and per-month figures, and the branch in the PR comment', async () => {
    const repo = repoWithRemote();
    const imports = writeAllFourTools(repo);
    for (const round of [1, 2]) {
      for (const [tool, args] of Object.entries(imports)) {
        const result = repo.run('cost', 'import', tool, ...args);
        expect(result.status, `${tool}: ${result.stderr}`).toBe(0);
        expect(result.stdout, tool).toContain(round === 1 ? 'imported ' : 'imported 0 new response(s) worth $0.00');
      }
    }
    const lines = readFileSync(join(repo.dir, 'costs', 'by-feature.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(6);

    const month = json(repo.run('cost', 'report', '--format', 'json').stdout);
    expect(month.mtd).toBe(2.755);
    expect(month.byBranch).toEqual([
      { branch: 'feat/a', cost: 2.7, requests: 2 },
      { branch: 'feat/b', cost: 0.055, requests: 1 },
    ]);
    expect(month.byTool).toEqual([
      { tool: 'codex', cost: 2.25, requests: 1 },
      { tool: 'claude-code', cost: 0.45, requests: 1 },
      { tool: 'gemini', cost: 0.055, requests: 1 },
    ]);
    expect(month.scale).toEqual([
      { factor: 10, cost: 27.55 },
      { factor: 100, cost: 275.5 },
      { factor: 1000, cost: 2755 },
    ]);
    expect(month.unattributed).toEqual({ cost: 0, lines: 0 });

    const previous = json(repo.run('cost', 'report', '--format', 'json', '--month', localMonthOf(lastMonth())).stdout);
    expect(previous.mtd).toBe(1.2315);
    expect(previous.byBranch).toEqual([
      { branch: 'feat/b', cost: 0.7815, requests: 2 },
      { branch: 'feat/a', cost: 0.45, requests: 1 },
    ]);

    const both = json(repo.run('cost', 'report', '--format', 'json', '--since', `${localMonthOf(lastMonth())}-01`).stdout);
    expect(both).toMatchObject({ period: 'range', from: `${localMonthOf(lastMonth())}-01` });
    expect(both.byBranch.map((b: { branch: string; cost: number }) => [b.branch, b.cost])).toEqual([
      ['feat/a', 3.15],
      ['feat/b', 0.8365],
    ]);

    // The Action's cost section for the pull request of feat/a.
    const gate = repo.run('run', '--gate', 'budget', '--format', 'json');
    const report = json(gate.stdout);
    const spend = await branchCostFor(repo.dir, resolveConfig({}), 'feat/a', 'acme/app');
    const section = renderCostSection(report, 'feat/a', spend)!;
    expect(section).toContain('- Branch `feat/a`: **$3.15** so far, 3 ledger line(s).');
    expect(section).toContain('| gpt-5 | $2.25 | 1 |');
    expect(section).toContain('| claude-sonnet-4-5 | $0.90 | 2 |');
    expect(section).toContain('| codex | $2.25 | 1 |');
    expect(section).toContain('| claude-code | $0.45 | 1 |');
    expect(section).toContain('| opencode | $0.45 | 1 |');
    expect(report.gates[0].metrics['cost.mtd']).toBe(2.755);
    expect(section).not.toContain('| gemini |');
  });

  it('two branches that each log spend merge with plain git merge: no conflict, and the totals are the sum', () => {
    const repo = repoWithRemote();
    const log = (amount: string) => {
      const result = repo.run('cost', 'log', '--amount', amount, '--category', 'api', '--provider', 'serpapi');
      expect(result.status, result.stderr).toBe(0);
    };
    log('1.00');
    expect(readFileSync(join(repo.dir, '.gitattributes'), 'utf8')).toContain('costs/by-feature.jsonl merge=union');
    repo.commit('ledger');
    expect(repo.git('ls-files', 'costs').trim().split('\n')).toEqual(['costs/.gitignore', 'costs/by-feature.jsonl']);
    repo.git('checkout', '-q', '-b', 'feat/a');
    log('2.00');
    repo.commit('a spends');
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'feat/b');
    log('4.00');
    repo.commit('b spends');
    repo.git('merge', '-q', '--no-edit', 'feat/a');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    expect(readFileSync(join(repo.dir, 'costs', 'by-feature.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);

    const report = json(repo.run('cost', 'report', '--format', 'json').stdout);
    expect(report.mtd).toBe(7);
    expect(report.byBranch.map((b: { branch: string; cost: number }) => [b.branch, b.cost])).toEqual([
      ['feat/b', 4],
      ['feat/a', 2],
      ['main', 1],
    ]);
    // The local mtd.json still has feat/b's figures: the doctor and the gate say so, --fix rebuilds.
    const doctor = repo.run('cost', 'doctor');
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(/disagree with the entries: .*mtd\.json/);
    const gate = json(repo.run('run', '--gate', 'budget', '--format', 'json').stdout).gates[0];
    expect(gate.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('budget.ledger-drift');
    expect(gate.metrics['cost.mtd']).toBe(7);
    const fixed = repo.run('cost', 'doctor', '--fix');
    expect(fixed.status, fixed.stdout + fixed.stderr).toBe(0);
    expect(json(readFileSync(join(repo.dir, 'costs', 'mtd.json'), 'utf8')).total).toBe(7);
    const again = repo.run('cost', 'doctor');
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toContain('the daily and month files agree with the entries');
  });
});
