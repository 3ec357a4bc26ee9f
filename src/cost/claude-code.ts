import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { TokenCounts } from './types.js';

// Field names as Claude Code writes its transcripts (checked against ccusage's data loader):
// one JSON object per line; assistant lines carry message.{id, model, usage}, requestId,
// timestamp, cwd, gitBranch, isSidechain, sessionId and, in older versions, costUSD.
interface TranscriptLine {
  type?: string;
  timestamp?: string;
  requestId?: string;
  uuid?: string;
  cwd?: string;
  gitBranch?: string;
  isSidechain?: boolean;
  sessionId?: string;
  costUSD?: number;
  message?: {
    id?: string;
    model?: string;
    usage?: {
      input_tokens?: number;
      output_tokens?: number;
      cache_creation_input_tokens?: number;
      cache_read_input_tokens?: number;
      cache_creation?: { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number };
    };
  };
}

/** One API response, after de-duplication. */
export interface ClaudeUsage {
  /** message.id plus requestId when present: the identity of one billed request. */
  key: string;
  model: string;
  timestamp: string;
  cwd?: string;
  gitBranch?: string;
  sessionId?: string;
  isSidechain: boolean;
  tokens: TokenCounts;
  /** What older Claude Code versions recorded as the line's cost. */
  costUSD?: number;
  file: string;
  line: number;
}

export interface ClaudeImportFilter {
  /** Keep messages at or after this instant. */
  since?: Date;
  /** Keep messages whose cwd lies in this directory. */
  projectRoot?: string;
}

export interface ClaudeReadStats {
  files: number;
  usageLines: number;
  unreadableLines: number;
  messages: number;
  sidechainReplays: number;
  outsideProject: number;
  beforeSince: number;
}

/** Where Claude Code keeps transcripts: $CLAUDE_CONFIG_DIR (comma-separated), ~/.config/claude, ~/.claude. */
export function defaultTranscriptDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env.CLAUDE_CONFIG_DIR ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return [...configured, join(homedir(), '.config', 'claude'), join(homedir(), '.claude')].map((dir) => join(resolve(dir), 'projects'));
}

/** Every *.jsonl below the given folders (each file once, even through symlinked folders). */
export async function findTranscripts(dirs: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    for (const name of await readdir(dir, { recursive: true })) {
      if (!name.endsWith('.jsonl')) continue;
      seen.add(await realpath(join(dir, name)).catch(() => join(dir, name)));
    }
  }
  return [...seen].sort();
}

/**
 * Reads assistant usage from transcripts and de-duplicates it the way the bill works: Claude
 * Code writes a line per content block or streaming snapshot, each repeating the usage, so
 * lines are grouped by message.id + requestId across all files and only the last line of a
 * message counts (earlier ones carry partial output counts). A sidechain line that replays a
 * message also seen in the main chain is dropped in favour of the main chain's line.
 */
export async function readClaudeUsage(files: readonly string[], filter: ClaudeImportFilter = {}): Promise<{ usage: ClaudeUsage[]; stats: ClaudeReadStats }> {
  const stats: ClaudeReadStats = { files: files.length, usageLines: 0, unreadableLines: 0, messages: 0, sidechainReplays: 0, outsideProject: 0, beforeSince: 0 };
  const byKey = new Map<string, ClaudeUsage & { mainSeen: boolean; sideSeen: boolean }>();
  for (const file of files) {
    let lineNo = 0;
    let fileCwd: string | undefined;
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const text of lines) {
      lineNo++;
      if (!text.includes('"usage"')) continue;
      let parsed: TranscriptLine;
      try {
        parsed = JSON.parse(text) as TranscriptLine;
      } catch {
        stats.unreadableLines++;
        continue;
      }
      if (parsed.cwd) fileCwd = parsed.cwd;
      const usage = toUsage(parsed, file, lineNo, fileCwd);
      if (!usage) continue;
      stats.usageLines++;
      const held = byKey.get(usage.key);
      if (!held) {
        byKey.set(usage.key, { ...usage, mainSeen: !usage.isSidechain, sideSeen: usage.isSidechain });
        continue;
      }
      const mainSeen = held.mainSeen || !usage.isSidechain;
      const sideSeen = held.sideSeen || usage.isSidechain;
      const replaces = (held.isSidechain && !usage.isSidechain) || (held.isSidechain === usage.isSidechain && usage.timestamp >= held.timestamp);
      byKey.set(usage.key, replaces ? { ...usage, mainSeen, sideSeen } : { ...held, mainSeen, sideSeen });
    }
  }
  const usage: ClaudeUsage[] = [];
  for (const { mainSeen, sideSeen, ...message } of byKey.values()) {
    if (mainSeen && sideSeen) stats.sidechainReplays++;
    if (filter.since && new Date(message.timestamp) < filter.since) {
      stats.beforeSince++;
      continue;
    }
    if (filter.projectRoot && !(message.cwd && isInside(message.cwd, filter.projectRoot))) {
      stats.outsideProject++;
      continue;
    }
    usage.push(message);
  }
  usage.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.key.localeCompare(b.key));
  stats.messages = usage.length;
  return { usage, stats };
}

function toUsage(line: TranscriptLine, file: string, lineNo: number, fileCwd: string | undefined): ClaudeUsage | undefined {
  const message = line.message;
  const u = message?.usage;
  if (line.type !== 'assistant' || !u || !message?.model || message.model === '<synthetic>' || !line.timestamp) return undefined;
  const id = message.id ?? line.uuid;
  if (!id) return undefined;
  const written = num(u.cache_creation_input_tokens);
  const write1h = num(u.cache_creation?.ephemeral_1h_input_tokens);
  // Without the per-lifetime split (older versions), a cache write is a 5-minute write.
  const write5m = Math.max(num(u.cache_creation?.ephemeral_5m_input_tokens), written - write1h);
  return {
    key: message.id && line.requestId ? `${message.id}:${line.requestId}` : id,
    model: message.model,
    timestamp: line.timestamp,
    cwd: line.cwd ?? fileCwd,
    gitBranch: line.gitBranch || undefined,
    sessionId: line.sessionId,
    isSidechain: line.isSidechain === true,
    tokens: { input: num(u.input_tokens), output: num(u.output_tokens), cacheWrite5m: write5m, cacheWrite1h: write1h, cacheRead: num(u.cache_read_input_tokens) },
    costUSD: typeof line.costUSD === 'number' ? line.costUSD : undefined,
    file,
    line: lineNo,
  };
}

function isInside(path: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}
