import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCobertura } from '../../src/gates/coverage/parsers/cobertura.js';
import { parseLcov } from '../../src/gates/coverage/parsers/lcov.js';
import { parseReport } from '../../src/gates/coverage/parse-report.js';
import { ReportParseError } from '../../src/gates/coverage/report-error.js';
import { tempDir } from '../helpers/repo.js';
import { runVitestCoverage } from './real-reports.js';

/** A real report cut short, with a line replaced, or with text spliced in. */
function mutated(real: string): fc.Arbitrary<string> {
  const lines = real.split('\n');
  const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('DA:', 'DA:-1,2', 'BRDA:1,0', 'SF:', 'end_of_record', '<line number="x"/>', '</class>', '<!DOCTYPE x [<!ENTITY e "boom">]>', '&e;', '\u0000', '"'));
  return fc.oneof(
    fc.nat(real.length).map((cut) => real.slice(0, cut)),
    fc.tuple(fc.nat(lines.length - 1), junk).map(([i, text]) => [...lines.slice(0, i), text, ...lines.slice(i + 1)].join('\n')),
    fc.tuple(fc.nat(real.length), junk).map(([at, text]) => real.slice(0, at) + text + real.slice(at)),
  );
}

/** Either a result or a ReportParseError naming the file and a line inside it: nothing else. */
function expectParsedOrLocatedError(parse: (text: string, file: string) => unknown, text: string): void {
  try {
    parse(text, 'report-under-test');
  } catch (error) {
    expect(error).toBeInstanceOf(ReportParseError);
    const e = error as ReportParseError;
    expect(e.file).toBe('report-under-test');
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(text.split('\n').length);
    expect(e.message).toMatch(/^report-under-test:\d+: /);
  }
}

describe('malformed and truncated reports never crash the parsers', () => {
  let lcov: string;
  let cobertura: string;
  beforeAll(() => {
    const dir = runVitestCoverage(tempDir('wfo-cov-prop-'));
    lcov = readFileSync(join(dir, 'lcov.info'), 'utf8');
    cobertura = readFileSync(join(dir, 'cobertura-coverage.xml'), 'utf8');
  });

  it('lcov: a result or an error with file and line', () => {
    fc.assert(fc.property(mutated(lcov), (text) => expectParsedOrLocatedError(parseLcov, text)), { numRuns: 500 });
  });

  it('lcov cut inside a record is reported as truncated, never passed as a smaller report', () => {
    const cut = lcov.indexOf('DA:9');
    expect(() => parseLcov(lcov.slice(0, cut), 'lcov.info')).toThrow(/lcov\.info:\d+: truncated: the record of src\/math\.js/);
  });

  it('Cobertura: a result or an error with file and line', () => {
    fc.assert(fc.property(mutated(cobertura), (text) => expectParsedOrLocatedError(parseCobertura, text)), { numRuns: 500 });
  });

  it('any text through format detection: a result or an error with file and line', () => {
    fc.assert(fc.property(fc.oneof(mutated(lcov), mutated(cobertura), fc.string()), (text) => expectParsedOrLocatedError(parseReport, text)), { numRuns: 500 });
  });
});
