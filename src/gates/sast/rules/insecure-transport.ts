// CWE-319: data sent in clear text — plain http:// and ws:// endpoints, FTP and Telnet, servers
// without TLS. Loopback addresses are local traffic and stay quiet.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, PY, callFirstArg, callSecondArg, callsFirstArg, withCallee } from './fragments.js';

const CWE = ['CWE-319'];
/** A literal plain-text URL to a host that is not this machine. */
const CLEAR_URL = (scheme: string): Rule => ({
  regex: `^[bruf]*['"\`]${scheme}://`,
  not: { regex: `^[bruf]*['"\`]${scheme}://(?:localhost|127\\.\\d+\\.\\d+\\.\\d+|0\\.0\\.0\\.0|\\[::1\\])(?:[:/'"\`]|$)` },
});
/** A URL literal, or a URL built from one (`'http://' + host`, f"http://{host}/x"). */
const JS_HTTP_URL: Rule = { any: [{ kind: 'string' }, { kind: 'template_string' }, { kind: 'binary_expression' }], ...CLEAR_URL('http') };
const PY_HTTP_URL: Rule = { any: [{ kind: 'string' }, { kind: 'binary_operator' }, { kind: 'call', regex: '^[bruf]*[\'"]http://[^\'"]*[\'"]\\.format\\(' }], ...CLEAR_URL('http') };
const JS_FIX = 'Use https:// (and wss://) endpoints; keep plain http only for loopback.';
const PY_FIX = 'Use https:// endpoints; keep plain http only for loopback.';

function transport(rule: Omit<SastRule, 'class' | 'cwe' | 'severity'> & { severity?: SastRule['severity'] }): SastRule {
  return defineRule({ severity: 'medium', cwe: CWE, ...rule });
}

export const insecureTransportRules: SastRule[] = [
  transport({
    id: 'js-http-url-request',
    keywords: ['http://'],
    languages: JS,
    title: 'HTTP request to a plain http:// URL',
    message: 'The request and its response travel unencrypted: anyone on the path can read or change them.',
    fix: JS_FIX,
    rule: {
      any: [
        callsFirstArg(['fetch', 'axios', 'got', 'request', 'superagent', 'needle', 'ky'], '$URL'),
        withCallee(callFirstArg('$CLIENT.$METHOD', '$URL'), '\\.(?:get|post|put|patch|delete|request|head)$'),
        withCallee(callSecondArg('$CLIENT.open', '$URL'), '\\.open$'),
      ],
    },
    constraints: { URL: JS_HTTP_URL, METHOD: { regex: '^(?:get|post|put|patch|delete|request|head)$' } },
    examples: {
      match: ["const res = await fetch('http://api.example.com/v1/users');", "axios.post(`http://payments.example.com/charge`, body);", "http.get('http://example.org/feed.xml', onResponse);", "xhr.open('GET', 'http://example.org/data.json');"],
      noMatch: ["const res = await fetch('https://api.example.com/v1/users');", "const res = await fetch('http://localhost:3000/health');", "const res = await fetch(url);"],
    },
  }),
  transport({
    id: 'js-http-url-config',
    keywords: ['http://'],
    languages: JS,
    title: 'Client or endpoint configured with a plain http:// URL',
    message: 'Every request made through this base URL or endpoint travels unencrypted.',
    fix: JS_FIX,
    rule: { kind: 'pair', has: { field: 'key', regex: `^['"]?(?:baseURL|baseUrl|prefixUrl|endpoint|apiUrl|apiURL|serverUrl|uri|url|host)['"]?$` }, all: [{ has: { field: 'value', ...JS_HTTP_URL } }] },
    examples: {
      match: ["const api = axios.create({ baseURL: 'http://api.example.com' });", "const client = new ApolloClient({ uri: 'http://graphql.example.com/graphql' });"],
      noMatch: ["const api = axios.create({ baseURL: 'https://api.example.com' });", "const api = axios.create({ baseURL: 'http://127.0.0.1:8080' });"],
    },
  }),
  transport({
    id: 'js-websocket-cleartext',
    keywords: ['ws://'],
    languages: JS,
    title: 'WebSocket over plain ws://',
    message: 'ws:// sends every frame unencrypted.',
    fix: 'Connect with wss://.',
    rule: { any: [{ pattern: 'new WebSocket($URL)' }, { pattern: 'new WebSocket($URL, $$$)' }, { pattern: 'io($URL)' }, { pattern: 'io($URL, $$$)' }] },
    constraints: { URL: { any: [{ kind: 'string' }, { kind: 'template_string' }], ...CLEAR_URL('ws') } },
    examples: {
      match: ["const socket = new WebSocket('ws://chat.example.com/socket');", "const s = io('ws://events.example.com', { transports: ['websocket'] });"],
      noMatch: ["const socket = new WebSocket('wss://chat.example.com/socket');", "const socket = new WebSocket('ws://localhost:8080');"],
    },
  }),
  transport({
    id: 'js-http-server-cleartext',
    keywords: ['createServer('],
    languages: JS,
    severity: 'low',
    title: 'Server started with http.createServer (no TLS)',
    message: 'A plain HTTP server sends sessions and credentials unencrypted unless a TLS proxy sits in front of it.',
    fix: 'Serve with https.createServer and a certificate, or terminate TLS in front of it and document that.',
    rule: { any: [{ pattern: 'http.createServer($$$)' }, { pattern: "require('http').createServer($$$)" }] },
    examples: {
      match: ['const server = http.createServer(app);', "require('http').createServer(handler).listen(80);"],
      noMatch: ['const server = https.createServer({ key, cert }, app);', 'const server = net.createServer(onConnection);'],
    },
  }),
  transport({
    id: 'js-ftp-cleartext',
    keywords: ['ftp', 'telnet', 'Ftp', 'Telnet'],
    languages: JS,
    title: 'FTP or Telnet client without TLS',
    message: 'FTP and Telnet send the password and the data in clear text.',
    fix: 'Use SFTP/FTPS (secure: true) or SSH instead.',
    rule: {
      any: [
        { pattern: 'new $FTP()', has: { field: 'constructor', regex: '^(?:Ftp|FTP|FtpClient|JSFtp|Telnet|PromiseFtp)$' } },
        { pattern: '$C.access($OPTS)', has: { field: 'arguments', has: { kind: 'pair', regex: '^[\'"]?secure[\'"]?\\s*:\\s*false$', stopBy: 'end' } } },
        callsFirstArg(['$C.connect'], '$URL'),
      ],
    },
    constraints: { URL: { kind: 'string', ...CLEAR_URL('(?:ftp|telnet)') } },
    examples: {
      match: ['const conn = new Telnet();', "await client.access({ host: 'ftp.example.com', user, password, secure: false });", "client.connect('ftp://files.example.com');"],
      noMatch: ["await client.access({ host: 'ftp.example.com', user, password, secure: true });", "client.connect('sftp://files.example.com');"],
    },
  }),
  transport({
    id: 'py-http-url-request',
    keywords: ['http://'],
    languages: PY,
    title: 'HTTP request to a plain http:// URL',
    message: 'The request and its response travel unencrypted: anyone on the path can read or change them.',
    fix: PY_FIX,
    rule: {
      any: [
        // request(method, url) first: `any` settles on its first matching branch before the flow check runs.
        { pattern: '$CLIENT.request($METHOD, $URL, $$$)', has: { field: 'arguments', has: { nthChild: 1, kind: 'string', regex: '^[bru]?[\'"][A-Za-z]+[\'"]$' } } },
        { pattern: '$CLIENT.request($METHOD, $URL)', has: { field: 'arguments', has: { nthChild: 1, kind: 'string', regex: '^[bru]?[\'"][A-Za-z]+[\'"]$' } } },
        withCallee(
          { any: [{ pattern: '$F($URL)' }, { pattern: '$F($URL, $$$)' }] },
          '(?:^|\\.)(?:get|post|put|patch|delete|head|options|request|urlopen|urlretrieve|open|retrieve|Request|ServerProxy|stream|fetch|ws_connect)$',
        ),
      ],
    },
    flow: { metavariable: 'URL', value: PY_HTTP_URL },
    examples: {
      match: [
        'r = requests.get("http://api.example.com/users")',
        'resp = httpx.post("http://payments.example.com/charge", json=body)',
        'page = urllib.request.urlopen("http://example.org/feed.xml")',
        'r = http.request("GET", "http://example.org/data")',
        { code: 'url = "http://example.org/report.csv"\nurllib.request.urlretrieve(url, "report.csv")', lines: [2], alsoFiredBy: ['py-urlopen-local-file-scheme'] },
        { code: 'opener = urllib.request.build_opener()\nopener.open("http://example.org/")', lines: [2] },
        'r = requests.get("http://" + host + "/status")',
        'r = requests.get(f"http://{host}/status")',
      ],
      noMatch: ['r = requests.get("https://api.example.com/users")', 'r = requests.get("http://localhost:8000/health")', 'value = config.lookup("http://example.org")'],
    },
  }),
  transport({
    id: 'py-http-connection-cleartext',
    keywords: ['HTTPConnection'],
    languages: PY,
    title: 'Plain HTTP connection object (no TLS)',
    message: 'http.client.HTTPConnection and urllib3 HTTPConnectionPool speak plain HTTP: requests and responses travel unencrypted.',
    fix: 'Use HTTPSConnection / HTTPSConnectionPool (with certificate verification on).',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:http\\.client\\.|httplib\\.|urllib3\\.(?:connectionpool\\.)?)?(?:HTTPConnection|HTTPConnectionPool)$' }, not: { has: { field: 'arguments', regex: '^\\(\\s*[\'"](?:localhost|127\\.0\\.0\\.1)' } } },
    examples: {
      match: ['conn = http.client.HTTPConnection("api.example.com")', 'pool = urllib3.HTTPConnectionPool("example.org", maxsize=4)'],
      noMatch: ['conn = http.client.HTTPSConnection("api.example.com")', 'conn = http.client.HTTPConnection("localhost", 8080)'],
    },
  }),
  transport({
    id: 'py-ftplib-cleartext',
    keywords: ['FTP(', 'Telnet('],
    languages: PY,
    title: 'ftplib.FTP or telnetlib without TLS',
    message: 'FTP and Telnet send the password and the data in clear text.',
    fix: 'Use ftplib.FTP_TLS, SFTP (paramiko) or SSH instead.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:ftplib\\.FTP|FTP|telnetlib\\.Telnet|Telnet)$' } },
    examples: {
      match: ['ftp = ftplib.FTP("ftp.example.com")', 'tn = telnetlib.Telnet(host, 23)'],
      noMatch: ['ftp = ftplib.FTP_TLS("ftp.example.com")', 'ftp = FTP_TLS(host)', 'tn = MockTelnet(host)'],
    },
  }),
  transport({
    id: 'py-smtp-cleartext',
    keywords: ['SMTP('],
    languages: PY,
    severity: 'low',
    title: 'smtplib.SMTP without starttls()',
    message: 'Without STARTTLS the login and the mail go to the server unencrypted.',
    fix: 'Use smtplib.SMTP_SSL, or call starttls() before login().',
    rule: { pattern: 'smtplib.SMTP($$$)', not: { inside: { kind: 'module', regex: 'starttls\\(', stopBy: 'end' } } },
    examples: {
      match: ['server = smtplib.SMTP("mail.example.com", 25)\nserver.login(user, pw)'].map((code) => ({ code, lines: [1] })).concat([{ code: 'with smtplib.SMTP(host) as s:\n    s.send_message(msg)', lines: [1] }]),
      noMatch: ['server = smtplib.SMTP("mail.example.com", 587)\nserver.starttls()', 'server = smtplib.SMTP_SSL("mail.example.com")'],
    },
  }),
  transport({
    id: 'py-websocket-cleartext',
    keywords: ['ws://'],
    languages: PY,
    title: 'WebSocket over plain ws://',
    message: 'ws:// sends every frame unencrypted.',
    fix: 'Connect with wss://.',
    rule: callsFirstArg(['websocket.create_connection', 'websockets.connect', 'create_connection', 'connect', 'websocket.WebSocketApp', 'WebSocketApp'], '$URL'),
    constraints: { URL: { kind: 'string', ...CLEAR_URL('ws') } },
    examples: {
      match: ['ws = websocket.create_connection("ws://stream.example.com/feed")', 'async with websockets.connect("ws://chat.example.com") as ws:\n    pass'].map((code) => ({ code, lines: [1] })),
      noMatch: ['ws = websocket.create_connection("wss://stream.example.com/feed")', 'ws = websocket.create_connection("ws://localhost:9000")'],
    },
  }),
  transport({
    id: 'py-grpc-insecure-channel',
    keywords: ['insecure_channel('],
    languages: PY,
    severity: 'low',
    title: 'gRPC channel without TLS',
    message: 'grpc.insecure_channel sends calls and their metadata (tokens included) unencrypted.',
    fix: 'Use grpc.secure_channel with grpc.ssl_channel_credentials().',
    rule: { pattern: 'grpc.insecure_channel($TARGET)', not: { has: { field: 'arguments', regex: 'localhost|127\\.0\\.0\\.1', stopBy: 'end' } } },
    examples: {
      match: ['channel = grpc.insecure_channel("billing.internal:50051")', 'ch = grpc.insecure_channel(target)'],
      noMatch: ['channel = grpc.secure_channel(target, grpc.ssl_channel_credentials())', 'channel = grpc.insecure_channel("localhost:50051")'],
    },
  }),
  transport({
    id: 'py-django-https-enforcement-off',
    keywords: ['SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS'],
    languages: PY,
    title: 'Django HTTPS redirect or HSTS turned off',
    message: 'With SECURE_SSL_REDIRECT off or HSTS at 0, browsers keep talking to the site over plain HTTP.',
    fix: 'Set SECURE_SSL_REDIRECT = True and SECURE_HSTS_SECONDS to a year (31536000).',
    rule: { kind: 'assignment', regex: '^(?:SECURE_SSL_REDIRECT\\s*=\\s*False|SECURE_HSTS_SECONDS\\s*=\\s*0)$' },
    examples: {
      match: ['SECURE_SSL_REDIRECT = False', 'SECURE_HSTS_SECONDS = 0'],
      noMatch: ['SECURE_SSL_REDIRECT = True', 'SECURE_HSTS_SECONDS = 31536000'],
    },
  }),
  transport({
    id: 'py-dask-encryption-off',
    keywords: ['require_encryption'],
    languages: PY,
    title: 'Dask distributed security without encryption',
    message: 'Security(require_encryption=False) lets workers and clients talk in clear text.',
    fix: 'Pass require_encryption=True with TLS certificates.',
    rule: { pattern: '$S($$$)', has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^require_encryption\\s*=\\s*False$' } } },
    examples: {
      match: ['sec = Security(require_encryption=False)', 'security = distributed.Security(tls_ca_file=ca, require_encryption=False)'],
      noMatch: ['sec = Security(require_encryption=True, tls_ca_file=ca)', 'sec = Security(tls_ca_file=ca)'],
    },
  }),
];
