// Building blocks for the provider regexes below. Each rule still ends up as one plain regex
// string (data); these only keep the boundary and assignment conventions identical across rules.

/**
 * `datadog` -> `[dD][aA][tT][aA][dD][oO][gG]`. Node 20 has no inline `(?i:…)`, and an `i` flag
 * would also loosen the secret's own charset (hex would accept `A-F`), so only names go caseless.
 */
export function anyCase(literal: string): string {
  return literal
    .replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`)
    .replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
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
 * A value assigned to a name matched by `name`: `DATADOG_API_KEY=…`, `"datadogKey": "…"`,
 * `datadog.key: …`, `--datadog-key …`, `<datadogKey>…`. Every repetition is bounded, so the
 * cost per starting position is constant.
 */
export function assignedTo(name: string, value: string, edge = String.raw`\w`): string {
  return (
    String.raw`${name}[\w.-]{0,30}["'\]]{0,2}[ \t]{0,4}(?:=>|:=|\?=|::|=|:|,|>|[ \t])[ \t]{0,4}["'\x60]?` +
    String.raw`(?<secret>${value})(?![${edge}])`
  );
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

/** Any one of several literal names, each caseless: `(?:datadog|dd_api)`. */
export function anyCaseOf(...literals: string[]): string {
  return `(?:${literals.map(anyCase).join('|')})`;
}
