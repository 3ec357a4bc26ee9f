import { fingerprint } from '../../core/fingerprint.js';
import type { Finding } from '../../core/types.js';
import type { SecretHit } from './hits.js';
import type { SecretRule } from './rule.js';

/** How far the secret may have travelled, which decides what the fix must say. */
export type Exposure = 'staged' | 'maybe-pushed' | 'pushed';

export interface HitContext {
  file: string;
  exposure: Exposure;
  isNew?: boolean;
  commit?: string;
  blocking?: boolean;
}

/** A finding that keeps the secret's hash beside it, for de-duplication inside the gate only. */
export interface SecretFinding {
  finding: Finding;
  key: string;
}

/** What a finding takes from its rule: a text rule, or a binary one (keystore.ts). */
export type FindingRule = Pick<SecretRule, 'id' | 'title' | 'severity' | 'provider' | 'rotateUrl'>;

export function secretFinding(rule: FindingRule, hit: SecretHit, context: HitContext): SecretFinding {
  const where = `${context.file}:${hit.line}`;
  const finding: Finding = {
    gate: 'secrets',
    ruleId: rule.id,
    severity: rule.severity,
    message: context.commit ? `${rule.title} added in commit ${context.commit.slice(0, 12)} at ${where}` : `${rule.title} in ${where}`,
    file: context.file,
    line: hit.line,
    column: hit.column,
    fingerprint: fingerprint('secrets', rule.id, context.file, hit.secretSha256),
    fix: fixFor(rule, context.exposure),
    preview: hit.preview,
    confidence: hit.confidence,
  };
  if (context.isNew !== undefined) finding.isNew = context.isNew;
  if (context.commit !== undefined) finding.commit = context.commit;
  if (context.blocking !== undefined) finding.blocking = context.blocking;
  return { finding, key: `${rule.id}\0${context.file}\0${hit.secretSha256}` };
}

export function fixFor(rule: FindingRule, exposure: Exposure): string {
  const rotate = rule.provider
    ? `Rotate it at ${rule.provider}${rule.rotateUrl ? ` (${rule.rotateUrl})` : ''}, then remove it from the code and load it from the environment or a secret manager.`
    : 'Rotate this credential, then remove it from the code and load it from the environment or a secret manager.';
  if (exposure === 'staged') return `${rotate} Unstage it before committing.`;
  const history = 'removing it in a new commit is not enough: it stays in the history, so rotate it first, then rewrite the history if needed.';
  return exposure === 'pushed' ? `${rotate} It is in pushed history: ${history}` : `${rotate} If it was ever pushed, ${history}`;
}
