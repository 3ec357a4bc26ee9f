import type { SastRule } from '../rule.js';
import { JS, JS_NON_LITERAL, PY, PY_NON_LITERAL, callFirstArg, callsFirstArg } from './fragments.js';

const CWE = ['CWE-1333'];
const MESSAGE = 'A regular expression built from request data lets a client send a pattern that backtracks for minutes (ReDoS) or matches more than intended.';

export const redosRules: SastRule[] = [
  {
    id: 'js-regexp-request-data',
    keywords: ['RegExp('],
    class: 'regex-dos',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'RegExp built from request data',
    message: MESSAGE,
    fix: 'Escape the value (escape-string-regexp / lodash.escapeRegExp) or match it as plain text with includes().',
    rule: { any: [callFirstArg('new RegExp', '$PATTERN'), callFirstArg('RegExp', '$PATTERN')] },
    constraints: { PATTERN: { all: [JS_NON_LITERAL, { not: { kind: 'call_expression', regex: '(?i)escape' } }] } },
    taint: { metavariable: 'PATTERN', sources: 'request' },
    examples: {
      match: [
        { code: "app.get('/search', (req, res) => { const re = new RegExp(req.query.q, 'i'); res.json(items.filter((i) => re.test(i.name))); });", lines: [1], alsoFiredBy: ['js-regexp-non-literal'] },
        { code: "router.get('/f', (req, res) => { const { term } = req.query; const r = RegExp('^' + term); });", lines: [1], alsoFiredBy: ['js-regexp-non-literal'] },
      ],
      noMatch: ["app.get('/search', (req, res) => { const re = new RegExp(escapeRegExp(req.query.q), 'i'); });", { code: 'function find(pattern) { return new RegExp(pattern); }', firedBy: ['js-regexp-non-literal'] }],
    },
  },
  {
    id: 'py-regex-request-data',
    keywords: ['re.', 'regex.'],
    class: 'regex-dos',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'Regular expression built from request data',
    message: MESSAGE,
    fix: 'Escape the value with re.escape(), or compare it as plain text.',
    rule: callsFirstArg(['re.compile', 're.search', 're.match', 're.fullmatch', 're.findall', 're.finditer', 're.sub', 're.split', 'regex.compile'], '$PATTERN'),
    constraints: { PATTERN: { all: [PY_NON_LITERAL, { not: { kind: 'call', regex: '^re\\.escape\\(' } }] } },
    taint: { metavariable: 'PATTERN', sources: 'request' },
    examples: {
      match: [
        { code: 'q = request.args.get("q")\nmatches = [n for n in names if re.search(q, n)]', lines: [2] },
        { code: 'def filter_view(request):\n    pattern = re.compile(request.GET["pattern"])', lines: [2] },
      ],
      noMatch: ['q = request.args.get("q")\nmatches = [n for n in names if re.search(re.escape(q), n)]', 'def f(p):\n    return re.compile(p)'],
    },
  },
];
