import { createHmac } from 'node:crypto';
// What a captured value looks like, apart from the name it is bound to. A machine-generated
// credential is drawn uniformly from an encoding alphabet, so it holds no counting runs, no
// keyboard rows, no repeated blocks and no stray punctuation; a JWT is two base64url JSON
// objects and a signature. Values that fail these tests are stand-ins written by people
// (documentation, test vectors, corrupted copies), not secrets.

/**
 * The characters of generated tokens: hex, base32, base58, base62, base64 and base64url, and
 * the separators providers put between a token's parts (`.` JWT and Harness, `:` id:secret,
 * `~` RFC 6750 token68, `|` Laravel Sanctum's `id|token`).
 */
const TOKEN_CHAR = /[A-Za-z0-9+/=_.:~|-]/;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/g;
const URL_START = /^[a-z][a-z0-9+.-]{1,20}:\/\//i;
/** More characters outside TOKEN_CHAR than this make a chosen secret (Django's SECRET_KEY), not a damaged token. */
const MAX_STRAY = 2;

/**
 * True when a value bound to a token/key/secret name holds one or two characters outside the
 * token alphabet (`?`, `^`, `%`, `!`, `$`, `&`, `#`, `@`, `*`, `,`, `;`) in an otherwise
 * encoded run: no generator emits that, so it is a hand-edited or deliberately broken value.
 * Three or more such characters read as a secret drawn from a wider alphabet, and are kept.
 */
export function hasStrayCharacters(value: string): boolean {
  // A URL (a webhook, a DSN) is written in URL syntax, `@`, `?`, `&` and `%` included.
  if (URL_START.test(value)) return false;
  let stray = 0;
  // A percent-encoded token (`%2B`, `%3D` in a query string or a SAS signature) is still one.
  for (const c of value.replace(PERCENT_ESCAPE, '')) if (!TOKEN_CHAR.test(c) && ++stray > MAX_STRAY) return false;
  return stray > 0;
}

/** Shortest value judged as a corrupted hex string: below it, a base36 value holds few letters by chance. */
const DAMAGED_HEX_MIN = 20;
/** At most this many letters past `f` in an otherwise hex value make a hand-edited copy. */
const MAX_NON_HEX = 2;

/**
 * True when a value is hex but for one or two letters past `f` (`5488620aa9073q09…`): a hex
 * key someone altered by hand, as test suites do to make a near miss. A random base36 value of
 * 20 characters holds only hex letters but two with odds of about 1 in 30,000, base62 far less;
 * the value must also be single-case, as hex keys are.
 */
export function isDamagedHex(value: string): boolean {
  if (value.length < DAMAGED_HEX_MIN) return false;
  const lower = value === value.toLowerCase();
  if (!lower && value !== value.toUpperCase()) return false;
  let nonHex = 0;
  for (const c of value.toLowerCase()) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) continue;
    if (c < 'g' || c > 'z' || ++nonHex > MAX_NON_HEX) return false;
  }
  return nonHex > 0;
}

/** Keyboard rows, read left to right (their reverse is checked too). */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Characters of a counting or keyboard run that make a value a pattern: `12345`, `abcde`, `qwert`, `98765`. */
const RUN = 5;
/** Characters of an interleaved count that make a value a pattern: `a1b2c3d4`, `1a2b3c4d`. */
const INTERLEAVED = 8;

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
}

/**
 * True when a value is a pattern a person typed, not random output: a counting run of five
 * (`12345`, `vwxyz`, `54321`), a keyboard row of five (`qwert`, `asdfg`), an interleaved count
 * of eight (`a1b2c3d4`), or one block repeated (`k9Xq-k9Xq-k9Xq-`). In a uniformly random
 * 64-character hex token a five-run occurs with probability ~0.2 %, in base62 far less.
 */
export function isPatterned(value: string): boolean {
  const text = value.toLowerCase();
  const n = text.length;
  let up = 1;
  let down = 1;
  let interleaved = 0;
  for (let i = 1; i < n; i++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    const both = isAlnum(a) && isAlnum(b);
    up = both && b - a === 1 ? up + 1 : 1;
    down = both && a - b === 1 ? down + 1 : 1;
    if (up >= RUN || down >= RUN) return true;
    if (i >= 2) {
      const c = text.charCodeAt(i - 2);
      interleaved = isAlnum(c) && isAlnum(b) && b - c === 1 ? interleaved + 1 : 0;
      if (interleaved + 2 >= INTERLEAVED) return true;
    }
  }
  for (const row of KEYBOARD_ROWS) {
    const reversed = [...row].reverse().join('');
    for (let i = 0; i + RUN <= row.length; i++) {
      if (text.includes(row.slice(i, i + RUN)) || text.includes(reversed.slice(i, i + RUN))) return true;
    }
  }
  return isRepeatedBlock(value);
}

/** True when `value` (8+ characters) is one block written two or more times over. */
function isRepeatedBlock(value: string): boolean {
  const n = value.length;
  if (n < 8) return false;
  for (let period = 1; period <= n / 2; period++) {
    if (n % period !== 0) continue;
    let repeats = true;
    for (let i = period; i < n && repeats; i++) repeats = value.charCodeAt(i) === value.charCodeAt(i - period);
    if (repeats) return true;
  }
  return false;
}

const BASE64 = /^[A-Za-z0-9+/]{16,}={0,2}$|^[A-Za-z0-9_-]{16,}={0,2}$/;
/** Plain text: three or more words of letters separated by spaces and punctuation. */
const WORDS = /^[ \t]*[A-Za-z]{2,}(?:[ ,.;:'!?-]{1,3}[A-Za-z]{1,}){2,}[ .!?\r\n]*$/;

/** True when a base64 value decodes to plain words (`dummy text data`): an encoded sentence, not key material. */
export function decodesToWords(value: string): boolean {
  if (!BASE64.test(value)) return false;
  const decoded = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64').toString('latin1');
  return WORDS.test(decoded);
}

/**
 * The HMAC keys the jwt.io debugger fills in (its older and its current default): a token that
 * verifies under one of them was minted in the debugger, and anyone can forge it.
 */
const SAMPLE_HMAC_KEYS = ['your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'a-string-secret-at-least-256-bits-long'];
const HMAC_HASH: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** True when an HS256/384/512 token's signature verifies under a published sample key. */
function signedWithSampleKey(alg: string, value: string): boolean {
  const hash = HMAC_HASH[alg];
  const cut = value.lastIndexOf('.');
  if (hash === undefined || cut < 0) return false;
  const signed = value.slice(0, cut);
  const signature = value.slice(cut + 1);
  return SAMPLE_HMAC_KEYS.some((key) => createHmac(hash, key).update(signed).digest('base64url') === signature);
}

/** The jwt.io debugger's sample claims, copied into documentation and tests everywhere. */
const SAMPLE_CLAIMS = { sub: '1234567890', name: 'John Doe' };

function jsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when a value shaped like a JWT is not one: its header or payload does not decode to a
 * JSON object, the header names no `alg` (RFC 7515 requires it), or the claims are jwt.io's
 * sample ones (`sub` 1234567890, `name` John Doe), whatever key signed them, or it is signed
 * with the debugger's sample HMAC key, whatever it claims.
 */
export function isNotARealJwt(value: string): boolean {
  const [header, payload] = value.split('.');
  const head = header === undefined ? undefined : jsonObject(header);
  const claims = payload === undefined ? undefined : jsonObject(payload);
  if (!head || !claims || typeof head.alg !== 'string') return true;
  return (claims.sub === SAMPLE_CLAIMS.sub && claims.name === SAMPLE_CLAIMS.name) || signedWithSampleKey(head.alg, value);
}

const UUID_V1 = /^([0-9a-f]{8})-([0-9a-f]{4})-1([0-9a-f]{3})-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** 100-ns intervals from the Gregorian reform (1582-10-15) to 1990-01-01 and to 2050-01-01. */
const V1_FROM = 0x01c8_8a1d_5719_0000n;
const V1_TO = 0x020b_ceff_21e0_4000n;

/**
 * True when a value is a time-based UUID (RFC 4122 version 1, its variant bits set and its
 * timestamp between 1990 and 2050): a clock reading and a MAC address, which anyone can
 * predict and no token issuer hands out as a credential. A random hex string takes that
 * shape about once in 100,000.
 */
export function isTimeBasedUuid(value: string): boolean {
  const parts = UUID_V1.exec(value);
  if (!parts) return false;
  const time = (BigInt(`0x${parts[3]}`) << 48n) | (BigInt(`0x${parts[2]}`) << 32n) | BigInt(`0x${parts[1]}`);
  return time >= V1_FROM && time < V1_TO;
}
