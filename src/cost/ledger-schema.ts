import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { formatSchemaErrors } from '../core/config.js';
import { readSchema } from '../core/package-info.js';
import { precompiledValidator } from '../core/precompiled.js';
import { syntaxErrorMessage } from '../core/redact-message.js';

type AjvClass = typeof import('ajv/dist/2020.js').default;

export type LedgerFileKind = 'daily' | 'mtd' | 'by-feature' | 'budget-config';

export const SCHEMA_FILES: Record<LedgerFileKind, string> = {
  daily: 'cost-daily.schema.json',
  mtd: 'cost-mtd.schema.json',
  'by-feature': 'cost-by-feature.schema.json',
  'budget-config': 'cost-budget-config.schema.json',
};

/** A ledger file that does not parse or validate: names the file, the JSONL line and the JSON paths. */
export class LedgerError extends Error {
  override name = 'LedgerError';
  constructor(
    readonly file: string,
    readonly problems: string[],
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${problems.join('; ')}`);
  }
}

const validators = new Map<LedgerFileKind, ValidateFunction>();
let ajv: InstanceType<AjvClass> | undefined;

/** Precompiled by the build (dist/ledger-validators.cjs, export = kind), else compiled here once. */
function validator(kind: LedgerFileKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = precompiledValidator('ledger-validators.cjs', kind);
    if (!v) {
      if (!ajv) {
        const loaded = createRequire(import.meta.url)('ajv/dist/2020.js') as { default?: AjvClass } & AjvClass;
        const Ajv2020 = loaded.default ?? loaded;
        ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
      }
      v = ajv.compile(readSchema(SCHEMA_FILES[kind]));
    }
    validators.set(kind, v);
  }
  return v;
}

/** Compiles the validators now, e.g. before taking the ledger lock, so the lock is held for I/O only. */
export function prepareValidators(kinds: readonly LedgerFileKind[]): void {
  for (const kind of kinds) validator(kind);
}

/** Parses and validates one JSON document (a file, or one JSONL line); throws LedgerError. */
export function parseLedgerJson<T>(kind: LedgerFileKind, text: string, file: string, line?: number): T {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new LedgerError(file, [`not valid JSON (${syntaxErrorMessage(error, text)})`], line);
  }
  const validate = validator(kind);
  if (!validate(data)) throw new LedgerError(file, formatSchemaErrors(validate.errors ?? []), line);
  return data as T;
}

/**
 * Serialises a value about to be written to a ledger file and checks it against the file's
 * schema first, so nothing the readers would refuse (a non-finite number becomes `null` in
 * JSON) is ever written. Throws LedgerError naming the file.
 */
export function serializeLedgerJson(kind: LedgerFileKind, value: unknown, file: string, pretty = true): string {
  const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  const validate = validator(kind);
  // A value that is plain JSON data already is what JSON.parse(text) would give back: validated
  // as it is, without parsing 100,000 lines of an import again. Anything else (a non-finite
  // number, an undefined property, a Date) is checked as the readers will see it.
  if (!validate(isPlainJson(value) ? value : JSON.parse(text))) throw new LedgerError(file, [`would not be valid, nothing was written: ${formatSchemaErrors(validate.errors ?? []).join('; ')}`]);
  return text;
}

/** True when JSON.stringify loses nothing of the value: strings, finite numbers, booleans, null, arrays and plain objects of them. */
export function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainJson);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}
