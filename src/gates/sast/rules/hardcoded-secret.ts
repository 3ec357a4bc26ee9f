// CWE-798/321: a literal secret handed to the API that relies on it being secret. The secrets
// gate finds tokens by their format; these rules find any literal in a place that must be secret.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, JS_SECRET_LITERAL, PY, PY_SECRET_LITERAL, callSecondArg, jsCallWithPair } from './fragments.js';

const CWE = ['CWE-798'];
const JS_FIX = 'Read the secret from the environment or a secret manager (process.env.JWT_SECRET), never from the source.';
const PY_FIX = 'Read the secret from the environment or a secret manager (os.environ["SECRET_KEY"]), never from the source.';
const JS_LITERAL_PAIR = (names: string) => `^['"]?(?:${names})['"]?\\s*:\\s*(?:['"\`][^'"\`]{3,}['"\`]|\\[\\s*['"\`])`;
const PY_KEYWORD = (names: string): Rule => ({ kind: 'keyword_argument', has: { field: 'name', regex: `^(?:${names})$` }, all: [{ has: { field: 'value', ...PY_SECRET_LITERAL } }] });

/**
 * A `SECRET` constraint becomes a flow check: the literal may be written at the call or assigned
 * to a local variable first (`const key = 'abc'; jwt.sign(p, key)`).
 */
function secretRule(languages: SastRule['languages'], fix: string, literal: Rule) {
  return (id: string, keywords: string[], title: string, message: string, rule: Rule, examples: SastRule['examples'], constraints?: SastRule['constraints']): SastRule => {
    const { SECRET, ...others } = constraints ?? {};
    return defineRule({
      id, keywords, languages, severity: 'high', cwe: CWE, title, message, fix, rule,
      ...(Object.keys(others).length > 0 ? { constraints: others } : {}),
      ...(SECRET ? { flow: { metavariable: 'SECRET', value: literal } } : {}),
      examples,
    });
  };
}
const jsSecret = secretRule(JS, JS_FIX, JS_SECRET_LITERAL);
const pySecret = secretRule(PY, PY_FIX, PY_SECRET_LITERAL);

export const hardcodedSecretRules: SastRule[] = [
  jsSecret(
    'js-jwt-hardcoded-secret',
    ['sign(', 'verify('],
    'JWT signed or verified with a literal secret',
    'Anyone who reads the source can forge tokens this service accepts.',
    { any: [callSecondArg('$JWT.sign', '$SECRET'), callSecondArg('$JWT.verify', '$SECRET')] },
    {
      match: ["const token = jwt.sign({ sub: user.id }, 'shhhhh-very-secret', { expiresIn: '1h' });", "const claims = jsonwebtoken.verify(token, 'my-signing-key');", { code: "const key = 'hard-coded-key';\nconst token = JWT.sign(payload, key);", lines: [2] }],
      noMatch: ['const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);', "const sig = signer.sign(data, 'base64');"],
    },
    { JWT: { regex: '^(?:jwt|jsonwebtoken|JWT|jose\\.JWT|jws|JWS)$' }, SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-jwt-middleware-hardcoded-secret',
    ['secret'],
    'JWT middleware or auth library configured with a literal secret',
    'express-jwt, koa-jwt, NextAuth and similar check tokens with this secret; in the source it is public.',
    jsCallWithPair('(?i)(?:^|\\.)(?:expressjwt|expressJwt|jwt|koaJwt|nextauth|fastifyJwt|jwtMiddleware)$', JS_LITERAL_PAIR('secret')),
    {
      match: ["app.use(expressjwt({ secret: 'hunter2hunter2', algorithms: ['HS256'] }));", "export default NextAuth({ providers, secret: 'not-so-secret' });"],
      noMatch: ['app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ["HS256"] }));', "app.use(cors({ secret: 'x-y-z' }));"],
    },
  ),
  jsSecret(
    'js-session-hardcoded-secret',
    ['session', 'Session', 'cookieParser('],
    'Session or cookie signing secret written in the source',
    'express-session/cookie-session sign the session cookie with this secret; anyone with the source can forge sessions.',
    {
      any: [
        jsCallWithPair('(?:^|\\.)(?:session|expressSession|cookieSession|koaSession|fastifySession|fastifyCookie|ironSession|getIronSession)$', JS_LITERAL_PAIR('secret|keys|password')),
        { pattern: 'cookieParser($SECRET)' },
        { pattern: 'cookieParser($SECRET, $$$)' },
      ],
    },
    {
      match: [{ code: "app.use(session({ secret: 'keyboard cat', resave: false }));", lines: [1], alsoFiredBy: ['js-session-cookie-insecure'] }, "app.use(cookieSession({ name: 'sid', keys: ['key1', 'key2'] }));", "app.use(cookieParser('s3cr3t-value'));"],
      noMatch: ["app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));", 'app.use(cookieParser(config.cookieSecret));'],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-passport-jwt-hardcoded-secret',
    ['secretOrKey'],
    'passport-jwt secretOrKey is a literal',
    'The strategy verifies tokens with secretOrKey; a literal there lets anyone who reads the source forge a login.',
    { any: [{ kind: 'pair', regex: JS_LITERAL_PAIR('secretOrKey') }, { pattern: '$OPTS.secretOrKey = $SECRET' }] },
    {
      match: ["passport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: 'secret' }, verify));", "opts.secretOrKey = 'my-jwt-key';"],
      noMatch: ['passport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: process.env.JWT_KEY }, verify));', 'opts.secretOrKey = readFileSync(keyPath);'],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-jose-hardcoded-secret',
    ['TextEncoder', 'asKey(', 'createSecretKey('],
    'JOSE key made from a literal',
    'A symmetric JWT/JWE key encoded from a string in the source is known to every reader of the source.',
    {
      any: [
        { pattern: 'new TextEncoder().encode($SECRET)', inside: { kind: 'program', regex: 'SignJWT|jwtVerify|jose|EncryptJWT|jwtDecrypt', stopBy: 'end' } },
        { pattern: '$JWK.asKey($SECRET)' },
        { pattern: '$JWK.asKey($SECRET, $$$)' },
        { pattern: 'createSecretKey($SECRET)' },
        { pattern: '$C.createSecretKey($SECRET)' },
      ],
    },
    {
      match: ["const secret = new TextEncoder().encode('cc7e0d44fd473002f1c42167459001140ec6389b7353f8088f4d9a95f2f596f2');\nawait new SignJWT(claims).sign(secret);", "const key = JWK.asKey('a-literal-oct-key');", "const key = crypto.createSecretKey(Buffer.from('literal-key-material'));"].map((code, i) => (i === 0 ? { code, lines: [1] } : code)),
      noMatch: ['const secret = new TextEncoder().encode(process.env.JWT_SECRET);\nawait new SignJWT(claims).sign(secret);', "const bytes = new TextEncoder().encode('hello');"],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-hmac-hardcoded-key',
    ['createHmac('],
    'HMAC keyed with a literal',
    'An HMAC is only as secret as its key: with the key in the source, anyone can compute valid MACs.',
    { any: [{ pattern: '$C.createHmac($ALG, $SECRET)' }, { pattern: 'createHmac($ALG, $SECRET)' }] },
    {
      match: ["const sig = crypto.createHmac('sha256', 'webhook-signing-key').update(body).digest('hex');", "const mac = createHmac('sha512', `literal-template-key`);"],
      noMatch: ["const sig = crypto.createHmac('sha256', process.env.WEBHOOK_KEY).update(body).digest('hex');", "const h = crypto.createHash('sha256').update('literal-input').digest('hex');"],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-cipher-hardcoded-key',
    ['createCipheriv(', 'createDecipheriv('],
    'Cipher keyed with a literal',
    'Data encrypted with a key from the source can be decrypted by anyone who has the source.',
    { any: [{ pattern: '$C.createCipheriv($ALG, $SECRET, $$$)' }, { pattern: '$C.createDecipheriv($ALG, $SECRET, $$$)' }] },
    {
      match: ["const c = crypto.createCipheriv('aes-256-gcm', 'abcdefghijklmnopqrstuvwxyz123456', iv);", "const d = crypto.createDecipheriv('aes-256-gcm', Buffer.from('0123456789abcdef0123456789abcdef'), iv);"],
      noMatch: ["const c = crypto.createCipheriv('aes-256-gcm', key, iv);", "const c = crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.KEY, 'hex'), iv);"],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-db-hardcoded-password',
    ['password', 'Sequelize('],
    'Database or cache client given a literal password',
    'The database password is in the source: everyone with read access to the repository can log in to the database.',
    {
      any: [
        jsCallWithPair('(?:^|\\.)(?:createConnection|createPool|createPoolCluster|Pool|Client|knex|Knex|createClient|Redis|DataSource|MongoClient|connect|Connection)$', JS_LITERAL_PAIR('password|pass|pwd')),
        { pattern: 'new Sequelize($DB, $USER, $SECRET, $$$)' },
        { pattern: 'new Sequelize($DB, $USER, $SECRET)' },
      ],
    },
    {
      // wfo-gate-ignore: generic-password made-up example of what this rule finds
      match: ["const db = mysql.createConnection({ host: 'db', user: 'app', password: 'p4ssw0rd' });", "const pool = new Pool({ user: 'app', password: 'changeme123' });", "const sequelize = new Sequelize('shop', 'root', 'rootpass', { dialect: 'sqlite' });"],
      noMatch: ["const db = mysql.createConnection({ host: 'db', user: 'app', password: process.env.DB_PASSWORD });", "const sequelize = new Sequelize('shop', 'root', process.env.DB_PASS, { dialect: 'sqlite' });"],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-aws-hardcoded-credentials',
    ['secretAccessKey', 'Credentials('],
    'AWS credentials written in the source',
    'An AWS secret access key in the source gives every reader the permissions of that key.',
    { any: [{ kind: 'pair', regex: JS_LITERAL_PAIR('secretAccessKey|sessionToken') }, { pattern: 'new $AWS.Credentials($ID, $SECRET, $$$)' }, { pattern: 'new $AWS.Credentials($ID, $SECRET)' }] },
    {
      match: ["const s3 = new S3Client({ credentials: { accessKeyId: 'AKIAEXAMPLEKEYID', secretAccessKey: 'example/secret/access/key' } });", "AWS.config.credentials = new AWS.Credentials('AKIAEXAMPLE', 'wJalrEXAMPLEKEY');"],
      noMatch: ['const s3 = new S3Client({ credentials: { accessKeyId: env.KEY_ID, secretAccessKey: env.SECRET_KEY } });', 'AWS.config.credentials = new AWS.Credentials(keyId, secret);'],
    },
    { SECRET: JS_SECRET_LITERAL },
  ),
  jsSecret(
    'js-hardcoded-authorization-header',
    ['Authorization', 'authorization'],
    'Authorization header with a literal credential',
    'A bearer token or basic-auth pair in the source is a credential every reader can use.',
    { kind: 'pair', regex: '^[\'"]?[Aa]uthorization[\'"]?\\s*:\\s*[\'"`](?:Bearer|Basic|Token)\\s+[A-Za-z0-9._~+/=-]{8,}[\'"`]$' },
    {
      // wfo-gate-ignore: authorization-header made-up example of what this rule finds
      match: ["const res = await fetch(url, { headers: { Authorization: 'Bearer abcdef0123456789' } });", "axios.defaults.headers.common = { 'Authorization': 'Basic YWRtaW46YWRtaW4xMjM=' };"],
      noMatch: ['const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });', "const res = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });"],
    },
  ),
  pySecret(
    'py-jwt-hardcoded-secret',
    ['encode(', 'decode('],
    'JWT signed or verified with a literal secret',
    'Anyone who reads the source can forge tokens this service accepts.',
    {
      any: [
        // The keyword form first: `any` settles on its first matching branch before constraints run.
        { pattern: 'jwt.$F($$$)', has: { field: 'arguments', has: PY_KEYWORD('key') } },
        { pattern: 'jwt.encode($PAYLOAD, $SECRET, $$$)' },
        { pattern: 'jwt.encode($PAYLOAD, $SECRET)' },
        { pattern: 'jwt.decode($TOKEN, $SECRET, $$$)' },
        { pattern: 'jwt.decode($TOKEN, $SECRET)' },
      ],
    },
    {
      match: ['token = jwt.encode({"sub": user_id}, "super-secret-key", algorithm="HS256")', 'claims = jwt.decode(token, key="literal-key", algorithms=["HS256"])', { code: 'SECRET = "module-level-secret"\ntoken = jwt.encode(payload, SECRET)', lines: [2], alsoFiredBy: ['py-hardcoded-secret-variable'] }],
      noMatch: ['token = jwt.encode({"sub": user_id}, settings.JWT_SECRET, algorithm="HS256")', 'text = data.decode("utf-8")'],
    },
    { SECRET: PY_SECRET_LITERAL },
  ),
  pySecret(
    'py-flask-hardcoded-secret-key',
    ['secret_key', 'SECRET_KEY'],
    'Flask secret key written in the source',
    'Flask signs session cookies with secret_key: with it in the source, anyone can forge a session.',
    {
      any: [
        { pattern: '$APP.secret_key = $SECRET' },
        { kind: 'assignment', has: { field: 'left', regex: '^\\w+\\.config\\[[\'"](?:JWT_)?SECRET_KEY[\'"]\\]$' }, all: [{ has: { field: 'right', ...PY_SECRET_LITERAL } }] },
        { pattern: '$APP.config.update($$$)', has: { field: 'arguments', has: PY_KEYWORD('(?:JWT_)?SECRET_KEY') } },
      ],
    },
    {
      match: ['app.secret_key = "dev-key-change-me"', 'app.config["SECRET_KEY"] = "a-very-secret-string"', 'app.config.update(SECRET_KEY="literal-key", DEBUG_TB=False)'],
      noMatch: ['app.secret_key = os.environ["SECRET_KEY"]', 'app.config["SECRET_KEY"] = os.urandom(32)'],
    },
    { SECRET: PY_SECRET_LITERAL },
  ),
  pySecret(
    'py-django-hardcoded-secret-key',
    ['SECRET_KEY'],
    'Django SECRET_KEY written in the settings',
    'Django signs sessions, password-reset tokens and CSRF tokens with SECRET_KEY; in the repository it is public.',
    { kind: 'assignment', has: { field: 'left', regex: '^SECRET_KEY$' }, all: [{ has: { field: 'right', ...PY_SECRET_LITERAL } }], inside: { kind: 'expression_statement', inside: { kind: 'module' } } },
    {
      // wfo-gate-ignore: generic-secret made-up example of what this rule finds
      match: ['SECRET_KEY = "django-insecure-0123456789abcdef"', "SECRET_KEY = b'bytes-literal-key'"],
      noMatch: ['SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'SECRET_KEY = env("SECRET_KEY")'],
    },
  ),
  pySecret(
    'py-boto3-hardcoded-credentials',
    ['aws_secret_access_key', 'aws_session_token'],
    'AWS credentials passed as literals',
    'An AWS secret access key in the source gives every reader the permissions of that key.',
    { kind: 'call', has: { field: 'arguments', has: PY_KEYWORD('aws_secret_access_key|aws_session_token') } },
    {
      match: ['s3 = boto3.client("s3", aws_access_key_id="AKIAEXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/EXAMPLE")', 'session = boto3.Session(aws_session_token="FQoGZXIvYXdzEXAMPLE")'],
      noMatch: ['s3 = boto3.client("s3", aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])', 's3 = boto3.client("s3")'],
    },
  ),
  pySecret(
    'py-hardcoded-password-argument',
    ['password=', 'passwd=', 'pwd=', 'secret=', 'api_key=', 'auth_token='],
    'Literal password or secret passed as an argument',
    'A password given as a literal to a client or connection is in every copy of the source.',
    { kind: 'call', has: { field: 'arguments', has: PY_KEYWORD('password|passwd|pwd|secret|client_secret|api_key|auth_token|access_token') } },
    {
      // wfo-gate-ignore: generic-password,generic-secret made-up example of what this rule finds
      match: ['conn = psycopg2.connect(host="db", user="app", password="s3cr3t!")', 'ssh.connect("host", username="root", password="toor1234")', 'client = Client(api_key="live-key-0123456789")'],
      noMatch: ['conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])', 'form = LoginForm(password="")'],
    },
  ),
  pySecret(
    'py-hardcoded-password-default',
    ['password', 'passwd', 'secret', 'api_key', 'token'],
    'Function parameter defaults to a literal password',
    'A default password is one every caller that omits the argument shares, and every reader of the source knows.',
    { any: [{ kind: 'default_parameter' }, { kind: 'typed_default_parameter' }], has: { field: 'name', regex: '^(?:password|passwd|pwd|secret|api_key|token)$' }, all: [{ has: { field: 'value', ...PY_SECRET_LITERAL } }] },
    {
      match: ['def connect(host, user="admin", password="admin123"):\n    pass', 'async def login(url, *, secret: str = "letmein99"):\n    pass'].map((code) => ({ code, lines: [1] })),
      noMatch: ['def connect(host, user="admin", password=None):\n    pass', 'def connect(host, timeout="30s"):\n    pass'],
    },
  ),
  pySecret(
    'py-db-url-hardcoded-password',
    ['://'],
    'Database URL with a literal password',
    'The connection URL carries the database password in the source.',
    { any: [{ pattern: 'create_engine($URL, $$$)' }, { pattern: 'create_engine($URL)' }, { pattern: 'sqlalchemy.create_engine($URL)' }, { pattern: 'MongoClient($URL)' }, { pattern: 'MongoClient($URL, $$$)' }, { pattern: '$R.from_url($URL)' }] },
    {
      // wfo-gate-ignore: database-connection-string made-up example of what this rule finds
      match: ['engine = create_engine("postgresql://app:s3cret@db:5432/shop")', 'client = MongoClient("mongodb://admin:hunter22@mongo:27017/")'],
      noMatch: ['engine = create_engine(os.environ["DATABASE_URL"])', 'engine = create_engine("sqlite:///local.db")'],
    },
    { URL: { kind: 'string', regex: '^[\'"][a-z][\\w+.-]*://[^:/@\'"\\s]+:[^@/\'"\\s{]{3,}@' } },
  ),
  pySecret(
    'py-hmac-hardcoded-key',
    ['hmac.new(', 'Fernet(', 'AES.new('],
    'HMAC or cipher keyed with a literal',
    'A MAC or cipher key from the source is known to everyone who has the source.',
    { any: [{ pattern: 'hmac.new($SECRET, $$$)' }, { pattern: 'Fernet($SECRET)' }, { pattern: 'AES.new($SECRET, $$$)' }] },
    {
      match: ['sig = hmac.new(b"webhook-signing-key", body, hashlib.sha256).hexdigest()', 'f = Fernet(b"ZmFrZS1mZXJuZXQta2V5LWZvci10ZXN0cy0wMDAwMDA=")'],
      noMatch: ['sig = hmac.new(settings.WEBHOOK_KEY.encode(), body, hashlib.sha256).hexdigest()', 'f = Fernet(Fernet.generate_key())'],
    },
    { SECRET: PY_SECRET_LITERAL },
  ),
  pySecret(
    'py-hardcoded-basic-auth',
    ['auth='],
    'HTTP client given a literal username and password',
    'A basic-auth pair in the source is a credential every reader can use.',
    { kind: 'keyword_argument', has: { field: 'name', regex: '^auth$' }, all: [{ has: { field: 'value', kind: 'tuple', regex: '^\\(\\s*[\'"][^\'"]+[\'"]\\s*,\\s*[\'"][^\'"]{3,}[\'"]\\s*\\)$' } }] },
    {
      match: ['r = requests.get(url, auth=("admin", "hunter2"))', 'client = httpx.Client(auth=("svc", "svc-password"))'],
      noMatch: ['r = requests.get(url, auth=(user, password))', 'r = requests.get(url, auth=HTTPBasicAuth(user, os.environ["PW"]))'],
    },
  ),
];
