// The assignment grammar: "a name that says secret, an assignment or a call that binds it, a
// value". One definition for every place secrets are written — code (JS/TS, Python, Go,
// Java/Kotlin, C#, PHP, Ruby, Rust, shell), config (YAML, JSON, TOML, INI, .properties, .env,
// HCL, XML, Dockerfile, Makefile) and command lines — used by the generic rules and by every
// provider rule whose token has no prefix of its own. The functions return regex source, so the
// rules stay data; every repetition is bounded, so the regexes stay linear-time safe.
// rules/grammar-examples.ts holds one example per language and format, run by the suite.

/**
 * The backslashes before a quote: none, one (JSON written in a string, `"{\"token\":\"…\"}"`)
 * or more (that string inside another: `DOCKER_AUTH_CONFIG={\\\"auths\\\": …}` in a TOML string).
 */
const ESCAPE = String.raw`\\{0,3}`;

/** What may close the name before the operator: quotes (escaped in a string too), `]`. */
const CLOSE = String.raw`(?:${ESCAPE}["'\x60]|\]){0,2}`;

/**
 * A type written between the name and `=`: `var token string =` (Go), `token: str =` (Python),
 * `val token: String =` (Kotlin), `let token: &'static str =` (Rust), `token: Optional[str] =`.
 */
const TYPE = String.raw`(?:[ \t]{0,4}:?[ \t]{1,4}&?(?:'static[ \t]{1,4})?[A-Za-z][\w.<>\[\]?*]{0,24})?`;

/**
 * Operators that bind a value: `=` and its compound forms (`:=` Go and Make, `::=` and `:::=`
 * Make, `?=` and `+=` Make, `.=` PHP, `||=` and `??=` JS/Ruby), `=>` (PHP, Ruby, Perl,
 * logstash), `<-` (R). Never `==`, `===`, `=~` or `!=`: those compare.
 */
const ASSIGN = String.raw`(?:(?::{1,3}|[?+.]|\|\||\?\?)?=(?![=~])|=>|<-)`;

/** Regex source that every binding holds: a rule whose regex contains it reads keyword context (confidence.ts). */
export const BINDING_MARK = ASSIGN;

/**
 * Separators that bind without `=`: a YAML/JSON/Ruby `:` (not `::`, `://` or `C:\`; `:\"` in an
 * escaped JSON string is one), the `,` between a
 * key and its value in a call (`setProperty("X_TOKEN", "…")`, `put("apiKey", "…")`: the name is
 * the call's first argument, so a JSON array of names is no binding), the `(` of
 * a setter named after the secret (`.withToken("…")`, `setApiKey("…")`), the `value=` of a
 * key/value element (`<add key="ApiKey" value="…"/>`, .NET appSettings), a dash before a quoted
 * value in notes and logs (`service token - '…'`). Everything binds on
 * one line (`KEY=` then a line break is an empty value), but an XML element's `>` (OPEN); `->`
 * is a member access (C, PHP), no element's end.
 */
const SEPARATE = String.raw`(?::(?![:/\\])|:(?=\\{1,3}["'])|,(?<=\([ \t]{0,4}\\?["'][\w.-]{1,60}\\?["'][ \t]{0,4},)|[ \t]value[ \t]{0,2}=|[ \t]-(?=[ \t]{1,4}["'])|\((?<=(?<![A-Za-z])(?:[wW]ith|[sS]et|[uU]se|[pP]ut|[aA]dd)\w{0,40}\())`;

/**
 * A getter named after the secret that returns a literal: `func getApiToken() string { return "…" }`
 * (Go), `String getApiKey() { return "…"; }` (Java, C#), `def get_token() -> str:` then `return "…"`
 * on the next line (Python), `getSecret(): string { return '…' }` (TypeScript), and an expression
 * body, `fun getToken(): String = "…"` (Kotlin, Scala). Only a quoted value: what a getter
 * returns unquoted is a variable. Provider rules only (`loose`): their value has a shape of its
 * own, while a function returning a generic random literal is as often a default or a fixture.
 */
const RETURNS = String.raw`\(\)(?:[ \t]{0,4}(?:->|:)[ \t]{0,4}[A-Za-z][\w.<>\[\]?*]{0,24}|[ \t]{1,4}[A-Za-z][\w.<>\[\]?*]{0,24})?(?:[ \t]{0,4}[{:]?(?:[ \t]{0,8}|[ \t]{0,4}\r?\n[ \t]{0,32})return[ \t]{1,4}|[ \t]{0,4}=(?![=>]))(?=[ \t]{0,8}[bru]{0,2}\\?["'\x60])`;

/**
 * After `=`, a line break and indentation before a quoted value: a formatter wraps a long
 * assignment (`const apiKey =` then `  "…";` under Prettier, a backslash-free Python line).
 * Never before an unquoted value: `KEY=` then a line break is an empty value.
 */
const WRAPPED = String.raw`(?:[ \t]{0,4}\r?\n[ \t]{0,32}(?=[bru]{0,2}${ESCAPE}["'\x60]))?`;

/** After an XML element's `>`: spaces, or a line break and indentation (`<token>\n    …\n</token>`). */
const OPEN = String.raw`(?:[ \t]{0,8}|[ \t]{0,4}\r?\n[ \t]{0,32})`;

/**
 * A name/value pair: the secret's name is the value of a `name` or `key` field and the secret its
 * sibling `value`, on the same line or the next (Kubernetes `env`, ECS task definitions, ARM
 * templates, CloudFormation `ParameterKey`/`ParameterValue`, Helm `set { name = … value = … }`);
 * or a Terraform variable's `default`, after its `type`, `description` or `sensitive` lines.
 * `valueFrom:` (a reference) is no value.
 */
const PAIR_SIBLING =
  String.raw`[ \t]{0,4}[,{]?(?:[ \t]{0,4}\r?\n(?:[ \t]{0,32}(?:type|description|sensitive|nullable)[ \t]{0,16}=[^\n]{0,120}\r?\n){0,3})?[ \t]{0,32}` +
  String.raw`${ESCAPE}["']?(?:[vV]alue|VALUE|ParameterValue|default)${CLOSE}[ \t]{0,16}(?:[:=](?![=~]))`;
// Looked back at only once the sibling is seen ahead: the lookbehind is costly after every name.
const PAIR_NAME = String.raw`(?<=(?:(?<![\w-])(?:[nN]ame|NAME|[kK]ey|KEY|ParameterKey)${CLOSE}[ \t]{0,4}[:=]|(?<![\w-])variable)[ \t]{0,4}${ESCAPE}["']?[\w.-]{1,80}${CLOSE})`;
// What the sibling needs first, looked at before the costly look-behind: a line break, or the
// value field on this line. (The whole sibling as that look-ahead doubled every rule's
// compile time: each binding regex holds the pair.)
const PAIR_AHEAD = String.raw`(?=[ \t]{0,4}[,{]?[ \t]{0,32}(?:\r?\n|${ESCAPE}["']?(?:[vV]alue|VALUE|ParameterValue|default)))`;
const PAIR = `${PAIR_AHEAD}${PAIR_NAME}${PAIR_SIBLING}`;

/** A Python `b"…"`/`r"…"`/`u"…"` string prefix. */
const PREFIX = String.raw`(?:[bru]{1,2}(?=["']))?`;
/** The quote that may open a value of a known shape, escaped too inside a JSON string. */
const QUOTE = String.raw`${PREFIX}(?:${ESCAPE}["'\x60])?`;

/** Spaces after an opening quote, before the value. */
const QUOTE_PAD = String.raw`(?:(?<=["'\x60])[ \t]{1,2})?`;

/** The longest value read: JWTs and signed tokens run to several hundred characters. */
const MAX_VALUE = 1024;
/** The longest quoted value looked through for its closing quote; past MAX_VALUE it is reported by its start. */
const MAX_QUOTED_VALUE = 4096;
/** An unquoted value has no closing quote to stop at, so each failed start costs its length: half as long. */
const MAX_LINE_VALUE = 512;

/** An authorization scheme written in front of the token inside the value: `"Bearer …"`, `Token …`. */
const SCHEME = String.raw`(?:(?:[bB]earer|[bB]asic|[tT]oken|[bB]ot)[ \t]{1,4})?`;

export interface BindingOptions {
  /**
   * Also bind a name to a value by white space alone (`ENV TOKEN value` in a Dockerfile,
   * `--token value` on a command line), by any call (`new postmark.Client("…")`) and by a getter
   * returning it (`func getAcmeToken() string { return "…" }`, RETURNS). Provider
   * rules use it (their value has a shape of its own); generic rules do not (in prose,
   * `token abc` is a sentence, and `parseToken("…")` reads a token, it does not set one).
   */
  loose?: boolean;
}

/**
 * Where a provider's name may begin inside a longer identifier: after a non-letter, or at a camel hump
 * (`mySonarToken`, `SONAR_TOKEN`). Not in the middle of a lower-case run: `meraki` is no word of
 * `ReactNativeCameraKit`, whose Podfile.lock checksum is no Meraki key.
 */
const WORD_START = String.raw`(?:(?<![a-z])|(?=[A-Z]))`;

/**
 * Regex source that matches `name` (a regex source: an alternation of words, a caseless
 * literal) followed by whatever binds a value to it, up to where the value starts. The name
 * may sit inside a longer identifier: `bintray_TOKEN`, `confluenceToken`, `$sonarToken`,
 * `spring.datasource.password`, `--api-token`.
 */
export function binding(name: string, options: BindingOptions = {}): string {
  const nameTail = String.raw`[\w.-]{0,40}?`;
  const loose = options.loose ? String.raw`|${RETURNS}|[ \t]{0,8}[(,]|[ \t]{1,4}` : '';
  return (
    String.raw`${name}${nameTail}${CLOSE}` +
    String.raw`(?:(?:[ \t]{0,8}|${TYPE}[ \t]{0,8})${ASSIGN}${WRAPPED}|(?<!-)>${OPEN}|[ \t]{0,8}${SEPARATE}|${PAIR}${loose})[ \t]{0,8}`
  );
}

export interface BoundValueOptions extends BindingOptions {
  /** Characters that may not follow the value (it would be a slice of a longer run). Default `\w-`. */
  edge?: string;
  /** Regex of text that may stand right before the value and is not part of it (`oauth:`, `Bearer `). */
  lead?: string;
}

/** Words that say secret, for a name that does not mention the provider (`Key`, `api_token`, `SECRET`). */
const SECRET_WORD = String.raw`(?:[kK]ey|KEY|[tT]oken|TOKEN|[sS]ecret|SECRET|[pP]ass(?:word)?|PASS(?:WORD)?|[cC]redentials?|CREDENTIALS?)`;

/**
 * The provider named shortly before, on the same line or the one above, and the value bound to
 * a word that says secret by `=`, `:` or the dash of notes and logs (as SEPARATE reads it):
 * `mockaroo token = '…'`, `acme token - '…'`, `# Sending request to the airship API` then
 * `Using Key=…`, `func connectToScrapingBee() {` then `// API KEY = …`. Only for values of a
 * known shape (provider rules): a generic value near a provider's name is not enough.
 */
function nearby(name: string): string {
  return (
    String.raw`${name}[^\n]{0,60}?(?:\n[^\n]{0,60}?)?(?<![A-Za-z])${SECRET_WORD}[\w.-]{0,20}?${CLOSE}` +
    String.raw`[ \t]{0,8}(?:${ASSIGN}|:(?![:/\\])|-(?=[ \t]{1,4}["']))[ \t]{0,8}`
  );
}

/**
 * A value of a known shape bound to a name: `MAILGUN_API_KEY=…`, `"linear_secret": "…"`,
 * `sumo_key := …`, `System.setProperty("SONAR_TOKEN", "…")`, `<adafruitKey>\n  …\n</…>`.
 * The value is the named group `secret`.
 */
export function boundValue(name: string, value: string, options: BoundValueOptions = {}): string {
  const { edge = String.raw`\w-`, lead = '' } = options;
  const loose = options.loose ?? true;
  // A provider's name is a word of the identifier; the generic rules' secret words are not
  // (`apikey`, `accesstoken` run on in lower case).
  const named = `${WORD_START}${name}`;
  const bound = loose ? `(?:${binding(named, { loose })}|${nearby(named)})` : binding(named);
  // Inside quotes, a space or two may pad the value (`' B8O9…blh '`), as quotedValue allows.
  return `${bound}${QUOTE}${QUOTE_PAD}${lead}(?<secret>${value})(?![${edge}])`;
}

/**
 * A quoted value of `min`..1024 printable ASCII characters (a string with other characters is
 * prose, an i18n message), after an authorization scheme if it has one (`"Bearer …"`). The
 * closing quote must be the opening one.
 */
export function quotedValue(min: number): string {
  const char = String.raw`[^\s"'\x60\\<>(){}\[\]\x7f-\uffff]`;
  // A longer value (a 1,500-character OAuth token) is reported by its first MAX_VALUE characters:
  // the lookahead finds its closing quote, bounded, instead of letting it escape the rule.
  return String.raw`${PREFIX}${ESCAPE}(?<q>["'\x60])[ \t]{0,2}${SCHEME}(?=${char}{${min},${MAX_QUOTED_VALUE}}[ \t]{0,2}${ESCAPE}\k<q>)(?<secret>${char}{${min},${MAX_VALUE}})(?:${char}{0,${MAX_QUOTED_VALUE - MAX_VALUE}}[ \t]{0,2}${ESCAPE}\k<q>)`;
}

/**
 * An unquoted value running to the end of the line (or a comment, `;`, `&`, a closing tag, the
 * end of the string it is written in, an escaped newline inside a JSON string): `.env`, INI,
 * YAML, `.properties`, Makefile, logs.
 */
export function lineValue(min: number): string {
  return String.raw`${SCHEME}(?<secret>[^\s"'\x60;,()\[\]{}<>\\\x7f-\uffff]{${min},${MAX_LINE_VALUE}})(?=[ \t]{0,16}(?:#|;|&|<|["'\x60]|\\{1,3}[nr"]|\r?$))`;
}
