import { createHash } from 'node:crypto';
import type { SecretEngine } from './engine.js';
import { redact } from './redact.js';

/**
 * One secret found, in the only form that crosses a thread or leaves the scanner: the secret
 * itself is reduced to its SHA-256 (for fingerprints and de-duplication) and a redacted preview.
 */
export interface SecretHit {
  ruleIndex: number;
  line: number;
  column: number;
  secretSha256: string;
  preview: string;
}

export function hitsIn(engine: SecretEngine, text: string, path: string): SecretHit[] {
  return engine.scan(text, path).map((m) => ({
    ruleIndex: m.ruleIndex,
    line: m.line,
    column: m.column,
    secretSha256: createHash('sha256').update(m.secret).digest('hex'),
    preview: redact(m.secret),
  }));
}
