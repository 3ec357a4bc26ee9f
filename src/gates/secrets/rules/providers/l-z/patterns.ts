// Regex-source builders shared by the L-Z provider rules. They return plain strings, so the
// rules stay data; every repetition in them is bounded, so they stay linear-time safe.

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
 * A value with no prefix of its own, recognised only when it is assigned to a name mentioning
 * the provider: `MAILGUN_API_KEY=…`, `"linear_secret": "…"`, `sumo_key := …`, `new postmark.Client('…')`.
 * `names` is a regex alternation of provider words; use it with the `i` flag. `lead`: regex of
 * text that may stand right before the value and is not part of the secret (`oauth:`).
 */
export function assignedTo(names: string, value: string, tokenChars = '\\w-', lead = ''): string {
  const nameTail = '[\\w.-]{0,30}?';
  const quotes = '[\\s\'"`]{0,3}';
  const operator = '(?:=|:=|::=|:|=>|\\?=|,|\\|\\||\\()';
  const opening = '[\\s\'"`=]{0,5}';
  return `(?:${names})${nameTail}${quotes}${operator}${opening}${lead}(?<secret>${value})(?![${tokenChars}])`;
}

/** Regex source for a lower-case UUID, the shape many providers use for keys. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
