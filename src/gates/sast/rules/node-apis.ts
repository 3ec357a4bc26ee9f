// More JS/TS APIs with a documented dangerous use: TLS and crypto options, Koa/Hapi responses,
// DOM and template-engine escaping, server and Electron configuration, NestJS CORS, header, LDAP,
// XPath, DynamoDB and ORM query building.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, JS_BUILT_STRING, JS_LITERAL, JS_NON_LITERAL, callFirstArg, callSecondArg, callsFirstArg, jsProperty } from './fragments.js';

type Examples = SastRule['examples'];
interface Spec {
  id: string;
  cwe: string;
  severity: SastRule['severity'];
  keywords: string[];
  title: string;
  message: string;
  fix: string;
  rule: Rule;
  constraints?: SastRule['constraints'];
  taint?: true;
  taintOn?: string;
  examples: Examples;
}
/** One JS/TS rule from its spec: class from the CWE, taint on request data when asked. */
function js(spec: Spec): SastRule {
  const { cwe, taint, taintOn, ...rest } = spec;
  return defineRule({ ...rest, languages: JS, cwe: [cwe], ...(taint ? { taint: { metavariable: taintOn ?? 'VALUE', sources: 'request' as const } } : {}) });
}
const HTML_SAFE: Rule = { any: [JS_LITERAL, { kind: 'call_expression', regex: '(?i)sanitize|escape|purify|encode' }] };
/** An integer literal below 2048 (key sizes). */
const BELOW_2048: Rule = { kind: 'number', regex: '^(?:[0-9]{1,3}|1[0-9]{3}|20[0-3][0-9]|204[0-7])$' };

export const nodeApiRules: SastRule[] = [
  js({
    id: 'js-tls-identity-check-off', cwe: 'CWE-295', severity: 'high', keywords: ['checkServerIdentity', 'strictSSL'],
    title: 'TLS server identity check turned off (checkServerIdentity no-op, strictSSL: false)',
    message: 'A checkServerIdentity that returns nothing, or strictSSL: false, accepts a certificate for any host: a man in the middle can present their own.',
    fix: 'Remove the override (Node checks the host name by default) or pin the expected certificate properly.',
    rule: { any: [{ kind: 'pair', regex: '^[\'"]?checkServerIdentity[\'"]?\\s*:\\s*(?:\\([^)]*\\)\\s*=>\\s*(?:undefined|null|\\{\\s*\\})|function\\s*\\([^)]*\\)\\s*\\{\\s*(?:return\\s*(?:undefined|null)?;?\\s*)?\\})$' }, jsProperty('strictSSL', 'false')] },
    examples: {
      match: ['const agent = new https.Agent({ checkServerIdentity: () => undefined });', "request({ url, strictSSL: false }, cb);"],
      noMatch: ['const agent = new https.Agent({ checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });', 'request({ url, strictSSL: true }, cb);'],
    },
  }),
  js({
    id: 'js-tls-default-min-version', cwe: 'CWE-326', severity: 'medium', keywords: ['DEFAULT_MIN_VERSION'],
    title: 'tls.DEFAULT_MIN_VERSION lowered to TLS 1.0/1.1',
    message: 'Every TLS connection of the process then accepts deprecated protocol versions (RFC 8996).',
    fix: "Leave the default (TLSv1.2) or raise it to 'TLSv1.3'.",
    rule: { kind: 'assignment_expression', regex: '^tls\\.DEFAULT_MIN_VERSION\\s*=\\s*[\'"`](?:TLSv1|TLSv1\\.1|SSLv3)[\'"`]$' },
    examples: { match: ["tls.DEFAULT_MIN_VERSION = 'TLSv1';", "tls.DEFAULT_MIN_VERSION = 'TLSv1.1';"], noMatch: ["tls.DEFAULT_MIN_VERSION = 'TLSv1.2';", "tls.DEFAULT_MAX_VERSION = 'TLSv1.3';"] },
  }),
  js({
    id: 'js-weak-signature-hash', cwe: 'CWE-328', severity: 'medium', keywords: ['createSign(', 'createVerify('],
    title: 'Signature over MD5 or SHA-1 (createSign/createVerify)',
    message: 'SHA-1 and MD5 collisions let an attacker get one document signed and present another with the same signature.',
    fix: "Sign with 'sha256' or better (crypto.createSign('sha256')).",
    rule: callsFirstArg(['crypto.createSign', 'crypto.createVerify', 'createSign', 'createVerify'], '$ALG'),
    constraints: { ALG: { regex: '^[\'"`](?i:(?:rsa-)?(?:sha1|md5|md4)(?:WithRSAEncryption)?)[\'"`]$' } },
    examples: { match: ["const signer = crypto.createSign('RSA-SHA1');", "const v = createVerify('md5');"], noMatch: ["const signer = crypto.createSign('SHA256');", 'const signer = crypto.createSign(alg);'] },
  }),
  js({
    id: 'js-rsa-pkcs1-padding', cwe: 'CWE-327', severity: 'medium', keywords: ['RSA_PKCS1_PADDING'],
    title: 'RSA encryption with PKCS#1 v1.5 padding',
    message: 'PKCS#1 v1.5 encryption padding is open to padding-oracle attacks (Bleichenbacher).',
    fix: 'Use RSA_PKCS1_OAEP_PADDING (the Node default for publicEncrypt) or hybrid encryption.',
    rule: { kind: 'pair', regex: '^[\'"]?padding[\'"]?\\s*:\\s*(?:crypto\\.)?constants\\.RSA_PKCS1_PADDING$' },
    examples: { match: ['const ct = crypto.publicEncrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, data);', 'publicEncrypt({ key: pem, padding: constants.RSA_PKCS1_PADDING }, buf);'], noMatch: ['const ct = crypto.publicEncrypt({ key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, data);', 'const n = crypto.constants.RSA_PKCS1_PADDING_SIZE;'] },
  }),
  js({
    id: 'js-weak-key-exchange', cwe: 'CWE-326', severity: 'medium', keywords: ['createDiffieHellman(', 'createECDH(', 'NodeRSA'],
    title: 'Diffie-Hellman group, ECDH curve or node-rsa key too small',
    message: 'DH primes under 2048 bits, curves under 224 bits and RSA keys under 2048 bits can be broken with public resources.',
    fix: 'Use 2048-bit+ DH groups (or createDiffieHellmanGroup("modp14")), prime256v1/x25519 curves and 2048-bit+ RSA keys.',
    rule: { any: [callFirstArg('crypto.createDiffieHellman', '$BITS'), callFirstArg('createDiffieHellman', '$BITS'), { pattern: 'new NodeRSA({ b: $BITS })' }, { pattern: 'new NodeRSA({ b: $BITS, $$$ })' }, { kind: 'call_expression', regex: '^(?:crypto\\.)?createECDH\\(\\s*[\'"`](?:secp112r1|secp112r2|secp128r1|secp128r2|secp160k1|secp160r1|secp160r2|secp192k1|prime192v1|prime192v2|prime192v3|sect163k1|sect163r1|sect163r2)[\'"`]' }] },
    constraints: { BITS: BELOW_2048 },
    examples: { match: ['const dh = crypto.createDiffieHellman(512);', 'const key = new NodeRSA({ b: 1024 });', "const ecdh = crypto.createECDH('prime192v1');"], noMatch: ['const dh = crypto.createDiffieHellman(2048);', "const ecdh = crypto.createECDH('prime256v1');"] },
  }),
  js({
    id: 'js-fork-non-literal', cwe: 'CWE-78', severity: 'low', keywords: ['fork('],
    title: 'child_process.fork of a module chosen at run time',
    message: 'fork runs the module it is given as a new Node process: whoever controls the path chooses the code that runs.',
    fix: 'Fork a fixed module path; map input to a table of allowed workers.',
    rule: callsFirstArg(['child_process.fork', 'cp.fork', 'fork', 'childProcess.fork'], '$MOD'),
    constraints: { MOD: { all: [JS_NON_LITERAL, { not: { kind: 'call_expression', regex: '^path\\.(?:join|resolve)\\(\\s*__dirname\\s*,\\s*[\'"`][^\'"`]+[\'"`]\\s*\\)$' } }, { not: { regex: '^(?:__filename|require\\.resolve\\([\'"`])' } }] } },
    taint: true, taintOn: 'MOD',
    examples: { match: ["app.post('/run', (req, res) => { child_process.fork(req.body.worker); });", "exports.handler = async (event, context) => fork(event.body);"], noMatch: ["app.post('/run', (req, res) => { child_process.fork(path.join(__dirname, 'worker.js'), [String(req.body.n)]); });", 'child_process.fork(workerPath);'] },
  }),
  js({
    id: 'js-view-name-from-request', cwe: 'CWE-22', severity: 'high', keywords: ['render('],
    title: 'res.render with a template name from request data',
    message: 'The view name is a path: a request value there can render (and for some engines, run) any file the process can read.',
    fix: 'Map the request value to a fixed set of view names.',
    rule: { any: [callFirstArg('$RES.render', '$VIEW')] },
    constraints: { RES: { regex: '^(?:res|response|ctx|reply)$' }, VIEW: JS_NON_LITERAL },
    taint: true, taintOn: 'VIEW',
    examples: { match: ["app.get('/page', (req, res) => { res.render(req.query.page); });", "app.get('/p/:name', (req, res) => { const view = 'pages/' + req.params.name; res.render(view, {}); });"], noMatch: ["app.get('/page', (req, res) => { res.render('page', { q: req.query.q }); });", 'function show(res, view) { res.render(view); }'] },
  }),
  js({
    id: 'js-koa-hapi-response-request-data', cwe: 'CWE-79', severity: 'medium', keywords: ['ctx.body', 'h.response(', 'reply.send(', 'reply.type('],
    title: 'Koa ctx.body / Hapi h.response / Fastify reply with request data',
    message: 'Request data written into an HTML response is rendered by the browser: markup or script in it runs on the page.',
    fix: 'Escape the value for HTML, render it through a template, or send JSON.',
    rule: { any: [{ pattern: 'ctx.body = $VALUE' }, callFirstArg('h.response', '$VALUE'), callFirstArg('reply.send', '$VALUE')] },
    constraints: { VALUE: { all: [JS_NON_LITERAL, { not: { kind: 'object' } }, { not: { kind: 'call_expression', regex: '(?i)^(?:JSON\\.stringify|escape|sanitize|encode)' } }] } },
    taint: true,
    examples: { match: ["router.get('/hi', (ctx) => { ctx.body = `<p>Hello ${ctx.query.name}</p>`; });", "server.route({ method: 'GET', path: '/', handler: (request, h) => h.response(request.query.q) });"], noMatch: ["router.get('/hi', (ctx) => { ctx.body = { name: ctx.query.name }; });", "router.get('/hi', (ctx) => { ctx.body = escapeHtml(ctx.query.name); });"] },
  }),
  js({
    id: 'js-iframe-srcdoc-non-literal', cwe: 'CWE-79', severity: 'medium', keywords: ['srcdoc', 'createContextualFragment'],
    title: 'iframe srcdoc or createContextualFragment with a non-literal',
    message: 'srcdoc and Range.createContextualFragment parse their value as HTML and run its scripts.',
    fix: 'Sanitize the markup with DOMPurify, or use a sandboxed iframe without allow-scripts.',
    rule: { any: [{ pattern: '$EL.srcdoc = $HTML' }, callFirstArg('$RANGE.createContextualFragment', '$HTML')] },
    constraints: { HTML: { not: HTML_SAFE } },
    examples: { match: ['frame.srcdoc = message.html;', 'const frag = document.createRange().createContextualFragment(markup);'], noMatch: ["frame.srcdoc = '<p>loading</p>';", 'frame.srcdoc = DOMPurify.sanitize(message.html);'] },
  }),
  js({
    id: 'js-vue-raw-html', cwe: 'CWE-79', severity: 'medium', keywords: ['v-html', 'domProps'],
    title: 'Vue v-html or domProps.innerHTML',
    message: 'v-html and domProps.innerHTML insert the bound value as raw HTML, scripts and handlers included.',
    fix: 'Bind text with {{ }} / v-text, or sanitize the value with DOMPurify first.',
    rule: { any: [{ kind: 'string', regex: 'v-html\\s*=' }, { kind: 'template_string', regex: 'v-html\\s*=' }, { kind: 'pair', regex: '^innerHTML\\s*:', not: { has: { field: 'value', ...HTML_SAFE } }, inside: { kind: 'pair', regex: '^domProps\\s*:', stopBy: 'end' } }] },
    examples: { match: ["Vue.component('post', { template: '<div v-html=\"post.body\"></div>' });", 'return h("div", { domProps: { innerHTML: this.html } });'], noMatch: ["Vue.component('post', { template: '<div>{{ post.body }}</div>' });", 'return h("div", { domProps: { textContent: this.html } });'] },
  }),
  js({
    id: 'js-template-engine-escape-off', cwe: 'CWE-79', severity: 'medium', keywords: ['SafeString', 'noEscape', 'Mustache.escape', 'escapeMarkup'],
    title: 'Template engine escaping turned off (Handlebars SafeString/noEscape, Mustache.escape)',
    message: 'SafeString of a value, noEscape: true or a no-op Mustache.escape renders user text as markup.',
    fix: 'Keep escaping on; build SafeString only from escaped parts (Handlebars.escapeExpression).',
    rule: {
      any: [
        { pattern: 'new $H.SafeString($HTML)', has: { field: 'arguments', has: { not: HTML_SAFE, any: [{ kind: 'identifier' }, { kind: 'member_expression' }, JS_BUILT_STRING] } } },
        { kind: 'pair', regex: '^[\'"]?noEscape[\'"]?\\s*:\\s*true$' },
        { kind: 'assignment_expression', regex: '^Mustache\\.escape\\s*=' },
        { kind: 'pair', regex: '^[\'"]?escapeMarkup[\'"]?\\s*:\\s*false$' },
      ],
    },
    examples: { match: ['return new Handlebars.SafeString(user.bio);', 'const tpl = Handlebars.compile(source, { noEscape: true });', 'Mustache.escape = (text) => text;'], noMatch: ['return new Handlebars.SafeString(Handlebars.escapeExpression(user.bio));', 'const tpl = Handlebars.compile(source, { strict: true });'] },
  }),
  js({
    id: 'js-event-handler-attribute', cwe: 'CWE-79', severity: 'medium', keywords: ['setAttribute('],
    title: 'Event-handler attribute set from a value',
    message: 'An on* attribute is JavaScript: a value put there runs when the event fires.',
    fix: 'Attach a function with addEventListener instead of writing handler code into an attribute.',
    rule: { pattern: '$EL.setAttribute($NAME, $CODE)' },
    constraints: { NAME: { regex: '^[\'"`]on[a-z]+[\'"`]$' }, CODE: JS_NON_LITERAL },
    examples: { match: ["button.setAttribute('onclick', handlerCode);", 'img.setAttribute("onerror", `track(${id})`);'], noMatch: ["button.setAttribute('onclick', 'save()');", "button.setAttribute('title', label);"] },
  }),
  js({
    id: 'js-helmet-protection-off', cwe: 'CWE-16', severity: 'low', keywords: ['helmet('],
    title: 'helmet protection turned off',
    message: 'Disabling helmet\'s Content-Security-Policy, frameguard, HSTS or noSniff removes the header that blocks script injection, clickjacking or downgrade.',
    fix: 'Keep the protection on and configure it (e.g. a CSP with the sources you need).',
    rule: { pattern: 'helmet($$$)', has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?(?:contentSecurityPolicy|frameguard|hsts|strictTransportSecurity|noSniff|xContentTypeOptions|xFrameOptions)[\'"]?\\s*:\\s*false$', stopBy: 'end' } } },
    examples: { match: ['app.use(helmet({ contentSecurityPolicy: false }));', 'app.use(helmet({ frameguard: false, hsts: { maxAge: 1 } }));'], noMatch: ['app.use(helmet());', 'app.use(helmet({ contentSecurityPolicy: { directives } }));'] },
  }),
  js({
    id: 'js-bind-all-interfaces', cwe: 'CWE-668', severity: 'low', keywords: ['0.0.0.0'],
    title: 'Server bound to all network interfaces',
    message: "Listening on '0.0.0.0' exposes the service on every interface, public ones included.",
    fix: "Listen on '127.0.0.1' (or the one interface you mean) and put a reverse proxy in front when it must be public.",
    rule: { any: [callSecondArg('$S.listen', '$HOST'), { kind: 'pair', regex: '^[\'"]?(?:host|hostname)[\'"]?\\s*:\\s*[\'"`]0\\.0\\.0\\.0[\'"`]$', inside: { kind: 'call_expression', regex: '\\.(?:listen|createServer|start)\\(|^Fastify\\(|^fastify\\(', stopBy: 'end' } }] },
    constraints: { HOST: { regex: '^[\'"`]0\\.0\\.0\\.0[\'"`]$' } },
    examples: { match: ["app.listen(3000, '0.0.0.0');", "await server.listen({ port: 8080, host: '0.0.0.0' });"], noMatch: ["app.listen(3000, '127.0.0.1');", "const ANY = '0.0.0.0';"] },
  }),
  js({
    id: 'js-file-mode-world-writable', cwe: 'CWE-732', severity: 'medium', keywords: ['chmod', 'mode'],
    title: 'File or directory made writable by every user',
    message: 'A mode with the others-write bit (o+w) lets any local user change or replace the file.',
    fix: 'Use 0o600/0o644 for files and 0o700/0o755 for directories.',
    rule: {
      any: [
        { kind: 'call_expression', has: { field: 'function', regex: '(?:^|\\.)(?:chmod|chmodSync|fchmod|fchmodSync|lchmod|lchmodSync)$' }, all: [{ has: { field: 'arguments', has: { any: [{ kind: 'number', regex: '^0o?[0-7]?[0-7][0-7][2367]$' }, { kind: 'string', regex: '^[\'"`][0-7]?[0-7][0-7][2367][\'"`]$' }] } } }] },
        { kind: 'pair', regex: '^[\'"]?mode[\'"]?\\s*:\\s*0o?[0-7]?[0-7][0-7][2367]$', inside: { kind: 'call_expression', regex: '(?:writeFile|mkdir|open|createWriteStream|appendFile|copyFile)', stopBy: 'end' } },
      ],
    },
    examples: { match: ['fs.chmodSync(socketPath, 0o777);', "fs.mkdirSync(dir, { recursive: true, mode: 0o777 });", "await fs.promises.chmod(file, '666');"], noMatch: ['fs.chmodSync(socketPath, 0o700);', 'fs.mkdirSync(dir, { recursive: true, mode: 0o755 });'] },
  }),
  js({
    id: 'js-electron-insecure-webpreferences', cwe: 'CWE-16', severity: 'high', keywords: ['nodeIntegration', 'contextIsolation', 'webSecurity', 'allowRunningInsecureContent'],
    title: 'Electron window with Node integration, no context isolation or web security off',
    message: 'With nodeIntegration on, contextIsolation off or webSecurity off, any script that gets into the page (XSS, a remote page) can reach Node and the OS.',
    fix: 'Keep nodeIntegration: false, contextIsolation: true, webSecurity: true and expose only what you need through a preload script.',
    rule: { kind: 'pair', regex: '^[\'"]?(?:nodeIntegration[\'"]?\\s*:\\s*true|nodeIntegrationInWorker[\'"]?\\s*:\\s*true|contextIsolation[\'"]?\\s*:\\s*false|webSecurity[\'"]?\\s*:\\s*false|allowRunningInsecureContent[\'"]?\\s*:\\s*true)$' },
    examples: { match: ['const win = new BrowserWindow({ webPreferences: { nodeIntegration: true } });', 'new BrowserWindow({ webPreferences: { contextIsolation: false, preload } });'], noMatch: ['const win = new BrowserWindow({ webPreferences: { nodeIntegration: false, contextIsolation: true } });', 'new BrowserWindow({ webPreferences: { preload } });'] },
  }),
  js({
    id: 'js-nest-cors-any-origin', cwe: 'CWE-942', severity: 'medium', keywords: ['enableCors', 'cors: true', 'Access-Control-Allow-Origin'],
    title: 'NestJS CORS open to every origin',
    message: "enableCors() without options, cors: true, origin '*' or a '*' Access-Control-Allow-Origin header lets any site call the API from a browser.",
    fix: 'Pass enableCors({ origin: [\'https://app.example.com\'] }) with the origins you serve.',
    rule: {
      any: [
        { pattern: '$APP.enableCors()' },
        { pattern: '$APP.enableCors($OPTS)', has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?origin[\'"]?\\s*:\\s*(?:true|[\'"`]\\*[\'"`])$', stopBy: 'end' } } },
        { pattern: 'NestFactory.create($MOD, $OPTS)', has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?cors[\'"]?\\s*:\\s*true$', stopBy: 'end' } } },
        { kind: 'decorator', regex: '^@Header\\(\\s*[\'"`]Access-Control-Allow-Origin[\'"`]\\s*,\\s*[\'"`]\\*[\'"`]\\s*\\)$' },
      ],
    },
    examples: { match: ['app.enableCors();', 'const app = await NestFactory.create(AppModule, { cors: true });', "app.enableCors({ origin: '*' });"], noMatch: ["app.enableCors({ origin: ['https://app.example.com'] });", 'const app = await NestFactory.create(AppModule);'] },
  }),
  js({
    id: 'js-cors-wildcard-origin', cwe: 'CWE-942', severity: 'low', keywords: ['cors('],
    title: "cors middleware with origin '*' or true",
    message: 'Any site may read responses from the API in a browser; fine for public data, a leak for anything per-user.',
    fix: 'List the origins that may call the API.',
    rule: { pattern: 'cors($OPTS)', has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?origin[\'"]?\\s*:\\s*(?:true|[\'"`]\\*[\'"`])$', stopBy: 'end' } }, not: { has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?credentials[\'"]?\\s*:\\s*true$', stopBy: 'end' } } } },
    examples: { match: ["app.use(cors({ origin: '*' }));", 'app.use(cors({ origin: true, maxAge: 600 }));'], noMatch: ["app.use(cors({ origin: 'https://app.example.com' }));", 'app.use(cors({ origin: allowList }));'] },
  }),
  js({
    id: 'js-header-from-request-data', cwe: 'CWE-113', severity: 'medium', keywords: ['setHeader(', 'header(', 'set(', 'writeHead('],
    title: 'Response header value from request data',
    message: 'A header value from the request can carry CR/LF on older stacks (response splitting) or set cookies and caching for other users.',
    fix: 'Validate the value against what the header allows (or an allow-list) before setting it.',
    rule: { any: [{ pattern: '$RES.setHeader($NAME, $VALUE)' }, { pattern: '$RES.header($NAME, $VALUE)' }, { pattern: '$RES.set($NAME, $VALUE)' }] },
    constraints: { RES: { regex: '^(?:res|response|reply|ctx|resp)$' }, NAME: { not: { regex: '(?i)access-control-allow-origin|^[\'"`]location[\'"`]$' } }, VALUE: JS_NON_LITERAL },
    taint: true,
    examples: { match: ["app.get('/dl', (req, res) => { res.setHeader('Content-Disposition', 'attachment; filename=' + req.query.name); });", "app.get('/x', (req, res) => { res.set('X-Trace', req.headers['x-trace']); });"], noMatch: ["app.get('/dl', (req, res) => { res.setHeader('Content-Disposition', 'attachment; filename=report.pdf'); });", "app.get('/x', (req, res) => { res.set('Access-Control-Allow-Origin', 'https://a.example.com'); });", "app.get('/x', (req, res) => { const n = req.query.n; res.setHeader('Cache-Control', 'no-store'); });"] },
  }),
  js({
    id: 'js-format-string-request-data', cwe: 'CWE-134', severity: 'low', keywords: ['console.', 'util.format('],
    title: 'Request data used as a format string (console.log/util.format)',
    message: 'A request value as the first argument is read as a format string: %s/%j/%o in it consume and reveal the following arguments.',
    fix: "Pass a literal format: console.log('%s', value).",
    rule: { any: [{ pattern: 'console.$LOG($VALUE, $$$)' }, { pattern: 'util.format($VALUE, $$$)' }] },
    constraints: { LOG: { regex: '^(?:log|info|warn|error|debug)$' }, VALUE: JS_NON_LITERAL },
    taint: true,
    examples: { match: ["app.post('/l', (req, res) => { console.log(req.body.msg, user.id); });", "app.get('/f', (req, res) => { const s = util.format(req.query.fmt, secret); });"], noMatch: ["app.post('/l', (req, res) => { console.log('%s', req.body.msg, user.id); });", "app.post('/l', (req, res) => { console.log('msg', req.body.msg); });"] },
  }),
  js({
    id: 'js-ldap-filter-built', cwe: 'CWE-90', severity: 'high', keywords: ['filter'],
    title: 'LDAP search filter built from values',
    message: 'A filter string assembled from values lets *, ( and ) in them change the query (LDAP injection), e.g. to match every user.',
    fix: 'Escape values with an LDAP filter escaper (ldap-escape, ldapjs EqualityFilter objects).',
    rule: { kind: 'pair', regex: '^[\'"]?filter[\'"]?\\s*:', has: { field: 'value', ...JS_BUILT_STRING, regex: '\\(\\s*[\\w-]+\\s*=' }, inside: { kind: 'call_expression', regex: '\\.search\\(', stopBy: 'end' } },
    examples: { match: ['client.search(base, { filter: `(uid=${username})`, scope: "sub" }, cb);', "ldap.search('ou=people', { filter: '(&(mail=' + email + '))' }, done);"], noMatch: ['client.search(base, { filter: new EqualityFilter({ attribute: "uid", value: username }) }, cb);', "items.search({ filter: 'name=' + name });"] },
  }),
  js({
    id: 'js-xpath-built', cwe: 'CWE-643', severity: 'medium', keywords: ['xpath', 'evaluate(', 'select('],
    title: 'XPath expression built from values',
    message: "Quotes and operators in a value change the XPath expression (XPath injection): ' or '1'='1 selects every node.",
    fix: 'Use parameterised XPath (variables via xpath.useNamespaces / evaluate with a resolver) or escape quotes.',
    rule: { any: [callFirstArg('xpath.select', '$EXPR'), callFirstArg('xpath.select1', '$EXPR'), callFirstArg('document.evaluate', '$EXPR'), callFirstArg('$DOC.evaluate', '$EXPR')] },
    constraints: { EXPR: { ...JS_BUILT_STRING, regex: '/|\\[@|::' } },
    examples: { match: ['const nodes = xpath.select(`//user[name="${name}"]`, doc);', "const r = document.evaluate(\"//a[@id='\" + id + \"']\", document, null, 9, null);"], noMatch: ["const nodes = xpath.select('//user', doc);", 'const total = calc.evaluate(`${a} + ${b}`);'] },
  }),
  js({
    id: 'js-dynamodb-expression-built', cwe: 'CWE-943', severity: 'medium', keywords: ['Expression'],
    title: 'DynamoDB expression built from values',
    message: 'A FilterExpression/KeyConditionExpression/ConditionExpression assembled from values lets them change the condition.',
    fix: 'Keep the expression literal with placeholders and pass values in ExpressionAttributeValues.',
    rule: { kind: 'pair', regex: '^[\'"]?(?:FilterExpression|KeyConditionExpression|ConditionExpression|UpdateExpression|ProjectionExpression)[\'"]?\\s*:', has: { field: 'value', ...JS_BUILT_STRING } },
    examples: { match: ['await ddb.scan({ TableName, FilterExpression: `owner = ${user}` }).promise();', "docClient.query({ KeyConditionExpression: 'pk = ' + pk }, cb);"], noMatch: ["await ddb.scan({ TableName, FilterExpression: 'owner = :u', ExpressionAttributeValues: { ':u': user } }).promise();", "docClient.query({ KeyConditionExpression: 'pk = :pk' }, cb);"] },
  }),
  js({
    id: 'js-orm-where-built', cwe: 'CWE-89', severity: 'high', keywords: ['where(', 'Where(', 'orderBy(', 'having('],
    title: 'Query-builder condition built from values (TypeORM, Knex, MikroORM)',
    message: 'A where/having/orderBy string assembled from values goes into the SQL as written: a value can change the query.',
    fix: 'Use parameters: .where("user.name = :name", { name }) / .where({ name }).',
    rule: { kind: 'call_expression', has: { field: 'function', regex: '\\.(?:where|andWhere|orWhere|having|andHaving|orHaving|orderBy|addOrderBy|whereRaw)$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, ...JS_BUILT_STRING, regex: '(?i)[\\w.]+\\s*(?:=|<>|!=|<|>|\\blike\\b|\\bin\\b)\\s*[\'"(]?\\s*(?:\\$\\{|[\'"]\\s*\\+)' } } }] },
    examples: { match: ['const users = await repo.createQueryBuilder("user").where(`user.name = \'${name}\'`).getMany();', 'qb.andWhere("post.id = \'" + id + "\'");'], noMatch: ['const users = await repo.createQueryBuilder("user").where("user.name = :name", { name }).getMany();', 'qb.andWhere("post.id = :id", { id });'] },
  }),
  js({
    id: 'js-mysql-multiple-statements', cwe: 'CWE-89', severity: 'low', keywords: ['multipleStatements'],
    title: 'MySQL connection with multipleStatements: true',
    message: 'With multiple statements allowed, one SQL injection can append any statement (DROP, INSERT …) instead of only changing the one query.',
    fix: 'Leave multipleStatements off; run migrations through a separate connection.',
    rule: jsProperty('multipleStatements', 'true'),
    examples: { match: ["const db = mysql.createConnection({ host, user, multipleStatements: true });", "createPool({ uri, 'multipleStatements': true });"], noMatch: ['const db = mysql.createConnection({ host, user, multipleStatements: false });', 'const db = mysql.createConnection({ host, user });'] },
  }),
  js({
    id: 'js-lambda-html-response', cwe: 'CWE-79', severity: 'medium', keywords: ['body'],
    title: 'Lambda response body built as HTML from the event',
    message: 'Event data formatted into an HTML body is rendered by the browser: markup or script in it runs on the page.',
    fix: 'Escape values for HTML, render through a template engine that escapes, or return JSON.',
    rule: { kind: 'pair', regex: '^[\'"]?body[\'"]?\\s*:', has: { field: 'value', ...JS_BUILT_STRING, regex: '<[a-zA-Z/!]' } },
    examples: { match: [{ code: 'exports.handler = async (event, context) => ({ statusCode: 200, body: `<h1>Hi ${event.queryStringParameters.name}</h1>` });', lines: [1] }, { code: "export const handler = async (event, context) => {\n  return { body: '<p>' + event.body + '</p>' };\n};", lines: [2] }], noMatch: ['exports.handler = async (event, context) => ({ statusCode: 200, body: JSON.stringify(event.queryStringParameters) });', "exports.handler = async (event, context) => ({ body: '<h1>Hi</h1>' });"] },
  }),
  js({
    id: 'js-mongoose-where-string', cwe: 'CWE-943', severity: 'high', keywords: ['$where(', 'mapReduce'],
    title: 'Mongoose $where() with code built at run time',
    message: 'Query.$where runs JavaScript on the database server: a value in it can change the query or run arbitrary code there.',
    fix: 'Express the condition with query operators instead of $where.',
    rule: callFirstArg('$Q.$where', '$CODE'),
    constraints: { CODE: { any: [JS_BUILT_STRING, { kind: 'identifier' }, { kind: 'member_expression' }] } },
    examples: { match: ['const docs = await User.find().$where(`this.name === "${name}"`);', 'query.$where(condition);'], noMatch: ["const docs = await User.find().$where('this.a > this.b');", 'const docs = await User.find({ name });'] },
  }),
  js({
    id: 'js-insecure-random-uuid-v1', cwe: 'CWE-330', severity: 'low', keywords: ['v1(', 'uuidv1', 'v1 as'],
    title: 'UUID v1 used where an unguessable id is needed',
    message: 'UUID v1 is the timestamp and MAC address: the next ids are easy to guess.',
    fix: 'Use crypto.randomUUID() or uuid v4.',
    rule: { any: [{ pattern: 'uuid.v1()' }, { pattern: 'uuidv1()' }, { pattern: 'v1()', inside: { kind: 'program', regex: "['\"]uuid['\"]", stopBy: 'end' } }], all: [{ inside: { any: [{ kind: 'variable_declarator', regex: '(?i)token|secret|session|reset|nonce|key' }, { kind: 'pair', regex: '(?i)token|secret|session|reset|nonce|key' }], stopBy: 'end' } }] },
    examples: { match: ['const resetToken = uuid.v1();', { code: "import { v1 } from 'uuid';\nconst session = { sessionKey: v1() };", lines: [2] }], noMatch: ['const resetToken = crypto.randomUUID();', 'const traceId = uuid.v1();'] },
  }),
];
