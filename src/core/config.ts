import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { UsageError } from './errors.js';
import { syntaxErrorMessage } from './redact-message.js';
import { readSchema, schemaPath } from './package-info.js';
import { precompiledValidator } from './precompiled.js';
import { GATE_IDS, type BuiltinGateId, type GateId, type ResolvedConfig } from './types.js';

export const CONFIG_FILE = 'wfo-gate.config.json';
const PACKAGE_KEY = 'wfo-gate';

type AjvClass = typeof import('ajv/dist/2020.js').default;
const requireHere = createRequire(import.meta.url);

let validator: ValidateFunction | undefined;
/** Schemas outside gates/ that gate schemas reference (custom rules share the built-in rule shape). */
export const REFERENCED_SCHEMAS = ['secrets-rule.schema.json'];

/**
 * The config validator: precompiled by the build when running from dist/ (compiling the
 * schemas costs more than the rest of a hook's start-up), else compiled once here.
 */
function configValidator(): ValidateFunction {
  if (validator) return validator;
  validator = precompiledValidator('config-validator.cjs', 'config');
  if (validator) return validator;
  // Loaded only here: when the precompiled validator exists, ajv is never imported.
  const ajvModule = requireHere('ajv/dist/2020.js') as { default?: AjvClass } & AjvClass;
  const Ajv2020 = ajvModule.default ?? ajvModule;
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, allowUnionTypes: true });
  for (const file of readdirSync(schemaPath('gates'))) {
    if (file.endsWith('.schema.json')) ajv.addSchema(readSchema(`gates/${file}`));
  }
  for (const file of REFERENCED_SCHEMAS) ajv.addSchema(readSchema(file));
  validator = ajv.compile(readSchema('config.schema.json'));
  return validator;
}

export interface LoadConfigOptions {
  /** Repo root (or directory) to look in. */
  root: string;
  /** An explicit --config path. */
  file?: string;
}

/**
 * Finds, parses and validates the configuration. Every problem is a UsageError listing
 * `file: /json/path: message` lines, so the CLI can exit 2 with them.
 */
export function loadConfig({ root, file }: LoadConfigOptions): ResolvedConfig {
  const found = file ? { path: file, raw: readJsonFile(file) } : findConfig(root);
  if (!found) return resolveConfig({});
  // A file that is there but holds null, an array or a scalar is a mistake, never "no config".
  const { raw } = found;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${displayPath(found.path, root)}: the configuration must be a JSON object, got ${describeJson(raw)}`, [
      'Write an object such as `{ "ci": ["secrets"] }`, or run `wfo-gate init --force` to start over.',
    ]);
  }
  return resolveConfig(raw as Record<string, unknown>, displayPath(found.path, root));
}

/** Validates a config object (applying the schema's defaults) into a ResolvedConfig. */
export function resolveConfig(raw: Record<string, unknown>, file?: string): ResolvedConfig {
  const where = file ?? 'configuration';
  const written = raw.gates && typeof raw.gates === 'object' ? (raw.gates as Record<string, unknown>) : {};
  const explicitGates = new Set<GateId>(Object.keys(written).filter((id) => isBuiltinGate(id) || isCustomSection(written[id])));
  const reserved = GATE_IDS.filter((id) => isCustomSection(written[id]));
  if (reserved.length) {
    throw new UsageError(`${where}: /gates/${reserved[0]}: "${reserved[0]}" is a built-in gate, so it cannot be a custom gate`, [
      `Give the custom gate another id (e.g. "${reserved[0]}-custom") and list it in "ci" or a hook.`,
    ]);
  }
  const data = structuredClone(raw);
  const validate = configValidator();
  const valid = validate(data);
  const problems = [...(valid ? [] : formatSchemaErrors(validate.errors ?? [])), ...unknownListedGates(raw, written)];
  if (problems.length) {
    throw new UsageError(
      `${where} is not a valid wfo-gate configuration`,
      problems.map((line) => `${where}: ${line}`),
    );
  }
  const d = data as Record<string, any>;
  // Not written: every gate, custom ones included, runs in CI.
  if (raw.ci === undefined) d.ci = [...d.ci, ...Object.keys(d.gates).filter((id) => !isBuiltinGate(id))];
  return {
    file,
    onError: d.onError,
    timeoutMs: d.timeoutMs,
    maxFileSize: d.maxFileSize,
    exclude: d.exclude,
    baseline: d.baseline,
    ...(typeof d.cache === 'boolean' ? { cache: d.cache } : {}),
    gates: d.gates,
    explicitGates,
    hooks: d.hooks,
    ci: d.ci,
    raw,
  };
}

/** Ids in the written `ci` and hook lists that are neither built-in gates nor custom gates under `gates`. */
function unknownListedGates(raw: Record<string, unknown>, written: Record<string, unknown>): string[] {
  const hooks = (raw.hooks && typeof raw.hooks === 'object' ? raw.hooks : {}) as Record<string, unknown>;
  const lists: [string, unknown][] = [['/ci', raw.ci], ['/hooks/pre-commit', hooks['pre-commit']], ['/hooks/pre-push', hooks['pre-push']]];
  const allowed = `${GATE_IDS.map((id) => JSON.stringify(id)).join(', ')} or a custom gate's id under "gates"`;
  return lists.flatMap(([path, list]) =>
    Array.isArray(list)
      ? list.flatMap((id, i) =>
          typeof id === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(id) && !isBuiltinGate(id) && !isCustomSection(written[id]) ? [`${path}/${i}: must be one of ${allowed}, got "${id}"`] : [],
        )
      : [],
  );
}

export function isBuiltinGate(id: string): id is BuiltinGateId {
  return (GATE_IDS as readonly string[]).includes(id);
}

function isCustomSection(section: unknown): boolean {
  return typeof section === 'object' && section !== null && (section as { type?: unknown }).type === 'command';
}

/** Every gate id this configuration knows: the built-in ones, then its custom gates. */
export function knownGates(config: ResolvedConfig): GateId[] {
  return [...GATE_IDS, ...Object.keys(config.gates).filter((id) => !isBuiltinGate(id))];
}

/** ajv errors as `/json/path: message`, unknown keys named, duplicates from `$ref` branches folded. */
export function formatSchemaErrors(errors: ErrorObject[]): string[] {
  const lines = new Set<string>();
  // A value that fits none of a oneOf's shapes: one line, not one per shape it missed.
  const alternatives = errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  for (const error of errors) {
    if (alternatives.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const path = error.instancePath || '/';
    if (error.keyword === 'oneOf') {
      lines.add(`${path}: fits none of the allowed shapes (see this key's description in the schema)`);
      continue;
    }
    if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
      const key =
        (error.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
        (error.params as { unevaluatedProperty?: string }).unevaluatedProperty;
      lines.add(`${path === '/' ? '' : path}/${key}: unknown key "${key}"`);
    } else if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      lines.add(`${path}: must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
    } else {
      lines.add(`${path}: ${error.message ?? error.keyword}`);
    }
  }
  return [...lines];
}

function findConfig(root: string): { path: string; raw: unknown } | undefined {
  const configPath = join(root, CONFIG_FILE);
  if (existsSync(configPath)) return { path: configPath, raw: readJsonFile(configPath) };
  const pkgPath = join(root, 'package.json');
  if (existsSync(pkgPath)) {
    const pkg = readJsonFile(pkgPath) as Record<string, unknown> | null;
    if (pkg && typeof pkg === 'object' && PACKAGE_KEY in pkg) {
      return { path: `${pkgPath}#${PACKAGE_KEY}`, raw: pkg[PACKAGE_KEY] };
    }
  }
  return undefined;
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot read the configuration file (${code ?? 'unknown error'})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON: ${syntaxErrorMessage(error, text)}`, [
      'Fix the syntax (a JSON validator or your editor will point at the spot), or run `wfo-gate init --force` to start over.',
    ]);
  }
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function displayPath(path: string | undefined, root: string): string {
  if (!path) return 'configuration';
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
