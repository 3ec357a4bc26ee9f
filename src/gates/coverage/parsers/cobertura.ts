import { emptyFile, type FileCoverage, type ParsedReport } from '../model.js';
import { quoteUserText } from '../../../core/redact-message.js';
import { ReportParseError } from '../report-error.js';
import { asArray, child, intAttr, lineOf, parseXml, type XmlNode } from './xml.js';

const ARRAYS = new Set(['source', 'package', 'class', 'method', 'line']);
const CONDITION = /\((\d+)\/(\d+)\)/;

/**
 * Cobertura XML (coverage.py, vitest/istanbul, gocover-cobertura, …). Line coverage comes from
 * each class's own `<lines>` (method `<lines>` repeat them), as diff-cover reads it; several
 * classes of one file (inner classes) are folded by file name.
 */
export function parseCobertura(text: string, file: string): ParsedReport {
  const doc = parseXml(text, file, ARRAYS);
  const root = child(doc, 'coverage');
  if (!root) throw new ReportParseError(file, 1, 'no <coverage> root element: not a Cobertura report');
  const sourceRoots = asArray(child(root, 'sources')?.source as unknown[] | undefined)
    .map((s) => (typeof s === 'string' ? s : String((s as XmlNode)['#text'] ?? '')).trim())
    .filter(Boolean);
  const byPath = new Map<string, FileCoverage>();
  for (const pkg of asArray(child(root, 'packages')?.package as XmlNode[] | undefined)) {
    for (const cls of asArray(child(pkg, 'classes')?.class as XmlNode[] | undefined)) {
      const filename = cls.filename;
      if (typeof filename !== 'string' || filename === '') {
        throw new ReportParseError(file, lineOf(text, `name="${String(cls.name ?? '')}"`), '<class> without a filename attribute');
      }
      let coverage = byPath.get(filename);
      if (!coverage) byPath.set(filename, (coverage = emptyFile(filename)));
      readLines(cls, coverage, text, file);
      for (const method of asArray(child(cls, 'methods')?.method as XmlNode[] | undefined)) {
        const id = `${String(method.name)}${String(method.signature ?? '')}@${firstLine(method) ?? ''}`;
        const hits = method.hits === undefined ? methodHits(method) : intAttr(method, 'hits', text, file, 'method');
        coverage.functions.set(id, Math.max(coverage.functions.get(id) ?? 0, hits));
      }
    }
  }
  return { format: 'cobertura', files: [...byPath.values()], sourceRoots };
}

function readLines(cls: XmlNode, coverage: FileCoverage, text: string, file: string): void {
  for (const line of asArray(child(cls, 'lines')?.line as XmlNode[] | undefined)) {
    const n = intAttr(line, 'number', text, file, 'line');
    const hits = intAttr(line, 'hits', text, file, 'line');
    coverage.lines.set(n, Math.max(coverage.lines.get(n) ?? 0, hits));
    if (line.branch === 'true' && typeof line['condition-coverage'] === 'string') {
      const m = CONDITION.exec(line['condition-coverage']);
      if (!m) throw new ReportParseError(file, lineOf(text, `number="${n}"`), `condition-coverage ${JSON.stringify(quoteUserText(String(line['condition-coverage'])))} is not "P% (covered/total)"`);
      const covered = Number(m[1]);
      const total = Number(m[2]);
      for (let i = 0; i < total; i++) coverage.branches.set(`${n}:${i}`, Math.max(coverage.branches.get(`${n}:${i}`) ?? 0, i < covered ? 1 : 0));
    }
  }
}

function firstLine(method: XmlNode): string | undefined {
  const first = asArray(child(method, 'lines')?.line as XmlNode[] | undefined)[0];
  return typeof first?.number === 'string' ? first.number : undefined;
}

function methodHits(method: XmlNode): number {
  return asArray(child(method, 'lines')?.line as XmlNode[] | undefined).some((l) => Number(l.hits) > 0) ? 1 : 0;
}
