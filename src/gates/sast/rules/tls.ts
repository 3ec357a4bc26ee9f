import type { SastRule } from '../rule.js';
import { JS, PY, jsProperty } from './fragments.js';

const CWE = ['CWE-295'];
const MESSAGE = 'Certificate verification is off: anyone on the network path can read and change this traffic.';

export const tlsRules: SastRule[] = [
  {
    id: 'js-reject-unauthorized-false',
    keywords: ['rejectUnauthorized'],
    class: 'tls-verification-disabled',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'TLS verification disabled (rejectUnauthorized: false)',
    message: MESSAGE,
    fix: 'Remove rejectUnauthorized: false; to trust a private CA pass it as `ca`.',
    rule: { any: [jsProperty('rejectUnauthorized', 'false'), { pattern: '$O.rejectUnauthorized = false' }] },
    examples: {
      match: ['const agent = new https.Agent({ rejectUnauthorized: false });', "tls.connect({ host, port, 'rejectUnauthorized': false });", 'options.rejectUnauthorized = false;'],
      noMatch: ['const agent = new https.Agent({ rejectUnauthorized: true, ca });', 'const agent = new https.Agent({ keepAlive: true });'],
    },
  },
  {
    id: 'js-node-tls-reject-unauthorized-env',
    keywords: ['NODE_TLS_REJECT_UNAUTHORIZED'],
    class: 'tls-verification-disabled',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'NODE_TLS_REJECT_UNAUTHORIZED set to 0',
    message: MESSAGE + ' Setting it in process.env turns verification off for every connection of the process.',
    fix: 'Remove it; trust a private CA with NODE_EXTRA_CA_CERTS instead.',
    rule: { kind: 'assignment_expression', regex: '^process\\.env(?:\\.NODE_TLS_REJECT_UNAUTHORIZED|\\[[\'"`]NODE_TLS_REJECT_UNAUTHORIZED[\'"`]\\])\\s*=\\s*[\'"`]?0[\'"`]?$' },
    examples: {
      match: ["process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;'],
      noMatch: ["process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';", 'const v = process.env.NODE_TLS_REJECT_UNAUTHORIZED;'],
    },
  },
  {
    id: 'py-verify-false',
    keywords: ['verify'],
    class: 'tls-verification-disabled',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'TLS verification disabled (verify=False)',
    message: MESSAGE,
    fix: 'Remove verify=False; to trust a private CA pass verify="/path/to/ca.pem".',
    rule: {
      pattern: '$CLIENT.$METHOD($$$)',
      has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^verify\\s*=\\s*False$' } },
    },
    constraints: { CLIENT: { not: { regex: '^jwt$' } } },
    examples: {
      match: ['r = requests.get(url, verify=False)', 'resp = session.post(api, json=body, verify=False)', 'client = httpx.Client(verify=False)'],
      noMatch: [
        'r = requests.get(url, verify="/etc/ssl/ca.pem")',
        { code: 'payload = jwt.decode(token, verify=False)', firedBy: ['py-jwt-signature-check-off'] },
      ],
    },
  },
  {
    id: 'py-ssl-unverified-context',
    keywords: ['_create_unverified_context', 'CERT_NONE', 'check_hostname'],
    class: 'tls-verification-disabled',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'Unverified SSL context (CERT_NONE, check_hostname=False)',
    message: MESSAGE,
    fix: 'Use ssl.create_default_context(); load a private CA with cafile=… instead of turning checks off.',
    rule: {
      any: [
        { pattern: 'ssl._create_unverified_context($$$)' },
        { pattern: '$CTX.verify_mode = ssl.CERT_NONE' },
        { pattern: '$CTX.check_hostname = False' },
        { kind: 'keyword_argument', regex: '^cert_reqs\\s*=\\s*(?:ssl\\.)?CERT_NONE$' },
      ],
    },
    examples: {
      match: [
        'ctx = ssl._create_unverified_context()',
        { code: 'ctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE', lines: [1, 2] },
        { code: 'sock = ssl.wrap_socket(s, cert_reqs=ssl.CERT_NONE)', lines: [1], alsoFiredBy: ['py-ssl-wrap-socket'] },
      ],
      noMatch: ["ctx = ssl.create_default_context()\nctx.check_hostname = True", 'ctx = ssl.create_default_context()', 'ctx.verify_mode = ssl.CERT_REQUIRED'],
    },
  },
];
