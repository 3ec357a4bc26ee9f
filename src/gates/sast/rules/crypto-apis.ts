// Broken or too-weak cryptography, by API: hashes that collide (MD5, SHA-1), ciphers that are
// broken, keys too short to last, fixed IVs, key stretching too cheap to slow a cracker, old
// TLS protocol versions. Each API's own documentation names the weak choice.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, PY, callsFirstArg } from './fragments.js';

/** An integer literal below `n` (RSA/DSA bits, iterations, cost factors). */
function below(n: number): Rule {
  const digits = String(n).length;
  // Fewer digits than n, or as many and lexically smaller: written out as alternatives.
  const shorter = digits > 1 ? `[0-9]{1,${digits - 1}}` : '';
  const same: string[] = [];
  const s = String(n);
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    if (d === 0) continue;
    same.push(`${s.slice(0, i)}[0-${d - 1}]${i + 1 < s.length ? `[0-9]{${s.length - i - 1}}` : ''}`);
  }
  return { kind: 'integer', regex: `^(?:${[shorter, ...same].filter(Boolean).join('|')})$` };
}
const JS_INT_BELOW = (n: number): Rule => ({ ...below(n), kind: 'number' });
const PASSWORD_TEXT = '(?i)pass(?:word|wd|phrase)?|pwd|secret|credential';
/** Names of digests that protect nothing (cache keys, ETags, checksums): MD5/SHA-1 are fine there. */
const NON_SECURITY_DIGEST = '(?i)etag|checksum|cache_?key|cachekey|fingerprint|content_?hash';

const HASH_FIX_JS = "Use SHA-256 or better (crypto.createHash('sha256')); for passwords use scrypt, bcrypt or argon2.";
const HASH_FIX_PY = 'Use hashlib.sha256 or better; for passwords use hashlib.scrypt, bcrypt or argon2 (or pass usedforsecurity=False for non-security checksums).';

export const cryptoApiRules: SastRule[] = [
  defineRule({
    id: 'js-weak-hash-algorithm',
    keywords: ['createHash(', 'createHmac('],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-328'],
    title: 'MD5, MD4 or SHA-1 hash',
    message: 'MD5 and SHA-1 collisions can be computed: signatures, integrity checks and identifiers built on them can be forged.',
    fix: HASH_FIX_JS,
    rule: {
      any: [callsFirstArg(['$C.createHash', 'createHash', '$C.createHmac', 'createHmac'], '$ALG')],
      // A password hashed this way is the stronger finding of js-weak-hash-pw-storage.
      not: {
        any: [
          { inside: { kind: 'call_expression', regex: `^[\\w$.]*createHash\\([^)]*\\)\\s*\\.update\\([^)]*(?:${PASSWORD_TEXT.slice(4)})`, stopBy: 'end' } },
          // Digests that protect nothing: cache keys, ETags, checksums.
          { inside: { any: [{ kind: 'function_declaration' }, { kind: 'method_definition' }, { kind: 'variable_declarator' }], has: { field: 'name', regex: NON_SECURITY_DIGEST }, stopBy: 'end' } },
        ],
      },
    },
    constraints: { ALG: { regex: '^[\'"`](?i:md5|md4|md2|sha1|sha-1|ripemd160|rmd160)[\'"`]$' } },
    examples: {
      match: ["const digest = crypto.createHash('md5').update(fileBuffer).digest('hex');", "const sig = createHmac('sha1', key).update(payload).digest('base64');"],
      noMatch: ["const digest = crypto.createHash('sha256').update(fileBuffer).digest('hex');", 'const digest = crypto.createHash(algorithm).update(data).digest();', "function etag(body) { return crypto.createHash('md5').update(body).digest('hex'); }"],
    },
  }),
  defineRule({
    id: 'js-crypto-js-weak-algorithm',
    keywords: ['CryptoJS'],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-327'],
    title: 'crypto-js MD5, SHA-1, DES, TripleDES or RC4',
    message: 'These crypto-js algorithms are broken: their hashes collide and their ciphers can be brute-forced or are biased.',
    fix: 'Use CryptoJS.SHA256 / CryptoJS.AES (or the platform crypto API with AES-GCM).',
    rule: { kind: 'call_expression', has: { field: 'function', regex: '^CryptoJS\\.(?:MD5|SHA1|HmacMD5|HmacSHA1|DES\\.\\w+|TripleDES\\.\\w+|RC4\\.\\w+|RC4Drop\\.\\w+|Rabbit\\.\\w+)$' } },
    examples: {
      match: ['const h = CryptoJS.MD5(message).toString();', 'const ct = CryptoJS.DES.encrypt(message, key);'],
      noMatch: ['const h = CryptoJS.SHA256(message).toString();', 'const ct = CryptoJS.AES.encrypt(message, key);'],
    },
  }),
  defineRule({
    id: 'js-static-iv',
    keywords: ['createCipheriv('],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-329'],
    title: 'Cipher IV fixed in the source',
    message: 'An IV that never changes makes equal plaintexts encrypt equally, and breaks GCM/CTR outright when a key is reused.',
    fix: 'Generate a fresh IV for every message (crypto.randomBytes(12) for GCM) and store it beside the ciphertext.',
    rule: { pattern: '$C.createCipheriv($ALG, $KEY, $IV)' },
    constraints: {
      IV: {
        any: [
          { kind: 'string' },
          { kind: 'call_expression', regex: '^Buffer\\.(?:from\\(\\s*[\'"`\\[]|alloc\\()' },
          { kind: 'new_expression', regex: '^new (?:Uint8Array|Buffer)\\(\\s*(?:\\d+|\\[)' },
        ],
      },
    },
    examples: {
      match: ["const c = crypto.createCipheriv('aes-256-cbc', key, '1234567890123456');", "const c = crypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(12, 0));"],
      noMatch: ["const c = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));", "const c = crypto.createCipheriv('aes-256-gcm', key, iv);"],
    },
  }),
  defineRule({
    id: 'js-short-rsa-key',
    keywords: ['modulusLength', 'generateKeyPair', 'bits'],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-326'],
    title: 'RSA/DSA key shorter than 2048 bits',
    message: 'RSA and DSA keys below 2048 bits can be factored or broken with public resources.',
    fix: 'Use modulusLength: 2048 at least (3072 or more for keys that must last), or an elliptic-curve key.',
    rule: { kind: 'pair', regex: '^[\'"]?(?:modulusLength|bits)[\'"]?\\s*:', has: { field: 'value', ...JS_INT_BELOW(2048) }, inside: { kind: 'call_expression', regex: 'generateKeyPair|rsa|RSA|NodeRSA', stopBy: 'end' } },
    examples: {
      match: ["const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });", 'const pair = forge.pki.rsa.generateKeyPair({ bits: 512, e: 0x10001 });'],
      noMatch: ["const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 4096 });", 'const opts = { bits: 8, channels: 2 };'],
    },
  }),
  defineRule({
    id: 'js-pbkdf2-few-iterations',
    keywords: ['pbkdf2'],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-916'],
    title: 'PBKDF2 with too few iterations',
    message: 'Fewer than 100,000 PBKDF2 iterations leave stolen password hashes cheap to brute-force.',
    fix: 'Use at least 210,000 iterations of PBKDF2-SHA512 (OWASP), or scrypt/argon2.',
    rule: { any: [{ pattern: '$C.pbkdf2Sync($P, $S, $N, $$$)' }, { pattern: '$C.pbkdf2($P, $S, $N, $$$)' }, { pattern: 'pbkdf2Sync($P, $S, $N, $$$)' }, { pattern: 'pbkdf2($P, $S, $N, $$$)' }] },
    constraints: { N: JS_INT_BELOW(100000) },
    examples: {
      match: ["const key = crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256');", "crypto.pbkdf2(password, salt, 10000, 64, 'sha512', done);"],
      noMatch: ["const key = crypto.pbkdf2Sync(password, salt, 310000, 32, 'sha256');", "const key = crypto.pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');"],
    },
  }),
  defineRule({
    id: 'js-bcrypt-low-cost',
    keywords: ['bcrypt'],
    languages: JS,
    severity: 'low',
    cwe: ['CWE-916'],
    title: 'bcrypt cost factor below 10',
    message: 'A bcrypt cost below 10 makes each guess cheap for whoever steals the hashes.',
    fix: 'Use a cost of 12 (bcrypt.hash(password, 12)).',
    rule: { any: [{ pattern: '$B.hash($P, $N)' }, { pattern: '$B.hash($P, $N, $$$)' }, { pattern: '$B.hashSync($P, $N)' }, { pattern: '$B.genSalt($N)' }, { pattern: '$B.genSalt($N, $$$)' }, { pattern: '$B.genSaltSync($N)' }] },
    constraints: { B: { regex: '^(?:bcrypt|bcryptjs)$' }, N: JS_INT_BELOW(10) },
    examples: {
      match: ['const hash = await bcrypt.hash(password, 4);', 'const salt = bcrypt.genSaltSync(6);'],
      noMatch: ['const hash = await bcrypt.hash(password, 12);', 'const hash = await bcrypt.hash(password, saltRounds);'],
    },
  }),
  defineRule({
    id: 'js-argon2-weak-variant',
    keywords: ['argon2'],
    languages: JS,
    severity: 'low',
    cwe: ['CWE-916'],
    title: 'argon2i or argon2d instead of argon2id',
    message: 'argon2d is open to side channels and argon2i to tradeoff attacks; argon2id is the recommended variant for passwords.',
    fix: 'Use type: argon2.argon2id (the library default).',
    rule: { kind: 'pair', regex: '^[\'"]?type[\'"]?\\s*:\\s*(?:argon2\\.)?argon2[id]$' },
    examples: {
      match: ['const hash = await argon2.hash(password, { type: argon2.argon2i });', 'const hash = await hash(password, { type: argon2d, memoryCost: 2 ** 16 });'],
      noMatch: ['const hash = await argon2.hash(password, { type: argon2.argon2id });', 'const hash = await argon2.hash(password);'],
    },
  }),
  defineRule({
    id: 'js-weak-tls-version',
    keywords: ['secureProtocol', 'minVersion', 'maxVersion'],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-326'],
    title: 'TLS pinned to SSLv3, TLS 1.0 or TLS 1.1',
    message: 'SSLv3, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996) and open to downgrade and padding attacks.',
    fix: "Use minVersion: 'TLSv1.2' (or TLSv1.3) and leave secureProtocol unset.",
    rule: { kind: 'pair', regex: '^[\'"]?(?:secureProtocol[\'"]?\\s*:\\s*[\'"`](?:SSLv2|SSLv3|SSLv23|TLSv1|TLSv1_1)_(?:client_|server_)?method|(?:minVersion|maxVersion)[\'"]?\\s*:\\s*[\'"`](?:SSLv3|TLSv1|TLSv1\\.1))[\'"`]$' },
    examples: {
      match: ["https.request({ host, secureProtocol: 'TLSv1_method' }, cb);", "const server = tls.createServer({ key, cert, minVersion: 'TLSv1' });"],
      noMatch: ["const server = tls.createServer({ key, cert, minVersion: 'TLSv1.2' });", "https.request({ host, secureProtocol: 'TLSv1_2_method' }, cb);"],
    },
  }),
  defineRule({
    id: 'js-subtle-weak-digest',
    keywords: ['subtle'],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-328'],
    title: 'Web Crypto digest or HMAC with SHA-1',
    message: 'SHA-1 collisions can be computed; a digest or signature built on it can be forged.',
    fix: "Use 'SHA-256' or better.",
    rule: { any: [{ pattern: '$C.subtle.digest($ALG, $$$)' }, { pattern: 'subtle.digest($ALG, $$$)' }] },
    constraints: { ALG: { regex: '^[\'"`](?i:sha-?1)[\'"`]$' } },
    examples: {
      match: ["const buf = await crypto.subtle.digest('SHA-1', data);", "const buf = await window.crypto.subtle.digest('sha-1', bytes);"],
      noMatch: ["const buf = await crypto.subtle.digest('SHA-256', data);", 'const buf = await crypto.subtle.digest(alg, data);'],
    },
  }),
  defineRule({
    id: 'js-timing-unsafe-compare',
    keywords: ['signature', 'Signature', 'hmac', 'Hmac', 'digest', 'Digest', 'apiKey', 'api_key', 'secret', 'Secret', 'passwordHash', 'csrfToken'],
    languages: JS,
    severity: 'low',
    cwe: ['CWE-208'],
    title: 'Secret compared with === (timing leak)',
    message: 'String comparison stops at the first differing character: its timing tells an attacker how much of a guessed signature or token is right.',
    fix: 'Compare with crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b)) after checking the lengths.',
    rule: {
      kind: 'binary_expression',
      has: { field: 'operator', regex: '^(?:===|!==|==|!=)$' },
      all: [
        { has: { field: 'left', any: [{ kind: 'identifier' }, { kind: 'member_expression' }], regex: '(?i)(?:signature|hmac|digest|apikey|api_key|secret|passwordhash|csrftoken)$' } },
        { has: { field: 'right', any: [{ kind: 'identifier' }, { kind: 'member_expression' }, { kind: 'call_expression' }, { kind: 'subscript_expression' }] } },
      ],
      inside: { any: [{ kind: 'if_statement' }, { kind: 'return_statement' }], stopBy: 'end' },
    },
    examples: {
      match: ["if (signature !== req.headers['x-signature']) return res.sendStatus(401);", 'function check(a) { return computed.hmac === expected(a); }'],
      noMatch: ['if (signature === undefined) return;', "if (!crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(req.headers['x-signature']))) return;"],
    },
  }),
  defineRule({
    id: 'py-weak-hash-algorithm',
    keywords: ['md5', 'sha1', 'md4', 'hashlib.new('],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-328'],
    title: 'MD5, MD4 or SHA-1 hash',
    message: 'MD5 and SHA-1 collisions can be computed: signatures, integrity checks and identifiers built on them can be forged.',
    fix: HASH_FIX_PY,
    rule: {
      any: [
        { kind: 'call', has: { field: 'function', regex: '^(?:hashlib\\.)?(?:md5|sha1|md4)$' } },
        { kind: 'call', has: { field: 'function', regex: '^hashlib\\.new$' }, all: [{ has: { field: 'arguments', has: { kind: 'string', regex: '^[bru]?[\'"](?i:md5|sha1|md4|sha-1)[\'"]$' } } }] },
        // hashlib.new(name='md5'): the algorithm by keyword.
        { kind: 'call', has: { field: 'function', regex: '^hashlib\\.new$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^name\\s*=\\s*[bru]?[\'"](?i:md5|sha1|md4|sha-1)[\'"]$' } } }] },
      ],
      not: {
        any: [
          { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^usedforsecurity\\s*=\\s*False$' } } },
          // A password hashed this way is the stronger finding of py-weak-hash-pw-storage.
          { has: { field: 'arguments', regex: PASSWORD_TEXT } },
        ],
      },
    },
    examples: {
      match: ['digest = hashlib.md5(data).hexdigest()', 'h = hashlib.new("sha1", payload)', 'etag = sha1(body).hexdigest()', 'h = hashlib.new(name="md5", data=payload)'],
      noMatch: ['digest = hashlib.sha256(data).hexdigest()', 'digest = hashlib.md5(data, usedforsecurity=False).hexdigest()'],
    },
  }),
  defineRule({
    id: 'py-cryptography-weak-hash',
    keywords: ['hashes.MD5', 'hashes.SHA1'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-328'],
    title: 'cryptography hashes.MD5 or hashes.SHA1',
    message: 'MD5 and SHA-1 collisions can be computed: signatures and MACs built on them can be forged.',
    fix: 'Use hashes.SHA256() or better.',
    rule: { kind: 'call', regex: '^(?:cryptography\\.hazmat\\.primitives\\.)?hashes\\.(?:MD5|SHA1)\\(\\)$' },
    examples: {
      match: ['digest = hashes.Hash(hashes.MD5())', 'signature = key.sign(data, padding.PKCS1v15(), hashes.SHA1())'],
      noMatch: ['digest = hashes.Hash(hashes.SHA256())', 'name = hashes.MD5_NAME', 'signature = key.sign(data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())'],
    },
  }),
  defineRule({
    id: 'py-pycryptodome-weak-hash',
    keywords: ['.new('],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-328'],
    title: 'PyCryptodome MD2, MD4, MD5 or SHA-1',
    message: 'These hashes collide: signatures and MACs built on them can be forged.',
    fix: 'Use SHA256.new() or SHA3_256.new().',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:Crypto\\.Hash\\.|Cryptodome\\.Hash\\.)?(?:MD2|MD4|MD5|SHA|SHA1)\\.new$' } },
    examples: {
      match: ['h = MD5.new(data)', 'h = SHA.new(message)'],
      noMatch: ['h = SHA256.new(data)', 'h = SHA3_256.new(message)'],
    },
  }),
  defineRule({
    id: 'py-pycryptodome-weak-cipher',
    keywords: ['CAST.new', 'XOR.new'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-327'],
    title: 'PyCryptodome CAST or XOR cipher',
    message: 'CAST has a 64-bit block and XOR is no cipher at all: both fall to ordinary attacks.',
    fix: 'Use AES in GCM mode (AES.new(key, AES.MODE_GCM)) or ChaCha20_Poly1305.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:Crypto\\.Cipher\\.|Cryptodome\\.Cipher\\.)?(?:CAST|XOR)\\.new$' } },
    examples: {
      match: ['cipher = CAST.new(key, CAST.MODE_CBC, iv)', 'c = XOR.new(key)'],
      noMatch: ['cipher = AES.new(key, AES.MODE_GCM)', 'c = ChaCha20_Poly1305.new(key=key)', 'mode = CAST.new_mode'],
    },
  }),
  defineRule({
    id: 'py-short-rsa-key',
    keywords: ['generate(', 'generate_private_key(', 'key_size'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-326'],
    title: 'RSA/DSA key shorter than 2048 bits',
    message: 'RSA and DSA keys below 2048 bits can be factored or broken with public resources.',
    fix: 'Use 2048 bits at least (3072 or more for keys that must last), or an elliptic-curve key.',
    rule: {
      any: [
        { pattern: '$K.generate($BITS, $$$)', has: { field: 'function', regex: '^(?:Crypto\\.PublicKey\\.|Cryptodome\\.PublicKey\\.)?(?:RSA|DSA)\\.generate$' } },
        { pattern: '$K.generate($BITS)', has: { field: 'function', regex: '^(?:Crypto\\.PublicKey\\.|Cryptodome\\.PublicKey\\.)?(?:RSA|DSA)\\.generate$' } },
        // The short size itself is reported (the line a multi-line call names it on): key_size=…,
        // rsa's second positional argument, dsa's first.
        { kind: 'keyword_argument', has: { field: 'name', regex: '^key_size$' }, all: [{ has: { field: 'value', ...below(2048) } }], inside: { kind: 'argument_list', inside: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)(?:rsa|dsa)\\.generate_private_key$' } } } },
        { ...below(2048), nthChild: 2, inside: { kind: 'argument_list', inside: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)rsa\\.generate_private_key$' } } } },
        { ...below(2048), nthChild: 1, inside: { kind: 'argument_list', inside: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)dsa\\.generate_private_key$' } } } },
      ],
    },
    constraints: { BITS: below(2048) },
    examples: {
      match: [
        'key = RSA.generate(1024)',
        'private_key = rsa.generate_private_key(public_exponent=65537, key_size=1024)',
        'key = dsa.generate_private_key(key_size=512)',
        'key = dsa.generate_private_key(1024, default_backend())',
        // A call over several lines is reported on the line of the short size.
        { code: 'private_key = rsa.generate_private_key(\n    public_exponent=65537,\n    key_size=1024,\n)', lines: [3] },
      ],
      noMatch: ['key = RSA.generate(3072)', 'private_key = rsa.generate_private_key(public_exponent=65537, key_size=4096)', 'key = dsa.generate_private_key(3072, default_backend())'],
    },
  }),
  defineRule({
    id: 'py-weak-ec-curve',
    keywords: ['SECP192R1', 'SECT163', 'SECP224R1', 'SECT233'],
    languages: PY,
    severity: 'low',
    cwe: ['CWE-326'],
    title: 'Elliptic curve below 224 bits',
    message: 'Curves of 163–192 bits give less than the 112-bit security level NIST requires.',
    fix: 'Use ec.SECP256R1() or larger, or Ed25519.',
    rule: {
      any: [
        { kind: 'call', regex: '^(?:ec\\.)?(?:SECP192R1|SECT163K1|SECT163R2)\\(\\)$' },
        // The curve class itself (not an instance) passed to generate_private_key, as older cryptography accepted.
        { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)generate_private_key$' }, all: [{ has: { field: 'arguments', has: { regex: '^(?:curve\\s*=\\s*)?(?:ec\\.)?(?:SECP192R1|SECT163K1|SECT163R2)$' } } }] },
      ],
    },
    examples: {
      match: ['key = ec.generate_private_key(ec.SECP192R1())', 'curve = SECT163K1()', 'key = ec.generate_private_key(curve=ec.SECP192R1, backend=default_backend())'],
      noMatch: ['key = ec.generate_private_key(ec.SECP256R1())', 'key = ec.generate_private_key(ec.SECP384R1())', 'LEGACY = "SECP192R1"', 'key = ec.generate_private_key(curve=ec.SECP384R1, backend=default_backend())'],
    },
  }),
  defineRule({
    id: 'py-static-iv',
    keywords: ['.new(', 'modes.'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-329'],
    title: 'Cipher IV or nonce fixed in the source',
    message: 'An IV that never changes makes equal plaintexts encrypt equally, and breaks GCM/CTR outright when a key is reused.',
    fix: 'Generate a fresh IV per message (os.urandom(16), get_random_bytes(12)) and store it beside the ciphertext.',
    rule: {
      any: [
        { kind: 'call', has: { field: 'function', regex: '^(?:AES|DES3|Blowfish|CAST|ChaCha20|Salsa20)\\.new$' }, all: [{ has: { field: 'arguments', has: { nthChild: 3, kind: 'string' } } }] },
        { kind: 'call', has: { field: 'function', regex: '^(?:AES|DES3|Blowfish|CAST|ChaCha20|Salsa20)\\.new$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^(?:iv|nonce|IV)\\s*=\\s*[bB]?[\'"]' } } }] },
        { kind: 'call', has: { field: 'function', regex: '^modes\\.(?:CBC|CTR|OFB|CFB|CFB8|GCM)$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, kind: 'string' } } }] },
      ],
    },
    examples: {
      match: ['cipher = AES.new(key, AES.MODE_CBC, b"0123456789abcdef")', 'cipher = Cipher(algorithms.AES(key), modes.CBC(b"fixed-iv-16bytes"))', 'cipher = AES.new(key, AES.MODE_GCM, nonce=b"static-nonce")'],
      noMatch: ['cipher = AES.new(key, AES.MODE_CBC, get_random_bytes(16))', 'cipher = Cipher(algorithms.AES(key), modes.CBC(iv))'],
    },
  }),
  defineRule({
    id: 'py-ssl-old-protocol',
    keywords: ['PROTOCOL_', '_METHOD', 'TLSVersion'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-326'],
    title: 'SSLv2/SSLv3/TLS 1.0/TLS 1.1 protocol selected',
    message: 'These protocol versions are deprecated (RFC 8996) and open to downgrade and padding attacks.',
    fix: 'Use ssl.create_default_context() (TLS 1.2+), or set minimum_version = ssl.TLSVersion.TLSv1_2.',
    rule: { kind: 'attribute', regex: '^(?:ssl\\.PROTOCOL_(?:SSLv2|SSLv3|SSLv23|TLSv1|TLSv1_1)|(?:OpenSSL\\.)?SSL\\.(?:SSLv2|SSLv3|SSLv23|TLSv1|TLSv1_1)_METHOD|ssl\\.TLSVersion\\.(?:SSLv3|TLSv1|TLSv1_1))$' },
    examples: {
      match: ['ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)', 'ctx = SSL.Context(SSL.SSLv3_METHOD)', 'ctx.minimum_version = ssl.TLSVersion.TLSv1'],
      noMatch: ['ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)', 'ctx.minimum_version = ssl.TLSVersion.TLSv1_2'],
    },
  }),
  defineRule({
    id: 'py-ssl-wrap-socket',
    keywords: ['wrap_socket('],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-326'],
    title: 'ssl.wrap_socket (deprecated, no hostname check)',
    message: 'ssl.wrap_socket defaults to no certificate or hostname verification and old protocol choices; it was removed in Python 3.12.',
    fix: 'Use ssl.create_default_context().wrap_socket(sock, server_hostname=host).',
    rule: { pattern: 'ssl.wrap_socket($$$)' },
    examples: {
      match: ['tls = ssl.wrap_socket(sock)', 'conn = ssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_TLS)'],
      noMatch: ['tls = ctx.wrap_socket(sock, server_hostname=host)', 'tls = ssl.create_default_context().wrap_socket(sock, server_hostname=host)'],
    },
  }),
  defineRule({
    id: 'py-pbkdf2-few-iterations',
    keywords: ['pbkdf2_hmac(', 'PBKDF2HMAC(', 'PBKDF2('],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-916'],
    title: 'PBKDF2 with too few iterations',
    message: 'Fewer than 100,000 PBKDF2 iterations leave stolen password hashes cheap to brute-force.',
    fix: 'Use at least 600,000 iterations of PBKDF2-SHA256 (OWASP), or scrypt/argon2.',
    rule: {
      any: [
        { pattern: 'hashlib.pbkdf2_hmac($H, $P, $S, $N, $$$)' },
        { pattern: 'hashlib.pbkdf2_hmac($H, $P, $S, $N)' },
        { kind: 'call', has: { field: 'function', regex: '^(?:PBKDF2HMAC|PBKDF2)$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^(?:iterations|count)\\s*=', has: { field: 'value', ...below(100000) } } } }] },
      ],
    },
    constraints: { N: below(100000) },
    examples: {
      match: ['dk = hashlib.pbkdf2_hmac("sha256", password, salt, 1000)', 'kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10000)'],
      noMatch: ['dk = hashlib.pbkdf2_hmac("sha256", password, salt, 600000)', 'kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=ITERATIONS)'],
    },
  }),
  defineRule({
    id: 'py-django-weak-pw-hasher',
    keywords: ['PASSWORD_HASHERS'],
    languages: PY,
    severity: 'high',
    cwe: ['CWE-916'],
    title: 'Django PASSWORD_HASHERS starts with MD5, SHA-1 or crypt',
    message: 'The first hasher in PASSWORD_HASHERS hashes every new password; the MD5/SHA-1/crypt ones are fast and unsalted or weakly salted.',
    fix: 'Put PBKDF2PasswordHasher, Argon2PasswordHasher or ScryptPasswordHasher first.',
    rule: { kind: 'assignment', regex: '^PASSWORD_HASHERS\\s*=\\s*[\\[(]\\s*[\'"][\\w.]*(?:MD5|SHA1|Crypt|UnsaltedSHA1|UnsaltedMD5)PasswordHasher[\'"]' },
    examples: {
      match: ['PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]', "PASSWORD_HASHERS = ('django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher',)"],
      noMatch: ['PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher", "django.contrib.auth.hashers.MD5PasswordHasher"]', 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]'],
    },
  }),
  defineRule({
    id: 'py-weak-hmac-digest',
    keywords: ['hmac.new(', 'digestmod'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-328'],
    title: 'HMAC with MD5 or SHA-1',
    message: 'HMAC-MD5 and HMAC-SHA1 are deprecated for new designs; SHA-256 costs nothing more.',
    fix: 'Use hmac.new(key, msg, hashlib.sha256).',
    rule: { kind: 'call', has: { field: 'function', regex: '^hmac\\.new$' }, all: [{ has: { field: 'arguments', regex: '(?:hashlib\\.(?:md5|sha1)|[\'"](?i:md5|sha1)[\'"])\\s*\\)?\\s*$' } }] },
    examples: {
      match: ['mac = hmac.new(key, msg, hashlib.md5).hexdigest()', 'mac = hmac.new(key, msg, digestmod="sha1")'],
      noMatch: ['mac = hmac.new(key, msg, hashlib.sha256).hexdigest()', 'mac = hmac.new(key, msg, digestmod="sha256")'],
    },
  }),
  defineRule({
    id: 'py-bcrypt-low-rounds',
    keywords: ['gensalt('],
    languages: PY,
    severity: 'low',
    cwe: ['CWE-916'],
    title: 'bcrypt cost factor below 10',
    message: 'A bcrypt cost below 10 makes each guess cheap for whoever steals the hashes.',
    fix: 'Use bcrypt.gensalt(rounds=12) (the default).',
    rule: { kind: 'call', has: { field: 'function', regex: '^bcrypt\\.gensalt$' }, all: [{ has: { field: 'arguments', any: [{ has: below(10) }, { has: { kind: 'keyword_argument', regex: '^rounds\\s*=', has: { field: 'value', ...below(10) } } }] } }] },
    examples: {
      match: ['salt = bcrypt.gensalt(rounds=4)', 'salt = bcrypt.gensalt(6)'],
      noMatch: ['salt = bcrypt.gensalt(rounds=12)', 'salt = bcrypt.gensalt()'],
    },
  }),
];
