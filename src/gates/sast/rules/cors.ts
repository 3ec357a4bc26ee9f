import type { SastRule } from '../rule.js';
import { JS, JS_NON_LITERAL, PY, jsProperty, pyCallWithKeyword } from './fragments.js';

const CWE = ['CWE-942'];
const MESSAGE = 'Any origin may make credentialed requests: another site can act as the logged-in user and read the answers.';
const FIX = 'List the trusted origins explicitly when credentials are allowed.';

export const corsRules: SastRule[] = [
  {
    id: 'js-cors-any-origin-with-creds',
    keywords: ['credentials'],
    class: 'misconfiguration',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'CORS allows any origin together with credentials',
    message: MESSAGE,
    fix: FIX,
    rule: {
      kind: 'object',
      all: [
        { has: jsProperty('origin', "(?:['\"`]\\*['\"`]|true)") },
        { has: jsProperty('credentials', 'true') },
      ],
    },
    examples: {
      match: ["app.use(cors({ origin: '*', credentials: true }));", 'const corsOptions = { credentials: true, origin: true };'],
      noMatch: ["app.use(cors({ origin: ['https://app.example.com'], credentials: true }));", { code: "app.use(cors({ origin: '*' }));", firedBy: ['js-cors-wildcard-origin'] }],
    },
  },
  {
    id: 'js-cors-reflected-origin',
    keywords: ['Access-Control-Allow-Origin'],
    class: 'misconfiguration',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'Access-Control-Allow-Origin reflects the request Origin',
    message: 'Echoing the Origin header trusts every site; with credentials another site can read users\' data.',
    fix: 'Compare the Origin against an allowlist and only then set it.',
    rule: { any: [{ pattern: "$RES.setHeader('Access-Control-Allow-Origin', $ORIGIN)" }, { pattern: "$RES.header('Access-Control-Allow-Origin', $ORIGIN)" }, { pattern: "$RES.set('Access-Control-Allow-Origin', $ORIGIN)" }] },
    constraints: { ORIGIN: JS_NON_LITERAL },
    taint: { metavariable: 'ORIGIN', sources: 'request' },
    examples: {
      match: ["app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); next(); });", "app.use((req, res, next) => { const o = req.headers['origin']; res.header('Access-Control-Allow-Origin', o); next(); });"],
      noMatch: ["app.use((req, res, next) => { const o = req.headers.origin; if (ALLOWED.includes(o)) res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN); next(); });", "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com'); next(); });", "app.use((req, res, next) => { if (ALLOWED.includes(o)) res.setHeader('Access-Control-Allow-Origin', o); next(); });"],
    },
  },
  {
    id: 'py-flask-cors-any-origin-with-creds',
    keywords: ['supports_credentials'],
    class: 'misconfiguration',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'flask-cors allows any origin together with credentials',
    message: MESSAGE,
    fix: FIX + ' CORS(app, origins=["https://app.example.com"], supports_credentials=True).',
    rule: {
      all: [
        { any: [pyCallWithKeyword('CORS', 'supports_credentials\\s*=\\s*True'), pyCallWithKeyword('cross_origin', 'supports_credentials\\s*=\\s*True')] },
        { not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^(?:origins|resources)\\s*=', not: { regex: '=\\s*[\'"]\\*[\'"]$' } } } } },
      ],
    },
    examples: {
      match: ['CORS(app, supports_credentials=True)', 'CORS(app, origins="*", supports_credentials=True)'],
      noMatch: ['CORS(app, origins=["https://app.example.com"], supports_credentials=True)', 'CORS(app)'],
    },
  },
  {
    id: 'py-django-cors-allow-all-with-creds',
    keywords: ['CORS_ALLOW_CREDENTIALS'],
    class: 'misconfiguration',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'django-cors-headers allows all origins together with credentials',
    message: MESSAGE,
    fix: FIX + ' Set CORS_ALLOWED_ORIGINS instead of CORS_ALLOW_ALL_ORIGINS.',
    rule: {
      kind: 'assignment',
      regex: '^(?:CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\\s*=\\s*True$',
      inside: { kind: 'module', has: { kind: 'assignment', regex: '^CORS_ALLOW_CREDENTIALS\\s*=\\s*True$', stopBy: 'end' }, stopBy: 'end' },
    },
    examples: {
      match: [
        { code: 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True', lines: [1] },
        { code: 'CORS_ALLOW_CREDENTIALS = True\nCORS_ORIGIN_ALLOW_ALL = True', lines: [2] },
      ],
      noMatch: [{ code: 'CORS_ALLOW_ALL_ORIGINS = True', firedBy: ['py-django-cors-any-origin'] }, 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True'],
    },
  },
];
