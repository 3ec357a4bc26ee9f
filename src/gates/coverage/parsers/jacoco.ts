import { emptyFile, type FileCoverage, type ParsedReport } from '../model.js';
import { ReportParseError } from '../report-error.js';
import { asArray, intAttr, parseXml, type XmlNode } from './xml.js';

const ARRAYS = new Set(['group', 'package', 'class', 'method', 'sourcefile', 'line', 'counter']);

/**
 * JaCoCo XML. Paths are `package/SourceFile.java` (a package path, not a repo path); the path
 * normaliser finds the source root. A line counts as covered when any of its instructions ran
 * (ci > 0), as JaCoCo's own LINE counter and diff-cover do.
 */
export function parseJacoco(text: string, file: string): ParsedReport {
  const doc = parseXml(text, file, ARRAYS);
  const root = doc.report as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw new ReportParseError(file, 1, 'no <report> root element: not a JaCoCo report');
  const files: FileCoverage[] = [];
  for (const pkg of packagesOf(root)) {
    const pkgName = typeof pkg.name === 'string' ? pkg.name : '';
    const methods = new Map<string, Map<string, number>>();
    for (const cls of asArray(pkg.class as XmlNode[] | undefined)) {
      const source = String(cls.sourcefilename ?? '');
      const fns = methods.get(source) ?? new Map<string, number>();
      methods.set(source, fns);
      for (const method of asArray(cls.method as XmlNode[] | undefined)) {
        const counter = asArray(method.counter as XmlNode[] | undefined).find((c) => c.type === 'METHOD');
        const covered = counter ? intAttr(counter, 'covered', text, file, 'counter') : 0;
        fns.set(`${String(cls.name)}.${String(method.name)}${String(method.desc ?? '')}`, covered);
      }
    }
    for (const sf of asArray(pkg.sourcefile as XmlNode[] | undefined)) {
      const name = String(sf.name ?? '');
      const coverage = emptyFile(pkgName ? `${pkgName}/${name}` : name);
      for (const line of asArray(sf.line as XmlNode[] | undefined)) {
        const nr = intAttr(line, 'nr', text, file, 'line');
        const ci = intAttr(line, 'ci', text, file, 'line');
        const mb = intAttr(line, 'mb', text, file, 'line');
        const cb = intAttr(line, 'cb', text, file, 'line');
        intAttr(line, 'mi', text, file, 'line');
        coverage.lines.set(nr, ci > 0 ? 1 : 0);
        for (let i = 0; i < mb + cb; i++) coverage.branches.set(`${nr}:${i}`, i < cb ? 1 : 0);
      }
      coverage.functions = methods.get(name) ?? new Map();
      files.push(coverage);
    }
  }
  return { format: 'jacoco', files };
}

/** Packages directly under the report or inside (nested) groups. */
function packagesOf(node: XmlNode): XmlNode[] {
  const own = asArray(node.package as XmlNode[] | undefined);
  return [...own, ...asArray(node.group as XmlNode[] | undefined).flatMap(packagesOf)];
}
