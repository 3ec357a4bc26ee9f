import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { PROJECT_ROOT, tempDir } from './repo.js';

const Ajv2020 = ((Ajv2020Module as any).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
const AjvDraft04 = ((AjvDraft04Module as any).default ?? AjvDraft04Module) as typeof AjvDraft04Module.default;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as typeof addFormatsModule.default;

let reportValidator: ReturnType<InstanceType<typeof Ajv2020>['compile']> | undefined;

/** Asserts a JSON report (text or object) validates against schemas/report.schema.json. */
export function expectValidReport(report: unknown): void {
  if (!reportValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    reportValidator = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/report.schema.json'), 'utf8')));
  }
  const data = typeof report === 'string' ? JSON.parse(report) : report;
  const ok = reportValidator(data);
  expect(ok ? [] : reportValidator.errors).toEqual([]);
}

export interface SarifProblem {
  ruleId: string;
  level: string;
  text: string;
}

/**
 * Runs the SARIF authors' own validator (@microsoft/sarif-multitool validate) on a log and
 * returns its error-level results (schema violations are JSON10xx / SARIF10xx errors), and with
 * `warnings` its warnings too (SARIF2xxx: what code scanning needs, e.g. a region per location).
 */
export function sarifErrors(sarifText: string, options: { warnings?: boolean } = {}): SarifProblem[] {
  const dir = tempDir('wfo-sarif-');
  const input = join(dir, 'in.sarif');
  const output = join(dir, 'result.sarif');
  writeFileSync(input, sarifText);
  execFileSync(join(PROJECT_ROOT, 'node_modules/.bin/sarif-multitool'), ['validate', input, '-o', output], { encoding: 'utf8', stdio: 'pipe' });
  const result = JSON.parse(readFileSync(output, 'utf8'));
  const problems: SarifProblem[] = [];
  for (const run of result.runs ?? []) {
    for (const r of run.results ?? []) {
      problems.push({ ruleId: r.ruleId, level: r.level ?? 'warning', text: JSON.stringify(r.message) });
    }
    for (const inv of run.invocations ?? []) {
      for (const n of inv.toolExecutionNotifications ?? []) problems.push({ ruleId: 'notification', level: n.level ?? 'error', text: n.message?.text ?? '' });
    }
  }
  return problems.filter((p) => p.level === 'error' || (options.warnings && p.level === 'warning'));
}

let sarifValidator: ReturnType<InstanceType<typeof AjvDraft04>['compile']> | undefined;

/**
 * The OASIS SARIF 2.1.0 schema's verdict on a log (test/fixtures/sarif), every error with its
 * instancePath and keyword. The multitool's own rules do not check everything the schema says
 * (uniqueItems, for one), so logs are checked against both.
 */
export function sarifSchemaErrors(sarifText: string): string[] {
  if (!sarifValidator) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
  }
  if (sarifValidator(JSON.parse(sarifText))) return [];
  return (sarifValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''}`);
}

/** Valid for the OASIS schema and for the SARIF authors' validator, warnings (SARIF2xxx) included. */
export function expectValidSarif(sarifText: string): void {
  expect(sarifSchemaErrors(sarifText)).toEqual([]);
  expect(sarifErrors(sarifText, { warnings: true })).toEqual([]);
}
