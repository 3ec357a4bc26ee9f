import type { SastRule } from '../rule.js';
import { JS, JS_NON_LITERAL, PY, PY_NON_LITERAL, callFirstArg, callsFirstArg, withCallee } from './fragments.js';

const CWE = ['CWE-918'];
const FIX = 'Check the URL against an allowlist of hosts (parse it with new URL/urllib.parse first) before the server fetches it.';

function jsSsrf(id: string, keywords: string[], title: string, rule: SastRule['rule'], constraints: SastRule['constraints'], examples: SastRule['examples']): SastRule {
  return {
    id, keywords, class: 'ssrf', languages: JS, severity: 'high', cwe: CWE, title,
    message: 'The server fetches a URL taken from request data: a user can make it call internal services or cloud metadata endpoints.',
    fix: FIX, rule, constraints: { ...constraints, URL: JS_NON_LITERAL },
    taint: { metavariable: 'URL', sources: 'request' }, examples,
  };
}

export const ssrfRules: SastRule[] = [
  jsSsrf('js-fetch-request-url', ['fetch(', 'nodeFetch(', 'request('], 'fetch() of a URL from request data', callsFirstArg(['fetch', 'nodeFetch', 'undici.request', 'request'], '$URL'), {}, {
    match: [
      { code: "app.get('/proxy', async (req, res) => { const r = await fetch(req.query.url); res.send(await r.text()); });", lines: [1], alsoFiredBy: ['js-response-request-data'] },
      "app.post('/hook', async (req, res) => { const { callback } = req.body; await fetch(callback, { method: 'POST' }); });",
    ],
    noMatch: ["app.get('/proxy', async (req, res) => { const id = req.query.id; const r = await fetch('https://api.example.com/data'); res.json(await r.json()); });", "app.get('/proxy', async (req, res) => { const r = await fetch('https://api.example.com/data'); res.json(await r.json()); });", 'async function get(url) { return fetch(url); }'],
  }),
  jsSsrf('js-axios-request-url', ['axios', 'got', 'superagent', 'needle', 'ky.', 'http', 'client', 'Client'], 'axios/got/superagent call to a URL from request data', {
    any: [withCallee(callFirstArg('$CLIENT.$METHOD', '$URL'), '^(?:axios|got|superagent|needle|ky|http|https|client|httpClient)\\.(?:get|post|put|patch|delete|head|request|stream)$'), callsFirstArg(['axios', 'got', 'needle'], '$URL'), { pattern: 'axios({ $$$, url: $URL, $$$ })' }, { pattern: 'axios({ url: $URL, $$$ })' }],
  }, { CLIENT: { regex: '^(?:axios|got|superagent|needle|ky|http|https|client|httpClient)$' }, METHOD: { regex: '^(?:get|post|put|patch|delete|head|request|stream)$' } }, {
    match: [
      { code: "router.get('/preview', async (req, res) => { const { data } = await axios.get(req.query.link); res.send(data); });", lines: [1], alsoFiredBy: ['js-response-request-data'] },
      { code: "app.post('/import', async (req, res) => { const src = req.body.source; const r = await got(src); res.send(r.body); });", lines: [1], alsoFiredBy: ['js-response-request-data'] },
      "app.get('/p', (req, res) => { https.get(req.query.u, (r) => r.pipe(res)); });",
    ],
    noMatch: [
      { code: "router.get('/preview', async (req, res) => { const { data } = await axios.get(config.apiUrl, { params: { q: req.query.q } }); res.send(data); });", firedBy: ['js-response-request-data'] },
      "router.get('/preview', async (req, res) => { const { data } = await axios.get('https://api.example.com/' + id); res.send(data); });",
      "const r = await axios.get(config.apiUrl);",
    ],
  }),
  {
    id: 'py-requests-request-url',
    keywords: ['requests.', 'httpx.', 'session.', 's.', 'client.', 'http.', 'aiohttp.', 'urlopen(', 'Request('],
    class: 'ssrf',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'HTTP request to a URL from request data',
    message: 'The server fetches a URL taken from request data: a user can make it call internal services or cloud metadata endpoints.',
    fix: FIX,
    rule: {
      any: [
        withCallee(callFirstArg('$CLIENT.$METHOD', '$URL'), '^(?:requests|httpx|session|s|client|http|aiohttp)\\.(?:get|post|put|patch|delete|head|options|request|urlopen)$'),
        callsFirstArg(['urlopen', 'urllib.request.urlopen', 'urllib2.urlopen', 'Request', 'urllib.request.Request'], '$URL'),
      ],
    },
    constraints: { CLIENT: { regex: '^(?:requests|httpx|session|s|client|http|aiohttp)$' }, METHOD: { regex: '^(?:get|post|put|patch|delete|head|options|request|urlopen)$' }, URL: PY_NON_LITERAL },
    taint: { metavariable: 'URL', sources: 'request' },
    examples: {
      match: [
        { code: 'url = request.args.get("url")\nresp = requests.get(url, timeout=5)', lines: [2] },
        { code: 'def fetch(request):\n    return urlopen(request.GET["feed"]).read()', lines: [2] },
        'data = httpx.post(request.json["callback"], json=payload)',
      ],
      noMatch: ["q = request.args.get(\"q\")\nresp = requests.get(\"https://api.example.com/search\", params={\"q\": q})", 'resp = requests.get("https://api.example.com/items", timeout=5)', 'def fetch(url):\n    return requests.get(url)'],
    },
  },
];
