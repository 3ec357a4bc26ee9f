// Gemini CLI chats: ~/.gemini/tmp/<project>/chats/session-*.json (one document {sessionId,
// projectHash, startTime, lastUpdated, messages}) or session-*.jsonl (a metadata line, `$set`
// lines, then messages; a message is appended again in full whenever it changes, so the last
// line of an id wins). A `gemini` message carries model and tokens {input, output, cached,
// thoughts, tool, total}: cached is part of input, thoughts are billed as output and are not in
// output, tool is prompt tokens of tool use (billed as input). <project>/.project_root holds
// the working directory (older folders are named by the SHA-256 of the path). No branch.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileLines, findFilesBelow, newStats, num, obj, parseObject, str, tokens, type UsageRecord, type UsageSource } from './usage-source.js';

export function defaultGeminiDirs(): string[] {
  return [join(homedir(), '.gemini', 'tmp')];
}

const SESSION_FILE = /^session-.*\.jsonl?$/;

export const geminiSource: UsageSource = {
  tool: 'gemini',
  pattern: 'chats/session-*.json(l) files',
  defaultDirs: defaultGeminiDirs,
  findFiles: (dirs) => findFilesBelow(dirs, (path) => SESSION_FILE.test(basename(path)) && basename(dirname(path)) === 'chats'),
  async read(files, options = {}) {
    const stats = newStats(files.length);
    const rootHash = options.projectRoot ? createHash('sha256').update(options.projectRoot).digest('hex') : undefined;
    const cwds = new Map<string, string | undefined>();
    const cwdOf = async (project: string): Promise<string | undefined> => {
      if (!cwds.has(project)) {
        const recorded = (await readFile(join(project, '.project_root'), 'utf8').catch(() => '')).trim();
        cwds.set(project, recorded || (basename(project) === rootHash ? options.projectRoot : undefined));
      }
      return cwds.get(project);
    };
    const byKey = new Map<string, UsageRecord & { total: number }>();
    for (const file of files) {
      const cwd = await cwdOf(dirname(dirname(file)));
      let sessionId = basename(file).replace(/\.jsonl?$/, '');
      const messages = new Map<string, { message: Record<string, unknown>; line: number }>();
      if (file.endsWith('.json')) {
        const doc = parseObject(await readFile(file, 'utf8'), stats.malformed, file, 1);
        if (!doc) continue;
        sessionId = str(doc.sessionId) ?? sessionId;
        const list = Array.isArray(doc.messages) ? doc.messages : [];
        list.forEach((m, i) => {
          const message = obj(m);
          const id = str(message?.id) ?? `#${i}`;
          if (!message) return;
          if (message.type === 'gemini' && obj(message.tokens)) stats.usageLines++;
          messages.set(id, { message, line: 1 });
        });
      } else {
        for await (const { lines, first } of fileLines(file)) for (let i = 0; i < lines.length; i++) {
          const text = lines[i];
          const lineNo = first + i;
          if (text.trim() === '') continue;
          const line = parseObject(text, stats.malformed, file, lineNo);
          if (!line) continue;
          if (lineNo === 1 || obj(line.$set)) {
            sessionId = str(line.sessionId) ?? str(obj(line.$set)?.sessionId) ?? sessionId;
            continue;
          }
          const id = str(line.id);
          if (!id) continue;
          if (line.type === 'gemini' && obj(line.tokens)) stats.usageLines++;
          messages.set(id, { message: line, line: lineNo });
        }
      }
      for (const [id, { message, line }] of messages) {
        const t = obj(message.tokens);
        const model = str(message.model);
        const timestamp = str(message.timestamp);
        if (message.type !== 'gemini' || !t || !model || !timestamp || Number.isNaN(Date.parse(timestamp))) continue;
        const cached = Math.min(num(t.cached), num(t.input));
        const thoughts = num(t.thoughts);
        const record = {
          key: `${sessionId}:${id}`,
          model,
          timestamp: new Date(timestamp).toISOString(),
          tokens: tokens(num(t.input) - cached + num(t.tool), num(t.output) + thoughts, cached, thoughts),
          cwd,
          sessionId,
          file,
          line,
          total: num(t.total) || num(t.input) + num(t.output) + thoughts + num(t.tool),
        };
        // The same session in two files (a .json and its .jsonl successor): the fuller count wins.
        const held = byKey.get(record.key);
        if (!held || record.total >= held.total) byKey.set(record.key, record);
      }
    }
    return { records: [...byKey.values()].map(({ total: _total, ...record }) => record), stats };
  },
};
