import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Confidence } from '../../core/types.js';
import { findingConfidence, ruleConfidence } from './confidence.js';
import type { SecretEngine, SecretMatch } from './engine.js';
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
  confidence: Confidence;
}

/** How much of the line before a secret is read for its context. */
const CONTEXT_BEFORE = 120;

function hit(m: SecretMatch, path: string, before: string, column = m.column, secret = m.secret): SecretHit {
  return {
    ruleIndex: m.ruleIndex,
    offset: m.start,
    line: m.line,
    column,
    secretSha256: createHash('sha256').update(secret).digest('hex'),
    preview: redact(secret),
    confidence: findingConfidence(ruleConfidence(m.rule), path, before),
  };
}

export function hitsIn(engine: SecretEngine, text: string, path: string): SecretHit[] {
  return engine.scan(text, path).map((m) => hit(m, path, text.slice(Math.max(m.lineStart, m.start - CONTEXT_BEFORE), m.start)));
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
  const before = (m: SecretMatch) => content.toString('latin1', Math.max(m.lineStart, m.start - CONTEXT_BEFORE), m.start);
  if (isAscii(content)) return matches.map((m) => hit(m, path, before(m)));
  return matches.map((m) => {
    const secret = content.toString('utf8', m.start, m.end);
    const column = content.toString('utf8', m.lineStart, m.start).length + 1;
    return hit(m, path, before(m), column, secret);
  });
}
