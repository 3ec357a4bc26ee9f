import type { Confidence, Severity } from '../../core/types.js';

/**
 * One secret-detection rule: data, not code. Built-in rules live in rules/*.ts as arrays of
 * these; users add their own in config (`gates.secrets.rules`) in the same shape, validated by
 * schemas/secrets-rule.schema.json. Every rule proves itself with its examples.
 */
export interface SecretRule {
  /** kebab-case, unique, stable: it is what users write in `wfo-gate-ignore:` and `disable`. */
  id: string;
  title: string;
  severity: Severity;
  /**
   * How sure a match is before its place is considered (confidence.ts). Default: `medium` for
   * generic rules and rules that need a name bound to the value (the assignment grammar),
   * `high` for formats with a fixed prefix or checksum.
   */
  confidence?: Confidence;
  /**
   * Where the format comes from; every built-in rule states it (the suite checks).
   * `described`: written from a description (the provider's docs, a peer scanner's rule
   * definition) and never checked against a real token. `specified`: the format is fixed by a
   * public specification the rule follows (PEM, JWT, age, a URL's userinfo), so any conforming
   * value is one. Nothing here has been checked against a live token we issued.
   */
  formatSource?: 'described' | 'specified';
  /** Family for reports and per-family accuracy figures, e.g. `cloud`, `ai`, `payments`, `generic`. */
  family: string;
  /** Who issued it: the fix says `rotate it at <provider>`. */
  provider?: string;
  /** Where to revoke/rotate it, if the provider has one page for that. */
  rotateUrl?: string;
  /**
   * JavaScript regex source (no slashes). The secret itself is the named group `secret`, or
   * the first capture group that took part in the match (group 1 unless it sits in an
   * alternative that did not match), or the whole match. Must be linear-time safe: no nested unbounded quantifiers.
   */
  regex: string;
  /**
   * Regex source (the rule's flags) that every secret the rule reports matches on its own, with
   * no look-behind or back-reference: a value bound to a provider's name (`[a-f0-9]{64}`). Where
   * it does not occur within the regex's reach of a keyword, the regex cannot match there, so the
   * engine need not run it (engine.ts, SHAPE_CHECKS).
   */
  valueShape?: string;
  /** Regex flags besides `g`/`d` (added by the engine), e.g. `i` or `m`. */
  flags?: string;
  /**
   * Lower-case literals, at least one of which must occur in the text for the rule to run
   * (the prefilter). Empty only for rules whose regex is cheap and anchored on rare text.
   */
  keywords: string[];
  /**
   * Minimum Shannon entropy (bits per char) of the captured secret. Every rule's secret also
   * passes the engine's global placeholder filter (placeholders.ts: `example`, `${…}`, `{{…}}`,
   * `<your-key>`, `xxxxx`, `***`, `...`, `changeme`, one repeated character).
   */
  entropy?: number;
  /**
   * What the value must look like beyond the regex (value-shape.ts), for rules that have only
   * a name to vouch for the value. `token`: drawn from an encoding alphabet (one or two stray
   * characters such as `?`, `^`, `%` make a damaged copy), not a pattern a person typed (a
   * counting or keyboard run, an interleaved count, a repeated block), not hex with one or two
   * letters past `f`, not base64 of plain words. `jwt`: a header and payload that decode to
   * JSON objects, not jwt.io's sample claims. `password`: a field that holds nothing but a
   * credential, so no check at all, not even the time-based-UUID one (people choose passwords,
   * patterns included; registries issued UUID tokens). None: no shape check (a provider
   * format's prefix and length vouch for it).
   */
  shape?: 'token' | 'jwt' | 'password';
  /**
   * The rule's keywords are names its provider documents for a credential of an exact format
   * (AWS's `aws_secret_access_key`: 40 characters). A value bound to such a name is this rule's
   * to judge: where it does not fit the format (an encrypted blob, a KMS ciphertext), the
   * `token`-shaped generic rules do not report it either.
   */
  ownsName?: boolean;
  /**
   * The rule's keywords are the literal prefixes its provider puts on every token (`sm_pat_`,
   * `cfut_`). A value that begins with one but does not fit the rule's format is a cut-short or
   * altered copy of such a token, so the `token`-shaped generic rules do not report it either.
   * Only prefixes of 4+ characters with 3+ letters and a separator (`_`, `-`, `.`) count:
   * `AKIA`, `sk-` or `1000.` begin ordinary values too.
   */
  ownsPrefix?: boolean;
  /** Regexes, matched in any case; a captured secret matching any of them is a placeholder, not a finding. */
  allow?: string[];
  /** Like `allow`, matched case-sensitively: word shapes (`camelCase`, `lower_words`) that a random mixed-case token is not. */
  allowCased?: string[];
  /**
   * Characters searched on each side of a keyword occurrence. Default: how far the regex can
   * reach (the sum of its quantifiers' bounds, look-arounds included; unbounded = the whole
   * text). Set 0 to always search the whole text.
   */
  window?: number;
  /** Path globs the rule is limited to / never runs on. */
  paths?: { include?: string[]; exclude?: string[] };
  examples: {
    /** The file path the examples are scanned as (for rules with `paths`); default `example.txt`. */
    path?: string;
    /**
     * Lines or snippets that must produce a finding; write the secret in full. Built-in rules
     * state the exact secret of each (`{ text, secret }`); a plain string (custom rules) only
     * requires some secret that occurs in the text.
     */
    match: (string | MatchExample)[];
    /** Lines or snippets that must not produce a finding (from this rule; `firedBy` names others that may). */
    noMatch: (string | NoMatchExample)[];
  };
}

export interface MatchExample {
  text: string;
  /** Exactly what the rule captures in `text`: the token alone, no keyword, quotes or separators; several, in order, when `text` holds several. */
  secret: string | string[];
  /** Other rules that rightly report in `text` too when the whole catalogue runs. */
  alsoFiredBy?: string[];
}

export interface NoMatchExample {
  text: string;
  /** The rules of the catalogue that rightly report in `text` (this rule does not). */
  firedBy: string[];
}

/** The text of an example, whichever form it is written in. */
export function exampleText(example: string | MatchExample | NoMatchExample): string {
  return typeof example === 'string' ? example : example.text;
}
