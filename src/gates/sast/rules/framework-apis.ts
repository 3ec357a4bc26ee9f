// Framework settings and APIs across both languages: mass assignment (CWE-915), errors and files
// exposed to clients (CWE-200/209/548), Tornado/Starlette/FastAPI/Django CORS and CSRF switches,
// public S3 ACLs, TLS checks switched off through the environment or a session attribute,
// dynamic code through workers, imports and Redis scripts, and a few more command runners.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, JS_BUILT_STRING, JS_NON_LITERAL, JS_SECRET_LITERAL, PY, PY_BUILT_STRING, PY_NON_LITERAL, PY_SECRET_LITERAL, callFirstArg, callSecondArg, callsFirstArg } from './fragments.js';

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
  taintOn?: string;
  flow?: SastRule['flow'];
  examples: SastRule['examples'];
}
function make(languages: SastRule['languages']) {
  return (spec: Spec): SastRule => {
    const { cwe, taintOn, ...rest } = spec;
    return defineRule({ ...rest, languages, cwe: [cwe], ...(taintOn ? { taint: { metavariable: taintOn, sources: 'request' as const } } : {}) });
  };
}
const js = make(JS);
const py = make(PY);
const kwarg = (regex: string): Rule => ({ has: { field: 'arguments', has: { kind: 'keyword_argument', regex } } });

export const frameworkApiRules: SastRule[] = [
  js({
    id: 'js-mass-assignment-request-body', cwe: 'CWE-915', severity: 'medium', keywords: ['create(', 'new ', 'assign(', 'update(', 'set(', 'build(', 'insert('],
    title: 'Model created or updated from the whole request body',
    message: 'Passing the request body to a model writes every field the client sends, including ones it must not set (role, isAdmin, ownerId).',
    fix: 'Copy the allowed fields explicitly (or validate the body with a schema that strips unknown keys).',
    rule: {
      any: [
        callFirstArg('$MODEL.create', '$BODY'),
        callFirstArg('$MODEL.build', '$BODY'),
        callFirstArg('$MODEL.insert', '$BODY'),
        callFirstArg('$MODEL.set', '$BODY'),
        callFirstArg('$MODEL.update', '$BODY'),
        { pattern: 'new $MODEL($BODY)' },
        callSecondArg('Object.assign', '$BODY'),
      ],
    },
    constraints: { BODY: { regex: '^(?:req|request|ctx\\.request)\\.body$' }, MODEL: { regex: '^[A-Z]\\w*$|^(?:user|account|profile|doc|record|entity|repo|model|this\\.\\w+)$' } },
    examples: { match: ["app.post('/users', async (req, res) => { await User.create(req.body); });", "app.put('/me', async (req, res) => { Object.assign(req.user, req.body); await req.user.save(); });"], noMatch: ["app.post('/users', async (req, res) => { const { name, email } = req.body; await User.create({ name, email }); });", "app.post('/x', (req, res) => { logger.info(req.body); });"] },
  }),
  py({
    id: 'py-mass-assignment-request-data', cwe: 'CWE-915', severity: 'medium', keywords: ['**request', '**data', '**payload', '**body'],
    title: 'Model created or updated from the whole request payload',
    message: 'Unpacking the request payload into a model writes every field the client sends, including ones it must not set (is_staff, owner).',
    fix: 'Use a form/serializer with an explicit field list, or copy the allowed fields.',
    rule: { kind: 'call', has: { field: 'arguments', has: { kind: 'dictionary_splat', has: { any: [{ kind: 'attribute' }, { kind: 'identifier' }, { kind: 'call' }], regex: '^(?:request\\.(?:POST|GET|data|json|form|args|get_json\\(\\))|data|payload|body)$' } } } },
    examples: { match: ['user = User.objects.create(**request.POST)', 'Profile.objects.filter(pk=pk).update(**request.data)'], noMatch: ['user = User.objects.create(username=request.POST["username"])', 'user = User.objects.create(**cleaned)', 'user = User.objects.create(**request_defaults)'] },
  }),
  py({
    id: 'py-modelform-all-fields', cwe: 'CWE-915', severity: 'low', keywords: ['__all__', 'exclude'],
    title: "ModelForm/serializer with fields = '__all__'",
    message: "fields = '__all__' exposes every model field to the form or API, including ones added later (is_staff, owner).",
    fix: 'List the fields the form may set.',
    rule: { kind: 'assignment', regex: '^fields\\s*=\\s*[\'"]__all__[\'"]$', inside: { kind: 'class_definition', has: { field: 'name', regex: '^Meta$' }, stopBy: 'end' } },
    examples: { match: [{ code: 'class UserForm(forms.ModelForm):\n    class Meta:\n        model = User\n        fields = "__all__"', lines: [4] }, { code: 'class S(serializers.ModelSerializer):\n    class Meta:\n        fields = "__all__"', lines: [3] }], noMatch: ['class UserForm(forms.ModelForm):\n    class Meta:\n        model = User\n        fields = ["email", "name"]', 'fields = "__all__"'] },
  }),
  js({
    id: 'js-error-stack-in-response', cwe: 'CWE-209', severity: 'low', keywords: ['.stack'],
    title: 'Error stack trace sent to the client',
    message: 'A stack trace tells an attacker file paths, library versions and code structure.',
    fix: 'Log the stack on the server; send a generic message and an error id.',
    rule: { any: [callsFirstArg(['$RES.send', '$RES.json', '$RES.end', '$RES.write'], '$BODY')] },
    constraints: { BODY: { regex: '\\b(?:err|error|e|ex|exception)\\.stack\\b' }, RES: { regex: '^(?:res|response|reply|ctx)$' } },
    examples: { match: ['app.use((err, req, res, next) => { res.send(err.stack); });', 'catch (e) { res.json({ error: e.message, trace: e.stack }); }'], noMatch: ["app.use((err, req, res, next) => { logger.error(err.stack); res.status(500).send('Internal error'); });", 'res.json({ error: e.message });'] },
  }),
  js({
    id: 'js-static-serves-dotfiles', cwe: 'CWE-548', severity: 'medium', keywords: ['dotfiles', 'serveIndex', 'directory-listing'],
    title: 'Static server lists directories or serves dotfiles',
    message: "serve-index and dotfiles: 'allow' publish file listings and files like .env or .git/config.",
    fix: "Drop serve-index and keep dotfiles: 'ignore' (the default) or 'deny'.",
    rule: { any: [{ kind: 'pair', regex: '^[\'"]?dotfiles[\'"]?\\s*:\\s*[\'"`]allow[\'"`]$' }, callFirstArg('serveIndex', '$DIR')] },
    examples: { match: ["app.use(express.static('public', { dotfiles: 'allow' }));", "app.use('/files', serveIndex('uploads', { icons: true }));"], noMatch: ["app.use(express.static('public', { dotfiles: 'deny' }));", "app.use(express.static('public'));"] },
  }),
  js({
    id: 'js-worker-eval-non-literal', cwe: 'CWE-95', severity: 'high', keywords: ['Worker('],
    title: 'Worker with eval: true on code built at run time',
    message: 'new Worker(code, { eval: true }) runs the string it is given as JavaScript in a new thread.',
    fix: 'Start workers from a fixed file and pass data through workerData; do not compile code from values.',
    rule: { pattern: 'new Worker($CODE, $OPTS)', has: { field: 'arguments', has: { kind: 'pair', regex: '^eval\\s*:\\s*true$', stopBy: 'end' } } },
    constraints: { CODE: JS_NON_LITERAL },
    examples: { match: ['const w = new Worker(source, { eval: true });', 'const w = new Worker(`${prelude}\n${body}`, { eval: true, workerData });'], noMatch: ["const w = new Worker('./worker.js', { workerData });", "const w = new Worker(`postMessage(1)`, { eval: true });"] },
  }),
  js({
    id: 'js-dynamic-import-request-data', cwe: 'CWE-95', severity: 'high', keywords: ['import('],
    title: 'import() of a module named by request data',
    message: 'A dynamic import path from the request lets the caller load and run any module the process can reach.',
    fix: 'Map the request value to a fixed table of modules.',
    rule: { kind: 'call_expression', has: { field: 'function', kind: 'import' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, pattern: '$MOD' } } }] },
    constraints: { MOD: JS_NON_LITERAL },
    taintOn: 'MOD',
    examples: { match: ["app.get('/p', async (req, res) => { const mod = await import(req.query.module); });", "app.get('/p', async (req, res) => { const name = req.params.name; await import('./plugins/' + name); });"], noMatch: ["app.get('/p', async (req, res) => { const mod = await import('./plugins/core.js'); mod.handle(req.query.x); });", 'const mod = await import(modulePath);'] },
  }),
  js({
    id: 'js-redis-eval-built', cwe: 'CWE-94', severity: 'medium', keywords: ['eval(', 'evalsha('],
    title: 'Redis EVAL with a Lua script built from values',
    message: 'The script runs inside Redis: a value formatted into it can change what the script does.',
    fix: 'Keep the script literal and pass values as KEYS/ARGV.',
    rule: callFirstArg('$REDIS.eval', '$SCRIPT'),
    constraints: { REDIS: { regex: '(?i)redis|client|cache|ioredis' }, SCRIPT: JS_BUILT_STRING },
    examples: { match: ["await redis.eval(`return redis.call('get', '${key}')`, 0);", "client.eval(\"return redis.call('incr', '\" + key + \"')\", 0, cb);"], noMatch: ["await redis.eval(\"return redis.call('get', KEYS[1])\", 1, key);", 'await redis.get(key);'] },
  }),
  js({
    id: 'js-jquery-parse-html-scripts', cwe: 'CWE-79', severity: 'medium', keywords: ['parseHTML('],
    title: 'jQuery.parseHTML with keepScripts',
    message: 'keepScripts: true keeps <script> elements of the parsed markup, which run when the nodes are inserted.',
    fix: 'Leave keepScripts false and sanitize the markup.',
    rule: { any: [{ pattern: '$J.parseHTML($HTML, $CTX, true)' }] },
    examples: { match: ['const nodes = $.parseHTML(html, document, true);', 'jQuery.parseHTML(response, null, true);'], noMatch: ['const nodes = $.parseHTML(html, document, false);', 'const nodes = $.parseHTML(html);'] },
  }),
  js({
    id: 'js-jsx-javascript-url', cwe: 'CWE-79', severity: 'medium', keywords: ['javascript:'],
    title: 'javascript: URL in an href or src',
    message: 'A javascript: URL runs its text as script when followed; built from values it is script injection.',
    fix: 'Use an onClick handler for behaviour and http(s) URLs for links; validate user URLs\' scheme.',
    rule: { any: [{ kind: 'pair', regex: '^[\'"]?(?:href|src|action|formAction)[\'"]?\\s*:\\s*[`\'"]\\s*javascript:', has: { field: 'value', ...JS_BUILT_STRING } }, { kind: 'assignment_expression', regex: '\\.(?:href|src|action)\\s*=\\s*[`\'"]\\s*javascript:', has: { field: 'right', ...JS_BUILT_STRING } }] },
    examples: { match: ['link.href = `javascript:open(${id})`;', "const props = { href: 'javascript:' + handler };"], noMatch: ["link.href = '/items/' + id;", "link.href = 'javascript:void(0)';"] },
  }),
  js({
    id: 'js-client-router-open-redirect', cwe: 'CWE-601', severity: 'medium', keywords: ['push(', 'replace(', 'navigate('],
    title: 'Client router navigates to a URL from the query string',
    message: 'A redirect target read from ?next= or the hash lets a link send users to any site, or run javascript: URLs.',
    fix: 'Accept only relative paths (starting with a single /) or hosts on an allow-list.',
    rule: { any: [callFirstArg('$ROUTER.push', '$URL'), callFirstArg('$ROUTER.replace', '$URL'), callFirstArg('navigate', '$URL')] },
    constraints: { ROUTER: { regex: '(?i)^(?:router|history|this\\.\\$router|this\\.router)$' }, URL: JS_NON_LITERAL },
    flow: { metavariable: 'URL', value: { regex: '(?:router\\.query|searchParams|location\\.(?:search|hash)|\\$route\\.query|useSearchParams|query\\.(?:next|returnUrl|redirect|return_to|url))' } },
    examples: { match: [{ code: 'const next = router.query.next;\nrouter.push(next);', lines: [2] }, 'this.$router.push(this.$route.query.redirect);'], noMatch: ["router.push('/dashboard');", 'const next = routes.home;\nrouter.push(next);'] },
  }),
  js({
    id: 'js-crypto-js-hardcoded-key', cwe: 'CWE-321', severity: 'high', keywords: ['CryptoJS'],
    title: 'crypto-js cipher keyed with a literal',
    message: 'Data encrypted with a passphrase from the source can be decrypted by anyone who has the source.',
    fix: 'Load the key from a secret store; prefer the platform crypto API with a random key.',
    rule: { any: [{ pattern: 'CryptoJS.$ALG.encrypt($DATA, $SECRET, $$$)' }, { pattern: 'CryptoJS.$ALG.encrypt($DATA, $SECRET)' }, { pattern: 'CryptoJS.$ALG.decrypt($DATA, $SECRET, $$$)' }, { pattern: 'CryptoJS.$ALG.decrypt($DATA, $SECRET)' }] },
    flow: { metavariable: 'SECRET', value: JS_SECRET_LITERAL },
    examples: { match: ["const ct = CryptoJS.AES.encrypt(text, 'my-passphrase').toString();", "const pt = CryptoJS.AES.decrypt(ct, 'my-passphrase');"], noMatch: ['const ct = CryptoJS.AES.encrypt(text, process.env.KEY).toString();', 'const ct = CryptoJS.AES.encrypt(text, key).toString();'] },
  }),
  js({
    id: 'js-basic-auth-hardcoded-users', cwe: 'CWE-798', severity: 'high', keywords: ['basicAuth', 'users:'],
    title: 'express-basic-auth users with literal passwords',
    message: 'The passwords in the users map are in the source: everyone with read access can log in.',
    fix: 'Load credentials from the environment or use an authorizer that checks a hashed store.',
    rule: { kind: 'call_expression', has: { field: 'function', regex: '^(?:basicAuth|expressBasicAuth)$' }, all: [{ has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?users[\'"]?\\s*:\\s*\\{[^}]*:\\s*[\'"`][^\'"`]{3,}[\'"`]', stopBy: 'end' } } }] },
    examples: { match: ["app.use(basicAuth({ users: { admin: 'supersecret' } }));", "app.use(expressBasicAuth({ users: { 'ops': 'letmein123' }, challenge: true }));"], noMatch: ['app.use(basicAuth({ users: { admin: process.env.ADMIN_PW } }));', 'app.use(basicAuth({ authorizer: check }));'] },
  }),
  js({
    id: 'js-s3-public-acl', cwe: 'CWE-732', severity: 'medium', keywords: ['public-read', 'PUBLIC_READ', 'publicReadAccess'],
    title: 'S3 object or bucket made publicly readable',
    message: "ACL 'public-read'/'public-read-write' or publicReadAccess: true publishes the data to anyone on the internet.",
    fix: 'Keep objects private and hand out pre-signed URLs or serve through CloudFront with origin access control.',
    rule: { kind: 'pair', regex: "^['\"]?(?:ACL|acl|accessControl)['\"]?\\s*:\\s*(?:['\"`]public-read(?:-write)?['\"`]|[\\w.]*BucketAccessControl\\.PUBLIC_READ(?:_WRITE)?)$|^['\"]?publicReadAccess['\"]?\\s*:\\s*true$" },
    examples: { match: ["await s3.putObject({ Bucket, Key, Body, ACL: 'public-read' }).promise();", "new s3.Bucket(this, 'Site', { publicReadAccess: true, encryption: s3.BucketEncryption.S3_MANAGED });"], noMatch: ["await s3.putObject({ Bucket, Key, Body, ACL: 'private' }).promise();", "new s3.Bucket(this, 'Site', { publicReadAccess: false, encryption: s3.BucketEncryption.S3_MANAGED });"] },
  }),
  py({
    id: 'py-s3-public-acl', cwe: 'CWE-732', severity: 'medium', keywords: ['public-read'],
    title: 'S3 object or bucket made publicly readable (boto3)',
    message: "ACL='public-read'/'public-read-write' publishes the data to anyone on the internet.",
    fix: 'Keep objects private and hand out pre-signed URLs.',
    rule: { kind: 'call', any: [kwarg('^ACL\\s*=\\s*[\'"]public-read(?:-write)?[\'"]$'), { has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]ACL[\'"]\\s*:\\s*[\'"]public-read(?:-write)?[\'"]$', stopBy: 'end' } } }] },
    examples: { match: ['s3.put_object(Bucket=b, Key=k, Body=data, ACL="public-read")', 's3.upload_file(path, b, k, ExtraArgs={"ACL": "public-read"})'], noMatch: ['s3.put_object(Bucket=b, Key=k, Body=data, ACL="private")', 'ACL_NOTE = "public-read is not allowed"'] },
  }),
  py({
    id: 'py-tls-off-by-environment', cwe: 'CWE-295', severity: 'high', keywords: ['PYTHONHTTPSVERIFY', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE', '.verify = False', '_create_default_https_context'],
    title: 'TLS verification turned off process-wide (environment, session.verify, default context)',
    message: 'Setting PYTHONHTTPSVERIFY=0, an empty CA bundle, session.verify = False or replacing ssl\'s default context turns certificate checks off for every request.',
    fix: 'Leave verification on; point REQUESTS_CA_BUNDLE at your CA file if you use a private CA.',
    rule: {
      any: [
        { kind: 'assignment', regex: '^os\\.environ\\[[\'"](?:PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE)[\'"]\\]\\s*=\\s*[\'"]0?[\'"]$' },
        { kind: 'assignment', regex: '^[\\w.]+\\.verify\\s*=\\s*False$' },
        { kind: 'assignment', regex: '^ssl\\._create_default_https_context\\s*=\\s*ssl\\._create_unverified_context$' },
      ],
    },
    examples: { match: ['os.environ["PYTHONHTTPSVERIFY"] = "0"', 'session.verify = False', 'ssl._create_default_https_context = ssl._create_unverified_context'], noMatch: ['os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/corp-ca.pem"', 'session.verify = "/etc/ssl/corp-ca.pem"'] },
  }),
  py({
    id: 'py-tornado-protection-off', cwe: 'CWE-352', severity: 'medium', keywords: ['xsrf_cookies'],
    title: 'Tornado application with xsrf_cookies=False',
    message: 'Without xsrf_cookies Tornado checks no XSRF token: other sites can submit forms as the logged-in user.',
    fix: 'Set xsrf_cookies=True and include {% module xsrf_form_html() %} in forms.',
    rule: { any: [{ kind: 'call', all: [kwarg('^xsrf_cookies\\s*=\\s*False$')] }, { kind: 'pair', regex: '^[\'"]xsrf_cookies[\'"]\\s*:\\s*False$' }] },
    examples: { match: ['app = tornado.web.Application(handlers, xsrf_cookies=False)', 'settings = {"cookie_secret": secret, "xsrf_cookies": False}'], noMatch: ['app = tornado.web.Application(handlers, xsrf_cookies=True)', 'settings = {"xsrf_cookies": True}'] },
  }),
  py({
    id: 'py-tornado-autoescape-off', cwe: 'CWE-79', severity: 'medium', keywords: ['autoescape=None', '"autoescape": None', "'autoescape': None"],
    title: 'Tornado templates with autoescape=None',
    message: 'autoescape=None renders every template expression as raw markup.',
    fix: 'Keep the default (xhtml_escape) and use {% raw %} only for trusted fragments.',
    rule: { any: [{ kind: 'call', all: [kwarg('^autoescape\\s*=\\s*None$')] }, { kind: 'pair', regex: '^[\'"]autoescape[\'"]\\s*:\\s*None$' }] },
    examples: { match: ['app = tornado.web.Application(handlers, autoescape=None)', 'loader = template.Loader("templates", autoescape=None)'], noMatch: ['loader = template.Loader("templates")  # autoescape=None is unsafe', 'loader = template.Loader("templates", autoescape="xhtml_escape")'] },
  }),
  py({
    id: 'py-framework-debug-on', cwe: 'CWE-489', severity: 'medium', keywords: ['debug=True', 'DEBUG_PROPAGATE_EXCEPTIONS'],
    title: 'Tornado/Starlette/FastAPI/Sanic app created with debug=True',
    message: 'Debug mode shows tracebacks, settings and source to whoever triggers an error, and may reload code.',
    fix: 'Read the flag from the environment and keep it off in production.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:tornado\\.web\\.Application|Application|Starlette|FastAPI|Sanic|Quart|web\\.Application)$' }, all: [kwarg('^debug\\s*=\\s*True$')] },
    examples: { match: ['app = tornado.web.Application(handlers, debug=True)', 'app = FastAPI(debug=True)'], noMatch: ['app = FastAPI(debug=settings.DEBUG)', 'log = make_logger(debug=True)'] },
  }),
  py({
    id: 'py-starlette-cors-any-origin', cwe: 'CWE-942', severity: 'medium', keywords: ['CORSMiddleware', 'allow_origins'],
    title: 'Starlette/FastAPI CORSMiddleware allows every origin',
    message: 'allow_origins=["*"] lets any site call the API from a browser; with allow_credentials it also reads per-user responses.',
    fix: 'List the origins that may call the API.',
    rule: { kind: 'call', all: [{ has: { field: 'arguments', regex: 'CORSMiddleware' } }, kwarg('^allow_origins\\s*=\\s*\\[\\s*[\'"]\\*[\'"]\\s*\\]$')] },
    examples: { match: ['app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)', 'middleware = [Middleware(CORSMiddleware, allow_origins=["*"])]'], noMatch: ['app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"])', 'app.add_middleware(GZipMiddleware, minimum_size=500)'] },
  }),
  py({
    id: 'py-starlette-session-insecure', cwe: 'CWE-614', severity: 'medium', keywords: ['https_only'],
    title: 'Starlette SessionMiddleware with https_only=False',
    message: 'The session cookie is then also sent over plain HTTP, where it can be read on the way.',
    fix: 'Pass https_only=True.',
    rule: { kind: 'call', all: [{ has: { field: 'arguments', regex: 'SessionMiddleware' } }, kwarg('^https_only\\s*=\\s*False$')] },
    examples: { match: ['app.add_middleware(SessionMiddleware, secret_key=key, https_only=False)', 'Middleware(SessionMiddleware, secret_key=key, https_only=False)'], noMatch: ['app.add_middleware(SessionMiddleware, secret_key=key, https_only=True)', 'app.add_middleware(SessionMiddleware, secret_key=key)'] },
  }),
  py({
    id: 'py-traceback-in-response', cwe: 'CWE-209', severity: 'low', keywords: ['format_exc', 'print_exc'],
    title: 'Traceback returned to the client',
    message: 'A traceback tells an attacker file paths, library versions and code structure.',
    fix: 'Log the traceback on the server; return a generic message and an error id.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:HttpResponse|JsonResponse|jsonify|make_response|Response|JSONResponse|PlainTextResponse)$' }, all: [{ has: { field: 'arguments', has: { kind: 'call', regex: '^traceback\\.format_exc\\(', stopBy: 'end' } } }] },
    examples: { match: ['return HttpResponse(traceback.format_exc(), status=500)', 'return jsonify(error=str(e), trace=traceback.format_exc()), 500'], noMatch: ['logger.error(traceback.format_exc())\nreturn HttpResponse("error", status=500)', 'return jsonify(error="internal error"), 500'] },
  }),
  py({
    id: 'py-pexpect-non-literal', cwe: 'CWE-78', severity: 'medium', keywords: ['pexpect'],
    title: 'pexpect.spawn/run with a command built at run time',
    message: 'pexpect splits the command string into a program and arguments: values in it choose what runs.',
    fix: 'Pass a fixed program and an argument list: pexpect.spawn("ssh", [host]).',
    rule: callsFirstArg(['pexpect.spawn', 'pexpect.run', 'pexpect.popen_spawn.PopenSpawn'], '$CMD'),
    constraints: { CMD: PY_BUILT_STRING },
    examples: { match: ['child = pexpect.spawn(f"ssh {user}@{host}")', 'out = pexpect.run("ping -c 1 " + host)'], noMatch: ['child = pexpect.spawn("ssh", [f"{user}@{host}"])', 'out = pexpect.run("uptime")'] },
  }),
  py({
    id: 'py-fabric-built-command', cwe: 'CWE-78', severity: 'medium', keywords: ['fabric', 'invoke'],
    title: 'Fabric/Invoke run, sudo or local with a command built from values',
    message: 'Fabric and Invoke run the command through a shell: values formatted into it can inject shell syntax.',
    fix: 'Quote every value with shlex.quote before formatting it into the command.',
    rule: { any: [callFirstArg('$C.run', '$CMD'), callFirstArg('$C.sudo', '$CMD'), callFirstArg('$C.local', '$CMD'), callsFirstArg(['run', 'sudo', 'local'], '$CMD')], inside: { kind: 'module', regex: '(?:from|import)\\s+(?:fabric|invoke)\\b', stopBy: 'end' } },
    constraints: { CMD: { ...PY_BUILT_STRING, not: { regex: 'quote\\(' } } },
    examples: { match: [{ code: 'from fabric import Connection\nConnection(host).run(f"tar xzf {archive}")', lines: [2] }, { code: 'from invoke import task\n@task\ndef build(c, target):\n    c.run("make " + target)', lines: [4] }], noMatch: ['from fabric import Connection\nConnection(host).run(f"tar xzf {shlex.quote(archive)}")', 'import asyncio\nasyncio.run(main(f"{x}"))'] },
  }),
  py({
    id: 'py-hardcoded-secret-variable', cwe: 'CWE-259', severity: 'medium', keywords: ['PASSWORD', 'SECRET', 'password', 'secret', 'API_KEY', 'api_key'],
    title: 'Password or secret assigned a literal',
    message: 'A password or secret in the source is in every clone, fork and backup of the repository.',
    fix: 'Read it from the environment or a secret manager.',
    rule: { kind: 'assignment', has: { field: 'left', regex: '^(?:[A-Z][A-Z0-9_]*_)?(?:PASSWORD|PASSWD|SECRET|API_KEY|SECRET_TOKEN|AUTH_TOKEN|ACCESS_TOKEN)$|^(?:[a-z][a-z0-9_]*_)?(?:password|passwd|secret|api_key|auth_token|access_token)$' }, all: [{ has: { field: 'right', ...PY_SECRET_LITERAL, not: { regex: '(?i)^[bru]*[\'"](?:changeme|change_me|xxx+|\\*+|<[^>]*>|your[_-]?\\w*|example\\w*|test\\w*|dummy\\w*|none|null|password|secret)[\'"]$' } } }] },
    // wfo-gate-ignore: generic-password made-up example of what this rule finds
    examples: { match: ['DB_PASSWORD = "k8s-prod-9f2c"', 'smtp_password = "hunter2hunter2"'], noMatch: ['DB_PASSWORD = os.environ["DB_PASSWORD"]', 'DB_PASSWORD = "changeme"'] },
  }),
  py({
    id: 'py-django-cors-any-origin', cwe: 'CWE-942', severity: 'low', keywords: ['CORS_ORIGIN_ALLOW_ALL', 'CORS_ALLOW_ALL_ORIGINS'],
    title: 'django-cors-headers allows every origin',
    message: 'CORS_ALLOW_ALL_ORIGINS lets any site call the API from a browser; fine for public data, a leak for anything per-user.',
    fix: 'List the origins in CORS_ALLOWED_ORIGINS.',
    rule: { kind: 'assignment', regex: '^(?:CORS_ORIGIN_ALLOW_ALL|CORS_ALLOW_ALL_ORIGINS)\\s*=\\s*True$', not: { inside: { kind: 'module', regex: 'CORS_ALLOW_CREDENTIALS\\s*=\\s*True', stopBy: 'end' } } },
    examples: { match: ['CORS_ALLOW_ALL_ORIGINS = True', 'CORS_ORIGIN_ALLOW_ALL = True'], noMatch: ['CORS_ALLOW_ALL_ORIGINS = False', 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_ALL_ORIGINS = False'] },
  }),
  py({
    id: 'py-urlopen-local-file-scheme', cwe: 'CWE-22', severity: 'low', keywords: ['urlopen(', 'urlretrieve('],
    title: 'urllib urlopen on a value (file:// and other schemes allowed)',
    message: 'urllib.request opens file:// and other schemes too: a value that is not checked can read local files.',
    fix: 'Check the scheme is http/https before opening, or use requests, which refuses file://.',
    rule: callsFirstArg(['urllib.request.urlopen', 'urllib.urlopen', 'urllib.request.urlretrieve', 'urllib.urlretrieve'], '$URL'),
    constraints: { URL: { all: [PY_NON_LITERAL, { not: PY_BUILT_STRING }] } },
    examples: { match: ['data = urllib.request.urlopen(url).read()', 'urllib.request.urlretrieve(source, target)'], noMatch: ['data = urllib.request.urlopen("https://example.org/feed").read()', 'data = requests.get(url).content'] },
  }),
];
