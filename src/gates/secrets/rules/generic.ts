import type { SecretRule } from '../rule.js';
import { binding, lineValue, quotedValue } from '../grammar.js';
import { GENERIC_ALLOW, GENERIC_ALLOW_CASED } from './placeholder-allow.js';
import { caseless } from './providers/patterns.js';

// Generic assignments have no token format to go on: only a credential-like name, an
// assignment operator and a value. They run last (the engine keeps a provider rule's finding
// where both match), are gated by entropy and the stopword filter, and quoted values are
// required in code: an unquoted value there is a variable, a call or a type.

const PASSWORD_NAMES = '(?:pass(?:word|wd|phrase)|(?<![a-z])pass(?![a-z])|pwd)';
/**
 * `<service>_key`, `<service>-key`, `<service>.key`: how most services name their API key
 * (`censys_key`, `maps.key`), but not the keys of data structures and public material.
 */
const KEY_OF_DATA =
  'public|primary|foreign|sort|cache|partition|idempotency|unique|lookup|hash|map|object|row|column|index|group|translation|i18n|message|label|routing|shard|dedupe?|ssh|gpg|pgp|registry|bucket|file|path|env|config|setting|metadata|query|search|field|dict|item|entry|attr|prop|state|store|local|table|pk|fk|sign|verify|verification|jwks|cert|host|sub|event|menu|hot|short|react|v-|data|list|node|result|limit|next|page';
const SERVICE_KEY = `(?<=[a-z0-9])(?<!${KEY_OF_DATA})[_.-]key(?![a-z])`;
/**
 * Keys of data structures, UI and storage that code names in camelCase (`storageKey`,
 * `contextKey`, `scaffoldKey`, `customerKey` of SSE-C): a `<word>Key` that is no service's.
 */
const CAMEL_KEY_OF_DATA =
  'storage|context|injection|locale|section|component|render|route|value|child|parent|root|widget|navigator|scaffold|global|form|tab|lock|metric|feature|flag|experiment|variant|track|correlation|namespace|prefix|pref|preference|header|param|option|lang|text|title|icon|color|theme|style|chart|series|dimension|filter|order|rank|score|time|date|layer|view|screen|panel|modal|dialog|button|input|select|asset|image|blob|redis|db|mutex|counter|customer|kms|content|range|composite|surrogate|candidate|legacy|id|sse|tree|mode|type|shift|alt|ctrl|meta|modifier|arrow|enter|escape|space|custom|default|new|old|current|last|first|prev|other|base|sub|super|inner|outer|nested|foo|bar|condition|criterion|schema|sort|tag|property|attribute|column|dictionary|translation';
/** Camel words after `Key` that name something about a key (`WrappingKeySpec`, `apiKeyUsage`), not the key. */
const CAMEL_NOT_THE_VALUE =
  '(?![\\w.-]{0,24}?(?:Spec|Schema|Usage|Algorithm|Attributes?|Status|State|Class|Material|Pair|Ring|Set|Mapping|Index|Code|Event|Source|Location|Manager|Provider|Rotation|Policy)(?![a-z]))';

/**
 * `<service>Key` in camelCase (`solarwindsKey`, `apiMaticKey`, `mapsKey`): `Key` at a camel
 * hump, after a lower-case letter or a digit. Matched case-sensitively (Node 20 has no inline
 * `(?-i:)`), so the hump is a real one; what SERVICE_KEY leaves out is left out here in any case.
 */
const CAMEL_KEY = `(?<=[a-z0-9])(?<!${caseless(KEY_OF_DATA)}|${caseless(CAMEL_KEY_OF_DATA)})Key(?![a-z])`;
// `csrf_token`, `xsrf-token`: a per-session anti-forgery value, published in every page;
// `publicToken`, `publishable_key`: published by design (browser SDKs, map tiles);
// `secrets`, `mountSecrets`: a plural names a store or a list of secrets, its value a name.
const SECRET_NAMES =
  '(?<!csrf[_.-]?|xsrf[_.-]?|public[_.-]?|publishable[_.-]?)(?:secret(?!s(?![a-z]))|token|api[_.-]?key|apikey|(?:access|private|signing|encryption|master|app|license|session|consumer|auth|write)[_.-]?key(?![a-z])|' + SERVICE_KEY + '|auth(?![a-z])|credentials?)';
/** Names that hold something about the secret, not the secret: `token_url`, `password_hash`, `secretName`. */
const NOT_THE_VALUE =
  '(?![\\w.-]{0,24}?(?:name|type|_?id|ids|url|uri|path|file|dir|hash|digest|length|len|ttl|expir[a-z]{0,6}|field|label|header|prefix|suffix|regex|pattern|count|size|arn|ref|policy|endpoint|version|format|mode|limit|placeholder|hint|description|title|question|confirm(?:ation)?|reset|strength|min|max|rule)(?![a-z]))';
const PASSWORD = `${PASSWORD_NAMES}${NOT_THE_VALUE}`;
const CAMEL_SECRET = `${CAMEL_KEY}${caseless(NOT_THE_VALUE)}${CAMEL_NOT_THE_VALUE}`;
const SECRET = `${SECRET_NAMES}${NOT_THE_VALUE}`;

const PASSWORD_KEYWORDS = ['password', 'passwd', 'passphrase', 'pass', 'pwd'];
const SECRET_KEYWORDS = ['secret', 'token', 'api_key', 'api-key', 'api.key', 'apikey', 'key', 'auth', 'credential'];

/**
 * Source code, where an unquoted value is a variable, a call or a type. Everywhere else
 * (.env, INI, .properties, YAML, TOML, shell, Dockerfile, Makefile, XML, logs, text) values are
 * written bare, so the config rules read them there.
 */
const CODE_PATHS = [
  '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,py,pyi,go,java,kt,kts,scala,groovy,gradle,cs,fs,vb,php,rb,rs,swift,m,mm,c,h,cc,cpp,cxx,hpp,dart,lua,pl,pm,r,ex,exs,erl,clj,hs,ml,jl,sql}',
];
const TEMPLATE_PATHS = ['**/*.{example,sample,template,tmpl,dist}', '**/.env.{example,sample,template,dist}'];

export const rules: SecretRule[] = [
  {
    id: 'generic-password',
    shape: 'password',
    title: 'Hard-coded password',
    severity: 'high',
    family: 'generic',
    regex: `${binding(PASSWORD)}${quotedValue(6)}`,
    flags: 'i',
    keywords: PASSWORD_KEYWORDS,
    entropy: 2.3,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      match: [
        { text: 'DB_PASSWORD = "Wq8!zR2m#Lk4"', secret: 'Wq8!zR2m#Lk4' },
        { text: 'const config = { user: "svc", password: \'Tz7#nQ2vXp\' };', secret: 'Tz7#nQ2vXp' },
        { text: 'smtp_pass: "h7Gm2KqP9x"', secret: 'h7Gm2KqP9x' },
        { text: '$dbpasswd = "Lr5vN8wq2Z";', secret: 'Lr5vN8wq2Z' },
        { text: 'password: str = "Vb4nM9qW2e"', secret: 'Vb4nM9qW2e' },
        { text: '<connection user="etl" password="Kd8#Wm2qLz"/>', secret: 'Kd8#Wm2qLz' },
      ],
      noMatch: [
        'password = os.environ["DB_PASSWORD"]',
        'password: "${DB_PASSWORD}"',
        'const password = getPassword();',
        'label: { password: "Password" }',
        'password = "changeme"',
        'PASSWORD_FIELD = "user_password"',
        'password: process.env.DB_PASS',
        'password = "test1234"',
        'password_hash = "Wq8zR2mLk4Tz7nQ2vXp"',
        'if (password == "Wq8!zR2m#Lk4") {}',
      ],
    },
  },
  {
    id: 'generic-secret',
    shape: 'token',
    title: 'Hard-coded secret, token or API key',
    severity: 'high',
    family: 'generic',
    regex: `${binding(SECRET)}${quotedValue(10)}`,
    flags: 'i',
    keywords: SECRET_KEYWORDS,
    entropy: 3.2,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      match: [
        { text: 'api_key = "a8f3Kq92LmZx7Vb4Nw1T"', secret: 'a8f3Kq92LmZx7Vb4Nw1T' },
        { text: '"clientSecret": "Qm3vT8xK2pLr9sWn5Zb7"', secret: 'Qm3vT8xK2pLr9sWn5Zb7' },
        { text: "SECRET_KEY = 'j4#k9v!x2m$q8w7z-r5t3n1p'", secret: 'j4#k9v!x2m$q8w7z-r5t3n1p' },
        { text: "'auth_token' => 'e91b27c4d83f6a50b2c9e7f1'", secret: 'e91b27c4d83f6a50b2c9e7f1' },
        { text: 'export const accessKey = `Lp4Rt8Wq2Zm6Xn9B`;', secret: 'Lp4Rt8Wq2Zm6Xn9B' },
        // An analytics write key (Segment-style `writeKey`) sends data as the project.
        { text: 'analytics_writekey := "Tq8Wz3Lk6Vm9Rn2Xb5Hp4Jd"', secret: 'Tq8Wz3Lk6Vm9Rn2Xb5Hp4Jd' },
        // Dot-separated, but no member path: a 40+ character random segment.
        { text: 'tilesToken = "pk.q7m2kx9pvl4rtw8nzbc3yfd6gsj1ena5uori0kqwz7lm2xv9rt.h4nq8wk2ld6ms0pr3tv7xz"', secret: 'pk.q7m2kx9pvl4rtw8nzbc3yfd6gsj1ena5uori0kqwz7lm2xv9rt.h4nq8wk2ld6ms0pr3tv7xz' },
        // Lower-case base36 split into letter runs by its digits: no word.
        { text: 'license_token = "wq7zk4mt2xp9vr5h"', secret: 'wq7zk4mt2xp9vr5h' },
        // A version prefix and a slash before a long body: a token, no path.
        { text: "oauth_token = 'v2/h1yZKrFIfWlOAETaZMUAJ0C4ZjYVaHrrM7kT6fEUtsARwvKhp2ctmYdps8qJMu6QfzszYPeNo2SKbJOOPatTQMWSJLq9eLdfwU2J0w31U12kmsaIZhYgpXiF'", secret: 'v2/h1yZKrFIfWlOAETaZMUAJ0C4ZjYVaHrrM7kT6fEUtsARwvKhp2ctmYdps8qJMu6QfzszYPeNo2SKbJOOPatTQMWSJLq9eLdfwU2J0w31U12kmsaIZhYgpXiF' },
      ],
      noMatch: [
        'api_key = os.getenv("API_KEY")',
        'token_url = "https://auth.corp.internal/oauth/token"',
        'secretName: "db-credentials-prod"',
        'const token = await getToken(client);',
        'auth_token = "session.currentUser.credentials.refreshToken"',
        'api_key = "your-api-key-here"',
        'TOKEN_TYPE = "Bearer"',
        'secret: "{{ .Values.appSecret }}"',
        'token = "aaaaaaaaaaaaaaaa"',
        'tokenizer = "bert-base-uncased"',
        'const publicToken = "Vb4nM9qW2eLr5vN8wq2Z";',
        'PUBLISHABLE_KEY = "Tz7nQ2vXpHy6Wd3Fj9Lp"',
        // `master-keying`, `session_keys_rotated`: a word that begins with a key name is not it.
        'master-keying = "Rk4Wn8Qz2Lm6Xv9Tb3Pd"',
        'sessionKeyspace = "Hq7Zt3Mv9Wk2Lp5Rx8Nb"',
        // Not a generated token: a stray character, a counting run, an interleaved count.
        'api_key = "Kq7Wz2?Lm9Xv4Rt8Bn3H"',
        'client_secret = "Lm9Xv4Rt12345Bn3Hp6"',
        'auth_token = "p1q2r3s4t5u6v7w8"',
        // Identifiers with a digit or two, and paths of named segments.
        'token_cache = "cache/v2/sessions/refresh.db"',
        'secret_store = "ipv6pools"',
        'auth_secret = "utf8keystore"',
        // A store of secrets, named by its plural.
        'vaultForSecrets: kv-prod-7q2m9x4k1z',
        'const secrets = "Rk4Wn8Qz2Lm6Xv9Tb3Pd";',
        // Base64 of JSON with characters no base64 alphabet holds: an edited JWT.
        'session_token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi$JxNzQ1In0.Hx3Ny8Qr5^Bz2Lw6KTq7Wz2Lk9Vm4"',
      ],
    },
  },
  {
    id: 'generic-password-config',
    shape: 'password',
    title: 'Password in a configuration file',
    severity: 'high',
    family: 'generic',
    regex: `${binding(PASSWORD)}${lineValue(6)}`,
    flags: 'im',
    keywords: PASSWORD_KEYWORDS,
    entropy: 2.3,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    paths: { exclude: [...CODE_PATHS, ...TEMPLATE_PATHS] },
    examples: {
      path: 'deploy/.env',
      match: [
        { text: 'DB_PASSWORD=Wq8!zR2m#Lk4', secret: 'Wq8!zR2m#Lk4' },
        { text: 'export SMTP_PASS=h7Gm2KqP9x  # rotated 2024', secret: 'h7Gm2KqP9x' },
        { text: 'spring.datasource.password: Lr5vN8wq2Z', secret: 'Lr5vN8wq2Z' },
      ],
      noMatch: [
        'DB_PASSWORD=${DB_PASSWORD}',
        'DB_PASSWORD=',
        'PASSWORD_MIN_LENGTH=12',
        'DB_PASSWORD=changeme',
        'DB_PASSWORD=secret42',
        "withVault([usePassword(vaultPathKey: 'ci/deploy', field: 'pw')]) {",
      ],
    },
  },
  {
    id: 'generic-secret-config',
    shape: 'token',
    title: 'Secret, token or API key in a configuration file',
    severity: 'high',
    family: 'generic',
    regex: `${binding(SECRET)}${lineValue(10)}`,
    flags: 'im',
    keywords: SECRET_KEYWORDS,
    entropy: 3.2,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    paths: { exclude: [...CODE_PATHS, ...TEMPLATE_PATHS] },
    examples: {
      path: 'config/app.yml',
      match: [
        { text: 'SERVICE_API_KEY=a8f3Kq92LmZx7Vb4Nw1T', secret: 'a8f3Kq92LmZx7Vb4Nw1T' },
        { text: '  client_secret: Qm3vT8xK2pLr9sWn5Zb7', secret: 'Qm3vT8xK2pLr9sWn5Zb7' },
        { text: 'export AUTH_TOKEN=e91b27c4d83f6a50b2c9e7f1', secret: 'e91b27c4d83f6a50b2c9e7f1' },
      ],
      noMatch: [
        'API_KEY=$API_KEY',
        'token_endpoint: https://auth.corp.internal/token',
        'secret_name: db-credentials',
        'AUTH_TOKEN=<token>',
        'AUTH_TOKEN=Tz7nQ2^vXpHy6Wd3Fj9Lp',
        'REFRESH_TOKEN=q1r2s3t4u5v6w7x8y9z0',
        // base64 of "plain words in a config sample"
        'SESSION_SECRET=cGxhaW4gd29yZHMgaW4gYSBjb25maWcgc2FtcGxl',
        'notes = "Gradle - com.corp.appsecret:vault-bridge-1.8.3"',
        'SECRET_SDK=vault-bridge-kit@3.12.0',
      ],
    },
  },
  {
    id: 'generic-camel-key',
    shape: 'token',
    title: 'Hard-coded service key (camelCase <service>Key)',
    severity: 'high',
    family: 'generic',
    regex: `${binding(CAMEL_SECRET)}${quotedValue(10)}`,
    keywords: ['key'],
    entropy: 3.2,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      path: 'internal/notify/client.go',
      match: [
        { text: 'pagerlyKey := "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd"', secret: 'Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd' },
        { text: 'const geoLookupServiceKey = "r7Kz2Wq9Xm4Lt8Vn3Bp6Hs";', secret: 'r7Kz2Wq9Xm4Lt8Vn3Bp6Hs' },
        { text: '  "mailrelayKey": "hT4nW8qZ2xK7mR3vL9pB5d",', secret: 'hT4nW8qZ2xK7mR3vL9pB5d' },
      ],
      noMatch: [
        // Keys of data, storage and UI, and names of something about the key.
        'const storageKey = "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd";',
        'cacheKey := "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd"',
        'pagerlyKeyId := "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd"',
        // Not at a camel hump: a word that ends in `key`, a capital before it.
        'const turnkey = "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd";',
        'SSEKMSKey = "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd"',
        'pagerlyKey := os.Getenv("PAGERLY_KEY")',
        // A TypeScript union of enum values; a key's spec.
        'export type TransportKey = "TLS13_AES_256"|"TLS12_RSA"|string;',
        'const signingKeySpec = "Vq3Lw8Zt5Nm2Kx9Rb4Hp7Jd";',
      ],
    },
  },
  {
    id: 'generic-camel-key-config',
    shape: 'token',
    title: 'Service key (camelCase <service>Key) in a configuration file',
    severity: 'high',
    family: 'generic',
    regex: `${binding(CAMEL_SECRET)}${lineValue(10)}`,
    flags: 'm',
    keywords: ['key'],
    entropy: 3.2,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    paths: { exclude: [...CODE_PATHS, ...TEMPLATE_PATHS] },
    examples: {
      path: 'config/services.yml',
      match: [
        { text: 'geocoder:\n  mapquestKey: Tq8Wz3Lk6Vm9Rn2Xb5Hp4J', secret: 'Tq8Wz3Lk6Vm9Rn2Xb5Hp4J' },
        { text: 'smsGatewayKey=Lm7Rt2Wq9Zx4Vn8Bp3Hk6D', secret: 'Lm7Rt2Wq9Zx4Vn8Bp3Hk6D' },
      ],
      noMatch: [
        '  partitionKey: Tq8Wz3Lk6Vm9Rn2Xb5Hp4J',
        'mapquestKey: ${MAPQUEST_KEY}',
        '  sortKey: createdAt',
        // A member access, no XML element: `->` does not close `<…>`.
        'ok = pLinkKey->next_rt9==0',
      ],
    },
  },
  {
    id: 'authorization-header',
    shape: 'token',
    title: 'Credential in an Authorization header',
    severity: 'high',
    family: 'generic',
    regex: `authorization["']?[ \\t]{0,16}[:=,][ \\t]{0,16}["'\`]?(?:bearer|basic|token|bot)[ \\t]{1,4}(?<secret>[A-Za-z0-9._~+/-]{12,4096}={0,2})(?![A-Za-z0-9._~+/=-])`,
    flags: 'i',
    keywords: ['authorization'],
    entropy: 3.0,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      match: [
        { text: 'curl -H "Authorization: Bearer 7fQk2Lm9Xw4Rt8Zp3Vn6" https://api.corp.internal/v1/jobs', secret: '7fQk2Lm9Xw4Rt8Zp3Vn6' },
        { text: "headers = {'Authorization': 'Basic Y2k6SHgzTnk4UXI1QnoyMQ=='}", secret: 'Y2k6SHgzTnk4UXI1QnoyMQ==' },
      ],
      noMatch: ['headers: { Authorization: `Bearer ${token}` }', 'Authorization: Bearer <token>'],
    },
  },
  {
    id: 'cli-credential-flag',
    shape: 'password',
    title: 'Credential passed as a command-line flag (--password=…, --token …)',
    severity: 'high',
    family: 'generic',
    regex: `(?<=[ \\t"'])--(?:[a-z]{1,16}-)?(?:${PASSWORD_NAMES}|token|secret|api-?key|access-key|secret-key|auth-token)${NOT_THE_VALUE}(?:=|[ \\t]{1,4})["']?(?<secret>[^\\s"'$\x60]{8,256})["']?(?=[ \\t]|\\r?$)`,
    flags: 'im',
    // The names, not `--`: a decrement, a comment or a Markdown rule holds `--` in most files.
    keywords: [...PASSWORD_KEYWORDS, 'token', 'secret', 'api-key', 'apikey', 'access-key', 'secret-key'],
    entropy: 3.0,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      path: 'scripts/release.sh',
      match: [
        { text: 'mysqldump --user=backup --password=Tq7Wz2Lk9Vm4 shop > shop.sql', secret: 'Tq7Wz2Lk9Vm4' },
        { text: '  run: npx vsce publish --token Hx3Ny8Qr5Bz2Lw6K', secret: 'Hx3Ny8Qr5Bz2Lw6K' },
      ],
      noMatch: ['mysqldump --user=backup --password="$DB_PASSWORD" shop', 'deploy --token-file /run/secrets/deploy --api-key-env DEPLOY_KEY'],
    },
  },
  {
    id: 'url-query-credential',
    shape: 'token',
    title: 'Credential in a URL query string (?api_key=…, &access_token=…)',
    severity: 'high',
    family: 'generic',
    // Not on a host reserved for documentation (RFC 2606: example.com, .org, .net).
    regex: `(?<!example\\.(?:com|org|net)[^\\s"'\x60<>]{0,256})[?&](?:api[_-]?key|apikey|key|access[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|app[_-]?secret|sig|signature|password)=(?<secret>[A-Za-z0-9._~%+/-]{16,512}={0,2})(?=[&#"'\x60\\s<>)]|$)`,
    flags: 'i',
    keywords: ['key=', 'token=', 'secret=', 'sig=', 'signature=', 'password='],
    entropy: 3.5,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      path: 'src/notify.js',
      match: [
        { text: 'curl "https://maps.corp.internal/v1/geocode?address=Main%20St&key=Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd"', secret: 'Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd' },
        { text: 'const hook = "https://hooks.corp.internal/notify?access_token=9f3b2c718e4d4a6bb1c27d5e9a0f3c84&channel=ops";', secret: '9f3b2c718e4d4a6bb1c27d5e9a0f3c84' },
        { text: 'GET /blob/report.csv?sv=2024-05-04&sig=Wq8zR2mLk4Tz7nQ2vXpHy6Wd%2BFj9Bc1%3D HTTP/1.1', secret: 'Wq8zR2mLk4Tz7nQ2vXpHy6Wd%2BFj9Bc1%3D' },
      ],
      noMatch: [
        'fetch(`https://api.corp.internal/items?key=${apiKey}&page=2`)',
        'https://docs.corp.internal/search?key=getting-started-guide',
        'curl "https://api.example.com/v2/reports?key=Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd"',
      ],
    },
  },
  {
    id: 'curl-user-password',
    shape: 'password',
    title: 'Password on a curl command line (-u user:password)',
    severity: 'high',
    family: 'generic',
    regex: `\\bcurl\\b[^\\n]{0,200}?[ \\t](?:-u|--user)[ \\t]{1,4}["']?[^\\s:"']{1,64}:(?<secret>[^\\s"']{3,128})`,
    keywords: ['curl'],
    entropy: 2.3,
    allow: GENERIC_ALLOW,
    allowCased: GENERIC_ALLOW_CASED,
    examples: {
      match: [
        { text: 'curl -s -u deploy:Tq7Wz2Lk9Vm4 https://ci.corp.internal/api', secret: 'Tq7Wz2Lk9Vm4' },
        { text: 'curl --user "admin:Hx3Ny8Qr5Bz2" -X POST https://jenkins.local/job/x/build', secret: 'Hx3Ny8Qr5Bz2' },
      ],
      noMatch: ['curl -u "$USER:$PASSWORD" https://ci.corp.internal/api', 'curl -u deploy: https://ci.corp.internal/api'],
    },
  },
];
