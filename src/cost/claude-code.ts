import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TokenCounts } from './types.js';
import { fileLines, findFilesBelow, isInside, newStats, num, parseObject, type ReadStats, type UsageRecord, type UsageSource } from './usage-source.js';
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
  /** The first few unreadable lines, as file:line. */
  unreadableAt: string[];
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
  return findFilesBelow(dirs, (path) => path.endsWith('.jsonl'));
}

/**
 * Reads assistant usage from transcripts and de-duplicates it the way the bill works: Claude
 * Code writes a line per content block or streaming snapshot, each repeating the usage, so
 * lines are grouped by message.id + requestId across all files and only the last line of a
 * message counts (earlier ones carry partial output counts). A sidechain line that replays a
 * message also seen in the main chain is dropped in favour of the main chain's line.
 */
export async function readClaudeUsage(files: readonly string[], filter: ClaudeImportFilter = {}): Promise<{ usage: ClaudeUsage[]; stats: ClaudeReadStats }> {
  const read = newStats(files.length);
  const stats: ClaudeReadStats = { files: files.length, usageLines: 0, unreadableLines: 0, unreadableAt: read.malformed.at, messages: 0, sidechainReplays: 0, outsideProject: 0, beforeSince: 0 };
  const byKey = new Map<string, ClaudeUsage & { mainSeen: boolean; sideSeen: boolean }>();
  for (const file of files) {
    let fileCwd: string | undefined;
    for await (const { lines, first } of fileLines(file)) for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      const lineNo = first + i;
      if (!text.includes('"usage"')) continue;
      const parsed = parseObject(text, read.malformed, file, lineNo) as TranscriptLine | undefined;
      if (!parsed) continue;
      if (typeof parsed.cwd === 'string') fileCwd = parsed.cwd;
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
  stats.unreadableLines = read.malformed.count;
  return { usage, stats };
}

function toUsage(line: TranscriptLine, file: string, lineNo: number, fileCwd: string | undefined): ClaudeUsage | undefined {
  const message = line.message && typeof line.message === 'object' ? line.message : undefined;
  const u = message?.usage && typeof message.usage === 'object' ? message.usage : undefined;
  if (line.type !== 'assistant' || !u || typeof message?.model !== 'string' || message.model === '<synthetic>' || typeof line.timestamp !== 'string') return undefined;
  if (Number.isNaN(Date.parse(line.timestamp))) return undefined;
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

/** Claude Code as a source of the import pipeline. */
export const claudeCodeSource: UsageSource = {
  tool: 'claude-code',
  pattern: '*.jsonl transcripts',
  defaultDirs: defaultTranscriptDirs,
  findFiles: findTranscripts,
  async read(files) {
    const { usage, stats } = await readClaudeUsage(files);
    const read: ReadStats = newStats(files.length);
    read.usageLines = stats.usageLines;
    read.malformed.count = stats.unreadableLines;
    read.malformed.at.push(...stats.unreadableAt);
    read.extras.push(`${stats.sidechainReplays} sidechain replay(s)`);
    const records: UsageRecord[] = usage.map((u) => ({
      key: u.key,
      model: u.model,
      timestamp: u.timestamp,
      tokens: u.tokens,
      cwd: u.cwd,
      branch: u.gitBranch,
      sessionId: u.sessionId,
      toolCost: u.costUSD,
      file: u.file,
      line: u.line,
    }));
    return { records, stats: read };
  },
};
