import type { ParsedReport, ReportFormat } from './model.js';
import { syntaxErrorMessage } from '../../core/redact-message.js';
import { ReportParseError } from './report-error.js';
import { parseCobertura } from './parsers/cobertura.js';
import { isCoveragePyJson, parseCoveragePyJson } from './parsers/coverage-py.js';
import { parseGoCoverprofile } from './parsers/go-coverprofile.js';
import { isIstanbulFinal, isIstanbulSummary, parseIstanbulFinal, parseIstanbulSummary } from './parsers/istanbul.js';
import { parseJacoco } from './parsers/jacoco.js';
import { parseLcov } from './parsers/lcov.js';

/**
 * The format of a report, from its content (a file name says little: coverage.json is
 * coverage.py's or istanbul's, coverage.xml Cobertura's or JaCoCo's). Undefined when unknown.
 */
export function detectFormat(text: string): ReportFormat | 'json' | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^mode: (set|count|atomic)\b/.test(head)) return 'go-coverprofile';
  if (/^(TN|SF|VER):/m.test(head.split('\n', 3).join('\n'))) return 'lcov';
  if (head.startsWith('<')) {
    const root = /<(?!\?|!)([A-Za-z_][\w.-]*)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
    if (root === 'report' || /-\/\/JACOCO\/\/DTD/.test(head)) return 'jacoco';
    if (root === 'coverage' && !/\bclover=|<project\b/.test(head)) return 'cobertura';
    return undefined;
  }
  if (head.startsWith('{')) return 'json';
  return undefined;
}

/** Parses one report of any supported format; every problem is a ReportParseError (file:line). */
export function parseReport(text: string, file: string): ParsedReport {
  const format = detectFormat(text);
  switch (format) {
    case 'lcov':
      return parseLcov(text, file);
    case 'go-coverprofile':
      return parseGoCoverprofile(text, file);
    case 'cobertura':
      return parseCobertura(text, file);
    case 'jacoco':
      return parseJacoco(text, file);
    case 'json':
      return parseJsonReport(text, file);
    default:
      throw new ReportParseError(
        file,
        1,
        'not a coverage report this gate reads (lcov, istanbul JSON, Cobertura XML, coverage.py JSON, Go coverprofile, JaCoCo XML)',
      );
  }
}

function parseJsonReport(text: string, file: string): ParsedReport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ReportParseError(file, jsonErrorLine(text, error), `not valid JSON: ${syntaxErrorMessage(error, text)}`);
  }
  if (isCoveragePyJson(json)) return parseCoveragePyJson(json, file);
  if (isIstanbulSummary(json)) return parseIstanbulSummary(json, file);
  if (isIstanbulFinal(json)) return parseIstanbulFinal(json, file);
  if (typeof json === 'object' && json !== null && Object.keys(json).length === 0) return { format: 'istanbul-final', files: [] };
  throw new ReportParseError(file, 1, 'JSON, but neither istanbul (coverage-final/coverage-summary) nor coverage.py coverage');
}

/** V8's JSON errors say "at position N" (or "line L column C" on newer Node); map to a line. */
function jsonErrorLine(text: string, error: unknown): number {
  const message = (error as Error).message;
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return 1;
  let n = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
