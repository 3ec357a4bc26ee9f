// OpenCode's file storage: $XDG_DATA_HOME/opencode/storage/message/<sessionID>/<messageID>.json,
// one message per file: {id, sessionID, role, time: {created (ms epoch)}, modelID, providerID,
// cost (USD the tool computed, may be 0), tokens: {input, output, reasoning, cache: {read,
// write}}, path: {cwd, root}}. `input` excludes cache reads and writes; `reasoning` is a bucket
// of its own, billed as output. Newer builds keep the same in a SQLite opencode.db, which this
// importer does not read (Node 20 has no node:sqlite): it says so when it finds one.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { findFilesBelow, newStats, num, obj, parseObject, str, tokens, type UsageRecord, type UsageSource } from './usage-source.js';

export function defaultOpenCodeDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const data = env.XDG_DATA_HOME ? resolve(env.XDG_DATA_HOME) : join(homedir(), '.local', 'share');
  return [join(data, 'opencode', 'storage')];
}

/** The storage folder's message/ folder, whichever of data dir, opencode/, storage/ or message/ was given. */
function messageDirs(dir: string): string[] {
  return [dir, join(dir, 'message'), join(dir, 'storage', 'message'), join(dir, 'opencode', 'storage', 'message')].filter((d) => basename(d) === 'message' && existsSync(d));
}

export const openCodeSource: UsageSource = {
  tool: 'opencode',
  pattern: 'storage/message/<session>/<message>.json files',
  defaultDirs: defaultOpenCodeDirs,
  findFiles: (dirs) => findFilesBelow(dirs.flatMap(messageDirs), (path) => path.endsWith('.json')),
  async folderNotes(dirs) {
    const notes: string[] = [];
    for (const dir of dirs) {
      for (const db of [join(dir, 'opencode.db'), join(dir, 'opencode', 'opencode.db'), join(dirname(dir), 'opencode.db')]) {
        if (existsSync(db) && !notes.some((n) => n.includes(db))) {
          notes.push(`${db} is not read (SQLite storage needs node:sqlite, which this Node version does not have unflagged): messages kept only there are not imported`);
        }
      }
    }
    return notes;
  },
  async read(files) {
    const stats = newStats(files.length);
    const byKey = new Map<string, UsageRecord>();
    for (const file of files) {
      const message = parseObject(await readFile(file, 'utf8'), stats.malformed, file, 1);
      if (!message || message.role !== 'assistant') continue;
      const t = obj(message.tokens);
      const model = str(message.modelID);
      const created = obj(message.time)?.created;
      const timestamp = typeof created === 'number' && Number.isFinite(created) ? new Date(created).toISOString() : undefined;
      if (!t || !model || !timestamp) continue;
      stats.usageLines++;
      const cache = obj(t.cache);
      const reasoning = num(t.reasoning);
      const sessionId = str(message.sessionID) ?? basename(dirname(file));
      const id = str(message.id) ?? basename(file, '.json');
      const cost = typeof message.cost === 'number' && Number.isFinite(message.cost) && message.cost > 0 ? message.cost : undefined;
      byKey.set(`${sessionId}:${id}`, {
        key: `${sessionId}:${id}`,
        model,
        timestamp,
        tokens: tokens(num(t.input), num(t.output) + reasoning, num(cache?.read), reasoning, num(cache?.write)),
        cwd: str(obj(message.path)?.cwd) ?? str(obj(message.path)?.root),
        sessionId,
        toolCost: cost,
        file,
        line: 1,
      });
    }
    return { records: [...byKey.values()], stats };
  },
};
