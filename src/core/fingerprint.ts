import { createHash } from 'node:crypto';
import type { GateId } from './types.js';

/**
 * A finding's identity that survives line moves and reformatting: gate, rule, file and the
 * matched text with whitespace folded. Never feed it a raw secret without hashing: this is
 * a one-way SHA-256, so the fingerprint itself reveals nothing.
 */
export function fingerprint(gate: GateId, ruleId: string, file: string | undefined, match: string): string {
  const normalized = match.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(`${gate}\0${ruleId}\0${file ?? ''}\0${normalized}`)
    .digest('hex')
    .slice(0, 32);
}
