// The one way text from the user's files and arguments gets into a message we show.
//
// Two halves, because the secrets engine (400+ rules) is too heavy to load on the pre-commit
// path when there is nothing to report:
// - where a message is built, `quoteUserText()` (and `syntaxErrorMessage()` for JSON and YAML
//   parse errors) quotes a short excerpt made of whole words only and hides any very long word,
//   so a token is never cut into a prefix that the secrets rules no longer recognise.
// - where a message is shown (the runner's GateResults, the CLI's and the Action's usage errors),
//   `redactMessage()` loads the secrets engine, once and only then, and replaces every secret
//   its rules find by the same redacted preview findings carry.

import { errorMessage } from './errors.js';
import type { GateResult } from './types.js';

/** Longest excerpt of user text a message quotes, in characters. */
const EXCERPT_CHARS = 60;
/** A longer word (no space in it: a URL, a token, a minified line) is never quoted. */
const WORD_CHARS = 40;

/**
 * A short, single-line excerpt of user text for a message: control characters and line breaks
 * become spaces, a word longer than 40 characters (or already cut short) is replaced by its
 * length, and the excerpt stops at the last whole word that fits in `max` characters.
 */
export function quoteUserText(text: string, max = EXCERPT_CHARS): string {
  const words = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    // A word someone else already cut ("ghp_aB3d…") may be a token's prefix: never quote it.
    .map((word) => (word.length > WORD_CHARS || /(?:…|\.\.\.)["')\]},;]*$/.test(word) ? `…(${word.length} chars)` : word));
  let out = '';
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > max) return `${out} …`.trimStart();
    out = next;
  }
  return out;
}

/**
 * What a JSON or YAML parser said about `text`, without the parser's own excerpt (V8 quotes 10
 * characters either side, the yaml package a context line cut at 80: either can cut a token
 * into a prefix no rule recognises): the problem, its line and column, and an excerpt of that
 * line quoted from `text` itself.
 */
export function syntaxErrorMessage(error: unknown, text: string): string {
  const message = errorMessage(error);
  const yamlAt = (error as { linePos?: { line: number; col: number }[] } | undefined)?.linePos?.[0];
  if (yamlAt) return located(message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').split('\n')[0]!, text, yamlAt.line, yamlAt.col);
  const problem = message
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .replace(/ (?:in JSON )?at position \d+[\s\S]*$/, '')
    .replace(/ in JSON$/, '');
  const at = jsonErrorOffset(message, text);
  if (at === undefined) return problem;
  const before = text.slice(0, at);
  return located(problem, text, before.split('\n').length, at - before.lastIndexOf('\n'));
}

function located(problem: string, text: string, line: number, column: number): string {
  const excerpt = quoteUserText(text.split('\n')[line - 1] ?? '');
  return `${problem} at line ${line}, column ${column}${excerpt ? `: ${excerpt}` : ''}`;
}

/** The offset V8 complains about: given as "position N", or located from its excerpt. */
function jsonErrorOffset(message: string, text: string): number | undefined {
  const position = / at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return undefined;
  const [, token, lead, excerpt, trail] = quoted;
  const start = text.indexOf(excerpt!);
  if (start === -1) return undefined;
  // V8 shows 10 characters on each side of the offending one.
  if (lead) return start + 10;
  if (trail) return start + excerpt!.length - 10;
  return start + Math.max(0, excerpt!.indexOf(token!));
}

type Redactor = (text: string) => string;
let redactor: Promise<Redactor> | undefined;

function loadRedactor(): Promise<Redactor> {
  redactor ??= import('../gates/secrets/redact-text.js').then((m) => m.redactSecrets);
  return redactor;
}

/** `texts` with every secret the secrets rules find replaced by its redacted preview. */
export async function redactMessages(texts: readonly string[]): Promise<string[]> {
  if (texts.every((t) => t === '')) return [...texts];
  const redact = await loadRedactor();
  return texts.map(redact);
}

export async function redactMessage(text: string): Promise<string> {
  return (await redactMessages([text]))[0]!;
}

/**
 * The last line of defence for what every reporter renders: a gate that could not decide
 * explains why with text it read (a parser error, a line of a file), so its `error` and
 * `summary` are redacted. Gates that decided are left alone: no engine is loaded for them.
 */
export async function redactGateErrors(gates: GateResult[]): Promise<void> {
  for (const gate of gates) {
    if (gate.status !== 'error' && gate.error === undefined) continue;
    const [summary, error] = await redactMessages([gate.summary, gate.error ?? '']);
    gate.summary = summary!;
    if (gate.error !== undefined) gate.error = error!;
  }
}
