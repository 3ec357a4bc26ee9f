import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { SecretEngine } from './engine.js';
import { redact } from './redact.js';

/**
 * One secret found, in the only form that crosses a thread or leaves the scanner: the secret
 * itself is reduced to its SHA-256 (for fingerprints and de-duplication) and a redacted preview.
 */
export interface SecretHit {
  ruleIndex: number;
  /** Offset of the secret in the scanned content (bytes for file content). */
  offset: number;
  line: number;
  column: number;
  secretSha256: string;
  preview: string;
}

function hit(ruleIndex: number, offset: number, line: number, column: number, secret: string): SecretHit {
  return { ruleIndex, offset, line, column, secretSha256: createHash('sha256').update(secret).digest('hex'), preview: redact(secret) };
}

export function hitsIn(engine: SecretEngine, text: string, path: string): SecretHit[] {
  return engine.scan(text, path).map((m) => hit(m.ruleIndex, m.start, m.line, m.column, m.secret));
}

/**
 * Scans file content. It is decoded as latin1 — one char per byte, so the regexes run on a
 * one-byte string, several times faster to make and to search than UTF-8's two-byte strings —
 * and for non-ASCII files each hit's secret and column are re-read as UTF-8 from the bytes,
 * so hashes and positions match a scan of the decoded text (commit lines, another scope).
 */
export function hitsInContent(engine: SecretEngine, content: Buffer, path: string): SecretHit[] {
  const matches = engine.scanLatin1(content, path);
  if (matches.length === 0) return [];
  if (isAscii(content)) return matches.map((m) => hit(m.ruleIndex, m.start, m.line, m.column, m.secret));
  return matches.map((m) => {
    const secret = content.toString('utf8', m.start, m.end);
    const column = content.toString('utf8', m.lineStart, m.start).length + 1;
    return hit(m.ruleIndex, m.start, m.line, column, secret);
  });
}
