import { emptyFile, type FileCoverage, type ParsedReport } from '../model.js';
import { ReportParseError } from '../report-error.js';

const COUNT = /^\d+$/;

/**
 * lcov tracefile (geninfo's format, as written by c8, vitest, jest, node --test, lcov itself).
 * Strict where a mistake would change the numbers: a bad count, a record outside `SF:` or a
 * record cut off before `end_of_record` is an error naming the line. Unknown keys are skipped.
 */
export function parseLcov(text: string, file: string): ParsedReport {
  const files: FileCoverage[] = [];
  let current: FileCoverage | undefined;
  let currentStart = 0;
  let lineNo = 0;
  let pos = 0;
  const fail = (reason: string): never => {
    throw new ReportParseError(file, lineNo, reason);
  };
  const count = (value: string | undefined, what: string): number => {
    if (value === undefined || !COUNT.test(value)) fail(`${what} must be a non-negative integer, got ${JSON.stringify(value ?? '')}`);
    return Number(value);
  };
  const inRecord = (key: string): FileCoverage => current ?? fail(`${key} outside a source-file record (no SF: before it)`);

  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    let line = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = line.trim();
    if (line === '') continue;
    if (line === 'end_of_record') {
      if (!current) fail('end_of_record without an SF: record');
      files.push(current!);
      current = undefined;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) fail(`not an lcov record: ${JSON.stringify(line.slice(0, 80))}`);
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    switch (key) {
      case 'SF':
        if (current) fail(`SF: before the end_of_record of ${current.path} (line ${currentStart})`);
        if (value.trim() === '') fail('SF: without a path');
        current = emptyFile(value.trim());
        currentStart = lineNo;
        break;
      case 'DA': {
        const record = inRecord(key);
        const [lineStr, hitsStr] = value.split(',');
        const n = count(lineStr, 'DA line number');
        if (n < 1) fail('DA line number must be 1 or more');
        // Some generators write negative or fractional hits; only "was it run" matters to us.
        const hits = hitsStr !== undefined && /^-?\d+(\.\d+)?(e\+?\d+)?$/i.test(hitsStr) ? Math.max(0, Number(hitsStr)) : fail(`DA hit count is not a number: ${JSON.stringify(hitsStr ?? '')}`);
        record.lines.set(n, (record.lines.get(n) ?? 0) + hits);
        break;
      }
      case 'BRDA': {
        const record = inRecord(key);
        const parts = value.split(',');
        if (parts.length < 4) fail('BRDA needs line,block,branch,taken');
        count(parts[0], 'BRDA line number');
        const taken = parts[3] === '-' ? 0 : count(parts[3], 'BRDA taken count');
        const id = `${parts[0]}:${parts[1]}:${parts.slice(2, -1).join(',')}`;
        record.branches.set(id, (record.branches.get(id) ?? 0) + taken);
        break;
      }
      case 'FN': {
        const record = inRecord(key);
        const parts = value.split(',');
        if (parts.length < 2) fail('FN needs line,name');
        count(parts[0], 'FN line number');
        const name = parts[parts.length - 1];
        if (!record.functions.has(name)) record.functions.set(name, 0);
        break;
      }
      case 'FNDA': {
        const record = inRecord(key);
        const comma = value.indexOf(',');
        if (comma <= 0) fail('FNDA needs count,name');
        const calls = count(value.slice(0, comma), 'FNDA call count');
        const name = value.slice(comma + 1);
        record.functions.set(name, (record.functions.get(name) ?? 0) + calls);
        break;
      }
      case 'LF':
      case 'LH':
      case 'BRF':
      case 'BRH':
      case 'FNF':
      case 'FNH':
        inRecord(key);
        count(value, key);
        break;
      default:
        // TN, VER, FNL, FNA and future keys carry nothing the totals need.
        break;
    }
  }
  if (current) {
    throw new ReportParseError(file, lineNo, `truncated: the record of ${current.path} (from line ${currentStart}) has no end_of_record`);
  }
  if (lineNo === 0 || (files.length === 0 && text.trim() === '')) throw new ReportParseError(file, 1, 'empty lcov report');
  return { format: 'lcov', files };
}
