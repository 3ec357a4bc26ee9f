import type { SastRule } from '../rule.js';
import { JS, PY, jsProperty } from './fragments.js';

const CWE = ['CWE-347'];

export const jwtRules: SastRule[] = [
  {
    id: 'js-jwt-none-algorithm',
    keywords: ["'none'", '"none"', '`none`', "'None'", '"None"', "'NONE'", '"NONE"'],
    class: 'auth-session',
    languages: JS,
    severity: 'critical',
    cwe: CWE,
    title: "JWT accepted or signed with algorithm 'none'",
    message: "With alg 'none' a token needs no signature: anyone can forge one.",
    fix: "List only the algorithm you issue: jwt.verify(token, key, { algorithms: ['RS256'] }).",
    rule: { any: [{ kind: 'pair', regex: '^[\'"]?algorithms[\'"]?\\s*:\\s*\\[[^\\]]*[\'"`](?i:none)[\'"`]' }, jsProperty('algorithm', '[\'"`](?i:none)[\'"`]')] },
    examples: {
      match: ["jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });", "const t = jwt.sign(payload, '', { algorithm: 'none' });"],
      noMatch: ["const t = jwt.sign(payload, key, { algorithm: 'RS256', header: { typ: 'none' } });", "jwt.verify(token, secret, { algorithms: ['HS256'] });", "const t = jwt.sign(payload, key, { algorithm: 'RS256' });"],
    },
  },
  {
    id: 'js-jwt-decode-without-verify',
    keywords: ['jwt.decode'],
    class: 'auth-session',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'jwt.decode used where the token is never verified',
    message: 'jwt.decode reads a token without checking its signature; deciding anything from it trusts whatever the client wrote.',
    fix: 'Use jwt.verify(token, key, { algorithms: [...] }) and trust only its result.',
    rule: {
      pattern: 'jwt.decode($$$)',
      not: { inside: { any: [{ kind: 'function_declaration' }, { kind: 'arrow_function' }, { kind: 'function_expression' }, { kind: 'method_definition' }], has: { pattern: 'jwt.verify($$$)', stopBy: 'end' }, stopBy: 'end' } },
      inside: { any: [{ kind: 'function_declaration' }, { kind: 'arrow_function' }, { kind: 'function_expression' }, { kind: 'method_definition' }], stopBy: 'end' },
    },
    examples: {
      match: [
        { code: "function auth(req, res, next) {\n  const user = jwt.decode(req.headers.authorization.slice(7));\n  if (user.admin) return next();\n  res.sendStatus(403);\n}", lines: [2] },
        'const isAdmin = (token) => jwt.decode(token).role === "admin";',
      ],
      noMatch: [
        'function auth(token) {\n  jwt.verify(token, key, { algorithms: ["RS256"] });\n  return jwt.decode(token, { complete: true }).header.kid;\n}',
        'const claims = (token) => jwt.verify(token, key);',
      ],
    },
  },
  {
    id: 'js-jwt-ignore-expiration',
    keywords: ['ignoreExpiration'],
    class: 'auth-session',
    languages: JS,
    severity: 'medium',
    cwe: ['CWE-613'],
    title: 'JWT verified with ignoreExpiration: true',
    message: 'Expired tokens stay valid forever, so a leaked token never stops working.',
    fix: 'Remove ignoreExpiration; refresh tokens instead of accepting expired ones.',
    rule: jsProperty('ignoreExpiration', 'true'),
    examples: {
      match: ['jwt.verify(token, key, { ignoreExpiration: true });', "const opts = { algorithms: ['RS256'], ignoreExpiration: true };"],
      noMatch: ['jwt.verify(token, key, { ignoreExpiration: false });', "jwt.verify(token, key, { algorithms: ['RS256'] });"],
    },
  },
  {
    id: 'py-jwt-signature-check-off',
    keywords: ['jwt.decode'],
    class: 'auth-session',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'JWT decoded with signature verification off',
    message: 'With verification off, PyJWT accepts any token a client makes up.',
    fix: 'Decode with the key and algorithms: jwt.decode(token, key, algorithms=["HS256"]).',
    rule: {
      pattern: 'jwt.decode($$$)',
      has: {
        field: 'arguments',
        has: { kind: 'keyword_argument', any: [{ regex: '^verify\\s*=\\s*False$' }, { regex: '[\'"]verify_signature[\'"]\\s*:\\s*False' }] },
      },
    },
    examples: {
      match: ['claims = jwt.decode(token, verify=False)', 'claims = jwt.decode(token, options={"verify_signature": False})'],
      noMatch: ['claims = jwt.decode(token, key, algorithms=["HS256"])', 'claims = jwt.decode(token, key, options={"verify_exp": True}, algorithms=["RS256"])'],
    },
  },
  {
    id: 'py-jwt-none-algorithm',
    keywords: ['jwt.'],
    class: 'auth-session',
    languages: PY,
    severity: 'critical',
    cwe: CWE,
    title: "JWT accepted or signed with algorithm 'none'",
    message: "With alg 'none' a token needs no signature: anyone can forge one.",
    fix: 'Pass only the algorithm you issue: algorithms=["RS256"].',
    rule: {
      any: [{ pattern: 'jwt.decode($$$)' }, { pattern: 'jwt.encode($$$)' }],
      has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^algorithms?\\s*=\\s*\\[?[^\\]]*[\'"](?i:none)[\'"]' } },
    },
    examples: {
      match: ['claims = jwt.decode(token, key, algorithms=["HS256", "none"])', 'token = jwt.encode(payload, None, algorithm="none")'],
      noMatch: ['claims = jwt.decode(token, key, algorithms=["HS256"])', 'token = jwt.encode(payload, key, algorithm="HS256")'],
    },
  },
];
