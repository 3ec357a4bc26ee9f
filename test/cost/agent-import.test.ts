import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testNow } from '../helpers/clock.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { writeCodexSession, writeGeminiChat, writeOpenCodeMessage } from './agent-fixtures.js';

// `wfo-gate cost import codex|gemini|opencode` on files shaped as each tool writes them.

const HOUR = 3600_000;
const ago = (hours: number) => new Date(testNow().getTime() - hours * HOUR);

function repoWithRemote(): TestRepo {
  const repo = makeRepo({ branch: 'main' });
  repo.commit('init', { 'README.md': '# x\n' });
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/app.git');
  return repo;
}

const ledgerLines = (repo: TestRepo) =>
  readFileSync(join(repo.dir, 'costs', 'by-feature.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('cost import codex', () => {
  it('turns cumulative totals into per-call usage, once, across a resumed session; unknown models are unpriced', () => {
    const repo = repoWithRemote();
    const home = tempDir();
    const id = '0199a8b2-6f3c-7d41-9e2a-5b8c7d6e5f40';
    const c1 = { input: 1000, cached: 200, output: 300, reasoning: 100 };
    const c2 = { input: 2000, cached: 1000, output: 200, reasoning: 50 };
    const c3 = { input: 1500, cached: 800, output: 400, reasoning: 100 };
    const base = { home, id, cwd: repo.dir, branch: 'feat/codex', model: 'gpt-5-codex' };
    writeCodexSession({ ...base, start: ago(5), calls: [c1, c2], extraLines: ['{"timestamp":"2026-11-18T10:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_'] });
    // `codex resume`: a new file that replays the earlier events before the new call.
    writeCodexSession({ ...base, start: ago(3), replayed: [c1, c2], calls: [c3] });
    writeCodexSession({ home, id: '0199a8b2-0000-7000-8000-000000000001', cwd: repo.dir, model: 'gpt-9-ultra', start: ago(2), calls: [{ input: 100, cached: 0, output: 50, reasoning: 0 }], archived: true });

    const first = repo.run('cost', 'import', 'codex', '--dir', home);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('read 3 session file(s): 12 usage line(s) -> 4 API response(s) (8 repeated line(s) folded)');
    expect(first.stdout).toMatch(/skipped 1 malformed line\(s\) \(not a JSON object\): .*rollout-.*\.jsonl:\d+/);
    expect(first.stderr).toContain('1 response(s) of gpt-9-ultra have no price');
    expect(first.stderr).toContain('1 response(s) have no recorded git branch and were charged to (unattributed)');
    const lines = ledgerLines(repo);
    expect(lines.map((l) => [l.model, l.feature, l.branch, l.repository, l.cost ?? null])).toEqual([
      ['gpt-5-codex', 'feat/codex', 'feat/codex', 'acme/app', 0.004025],
      ['gpt-5-codex', 'feat/codex', 'feat/codex', 'acme/app', 0.003375],
      ['gpt-5-codex', 'feat/codex', 'feat/codex', 'acme/app', 0.004975],
      ['gpt-9-ultra', '(unattributed)', undefined, 'acme/app', null],
    ]);
    expect(lines[0].tokens).toEqual({ input: 800, output: 300, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 200, reasoning: 100 });
    expect(lines[3]).toMatchObject({ unpriced: true, source: 'codex' });

    const before = readFileSync(join(repo.dir, 'costs', 'by-feature.jsonl'), 'utf8');
    const again = repo.run('cost', 'import', 'codex', '--dir', home);
    expect(again.stdout).toContain('imported 0 new response(s) worth $0.00 into costs/; 4 already there');
    expect(readFileSync(join(repo.dir, 'costs', 'by-feature.jsonl'), 'utf8')).toBe(before);
  });
});

describe('cost import gemini', () => {
  it('reads both chat formats, keeps the last version of a message, finds the project by .project_root or path hash', () => {
    const repo = repoWithRemote();
    const tmp = tempDir();
    const root = realpathSync(repo.dir);
    const t = (hours: number) => ago(hours).toISOString();
    writeGeminiChat({
      tmp,
      project: 'app',
      projectRoot: root,
      sessionId: '6f0c2b1e-8a9d-4c3b-9e7f-1a2b3c4d5e6f',
      format: 'jsonl',
      model: 'gemini-2.5-flash',
      messages: [
        { id: 'm1', timestamp: t(4), tokens: { input: 1000, output: 200, cached: 400, thoughts: 50, tool: 30 } },
        { id: 'm2', timestamp: t(3), tokens: { input: 5000, output: 1000, cached: 0, thoughts: 0, tool: 0 } },
      ],
      extraLines: ['{"id": "m9", "type": "gemini", "tokens": {'],
    });
    writeGeminiChat({
      tmp,
      project: createHash('sha256').update(root).digest('hex'),
      sessionId: '1d2c3b4a-0000-4000-8000-00000000000a',
      format: 'json',
      model: 'gemini-2.5-pro',
      messages: [{ id: 'm3', timestamp: t(2), tokens: { input: 2000, output: 100, cached: 1000, thoughts: 100, tool: 0 } }],
    });
    writeGeminiChat({ tmp, project: 'other', projectRoot: '/elsewhere/proj', sessionId: 'ffff', format: 'jsonl', model: 'gemini-2.5-flash', messages: [{ id: 'x', timestamp: t(1), tokens: { input: 10, output: 1, cached: 0, thoughts: 0, tool: 0 } }] });

    const first = repo.run('cost', 'import', 'gemini', '--dir', tmp, '--feature', 'feat/gemini');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('read 3 session file(s): 7 usage line(s) -> 3 API response(s) (3 repeated line(s) folded, 1 from other projects)');
    expect(first.stdout).toMatch(/skipped 1 malformed line\(s\).*session-.*\.jsonl:10/);
    const lines = ledgerLines(repo);
    expect(lines.map((l) => [l.model, l.feature, l.branch, l.cost])).toEqual([
      ['gemini-2.5-flash', 'feat/gemini', undefined, 0.000826],
      ['gemini-2.5-flash', 'feat/gemini', undefined, 0.004],
      ['gemini-2.5-pro', 'feat/gemini', undefined, 0.003375],
    ]);
    expect(lines[0].tokens).toEqual({ input: 630, output: 250, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 400, reasoning: 50 });
    expect(repo.run('cost', 'import', 'gemini', '--dir', tmp, '--feature', 'feat/gemini').stdout).toContain('imported 0 new response(s) worth $0.00 into costs/; 3 already there');
  });
});

describe('cost import opencode', () => {
  it('prices tokens itself, uses the tool’s own cost only for an unknown model (labelled), and says a .db is not read', () => {
    const repo = repoWithRemote();
    const data = tempDir();
    const storage = join(data, 'opencode', 'storage');
    const created = ago(2).getTime();
    const common = { storage, sessionID: 'ses_5f2a', cwd: repo.dir };
    writeOpenCodeMessage({ ...common, id: 'msg_01', created, modelID: 'claude-sonnet-4-5', providerID: 'anthropic', cost: 0.01, tokens: { input: 100, output: 50, reasoning: 20, cache: { read: 1000, write: 500 } } });
    writeOpenCodeMessage({ ...common, id: 'msg_02', created: created + 1000, modelID: 'acme-coder-1', providerID: 'acme', cost: 0.02, tokens: { input: 10, output: 10, reasoning: 0, cache: { read: 0, write: 0 } } });
    writeOpenCodeMessage({ ...common, id: 'msg_03', created: created + 2000, modelID: 'acme-coder-1', providerID: 'acme', cost: 0, tokens: { input: 10, output: 10, reasoning: 0, cache: { read: 0, write: 0 } } });
    writeFileSync(join(storage, 'message', 'ses_5f2a', 'msg_bad.json'), '{"id": "msg_bad", "role": "assis');
    mkdirSync(join(data, 'opencode'), { recursive: true });
    writeFileSync(join(data, 'opencode', 'opencode.db'), 'SQLite format 3\0');

    const first = repo.run('cost', 'import', 'opencode', '--dir', storage);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('read 7 session file(s): 3 usage line(s) -> 3 API response(s) (0 repeated line(s) folded)');
    expect(first.stdout).toMatch(/skipped 1 malformed line\(s\).*msg_bad\.json:1/);
    expect(first.stderr).toMatch(/opencode\.db is not read/);
    expect(first.stderr).toContain('1 response(s) of models with no price here carry the cost opencode computed');
    expect(first.stderr).toContain('1 response(s) of acme-coder-1 have no price');
    const lines = ledgerLines(repo);
    expect(lines.map((l) => [l.model, l.cost ?? null, l.costSource ?? null, l.feature])).toEqual([
      ['claude-sonnet-4-5', 0.003525, null, '(unattributed)'],
      ['acme-coder-1', 0.02, 'tool', '(unattributed)'],
      ['acme-coder-1', null, null, '(unattributed)'],
    ]);
    expect(lines[0].tokens).toEqual({ input: 100, output: 70, cacheWrite5m: 500, cacheWrite1h: 0, cacheRead: 1000, reasoning: 20 });
    expect(repo.run('cost', 'import', 'opencode', '--dir', storage).stdout).toContain('3 already there');
  });
});
