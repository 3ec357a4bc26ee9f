// Template engines compiled from request data, archive entries written by name (zip slip), weak
// TLS cipher lists, short random tokens, JWTs decoded without a fixed algorithm, loaders that run
// code, raw SQL fragments, tokens kept in localStorage and message handlers that trust any origin.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { ruleMaker } from './define.js';
import { JS, JS_NON_LITERAL, PY, PY_BUILT_STRING, SECRET_WORDS, callFirstArg, callsFirstArg, jsInSecretContext, pyInSecretContext } from './fragments.js';

const js = ruleMaker(JS);
const py = ruleMaker(PY);
const WEAK_CIPHERS = '(?i)(?:^|[:!+\\s\'"`])(?:RC4|DES|3DES|NULL|EXPORT|MD5|aNULL|eNULL|ADH|LOW)(?:[:\\s\'"`-]|$)';
const ARCHIVES = "adm-zip|unzipper|yauzl|jszip|tar-stream|decompress|node-stream-zip|['\"]tar['\"]";

export const moreApiRules: SastRule[] = [
  js({
    id: 'js-template-compile-request-data', cwe: 'CWE-1336', severity: 'critical', keywords: ['render', 'compile', 'template(', 'renderString'],
    title: 'Template source from request data (pug, ejs, Handlebars, nunjucks, lodash template)',
    message: 'Compiling a template from request data lets the caller write template code, which runs on the server (server-side template injection).',
    fix: 'Compile only templates you ship; pass request data as the template\'s variables.',
    rule: callsFirstArg(['pug.render', 'pug.compile', 'ejs.render', 'ejs.compile', 'Handlebars.compile', 'handlebars.compile', 'nunjucks.renderString', 'env.renderString', '_.template', 'lodash.template', 'dot.template', 'doT.template', 'Mustache.render', 'swig.render', 'eta.render'], '$TPL'),
    constraints: { TPL: JS_NON_LITERAL },
    taintOn: 'TPL',
    examples: { match: ["app.post('/preview', (req, res) => { const html = pug.render(req.body.template); });", "app.get('/t', (req, res) => { const fn = _.template(req.query.tpl); });"], noMatch: ["app.post('/preview', (req, res) => { const html = pug.renderFile('views/preview.pug', { body: req.body.text }); });", 'const fn = _.template(source);'] },
  }),
  js({
    id: 'js-zip-slip', cwe: 'CWE-22', severity: 'high', keywords: ['entryName', 'AdmZip', 'adm-zip', 'unzipper', 'yauzl', 'tar-stream', 'jszip', 'decompress'],
    title: 'Archive entry name joined into an extraction path (zip slip)',
    message: 'An entry named ../../x is written outside the target folder when its name is joined to the path unchecked.',
    fix: 'Resolve the joined path and check it starts with the target folder before writing.',
    rule: { any: [{ pattern: 'path.join($DIR, $ENTRY)' }, { pattern: 'path.resolve($DIR, $ENTRY)' }], inside: { kind: 'program', regex: ARCHIVES, stopBy: 'end' }, not: { inside: { any: [{ kind: 'function_declaration' }, { kind: 'arrow_function' }, { kind: 'function_expression' }, { kind: 'method_definition' }, { kind: 'for_in_statement' }, { kind: 'for_statement' }], regex: 'startsWith\\(|relative\\(', stopBy: 'end' } } },
    constraints: { ENTRY: { regex: '^[\\w$]+\\.(?:entryName|path|fileName)$' } },
    examples: { match: [{ code: "const AdmZip = require('adm-zip');\nfor (const e of new AdmZip(file).getEntries()) {\n  fs.writeFileSync(path.join(dest, e.entryName), e.getData());\n}", lines: [3] }, { code: "const unzipper = require('unzipper');\nzip.on('entry', (entry) => entry.pipe(fs.createWriteStream(path.join(out, entry.path))));", lines: [2] }], noMatch: ["const AdmZip = require('adm-zip');\nfor (const e of entries) {\n  const target = path.resolve(dest, e.entryName);\n  if (!target.startsWith(dest + path.sep)) continue;\n}", "const p = path.join(dest, e.entryName);"] },
  }),
  py({
    id: 'py-zip-slip', cwe: 'CWE-22', severity: 'high', keywords: ['.filename', '.name', 'namelist'],
    title: 'Archive member name joined into an extraction path (zip slip)',
    message: 'A member named ../../x is written outside the target folder when its name is joined to the path unchecked.',
    fix: 'Resolve the joined path (os.path.realpath) and check it starts with the target folder, or use extractall with filter="data".',
    rule: { pattern: 'os.path.join($DIR, $MEMBER)', inside: { kind: 'module', regex: 'zipfile|tarfile', stopBy: 'end' }, not: { inside: { kind: 'function_definition', regex: 'startswith\\(|commonpath\\(|is_relative_to\\(', stopBy: 'end' } } },
    constraints: { MEMBER: { regex: '^\\w+\\.(?:filename|name)$' } },
    examples: { match: [{ code: 'import zipfile\nfor info in zf.infolist():\n    target = os.path.join(dest, info.filename)', lines: [3] }, { code: 'import tarfile\nfor m in tar.getmembers():\n    out = os.path.join(root, m.name)', lines: [3] }], noMatch: ['import zipfile\ndef safe(dest, info):\n    target = os.path.realpath(os.path.join(dest, info.filename))\n    if not target.startswith(dest):\n        raise ValueError(target)', 'target = os.path.join(dest, info.filename)'] },
  }),
  js({
    id: 'js-tls-weak-ciphers', cwe: 'CWE-327', severity: 'medium', keywords: ['ciphers'],
    title: 'TLS cipher list with RC4, DES, NULL, EXPORT or MD5 suites',
    message: 'These cipher suites are broken or offer no encryption; a man in the middle can force or break them.',
    fix: "Leave ciphers at Node's default, or use only ECDHE + AES-GCM/ChaCha20 suites.",
    rule: { kind: 'pair', regex: '^[\'"]?ciphers[\'"]?\\s*:', has: { field: 'value', kind: 'string', regex: WEAK_CIPHERS, not: { regex: '![A-Za-z0-9]*(?:RC4|DES|NULL|EXPORT|MD5)' } } },
    examples: { match: ["const server = tls.createServer({ key, cert, ciphers: 'RC4-SHA:AES128-SHA' });", "https.request({ host, ciphers: 'DES-CBC3-SHA' }, cb);"], noMatch: ["const server = tls.createServer({ key, cert, ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:!RC4:!MD5' });", "const server = tls.createServer({ key, cert, ciphers: 'TLS_AES_256_GCM_SHA384' });"] },
  }),
  py({
    id: 'py-ssl-weak-ciphers', cwe: 'CWE-327', severity: 'medium', keywords: ['set_ciphers(', 'ciphers='],
    title: 'TLS cipher list with RC4, DES, NULL, EXPORT or MD5 suites',
    message: 'These cipher suites are broken or offer no encryption; a man in the middle can force or break them.',
    fix: 'Keep the ssl module default, or use only ECDHE + AES-GCM/ChaCha20 suites.',
    rule: { any: [callFirstArg('$CTX.set_ciphers', '$LIST'), { kind: 'keyword_argument', regex: '^ciphers\\s*=', has: { field: 'value', pattern: '$LIST' } }] },
    constraints: { LIST: { kind: 'string', regex: WEAK_CIPHERS, not: { regex: '![A-Za-z0-9]*(?:RC4|DES|NULL|EXPORT|MD5)' } } },
    examples: { match: ['ctx.set_ciphers("RC4-SHA:AES128-SHA")', 'sock = context.wrap(s, ciphers="DES-CBC3-SHA")'], noMatch: ['ctx.set_ciphers("ECDHE+AESGCM:!RC4:!MD5")', 'ctx.set_ciphers("ECDHE-RSA-AES256-GCM-SHA384")'] },
  }),
  py({
    id: 'py-gunicorn-bind-all', cwe: 'CWE-668', severity: 'low', keywords: ['bind'],
    title: 'gunicorn/uvicorn config binds all interfaces',
    message: 'bind = "0.0.0.0:…" exposes the app server on every interface, not only behind the reverse proxy.',
    fix: 'Bind to 127.0.0.1 or a unix socket and let the proxy face the network.',
    rule: { kind: 'assignment', regex: '^bind\\s*=\\s*(?:[\\[(]\\s*)?[\'"]0\\.0\\.0\\.0:\\d+[\'"]', inside: { kind: 'expression_statement', inside: { kind: 'module' } } },
    examples: { match: ['bind = "0.0.0.0:8000"', "bind = ['0.0.0.0:8443']"], noMatch: ['bind = "127.0.0.1:8000"', 'bind = "unix:/run/app.sock"'] },
  }),
  js({
    id: 'js-short-random-value', cwe: 'CWE-331', severity: 'medium', keywords: ['randomBytes('],
    title: 'Token made of fewer than 16 random bytes',
    message: 'Fewer than 128 bits of randomness makes a session, reset or API token guessable by brute force.',
    fix: 'Use at least 16 bytes, 32 for long-lived secrets: crypto.randomBytes(32).',
    rule: { all: [callFirstArg('$C.randomBytes', '$N'), jsInSecretContext(SECRET_WORDS)] },
    constraints: { N: { kind: 'number', regex: '^(?:[1-9]|1[0-5])$' } },
    examples: { match: ["const resetToken = crypto.randomBytes(4).toString('hex');", "const session = { sessionId: crypto.randomBytes(8).toString('base64') };"], noMatch: ["const resetToken = crypto.randomBytes(32).toString('hex');", "const salt8 = crypto.randomBytes(8);"] },
  }),
  py({
    id: 'py-short-random-value', cwe: 'CWE-331', severity: 'medium', keywords: ['token_hex(', 'token_urlsafe(', 'token_bytes(', 'urandom('],
    title: 'Token made of fewer than 16 random bytes',
    message: 'Fewer than 128 bits of randomness makes a session, reset or API token guessable by brute force.',
    fix: 'Use secrets.token_urlsafe(32) (or at least 16 bytes).',
    rule: { all: [callsFirstArg(['secrets.token_hex', 'secrets.token_urlsafe', 'secrets.token_bytes', 'os.urandom'], '$N'), pyInSecretContext(SECRET_WORDS)] },
    constraints: { N: { kind: 'integer', regex: '^(?:[1-9]|1[0-5])$' } },
    examples: { match: ['reset_token = secrets.token_hex(4)', 'api_key = secrets.token_urlsafe(8)'], noMatch: ['reset_token = secrets.token_hex(32)', 'jitter = os.urandom(8)'] },
  }),
  py({
    id: 'py-uuid1-unguessable-id', cwe: 'CWE-330', severity: 'low', keywords: ['uuid1('],
    title: 'uuid1() used for a token or secret',
    message: 'uuid1 is the timestamp and MAC address: the next values are easy to guess.',
    fix: 'Use secrets.token_urlsafe() or uuid.uuid4().',
    rule: { all: [{ pattern: 'uuid.uuid1()' }, pyInSecretContext(SECRET_WORDS)] },
    examples: { match: ['reset_token = str(uuid.uuid1())', 'session_id = uuid.uuid1().hex'], noMatch: ['reset_token = str(uuid.uuid4())', 'trace_id = uuid.uuid1()'] },
  }),
  py({
    id: 'py-jwt-decode-no-algorithms', cwe: 'CWE-347', severity: 'medium', keywords: ['jwt.decode('],
    title: 'jwt.decode without a fixed algorithms list',
    message: 'Without algorithms=[…] older PyJWT and python-jose accept the algorithm the token names: an RS256 public key can then verify an HS256 forgery.',
    fix: 'Always pass algorithms=["RS256"] (the one algorithm you issue).',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:jwt|jose\\.jwt)\\.decode$' }, not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^(?:algorithms|options|verify)\\s*=' } } }, all: [{ has: { field: 'arguments', has: { nthChild: 2, not: { kind: 'string' } } } }] },
    examples: { match: ['claims = jwt.decode(token, public_key)', 'data = jose.jwt.decode(t, settings.JWT_KEY)'], noMatch: ['claims = jwt.decode(token, public_key, algorithms=["RS256"])', 'claims = jwt.decode(token)'] },
  }),
  js({
    id: 'js-bson-deserialize-functions', cwe: 'CWE-502', severity: 'high', keywords: ['evalFunctions', 'serializeFunctions'],
    title: 'BSON deserialize with evalFunctions: true',
    message: 'evalFunctions turns functions stored in documents back into code that runs in the process.',
    fix: 'Leave evalFunctions off (the default).',
    rule: { kind: 'pair', regex: '^[\'"]?evalFunctions[\'"]?\\s*:\\s*true$' },
    examples: { match: ['const doc = BSON.deserialize(buf, { evalFunctions: true });', 'const doc = bson.deserialize(data, { evalFunctions: true, cacheFunctions: true });'], noMatch: ['const doc = BSON.deserialize(buf);', 'const doc = BSON.deserialize(buf, { evalFunctions: false });'] },
  }),
  js({
    id: 'js-sql-raw-fragment', cwe: 'CWE-89', severity: 'high', keywords: ['.raw(', 'unsafe('],
    title: 'Raw SQL fragment from a value (Prisma.raw, sql.raw, sql.unsafe)',
    message: 'Raw fragments are inserted into the SQL as written: a value there can change the query.',
    fix: 'Use the tagged template with placeholders (Prisma.sql`… ${value}`, sql`…`), or sql.identifier for names.',
    rule: { any: [callFirstArg('Prisma.raw', '$SQL'), callFirstArg('sql.raw', '$SQL'), callFirstArg('sql.unsafe', '$SQL'), callFirstArg('db.unsafe', '$SQL')] },
    constraints: { SQL: JS_NON_LITERAL },
    examples: { match: ['const order = Prisma.raw(sortColumn);', 'await sql.unsafe(query);'], noMatch: ["const order = Prisma.raw('created_at DESC');", 'const rows = await sql`SELECT * FROM users WHERE id = ${id}`;'] },
  }),
  py({
    id: 'py-sqlalchemy-literal-column-built', cwe: 'CWE-89', severity: 'high', keywords: ['literal_column(', 'column(', 'order_by(', 'filter('],
    title: 'SQLAlchemy literal_column/text fragment built from values',
    message: 'literal_column and string filters/order_by clauses go into the SQL as written: a value there can change the query.',
    fix: 'Use column objects and bound parameters (column == value, bindparam), never formatted SQL text.',
    rule: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)(?:literal_column|order_by|group_by|having)$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, ...PY_BUILT_STRING } } }] },
    examples: { match: ['q = select(literal_column(f"{col} AS value"))', 'rows = session.query(User).order_by(f"{sort} {direction}").all()'], noMatch: ['rows = session.query(User).order_by(User.created_at.desc()).all()', 'q = select(literal_column("1"))'] },
  }),
  js({
    id: 'js-bearer-in-web-storage', cwe: 'CWE-922', severity: 'low', keywords: ['localStorage', 'sessionStorage'],
    title: 'Auth token or secret stored in localStorage',
    message: 'Any script on the origin (an XSS, a compromised dependency) can read localStorage: a token kept there is one injection away from theft.',
    fix: 'Keep session tokens in HttpOnly, Secure cookies.',
    rule: { any: [{ pattern: 'localStorage.setItem($KEY, $VALUE)' }, { pattern: 'sessionStorage.setItem($KEY, $VALUE)' }, { pattern: 'window.localStorage.setItem($KEY, $VALUE)' }] },
    constraints: { KEY: { regex: '(?i)token|jwt|secret|password|api_?key|credential|auth' } },
    examples: { match: ["localStorage.setItem('access_token', data.token);", "window.localStorage.setItem('jwt', jwt);"], noMatch: ["localStorage.setItem('theme', 'dark');", "localStorage.getItem('access_token');"] },
  }),
  js({
    id: 'js-message-handler-no-origin-check', cwe: 'CWE-345', severity: 'medium', keywords: ["'message'", '"message"', '`message`'],
    title: "'message' event handler that never checks event.origin",
    message: 'Any window can postMessage to this one: a handler that acts on data without checking origin obeys every site.',
    fix: 'Return early unless event.origin is one of the origins you expect.',
    rule: {
      kind: 'call_expression',
      regex: '^(?:window\\.)?(?:addEventListener|self\\.addEventListener)\\(\\s*[\'"`]message[\'"`]',
      all: [{ has: { field: 'arguments', has: { any: [{ kind: 'arrow_function' }, { kind: 'function_expression' }], not: { regex: '\\.origin\\b|\\.source\\b' } } } }],
    },
    examples: { match: ["window.addEventListener('message', (e) => { document.title = e.data.title; });", "addEventListener('message', function (event) { run(event.data); });"], noMatch: ["window.addEventListener('message', (e) => { if (e.origin !== 'https://app.example.com') return; run(e.data); });", "window.addEventListener('resize', (e) => layout());"] },
  }),
  py({
    id: 'py-debug-toolbar-included', cwe: 'CWE-489', severity: 'medium', keywords: ['debugtoolbar', 'debug_toolbar'],
    title: 'Debug toolbar included in the app configuration',
    message: 'pyramid_debugtoolbar / django-debug-toolbar show settings, SQL and tracebacks, and the Pyramid one can run code, to whoever reaches them.',
    fix: 'Include the toolbar only in a development configuration.',
    rule: { any: [{ kind: 'call', regex: '^\\w+\\.include\\(\\s*[\'"]pyramid_debugtoolbar[\'"]' }, { kind: 'string', regex: '^[\'"]debug_toolbar(?:\\.middleware\\.DebugToolbarMiddleware)?[\'"]$', inside: { kind: 'assignment', regex: '^(?:INSTALLED_APPS|MIDDLEWARE)\\s*[+]?=', stopBy: 'end' } }] },
    examples: { match: ['config.include("pyramid_debugtoolbar")', 'INSTALLED_APPS = ["django.contrib.admin", "debug_toolbar"]'], noMatch: ['config.include("pyramid_jinja2")', 'if DEBUG:\n    TOOLBAR = "debug_toolbar is dev only"'] },
  }),
  py({
    id: 'py-mako-template', cwe: 'CWE-79', severity: 'medium', keywords: ['mako'],
    title: 'Mako template (no HTML escaping by default)',
    message: "Mako does not escape expressions unless default_filters=['h'] is set: variables render as raw markup.",
    fix: "Pass default_filters=['h'] to Template/TemplateLookup, or use a template engine that autoescapes.",
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:mako\\.template\\.|mako\\.lookup\\.)?(?:Template|TemplateLookup)$' }, inside: { kind: 'module', regex: '(?:from|import)\\s+mako', stopBy: 'end' }, not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^default_filters\\s*=' } } } },
    examples: { match: [{ code: 'from mako.template import Template\nhtml = Template(source).render(name=name)', lines: [2] }, { code: 'from mako.lookup import TemplateLookup\nlookup = TemplateLookup(directories=["templates"])', lines: [2] }], noMatch: ['from mako.template import Template\nhtml = Template(source, default_filters=["h"]).render(name=name)', 'from jinja2 import Template\nhtml = Template(source).render(name=name)'] },
  }),
];
