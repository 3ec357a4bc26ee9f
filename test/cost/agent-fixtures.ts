// Session files of Codex CLI, Gemini CLI and OpenCode, in the shapes those tools write them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CodexCall {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
}

interface CodexSession {
  home: string;
  id: string;
  start: Date;
  cwd: string;
  branch?: string;
  repositoryUrl?: string;
  model: string;
  calls: CodexCall[];
  /** Calls already made in an earlier file of the same session (a resume replays them first). */
  replayed?: CodexCall[];
  extraLines?: string[];
  archived?: boolean;
  /** Milliseconds between lines (default 1000; 0 keeps every line at `start`). */
  stepMs?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function add(a: CodexCall, b: CodexCall): CodexCall {
  return { input: a.input + b.input, cached: a.cached + b.cached, output: a.output + b.output, reasoning: a.reasoning + b.reasoning };
}

function usage(c: CodexCall) {
  return { input_tokens: c.input, cached_input_tokens: c.cached, output_tokens: c.output, reasoning_output_tokens: c.reasoning, total_tokens: c.input + c.output };
}

const RATE_LIMITS = { primary: { used_percent: 12.5, window_minutes: 300, resets_in_seconds: 9000 }, secondary: { used_percent: 3, window_minutes: 10080, resets_in_seconds: 500000 } };

/** A rollout file: session_meta, turn_context, and per call a token_count (cumulative total, repeated once unchanged). */
export function writeCodexSession(s: CodexSession): string {
  const d = s.start;
  const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}`;
  const folder = s.archived ? join(s.home, 'archived_sessions') : join(s.home, 'sessions', String(d.getUTCFullYear()), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()));
  const file = join(folder, `rollout-${stamp}-${s.id}.jsonl`);
  let clock = d.getTime();
  const ts = () => new Date((clock += s.stepMs ?? 1000)).toISOString();
  const line = (type: string, payload: unknown) => JSON.stringify({ timestamp: ts(), type, payload });
  const lines = [
    line('session_meta', {
      id: s.id,
      timestamp: d.toISOString(),
      cwd: s.cwd,
      originator: 'codex_cli_rs',
      cli_version: '0.46.0',
      instructions: null,
      model_provider: 'openai',
      ...(s.branch ? { git: { commit_hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', branch: s.branch, repository_url: s.repositoryUrl ?? 'git@github.com:acme/app.git' } } : {}),
    }),
    line('turn_context', { turn_id: 'turn-1', cwd: s.cwd, approval_policy: 'on-request', sandbox_policy: { mode: 'workspace-write' }, model: s.model, effort: 'medium', summary: 'auto' }),
  ];
  let total: CodexCall = { input: 0, cached: 0, output: 0, reasoning: 0 };
  const emit = (call: CodexCall) => {
    total = add(total, call);
    const event = line('event_msg', { type: 'token_count', info: { total_token_usage: usage(total), last_token_usage: usage(call), model_context_window: 272000 }, rate_limits: RATE_LIMITS });
    lines.push(
      line('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'go on' }] }),
      line('event_msg', { type: 'agent_message', message: 'Working on it.' }),
      event,
      event.replace(/"timestamp":"[^"]+"/, `"timestamp":"${ts()}"`),
    );
  };
  for (const call of s.replayed ?? []) emit(call);
  lines.push(line('event_msg', { type: 'token_count', info: null, rate_limits: RATE_LIMITS }));
  for (const call of s.calls) emit(call);
  lines.push(...(s.extraLines ?? []));
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export interface GeminiTokens {
  input: number;
  output: number;
  cached: number;
  thoughts: number;
  tool: number;
}

interface GeminiChat {
  tmp: string;
  /** Folder name under tmp/: a slug of the project's basename (or the SHA-256 of its path, older). */
  project: string;
  /** Written to <project>/.project_root unless undefined. */
  projectRoot?: string;
  sessionId: string;
  format: 'json' | 'jsonl';
  model: string;
  messages: { id: string; timestamp: string; tokens: GeminiTokens }[];
  extraLines?: string[];
}

function geminiTokens(t: GeminiTokens) {
  return { ...t, total: t.input + t.output + t.thoughts + t.tool };
}

/** A chat file in the older one-document form or the newer JSONL form (messages appended again when updated). */
export function writeGeminiChat(c: GeminiChat): string {
  const dir = join(c.tmp, c.project, 'chats');
  mkdirSync(dir, { recursive: true });
  if (c.projectRoot !== undefined) writeFileSync(join(c.tmp, c.project, '.project_root'), c.projectRoot);
  const start = c.messages[0]?.timestamp ?? '2026-01-01T00:00:00.000Z';
  const file = join(dir, `session-${start.slice(0, 16).replace(/:/g, '-')}-${c.sessionId.slice(0, 8)}.${c.format}`);
  const meta = { sessionId: c.sessionId, projectHash: 'c0ffee', startTime: start, lastUpdated: c.messages.at(-1)?.timestamp ?? start };
  const user = (id: string, timestamp: string) => ({ id: `${id}-u`, timestamp, type: 'user', content: [{ text: 'Fix the failing test' }] });
  const gemini = (m: GeminiChat['messages'][number], tokens: GeminiTokens) => ({
    id: m.id,
    timestamp: m.timestamp,
    type: 'gemini',
    content: 'I will read the test first.',
    thoughts: [{ subject: 'Reading', description: 'Looking at the test', timestamp: m.timestamp }],
    toolCalls: [],
    model: c.model,
    tokens: geminiTokens(tokens),
  });
  if (c.format === 'json') {
    const messages = c.messages.flatMap((m) => [user(m.id, m.timestamp), gemini(m, m.tokens)]);
    writeFileSync(file, JSON.stringify({ ...meta, messages }, null, 2));
    return file;
  }
  const lines = [JSON.stringify({ ...meta, kind: 'main' })];
  for (const m of c.messages) {
    lines.push(JSON.stringify(user(m.id, m.timestamp)));
    // Streaming: the message is first written with what was known, then again in full.
    lines.push(JSON.stringify(gemini(m, { ...m.tokens, output: Math.floor(m.tokens.output / 3), thoughts: 0 })));
    lines.push(JSON.stringify({ $set: { lastUpdated: m.timestamp } }));
    lines.push(JSON.stringify(gemini(m, m.tokens)));
  }
  lines.push(...(c.extraLines ?? []));
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface OpenCodeMessage {
  storage: string;
  sessionID: string;
  id: string;
  created: number;
  modelID: string;
  providerID: string;
  cost: number;
  tokens: { input: number; output: number; reasoning: number; cache: { read: number; write: number } };
  cwd: string;
}

/** storage/message/<session>/<message>.json for an assistant message, and the user message before it. */
export function writeOpenCodeMessage(m: OpenCodeMessage): string {
  const file = join(m.storage, 'message', m.sessionID, `${m.id}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    join(dirname(file), `${m.id}-user.json`),
    JSON.stringify({ id: `${m.id}-user`, sessionID: m.sessionID, role: 'user', time: { created: m.created - 2000 } }, null, 2),
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        id: m.id,
        sessionID: m.sessionID,
        role: 'assistant',
        time: { created: m.created, completed: m.created + 4000 },
        modelID: m.modelID,
        providerID: m.providerID,
        mode: 'build',
        system: ['You are opencode.'],
        path: { cwd: m.cwd, root: m.cwd },
        cost: m.cost,
        tokens: m.tokens,
      },
      null,
      2,
    ),
  );
  return file;
}
