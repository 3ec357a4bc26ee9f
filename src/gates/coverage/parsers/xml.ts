import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { quoteUserText } from '../../../core/redact-message.js';
import { ReportParseError } from '../report-error.js';

export type XmlNode = Record<string, unknown>;

/**
 * Validates and parses a coverage XML report. The DOCTYPE is blanked out first (kept as
 * whitespace so line numbers stay right): JaCoCo and Cobertura declare external DTDs that must
 * never be fetched, and an internal subset could declare entities we do not want expanded.
 */
export function parseXml(text: string, file: string, arrays: ReadonlySet<string>): XmlNode {
  const body = text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, (doctype) => doctype.replace(/[^\n]/g, ' '));
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (valid !== true) {
    // Unclosed elements are reported at line 1; the report was cut off, so point at its end.
    if (valid.err.code === 'InvalidXml' && /^Invalid '\[/.test(valid.err.msg)) {
      const open = [...valid.err.msg.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
      throw new ReportParseError(file, lastLine(text), `not well-formed XML: truncated, <${open.join('>, <')}> never closed`);
    }
    throw new ReportParseError(file, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
    isArray: (name) => arrays.has(name),
  });
  try {
    return parser.parse(body) as XmlNode;
  } catch (error) {
    // The validator lets a few malformations through that the parser then rejects, without a line.
    const line = /line:?\s*(\d+)/i.exec((error as Error).message)?.[1];
    throw new ReportParseError(file, line ? Math.min(Number(line), lastLine(text)) : 1, `not well-formed XML: ${quoteUserText((error as Error).message, 120)}`);
  }
}

function lastLine(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 && i < text.length - 1) line++;
  return line;
}

/** The 1-based line of the first occurrence of `needle`, for errors about content (not syntax). */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[name];
  return typeof value === 'object' && value !== null ? (value as XmlNode) : undefined;
}

/** A non-negative integer attribute, or an error naming the element. */
export function intAttr(node: XmlNode, name: string, text: string, file: string, element: string): number {
  const raw = node[name];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) {
    const shown = typeof raw === 'string' ? JSON.stringify(quoteUserText(raw)) : 'missing';
    throw new ReportParseError(file, lineOf(text, `${name}="${typeof raw === 'string' ? raw : ''}`), `<${element}> attribute ${name} must be a non-negative integer (${shown})`);
  }
  return Number(raw);
}
