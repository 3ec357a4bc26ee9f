// Codex CLI session files: $CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<uuid>.jsonl and the
// flat archived_sessions/ beside it. Each line is {timestamp, type, payload}: session_meta
// (id, cwd, git), turn_context (the model of the turns that follow) and event_msg token_count,
// whose info.total_token_usage is CUMULATIVE for the session and repeats unchanged at times.
// A call's usage is the step between two consecutive distinct totals; a resumed session that
// replays earlier events in a new file adds nothing, because points are keyed by
// (session id, cumulative total) across all files.
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { TokenCounts } from './types.js';
import { fileLines, findFilesBelow, newStats, num, obj, parseObject, str, tokens, type UsageRecord, type UsageSource } from './usage-source.js';

interface CodexUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

interface Point {
  usage: CodexUsage;
  /** True when the usage is the call's own (last_token_usage with no total). */
  perCall: boolean;
  timestamp: string;
  model: string;
  file: string;
  line: number;
}

interface Session {
  id: string;
  cwd?: string;
  branch?: string;
  repository?: string;
  /** Cumulative total_tokens -> the first event that reached it. */
  points: Map<string, Point>;
}

const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;
export const UNKNOWN_MODEL = '(model not recorded)';
const TOTAL = /"total_token_usage":\{[^{}]*"total_tokens":(\d+)[^{}]*\}/;

export function defaultCodexDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.CODEX_HOME ? resolve(env.CODEX_HOME) : join(homedir(), '.codex');
  return [join(home, 'sessions'), join(home, 'archived_sessions')];
}

/**
 * `{"timestamp":"…","type":"response_item",…}`, as Codex writes every message and tool call:
 * told from the first few dozen characters, where searching the line would read all of it.
 */
function isResponseItem(text: string): boolean {
  if (!text.startsWith('{"timestamp":"')) return false;
  const at = text.indexOf('"', 14);
  return at > 0 && at < 64 && text.startsWith(',"type":"response_item"', at + 1);
}

function usageOf(value: unknown): CodexUsage | undefined {
  const u = obj(value);
  if (!u) return undefined;
  return {
    input: num(u.input_tokens),
    cached: num(u.cached_input_tokens),
    output: num(u.output_tokens),
    reasoning: num(u.reasoning_output_tokens),
    total: num(u.total_tokens) || num(u.input_tokens) + num(u.output_tokens),
  };
}

/** input_tokens includes the cached part; output_tokens includes reasoning (billed as output). */
function toTokens(u: CodexUsage): TokenCounts {
  const cached = Math.min(u.cached, u.input);
  return tokens(u.input - cached, u.output, cached, Math.min(u.reasoning, u.output));
}

function minus(a: CodexUsage, b: CodexUsage | undefined): CodexUsage {
  if (!b) return a;
  const d = (x: number, y: number) => Math.max(0, x - y);
  return { input: d(a.input, b.input), cached: d(a.cached, b.cached), output: d(a.output, b.output), reasoning: d(a.reasoning, b.reasoning), total: d(a.total, b.total) };
}

export const codexSource: UsageSource = {
  tool: 'codex',
  pattern: 'rollout-*.jsonl session files',
  defaultDirs: defaultCodexDirs,
  findFiles: (dirs) => findFilesBelow(dirs, (path) => path.endsWith('.jsonl') && basename(path).startsWith('rollout-')),
  async read(files) {
    const stats = newStats(files.length);
    const sessions = new Map<string, Session>();
    for (const file of files) {
      let session: Session | undefined;
      let model = UNKNOWN_MODEL;
      const sessionFor = (id: string): Session => {
        let s = sessions.get(id);
        if (!s) sessions.set(id, (s = { id, points: new Map() }));
        return s;
      };
      for await (const { lines, first } of fileLines(file)) for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        const lineNo = first + i;
        // Most lines are messages and tool output, some very long: only these three matter.
        if (isResponseItem(text)) continue;
        const isCount = text.includes('"token_count"');
        if (!isCount && !text.includes('"session_meta"') && !text.includes('"turn_context"')) continue;
        // The same cumulative total again (Codex repeats the event): counted, not parsed twice.
        const seen = isCount && session ? TOTAL.exec(text)?.[1] : undefined;
        if (seen !== undefined && session!.points.has(seen)) {
          stats.usageLines++;
          continue;
        }
        const line = parseObject(text, stats.malformed, file, lineNo);
        const payload = obj(line?.payload);
        if (!line || !payload) continue;
        if (line.type === 'session_meta') {
          session = sessionFor(str(payload.id) ?? UUID.exec(file)?.[1] ?? file);
          const git = obj(payload.git);
          session.cwd ??= str(payload.cwd);
          session.branch ??= str(git?.branch);
          session.repository ??= str(git?.repository_url);
          continue;
        }
        if (line.type === 'turn_context') {
          model = str(payload.model) ?? model;
          session ??= sessionFor(UUID.exec(file)?.[1] ?? file);
          session.cwd ??= str(payload.cwd);
          continue;
        }
        if (line.type !== 'event_msg' || payload.type !== 'token_count') continue;
        const info = obj(payload.info);
        if (!info) continue; // a rate-limits-only event
        const total = usageOf(info.total_token_usage);
        const last = usageOf(info.last_token_usage);
        const timestamp = str(line.timestamp);
        if ((!total && !last) || !timestamp || Number.isNaN(Date.parse(timestamp))) continue;
        stats.usageLines++;
        session ??= sessionFor(UUID.exec(file)?.[1] ?? file);
        const key = total ? String(total.total) : `last:${timestamp}:${last!.total}`;
        if (!session.points.has(key)) session.points.set(key, { usage: (total ?? last)!, perCall: !total, timestamp, model, file, line: lineNo });
      }
    }
    const records: UsageRecord[] = [];
    for (const session of sessions.values()) {
      let previous: CodexUsage | undefined;
      const cumulative = [...session.points.values()].filter((p) => !p.perCall).sort((a, b) => a.usage.total - b.usage.total);
      const calls = [
        ...cumulative.map((p) => {
          const step = minus(p.usage, previous);
          previous = p.usage;
          return { key: `${session.id}:${p.usage.total}`, step, p };
        }),
        ...[...session.points.entries()].filter(([, p]) => p.perCall).map(([key, p]) => ({ key: `${session.id}:${key}`, step: p.usage, p })),
      ];
      for (const { key, step, p } of calls) {
        if (step.total === 0 && step.input === 0 && step.output === 0) continue;
        records.push({
          key,
          model: p.model,
          timestamp: new Date(p.timestamp).toISOString(),
          tokens: toTokens(step),
          cwd: session.cwd,
          branch: session.branch,
          repository: session.repository,
          sessionId: session.id,
          file: p.file,
          line: p.line,
        });
      }
    }
    return { records, stats };
  },
};
