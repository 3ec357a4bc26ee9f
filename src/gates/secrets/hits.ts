import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Confidence } from '../../core/types.js';
import { findingConfidence, ruleConfidence } from './confidence.js';
import { type SecretEngine, type SecretMatch, isAllowed } from './engine.js';
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
  // A column is the UTF-16 length of the line up to the secret. Matches come in ascending
  // order, so each line is decoded once, a chunk at a time, however many secrets it holds.
  let lineStart = -1;
  let counted = 0;
  let units = 0;
  const hits: SecretHit[] = [];
  for (const m of matches) {
    const secret = content.toString('utf8', m.start, m.end);
    // Allow lists and entropy were applied to the latin1 reading; the secret is the UTF-8 one
    // (an allow pattern such as /…/ only matches it there), as a scan of the decoded text sees it.
    if (secret !== m.secret && isAllowed(engine.rules[m.ruleIndex], secret)) continue;
    if (m.lineStart !== lineStart || m.start < counted) {
      lineStart = counted = m.lineStart;
      units = 0;
    }
    const split = splitPoint(content, m.start, counted);
    units += utf16Length(content, counted, split);
    counted = split;
    const column = units + content.toString('utf8', split, m.start).length + 1;
    hits.push(hit(m, path, before(m), column, secret));
  }
  return hits;
}

/** Bytes decoded at once when counting a line's UTF-16 length. */
const CHUNK = 1 << 20;

/**
 * `content.toString('utf8', from, to).length`, decoding at most CHUNK bytes at a time, so a
 * 100 MB line costs a 1 MB string, not a 200 MB one. `from` must be a split point.
 */
export function utf16Length(content: Buffer, from: number, to: number): number {
  let units = 0;
  while (to - from > CHUNK) {
    const split = splitPoint(content, from + CHUNK, from);
    units += content.toString('utf8', from, split).length;
    from = split;
  }
  return units + content.toString('utf8', from, to).length;
}

/**
 * The nearest offset at or before `at` (and not before `floor`, itself one) where decoding can
 * be split without changing the result: before a byte that is not a continuation byte (it ends
 * any sequence in progress), or after three continuation bytes (no sequence is longer). One
 * lies within every four bytes.
 */
function splitPoint(content: Buffer, at: number, floor: number): number {
  const continuation = (i: number) => (content[i] & 0xc0) === 0x80;
  for (let q = at; q > floor; q--) {
    if (!continuation(q)) return q;
    if (q - floor >= 3 && continuation(q - 1) && continuation(q - 2) && continuation(q - 3)) return q;
  }
  return floor;
}
