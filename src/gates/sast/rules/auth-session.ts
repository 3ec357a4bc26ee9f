// Authentication and session handling (CWE-287/306/347/521/613/614/1004/1275) and CSRF (CWE-352):
// cookies without Secure/HttpOnly/SameSite, session settings turned off, unsigned tokens, missing
// authentication on cloud endpoints, CSRF protection exempted or disabled.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, PY } from './fragments.js';

/** Python cookie setters and cookie-backed auth/session factories (Flask, Django, Pyramid, Starlette). */
const PY_COOKIE_CALL = '(?:^|\\.)(?:set_cookie|AuthTktAuthenticationPolicy|AuthTktCookieHelper|SignedCookieSessionFactory|BaseCookieSessionFactory)$';
/**
 * A cookie call that turns `flag` off explicitly. Calls that leave it to the framework default are
 * left alone: defaults differ by framework and are often set once in configuration instead.
 */
function pyCookieWithout(flag: string): Rule {
  return {
    kind: 'call',
    has: { field: 'function', regex: PY_COOKIE_CALL },
    all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: `^${flag}\\s*=\\s*(?:False|None|0)$` } } }],
  };
}
/** Express/Koa/Fastify cookie options: res.cookie(name, value[, options]). */
function jsCookieWithout(flag: string): Rule {
  return {
    any: [{ pattern: '$RES.cookie($NAME, $VALUE)' }, { pattern: '$RES.cookie($NAME, $VALUE, $OPTS)' }, { pattern: '$RES.setCookie($NAME, $VALUE, $OPTS)' }, { pattern: '$RES.setCookie($NAME, $VALUE)' }],
    not: { has: { field: 'arguments', has: { kind: 'pair', regex: `^['"]?${flag}['"]?\\s*:`, not: { regex: ':\\s*(?:false|0|null|undefined)$' }, stopBy: 'end' } } },
  };
}
const JS_RES = { RES: { regex: '^(?:res|response|reply|ctx\\.cookies|ctx|h|resp)$' } };

export const authSessionRules: SastRule[] = [
  defineRule({
    id: 'py-cookie-without-secure',
    keywords: ['set_cookie(', 'AuthTkt', 'CookieSessionFactory'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-614'],
    title: 'Cookie set with secure=False',
    message: 'Without the Secure flag the browser also sends the cookie over plain HTTP, where it can be read on the way.',
    fix: 'Pass secure=True (and httponly=True, samesite="Lax").',
    rule: pyCookieWithout('secure'),
    examples: {
      match: [
        { code: 'resp.set_cookie("sid", sid, max_age=3600, secure=False)', lines: [1] },
        { code: 'policy = AuthTktAuthenticationPolicy(secret, secure=False, httponly=True)', lines: [1] },
        { code: 'factory = SignedCookieSessionFactory(secret, secure=None, httponly=True)', lines: [1] },
      ],
      noMatch: ['resp.set_cookie("sid", sid, secure=True, httponly=True, samesite="Lax")', 'factory = SignedCookieSessionFactory(secret, secure=True, httponly=True)', 'resp.set_cookie("sid", sid, secure=settings.SECURE)'],
    },
  }),
  defineRule({
    id: 'py-cookie-without-httponly',
    keywords: ['set_cookie(', 'AuthTkt', 'CookieSessionFactory'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-1004'],
    title: 'Cookie set with httponly=False',
    message: 'Without HttpOnly, any script injected into the page can read the cookie and steal the session.',
    fix: 'Pass httponly=True.',
    rule: pyCookieWithout('httponly'),
    examples: {
      match: [{ code: 'resp.set_cookie("sid", sid, secure=True, httponly=False)', lines: [1] }, { code: 'helper = AuthTktCookieHelper(secret, secure=True, httponly=False)', lines: [1] }],
      noMatch: ['resp.set_cookie("sid", sid, secure=True, httponly=True)', 'helper = AuthTktCookieHelper(secret, secure=True, httponly=True)'],
    },
  }),
  defineRule({
    id: 'py-cookie-samesite-none',
    keywords: ['samesite'],
    languages: PY,
    severity: 'low',
    cwe: ['CWE-1275'],
    title: 'Cookie with SameSite=None',
    message: 'SameSite=None sends the cookie on cross-site requests too, which is what CSRF needs.',
    fix: 'Use samesite="Lax" (or "Strict").',
    rule: { kind: 'call', has: { field: 'function', regex: PY_COOKIE_CALL }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^samesite\\s*=\\s*(?:None|[\'"]None[\'"])$' } } }] },
    examples: {
      match: ['resp.set_cookie("sid", sid, secure=True, httponly=True, samesite=None)', 'policy = AuthTktAuthenticationPolicy(secret, secure=True, httponly=True, samesite="None")'],
      noMatch: ['resp.set_cookie("sid", sid, secure=True, httponly=True, samesite="Lax")', 'policy = AuthTktAuthenticationPolicy(secret, secure=True, httponly=True, samesite="Strict")'],
    },
  }),
  defineRule({
    id: 'py-session-cookie-settings-off',
    keywords: ['COOKIE_SECURE', 'COOKIE_HTTPONLY', 'COOKIE_SAMESITE'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-614'],
    title: 'Django/Flask session or CSRF cookie flag turned off',
    message: 'With SESSION_COOKIE_SECURE/CSRF_COOKIE_SECURE or HTTPONLY off, session and CSRF cookies leak over HTTP or to scripts.',
    fix: 'Set SESSION_COOKIE_SECURE = True, CSRF_COOKIE_SECURE = True and SESSION_COOKIE_HTTPONLY = True.',
    rule: {
      kind: 'assignment',
      regex: '^(?:\\w+\\.config\\[[\'"])?(?:SESSION|CSRF|REMEMBER)_COOKIE_(?:SECURE|HTTPONLY)(?:[\'"]\\])?\\s*=\\s*False$|^(?:\\w+\\.config\\[[\'"])?SESSION_COOKIE_SAMESITE(?:[\'"]\\])?\\s*=\\s*(?:None|[\'"]None[\'"])$',
    },
    examples: {
      match: ['SESSION_COOKIE_SECURE = False', 'app.config["SESSION_COOKIE_HTTPONLY"] = False', 'CSRF_COOKIE_SECURE = False'],
      noMatch: ['SESSION_COOKIE_SECURE = True', 'app.config["SESSION_COOKIE_SAMESITE"] = "Lax"'],
    },
  }),
  defineRule({
    id: 'py-jwt-expiry-check-off',
    keywords: ['verify_exp'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-613'],
    title: 'JWT decoded without checking expiry',
    message: 'With verify_exp off, a token stays valid forever: a stolen one never stops working.',
    fix: 'Leave verify_exp on and issue short-lived tokens.',
    rule: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)decode$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^options\\s*=[\\s\\S]*[\'"]verify_exp[\'"]\\s*:\\s*False' } } }] },
    examples: {
      match: ['claims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})', 'data = jwt.decode(t, k, options={"verify_aud": True, "verify_exp": False})'],
      noMatch: ['claims = jwt.decode(token, key, algorithms=["HS256"])', 'claims = jwt.decode(token, key, options={"verify_exp": True})'],
    },
  }),
  defineRule({
    id: 'py-django-empty-pw',
    keywords: ['set_password(', 'make_password('],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-521'],
    title: 'Password set to an empty string',
    message: 'An empty string is a valid password to Django: the account can be logged in to with no password. Use set_unusable_password() for accounts that must not log in.',
    fix: 'Call user.set_unusable_password(), or set a real password.',
    rule: { any: [{ pattern: '$U.set_password($PW)' }, { pattern: 'make_password($PW)' }] },
    constraints: { PW: { kind: 'string', regex: '^[bru]?(?:\'\'|"")$' } },
    examples: {
      match: ['user.set_password("")', "hashed = make_password('')"],
      noMatch: ['user.set_password(form.cleaned_data["password"])', 'user.set_unusable_password()'],
    },
  }),
  defineRule({
    id: 'js-cookie-without-secure',
    keywords: ['cookie(', 'setCookie('],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-614'],
    title: 'Cookie set without secure: true',
    message: 'Without the Secure flag the browser also sends the cookie over plain HTTP, where it can be read on the way.',
    fix: "Pass { secure: true, httpOnly: true, sameSite: 'lax' }.",
    rule: jsCookieWithout('secure'),
    constraints: JS_RES,
    examples: {
      match: [{ code: "res.cookie('sid', token, { httpOnly: true });", lines: [1] }, { code: "res.cookie('remember', id, { secure: false, httpOnly: true });", lines: [1] }],
      noMatch: ["res.cookie('sid', token, { secure: true, httpOnly: true, sameSite: 'lax' });", "jar.cookie('a', 'b');"],
    },
  }),
  defineRule({
    id: 'js-cookie-without-httponly',
    keywords: ['cookie(', 'setCookie('],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-1004'],
    title: 'Cookie set without httpOnly: true',
    message: 'Without HttpOnly, any script injected into the page can read the cookie and steal the session.',
    fix: 'Pass httpOnly: true.',
    rule: jsCookieWithout('httpOnly'),
    constraints: JS_RES,
    examples: {
      match: [{ code: "res.cookie('sid', token, { secure: true });", lines: [1] }, { code: "reply.setCookie('session', value, { secure: true, httpOnly: false });", lines: [1] }],
      noMatch: ["res.cookie('sid', token, { secure: true, httpOnly: true });", "reply.setCookie('session', value, { secure: true, httpOnly: true });"],
    },
  }),
  defineRule({
    id: 'js-session-cookie-insecure',
    keywords: ['session('],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-614'],
    title: 'express-session cookie without secure or httpOnly',
    message: 'The session cookie is sent over plain HTTP or is readable by page scripts: a session id is a password for the session.',
    fix: "Configure cookie: { secure: true, httpOnly: true, sameSite: 'lax' } (with app.set('trust proxy', 1) behind a proxy).",
    rule: {
      kind: 'call_expression',
      has: { field: 'function', regex: '^(?:session|expressSession|cookieSession)$' },
      all: [
        { has: { field: 'arguments', has: { kind: 'object' } } },
        {
          any: [
            { has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?(?:secure|httpOnly)[\'"]?\\s*:\\s*false$', stopBy: 'end' } } },
            { not: { has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?secure[\'"]?\\s*:', stopBy: 'end' } } } },
          ],
        },
      ],
    },
    examples: {
      match: ["app.use(session({ secret: process.env.SECRET, cookie: { maxAge: 60000 } }));", "app.use(session({ secret: env.S, cookie: { secure: true, httpOnly: false } }));"],
      noMatch: ["app.use(session({ secret: process.env.SECRET, cookie: { secure: true, httpOnly: true } }));", "app.use(compression({ threshold: 0 }));"],
    },
  }),
  defineRule({
    id: 'js-cookie-samesite-none',
    keywords: ['sameSite', 'samesite'],
    languages: JS,
    severity: 'low',
    cwe: ['CWE-1275'],
    title: "Cookie with sameSite: 'none' or false",
    message: 'SameSite=None sends the cookie on cross-site requests too, which is what CSRF needs.',
    fix: "Use sameSite: 'lax' (or 'strict').",
    rule: { kind: 'pair', regex: '^[\'"]?same[Ss]ite[\'"]?\\s*:\\s*(?:false|[\'"`][Nn]one[\'"`])$' },
    examples: {
      match: ["res.cookie('sid', token, { secure: true, httpOnly: true, sameSite: 'none' });", "app.use(session({ secret: env.S, cookie: { secure: true, httpOnly: true, sameSite: false } }));"],
      noMatch: ["res.cookie('sid', token, { secure: true, httpOnly: true, sameSite: 'lax' });", "const opts = { sameSite: 'strict' };"],
    },
  }),
  defineRule({
    id: 'js-jose-unsecured-jwt',
    keywords: ['UnsecuredJWT', 'JWT.decode'],
    languages: JS,
    severity: 'high',
    cwe: ['CWE-347'],
    title: 'Unsigned JWT (jose UnsecuredJWT / decode without verify)',
    message: 'An unsecured JWT has no signature: anyone can write its claims, so it must never carry identity or permissions.',
    fix: 'Sign with SignJWT and check with jwtVerify against your key.',
    rule: { any: [{ pattern: 'new UnsecuredJWT($$$)' }, { pattern: '$J.UnsecuredJWT.decode($$$)' }, { pattern: 'UnsecuredJWT.decode($$$)' }, { pattern: 'jose.JWT.decode($$$)' }, { pattern: 'JWT.decode($$$)' }] },
    examples: {
      match: ['const jwt = new UnsecuredJWT({ sub: user.id }).encode();', 'const { payload } = UnsecuredJWT.decode(token);'],
      noMatch: ['const { payload } = await jwtVerify(token, secret); // not an UnsecuredJWT', 'const jwt = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(secret);'],
    },
  }),
  defineRule({
    id: 'js-cdk-endpoint-without-auth',
    keywords: ['AuthorizationType', 'grantPublicAccess', 'authType'],
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-306'],
    title: 'AWS CDK resource opened without authentication',
    message: 'An API method with AuthorizationType.NONE, a Lambda URL with authType NONE or a bucket granted public access can be used by anyone on the internet.',
    fix: 'Use IAM, Cognito or a Lambda authorizer; keep buckets private and serve them through CloudFront with origin access control.',
    rule: {
      any: [
        { kind: 'pair', regex: '^[\'"]?(?:authorizationType|authType)[\'"]?\\s*:\\s*(?:[\\w.]+\\.)?(?:AuthorizationType|FunctionUrlAuthType)\\.NONE$' },
        { pattern: '$BUCKET.grantPublicAccess($$$)' },
      ],
    },
    examples: {
      match: ["api.root.addMethod('GET', integration, { authorizationType: apigw.AuthorizationType.NONE });", 'siteBucket.grantPublicAccess();', 'fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });'],
      noMatch: ["api.root.addMethod('GET', integration, { authorizationType: apigw.AuthorizationType.IAM });", 'siteBucket.grantRead(role);'],
    },
  }),
  defineRule({
    id: 'py-django-csrf-exempt',
    keywords: ['csrf_exempt', 'csrf.exempt'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-352'],
    title: 'View exempted from CSRF protection',
    message: 'A csrf_exempt view accepts state-changing requests forged by any other site the user visits.',
    fix: 'Remove the exemption and send the CSRF token (or use a token-authenticated API without cookies).',
    rule: { kind: 'decorator', regex: '^@(?:(?:[\\w.]+\\.)?csrf_exempt|[\\w.]*csrf[\\w.]*\\.exempt)(?:\\(|$)' },
    examples: {
      match: [{ code: '@csrf_exempt\ndef webhook(request):\n    pass', lines: [1] }, { code: '@csrf.exempt\n@app.route("/hook", methods=["POST"])\ndef hook():\n    pass', lines: [1] }],
      noMatch: ['@login_required\ndef webhook(request):\n    pass', '@cache.exempt\ndef page(request):\n    pass', 'from django.views.decorators.csrf import csrf_exempt'],
    },
  }),
  defineRule({
    id: 'py-csrf-protection-off',
    keywords: ['WTF_CSRF', 'require_csrf', 'check_origin', 'CSRF_ENABLED'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-352'],
    title: 'CSRF protection turned off (Flask-WTF, Pyramid)',
    message: 'With CSRF checks off, any site the user visits can submit forms and state-changing requests as the user.',
    fix: 'Keep WTF_CSRF_ENABLED on and require_csrf=True; exempt only token-authenticated endpoints.',
    rule: {
      any: [
        { kind: 'assignment', regex: '^(?:\\w+\\.config\\[[\'"])?(?:WTF_CSRF_ENABLED|WTF_CSRF_CHECK_DEFAULT|CSRF_ENABLED)(?:[\'"]\\])?\\s*=\\s*False$' },
        { kind: 'call', all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^(?:require_csrf|check_origin|WTF_CSRF_ENABLED|csrf_enabled)\\s*=\\s*False$' } } }] },
      ],
    },
    examples: {
      match: ['app.config["WTF_CSRF_ENABLED"] = False', 'config.set_default_csrf_options(require_csrf=False)', { code: '@view_config(route_name="pay", request_method="POST", require_csrf=False)\ndef pay(request):\n    pass', lines: [1] }],
      noMatch: ['app.config["WTF_CSRF_ENABLED"] = True', 'config.set_default_csrf_options(require_csrf=True)'],
    },
  }),
  defineRule({
    id: 'py-django-csrf-middleware-missing',
    keywords: ['MIDDLEWARE'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-352'],
    title: 'Django MIDDLEWARE without CsrfViewMiddleware',
    message: 'Without CsrfViewMiddleware no view checks CSRF tokens: any site can submit forms as a logged-in user.',
    fix: "Add 'django.middleware.csrf.CsrfViewMiddleware' to MIDDLEWARE.",
    rule: { kind: 'assignment', regex: '^MIDDLEWARE(?:_CLASSES)?\\s*=\\s*[\\[(]', has: { field: 'right', regex: 'SessionMiddleware|AuthenticationMiddleware|CommonMiddleware' }, not: { regex: 'CsrfViewMiddleware' }, inside: { kind: 'expression_statement', inside: { kind: 'module' } } },
    examples: {
      match: ['MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]', "MIDDLEWARE_CLASSES = ('django.middleware.common.CommonMiddleware',)"].map((code) => ({ code, lines: [1] })),
      noMatch: ['MIDDLEWARE = [\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.csrf.CsrfViewMiddleware",\n]', 'MIDDLEWARE = []'],
    },
  }),
  defineRule({
    id: 'js-express-no-csrf-middleware',
    keywords: ['express()'],
    languages: JS,
    severity: 'low',
    cwe: ['CWE-352'],
    title: 'Express app with cookie sessions and state-changing routes but no CSRF middleware',
    message: 'The app keeps a cookie session and accepts POST/PUT/DELETE, but no CSRF protection is installed: other sites can submit requests as the user.',
    fix: 'Install CSRF protection (csrf-csrf, lusca.csrf, or SameSite=strict cookies plus an origin check).',
    rule: {
      pattern: 'express()',
      inside: {
        kind: 'program',
        regex: '(?:session|cookieParser|cookie-parser|passport)\\(',
        has: { kind: 'call_expression', regex: '^\\w+\\.(?:post|put|patch|delete)\\(', stopBy: 'end' },
        not: { regex: '(?i)csrf|csurf|lusca' },
        stopBy: 'end',
      },
    },
    examples: {
      match: [{ code: "const app = express();\napp.use(session({ secret: env.S, cookie: { secure: true, httpOnly: true } }));\napp.post('/transfer', transfer);", lines: [1] }, { code: "const app = express();\napp.use(cookieParser());\napp.delete('/account', removeAccount);", lines: [1] }],
      noMatch: ["const app = express();\napp.use(cookieParser());\napp.use(csrfProtection);\napp.post('/transfer', transfer);", "const app = express();\napp.get('/', home);"],
    },
  }),
];
