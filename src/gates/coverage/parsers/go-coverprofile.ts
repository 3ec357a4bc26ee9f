import { emptyFile, type FileCoverage, type ParsedReport } from '../model.js';
import { quoteUserText } from '../../../core/redact-message.js';
import { ReportParseError } from '../report-error.js';

const MODE = /^mode: (set|count|atomic)\s*$/;
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

/**
 * Go coverprofile (`go test -coverprofile`). File names are import paths; the normaliser maps
 * them through go.mod. A block's count applies to every line it spans; a line is covered only
 * when every block on it ran (the same block listed twice, as -coverpkg writes it, is summed).
 */
export function parseGoCoverprofile(text: string, file: string): ParsedReport {
  const lines = text.split(/\r?\n/);
  if (!MODE.test(lines[0] ?? '')) throw new ReportParseError(file, 1, 'first line must be "mode: set|count|atomic"');
  const blocks = new Map<string, Map<string, { from: number; to: number; count: number }>>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || MODE.test(line)) continue;
    const m = BLOCK.exec(line);
    if (!m) throw new ReportParseError(file, i + 1, `not a coverprofile block "file:l.c,l.c statements count": ${JSON.stringify(quoteUserText(line))}`);
    const [, path, startLine, startCol, endLine, endCol, , count] = m;
    const from = Number(startLine);
    const to = Number(endLine);
    if (from < 1 || to < from) throw new ReportParseError(file, i + 1, `block ends (line ${to}) before it starts (line ${from})`);
    const byBlock = blocks.get(path) ?? new Map();
    blocks.set(path, byBlock);
    const key = `${startLine}.${startCol},${endLine}.${endCol}`;
    const prev = byBlock.get(key);
    byBlock.set(key, { from, to, count: (prev?.count ?? 0) + Number(count) });
  }
  const files: FileCoverage[] = [];
  for (const [path, byBlock] of blocks) {
    const coverage = emptyFile(path);
    for (const block of byBlock.values()) {
      for (let n = block.from; n <= block.to; n++) {
        const prev = coverage.lines.get(n);
        coverage.lines.set(n, prev === undefined ? block.count : Math.min(prev, block.count));
      }
    }
    files.push(coverage);
  }
  return { format: 'go-coverprofile', files };
}
