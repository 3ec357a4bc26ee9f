import type { SecretRule } from '../rule.js';
import { GENERIC_ALLOW } from './placeholder-allow.js';

// Generic assignments have no token format to go on: only a credential-like name, an
// assignment operator and a value. They run last (the engine keeps a provider rule's finding
// where both match), are gated by entropy and the stopword filter, and quoted values are
// required in code: an unquoted value there is a variable, a call or a type.

const PASSWORD_NAMES = '(?:pass(?:word|wd|phrase)|(?<![a-z])pass(?![a-z])|pwd)';
const SECRET_NAMES =
  '(?:secret|token|api[_.-]?key|apikey|(?:access|private|signing|encryption|master|app|license|session|consumer|auth)[_.-]?key|auth(?![a-z])|credentials?)';
/** Names that hold something about the secret, not the secret: `token_url`, `password_hash`, `secretName`. */
const NOT_THE_VALUE =
  '(?![\\w.-]{0,24}?(?:name|type|_?id|ids|url|uri|path|file|dir|hash|digest|length|len|ttl|expir[a-z]{0,6}|field|label|header|prefix|suffix|regex|pattern|count|size|arn|ref|policy|endpoint|version|format|mode|limit|placeholder|hint|description|title|question|confirm(?:ation)?|reset|strength|min|max|rule)(?![a-z]))';
const NAME_TAIL = '[\\w.-]{0,24}';
/** `=`, `:=`, `=>`, `?=`, `||=`, a Python/TS annotation `: str =`, or a YAML/JSON `:`. */
const OPERATOR =
  '["\'`\\]]{0,2}[ \\t]{0,8}(?:=(?![=>~])|:=|=>|\\?=|\\|\\|=|:[ \\t]{0,8}(?:str|string|String|SecretStr|Optional\\[str\\])[ \\t]{0,8}=|:(?![:/\\\\]))[ \\t]{0,8}';
// Values are printable ASCII: a quoted string with other characters is prose (an i18n message).
const QUOTED_VALUE = (min: number) => `(?:[bru]{1,2})?(?<q>["'\`])(?<secret>[^\\s"'\`\\\\<>(){}\\[\\]\\x7f-\\uffff]{${min},256})\\k<q>`;
const LINE_VALUE = (min: number) => `(?<secret>[^\\s"'\`;,()\\[\\]{}<>\\\\\\x7f-\\uffff]{${min},256})[ \\t]{0,16}(?=#|;|\\r?$)`;

const PASSWORD_KEYWORDS = ['password', 'passwd', 'passphrase', 'pass', 'pwd'];
const SECRET_KEYWORDS = ['secret', 'token', 'api_key', 'api-key', 'api.key', 'apikey', 'key', 'auth', 'credential'];

/** Files whose values are written bare: .env, INI, properties, YAML, TOML, shell, Docker. */
const CONFIG_PATHS = [
  '**/.env', '**/.env.*', '**/*.env', '**/*.{ini,cfg,conf,config,properties,toml,yaml,yml,sh,bash,zsh,ksh,tfvars,envrc}',
  '**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/.envrc', '**/.npmrc', '**/.pypirc',
];
const TEMPLATE_PATHS = ['**/*.{example,sample,template,tmpl,dist}', '**/.env.{example,sample,template,dist}'];

export const rules: SecretRule[] = [
  {
    id: 'generic-password',
    title: 'Hard-coded password',
    severity: 'high',
    family: 'generic',
    regex: `${PASSWORD_NAMES}${NOT_THE_VALUE}${NAME_TAIL}${OPERATOR}${QUOTED_VALUE(6)}`,
    flags: 'i',
    keywords: PASSWORD_KEYWORDS,
    entropy: 2.3,
    allow: GENERIC_ALLOW,
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
    title: 'Hard-coded secret, token or API key',
    severity: 'high',
    family: 'generic',
    regex: `${SECRET_NAMES}${NOT_THE_VALUE}${NAME_TAIL}${OPERATOR}${QUOTED_VALUE(10)}`,
    flags: 'i',
    keywords: SECRET_KEYWORDS,
    entropy: 3.2,
    allow: GENERIC_ALLOW,
    examples: {
      match: [
        { text: 'api_key = "a8f3Kq92LmZx7Vb4Nw1T"', secret: 'a8f3Kq92LmZx7Vb4Nw1T' },
        { text: '"clientSecret": "Qm3vT8xK2pLr9sWn5Zb7"', secret: 'Qm3vT8xK2pLr9sWn5Zb7' },
        { text: "SECRET_KEY = 'j4#k9v!x2m$q8w7z-r5t3n1p'", secret: 'j4#k9v!x2m$q8w7z-r5t3n1p' },
        { text: "'auth_token' => 'e91b27c4d83f6a50b2c9e7f1'", secret: 'e91b27c4d83f6a50b2c9e7f1' },
        { text: 'export const accessKey = `Lp4Rt8Wq2Zm6Xn9B`;', secret: 'Lp4Rt8Wq2Zm6Xn9B' },
      ],
      noMatch: [
        'api_key = os.getenv("API_KEY")',
        'token_url = "https://auth.corp.internal/oauth/token"',
        'secretName: "db-credentials-prod"',
        'const token = await getToken(client);',
        'api_key = "your-api-key-here"',
        'TOKEN_TYPE = "Bearer"',
        'secret: "{{ .Values.appSecret }}"',
        'token = "aaaaaaaaaaaaaaaa"',
        'tokenizer = "bert-base-uncased"',
      ],
    },
  },
  {
    id: 'generic-password-config',
    title: 'Password in a configuration file',
    severity: 'high',
    family: 'generic',
    regex: `${PASSWORD_NAMES}${NOT_THE_VALUE}${NAME_TAIL}[ \\t]{0,8}(?:=|:(?![:/]))[ \\t]{0,8}${LINE_VALUE(6)}`,
    flags: 'im',
    keywords: PASSWORD_KEYWORDS,
    entropy: 2.3,
    allow: GENERIC_ALLOW,
    paths: { include: CONFIG_PATHS, exclude: TEMPLATE_PATHS },
    examples: {
      path: 'deploy/.env',
      match: [
        { text: 'DB_PASSWORD=Wq8!zR2m#Lk4', secret: 'Wq8!zR2m#Lk4' },
        { text: 'export SMTP_PASS=h7Gm2KqP9x  # rotated 2024', secret: 'h7Gm2KqP9x' },
        { text: 'spring.datasource.password: Lr5vN8wq2Z', secret: 'Lr5vN8wq2Z' },
      ],
      noMatch: ['DB_PASSWORD=${DB_PASSWORD}', 'DB_PASSWORD=', 'PASSWORD_MIN_LENGTH=12', 'DB_PASSWORD=changeme'],
    },
  },
  {
    id: 'generic-secret-config',
    title: 'Secret, token or API key in a configuration file',
    severity: 'high',
    family: 'generic',
    regex: `${SECRET_NAMES}${NOT_THE_VALUE}${NAME_TAIL}[ \\t]{0,8}(?:=|:(?![:/]))[ \\t]{0,8}${LINE_VALUE(10)}`,
    flags: 'im',
    keywords: SECRET_KEYWORDS,
    entropy: 3.2,
    allow: GENERIC_ALLOW,
    paths: { include: CONFIG_PATHS, exclude: TEMPLATE_PATHS },
    examples: {
      path: 'config/app.yml',
      match: [
        { text: 'SERVICE_API_KEY=a8f3Kq92LmZx7Vb4Nw1T', secret: 'a8f3Kq92LmZx7Vb4Nw1T' },
        { text: '  client_secret: Qm3vT8xK2pLr9sWn5Zb7', secret: 'Qm3vT8xK2pLr9sWn5Zb7' },
        { text: 'export AUTH_TOKEN=e91b27c4d83f6a50b2c9e7f1', secret: 'e91b27c4d83f6a50b2c9e7f1' },
      ],
      noMatch: ['API_KEY=$API_KEY', 'token_endpoint: https://auth.corp.internal/token', 'secret_name: db-credentials', 'AUTH_TOKEN=<token>'],
    },
  },
  {
    id: 'generic-credential-xml',
    title: 'Credential in an XML element or key/value attribute pair',
    severity: 'high',
    family: 'generic',
    regex:
      `<[\\w.:-]{0,30}(?:${PASSWORD_NAMES}|${SECRET_NAMES})[\\w.-]{0,24}>[ \\t]{0,16}([^\\s<>]{6,256})[ \\t]{0,16}</` +
      `|\\bkey=["'][\\w.:-]{0,40}(?:${PASSWORD_NAMES}|${SECRET_NAMES})[\\w.-]{0,24}["'][ \\t]{1,8}value=["']([^\\s"'<>]{6,256})["']`,
    flags: 'i',
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS],
    entropy: 2.5,
    allow: GENERIC_ALLOW,
    examples: {
      match: [
        { text: '<server><id>corp</id><username>ci</username><password>Wq8zR2mLk4</password></server>', secret: 'Wq8zR2mLk4' },
        { text: '<add key="PaymentApiKey" value="a8f3Kq92LmZx7Vb4Nw1T" />', secret: 'a8f3Kq92LmZx7Vb4Nw1T' },
      ],
      noMatch: ['<password>${env.REPO_PASSWORD}</password>', '<add key="ApiKeyHeader" value="X-Api-Key" />'],
    },
  },
  {
    id: 'authorization-header',
    title: 'Credential in an Authorization header',
    severity: 'high',
    family: 'generic',
    regex: `authorization["']?[ \\t]{0,16}[:=,][ \\t]{0,16}["'\`]?(?:bearer|basic|token|bot)[ \\t]{1,4}(?<secret>[A-Za-z0-9._~+/-]{12,4096}={0,2})(?![A-Za-z0-9._~+/=-])`,
    flags: 'i',
    keywords: ['authorization'],
    entropy: 3.0,
    allow: GENERIC_ALLOW,
    examples: {
      match: [
        { text: 'curl -H "Authorization: Bearer 7fQk2Lm9Xw4Rt8Zp3Vn6" https://api.corp.internal/v1/jobs', secret: '7fQk2Lm9Xw4Rt8Zp3Vn6' },
        { text: "headers = {'Authorization': 'Basic Y2k6SHgzTnk4UXI1QnoyMQ=='}", secret: 'Y2k6SHgzTnk4UXI1QnoyMQ==' },
      ],
      noMatch: ['headers: { Authorization: `Bearer ${token}` }', 'Authorization: Bearer <token>'],
    },
  },
  {
    id: 'curl-user-password',
    title: 'Password on a curl command line (-u user:password)',
    severity: 'high',
    family: 'generic',
    regex: `\\bcurl\\b[^\\n]{0,200}?[ \\t](?:-u|--user)[ \\t]{1,4}["']?[^\\s:"']{1,64}:(?<secret>[^\\s"']{3,128})`,
    keywords: ['curl'],
    entropy: 2.3,
    allow: GENERIC_ALLOW,
    examples: {
      match: [
        { text: 'curl -s -u deploy:Tq7Wz2Lk9Vm4 https://ci.corp.internal/api', secret: 'Tq7Wz2Lk9Vm4' },
        { text: 'curl --user "admin:Hx3Ny8Qr5Bz2" -X POST https://jenkins.local/job/x/build', secret: 'Hx3Ny8Qr5Bz2' },
      ],
      noMatch: ['curl -u "$USER:$PASSWORD" https://ci.corp.internal/api', 'curl -u deploy: https://ci.corp.internal/api'],
    },
  },
];
