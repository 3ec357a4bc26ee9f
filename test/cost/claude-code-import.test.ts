import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTranscripts, readClaudeUsage } from '../../src/cost/claude-code.js';
import { testNow } from '../helpers/clock.js';
import { CLI, gitEnv, makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { assistantLine, userLine } from './fixtures.js';

const HOUR = 3600_000;
const now = testNow().getTime();
const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
// WFO_TEST_CLI runs a private build (useful while other builds rewrite dist/ in a shared tree).
const cli = process.env.WFO_TEST_CLI ?? CLI;
const run = (repo: TestRepo, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });

/**
 * A transcript set like a real one: several lines per message (one per content block, output
 * counts growing), the same session resumed into a second file, a sub-agent file replaying a
 * parent message, another project, an old message and a model with no price.
 */
function writeTranscripts(root: string, projectDir: string): string {
  const dir = join(root, 'projects');
  const session = join(dir, '-work-repo');
  mkdirSync(join(session, 'agent-session', 'subagents'), { recursive: true });
  const usage1 = (out: number) => ({ input_tokens: 3, output_tokens: out, cache_creation_input_tokens: 2000, cache_read_input_tokens: 10000 });
  const usage2 = (out: number) => ({
    input_tokens: 5,
    output_tokens: out,
    cache_creation_input_tokens: 4000,
    cache_read_input_tokens: 12000,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 4000 },
  });
  const msg2 = [
    assistantLine({ messageId: 'msg_02', requestId: 'req_02', timestamp: at(5), cwd: projectDir, gitBranch: 'feat/login', usage: usage2(8), block: 'thinking' }),
    assistantLine({ messageId: 'msg_02', requestId: 'req_02', timestamp: at(5), cwd: projectDir, gitBranch: 'feat/login', usage: usage2(300), block: 'tool_use' }),
  ];
  writeFileSync(
    join(session, 'session-a.jsonl'),
    [
      userLine(projectDir, at(6), 'Add the login form'),
      assistantLine({ messageId: 'msg_01', requestId: 'req_01', timestamp: at(6), cwd: projectDir, gitBranch: 'feat/login', usage: usage1(1), block: 'thinking' }),
      assistantLine({ messageId: 'msg_01', requestId: 'req_01', timestamp: at(6), cwd: projectDir, gitBranch: 'feat/login', usage: usage1(40), block: 'text' }),
      assistantLine({ messageId: 'msg_01', requestId: 'req_01', timestamp: at(6), cwd: projectDir, gitBranch: 'feat/login', usage: usage1(120), block: 'tool_use' }),
      ...msg2,
      assistantLine({ messageId: 'msg_03', requestId: 'req_03', timestamp: at(5), cwd: '/somewhere/else', usage: usage1(50) }),
      assistantLine({ messageId: 'msg_04', requestId: 'req_04', timestamp: at(24 * 40), cwd: projectDir, usage: usage1(50) }),
      '{"type":"assistant","message":{"usage": truncated',
    ].join('\n') + '\n',
  );
  // The session resumed: Claude Code copies earlier lines into the new file.
  writeFileSync(
    join(session, 'session-b.jsonl'),
    [
      ...msg2,
      assistantLine({ messageId: 'msg_05', requestId: 'req_05', timestamp: at(2), cwd: projectDir, gitBranch: 'main', model: 'claude-opus-4-1-20250805', usage: { input_tokens: 10, output_tokens: 50 } }),
      assistantLine({ messageId: 'msg_07', requestId: 'req_07', timestamp: at(1), cwd: projectDir, gitBranch: 'main', model: 'claude-sonnet-9-9', usage: { input_tokens: 1000, output_tokens: 1000 } }),
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(session, 'agent-session', 'subagents', 'agent-a4e80a2.jsonl'),
    [
      assistantLine({ messageId: 'msg_01', requestId: 'req_01', timestamp: at(6), cwd: projectDir, gitBranch: 'feat/login', usage: usage1(120), isSidechain: true }),
      assistantLine({ messageId: 'msg_06', requestId: 'req_06', timestamp: at(4), cwd: projectDir, gitBranch: 'feat/login', model: 'claude-haiku-4-5-20251001', usage: { input_tokens: 100, output_tokens: 200 }, isSidechain: true }),
    ].join('\n') + '\n',
  );
  return dir;
}

describe('readClaudeUsage', () => {
  it('keeps one line per API response: the last, from the main chain, across files', async () => {
    const root = tempDir();
    const dir = writeTranscripts(root, '/work/repo');
    const files = await findTranscripts([dir]);
    expect(files).toHaveLength(3);
    const { usage, stats } = await readClaudeUsage(files, { projectRoot: '/work/repo', since: new Date(now - 24 * HOUR) });
    expect(usage.map((u) => [u.key, u.tokens.output, u.isSidechain])).toEqual([
      ['msg_01:req_01', 120, false],
      ['msg_02:req_02', 300, false],
      ['msg_06:req_06', 200, true],
      ['msg_05:req_05', 50, false],
      ['msg_07:req_07', 1000, false],
    ]);
    expect(usage[1].tokens).toEqual({ input: 5, output: 300, cacheWrite5m: 0, cacheWrite1h: 4000, cacheRead: 12000 });
    expect(usage[0].tokens).toMatchObject({ cacheWrite5m: 2000, cacheWrite1h: 0 });
    expect(stats).toMatchObject({ files: 3, usageLines: 13, unreadableLines: 1, sidechainReplays: 1, outsideProject: 1, beforeSince: 1, messages: 5 });
  });
});

describe('wfo-gate cost import claude-code', () => {
  it('imports de-duplicated usage by branch, warns about an unpriced model, and adds nothing on re-import', () => {
    const repo = makeRepo({ branch: 'main' });
    repo.commit('init', { 'README.md': '# x\n' });
    const dir = writeTranscripts(tempDir(), repo.dir);
    const since = new Date(now - 7 * 24 * HOUR).toISOString();

    const first = run(repo, 'cost', 'import', 'claude-code', '--dir', dir, '--since', since);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('13 usage line(s) -> 5 API response(s) (6 repeated line(s) folded, 1 sidechain replay(s), 1 from other projects, 1 before --since)');
    expect(first.stdout).toContain('imported 5 new response(s)');
    expect(first.stderr).toContain('1 response(s) of claude-sonnet-9-9 have no price');

    const ledger = join(repo.dir, 'costs');
    const read = () => readFileSync(join(ledger, 'by-feature.jsonl'), 'utf8');
    const lines = read().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.feature, l.cost ?? null])).toEqual([
      ['claude-code:msg_01:req_01', 'feat/login', 0.012309],
      ['claude-code:msg_02:req_02', 'feat/login', 0.032115],
      ['claude-code:msg_06:req_06', 'feat/login', 0.0011],
      ['claude-code:msg_05:req_05', 'main', 0.0039],
      ['claude-code:msg_07:req_07', 'main', null],
    ]);
    expect(lines[4]).toMatchObject({ unpriced: true, model: 'claude-sonnet-9-9', tokens: { input: 1000, output: 1000 } });
    const dailyTotal = () =>
      readdirSync(ledger)
        .filter((n) => n.startsWith('daily-'))
        .reduce((t, n) => t + JSON.parse(readFileSync(join(ledger, n), 'utf8')).total, 0);
    expect(dailyTotal()).toBeCloseTo(0.049424, 6);

    const before = read();
    const again = run(repo, 'cost', 'import', 'claude-code', '--dir', dir, '--since', since);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('imported 0 new response(s) worth $0.00');
    expect(again.stdout).toContain('5 already there');
    expect(read()).toBe(before);
    expect(dailyTotal()).toBeCloseTo(0.049424, 6);

    // Once the model has a price, importing again prices the line it had left out.
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { budget: { prices: { 'claude-sonnet-9-9': { input: 2, output: 10 } } } } }));
    const priced = run(repo, 'cost', 'import', 'claude-code', '--dir', dir, '--since', since);
    expect(priced.status, priced.stderr).toBe(0);
    expect(priced.stdout).toContain('4 already there; priced 1 earlier unpriced line(s) ($0.01)');
    expect(dailyTotal()).toBeCloseTo(0.049424 + 0.012, 6);
    expect(read().trim().split('\n')).toHaveLength(5);
  });
});
