// Regex-source builders shared by the provider rules. They return plain strings, so the
// rules stay data; every repetition in them is bounded, so they stay linear-time safe.

import { boundValue } from '../../grammar.js';

/**
 * A token that carries its own distinctive prefix: `body` must not be glued to a longer run of
 * token characters on either side (`xoxb-…` inside `abcxoxb-…` is not a Slack token).
 * `charsBefore` differs for base64 bodies, which may end in `=` but follow `KEY=`.
 */
export function prefixedToken(body: string, tokenChars = '\\w-', charsBefore = tokenChars): string {
  return `(?<![${charsBefore}])(?<secret>${body})(?![${tokenChars}])`;
}

/**
 * A token whose distinctive part is not at its start (`<32 hex>-us6`, `<36 hex>NRAL`): the
 * regex opens on `anchor` and checks `head` backwards. A regex that opens with a character
 * class is tried at every offset of the text and runs ~30x slower than one that opens with a
 * literal, which V8 finds with a fast scan.
 */
export function anchoredToken(head: string, anchor: string, tail: string, tokenChars = '\\w-', charsBefore = tokenChars): string {
  return `${anchor}${tail}(?![${tokenChars}])(?<=(?<![${charsBefore}])(?<secret>${head}${anchor}${tail}))`;
}

/**
 * A value with no prefix of its own, recognised only when it is bound to a name mentioning
 * the provider, in any of the assignment grammar's shapes (grammar.ts): `MAILGUN_API_KEY=…`,
 * `"linear_secret": "…"`, `sumo_key := …`, `new postmark.Client('…')`. `names` is a regex
 * alternation of provider words; use it with the `i` flag. `lead`: regex of text that may
 * stand right before the value and is not part of the secret (`oauth:`).
 */
export function assignedTo(names: string, value: string, tokenChars = '\\w-', lead = ''): string {
  return boundValue(`(?:${names})`, value, { edge: tokenChars, lead });
}

/** Regex source for a lower-case UUID, the shape many providers use for keys. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';


/**
 * `datadog` -> `[dD][aA][tT][aA][dD][oO][gG]`. Node 20 has no inline `(?i:…)`, and an `i` flag
 * would also loosen the secret's own charset (hex would accept `A-F`), so only names go caseless.
 */
export function anyCase(literal: string): string {
  return caseless(literal.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`));
}

/**
 * A token with a distinctive prefix, not glued to a longer run of its own characters on either
 * side. `edge` is a character-class body; widen it (`\w+/=`) for base64 bodies so a slice of a
 * longer blob does not count. `=` only counts after the token: before it, it is an assignment.
 */
export function standalone(body: string, edge = String.raw`\w`): string {
  const lead = edge.replace('=', '');
  return String.raw`(?<![${lead}])(?<secret>${body})(?![${edge}])`;
}

/**
 * A value bound to a name matched by `name` (already caseless, so no `i` flag loosens the
 * value's charset), in any of the assignment grammar's shapes: `DATADOG_API_KEY=…`,
 * `"datadogKey": "…"`, `datadog.key: …`, `--datadog-key …`, `<datadogKey>…`.
 */
export function assignedToName(name: string, value: string, edge = String.raw`\w`): string {
  return boundValue(name, value, { edge });
}

/**
 * Captured values that are obviously stand-ins: one repeated character, `xxxx`, runs of zeros,
 * counting sequences (`1234567890`, `abcdefghij`: vendors' documented sample tokens), `example`.
 */
export const PLACEHOLDERS: string[] = [
  String.raw`^(.)\1+$`,
  String.raw`[xX]{8}|[*]{4}|0{6}`,
  '0123456789|1234567890|abcdefghij|ABCDEFGHIJ',
  anyCase('example'),
  anyCase('placeholder'),
  anyCase('your') + String.raw`[_-]?`,
];

/** Regex source matching `word` (an alternation of literal words) in any case, without the `i` flag: letters outside classes and escapes become `[xX]`. */
export function caseless(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + source[++i];
    } else if (c === '[') {
      const end = source.indexOf(']', i + 1);
      out += source.slice(i, end + 1);
      i = end;
    } else if (/[a-z]/i.test(c)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else {
      out += c;
    }
  }
  return out;
}

/** Any one of several literal names, each caseless: `(?:datadog|dd_api)`. */
export function anyCaseOf(...literals: string[]): string {
  return `(?:${literals.map(anyCase).join('|')})`;
}
