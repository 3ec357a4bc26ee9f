import { ResultCache } from '../../core/result-cache.js';
import type { Finding, GateContext } from '../../core/types.js';
import type { Exposure } from './findings.js';
import type { SecretsOptions } from './options.js';
import type { BinaryRule } from './keystore.js';
import type { SecretRule } from './rule.js';

/**
 * What the secrets gate keeps per file: the findings exactly as the report holds them (redacted
 * previews and fingerprints, never a secret), or why the file was not scanned.
 */
export type SecretsCacheValue = { f: Finding[]; b: number } | { s: 'binary' | 'tooLarge'; f?: Finding[] };

/** The gate's cache for this run, or undefined (hooks, diff scopes, `cache: false`). */
export function openSecretsCache(
  ctx: GateContext<SecretsOptions>,
  rules: readonly SecretRule[],
  binary: readonly BinaryRule[],
  exposure: Exposure,
): Promise<ResultCache<SecretsCacheValue> | undefined> {
  const ids = new Set([...rules.map((r) => r.id), ...binary.map((r) => r.id)]);
  const isValue = (value: unknown): value is SecretsCacheValue => {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    if (v.s === 'binary' || v.s === 'tooLarge') return v.f === undefined || (Array.isArray(v.f) && v.f.every((f) => isFinding(f, ids)));
    return Number.isInteger(v.b) && Array.isArray(v.f) && v.f.every((f) => isFinding(f, ids));
  };
  // The rules as they run (built-in and custom, after `disable`), and what else shapes a result:
  // a binary skip cached without the binary rules must not stand for a judged one.
  const parts = { rules, binaryRules: binary.map((r) => r.id), maxFileSize: ctx.scope.maxFileSize, exposure };
  return ResultCache.open(ctx, 'secrets', parts, isValue);
}

function isFinding(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    f.gate === 'secrets' &&
    typeof f.ruleId === 'string' &&
    ids.has(f.ruleId) &&
    typeof f.message === 'string' &&
    typeof f.fingerprint === 'string' &&
    typeof f.file === 'string' &&
    Number.isInteger(f.line) &&
    typeof f.preview === 'string'
  );
}
