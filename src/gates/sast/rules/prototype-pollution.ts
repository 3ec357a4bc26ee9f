import type { SastRule } from '../rule.js';
import { JS, withCallee } from './fragments.js';

const CWE = ['CWE-1321'];

export const prototypePollutionRules: SastRule[] = [
  {
    id: 'js-deep-merge-request-data',
    keywords: ['merge', 'Merge', 'extend(', 'defaultsDeep', 'setWith', '.set('],
    class: 'prototype-pollution',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'Request data deep-merged into an object',
    message: 'A recursive merge of request data follows `__proto__`/`constructor.prototype` keys and pollutes Object.prototype for the whole process.',
    fix: 'Copy only known fields, merge into Object.create(null), or validate the body with a schema that rejects __proto__.',
    rule: withCallee(
      { any: [{ pattern: '$MERGE($TARGET, $SRC)' }, { pattern: '$MERGE($TARGET, $SRC, $$$)' }, { pattern: '$J.extend(true, $TARGET, $SRC)' }] },
      '(?i)(?:merge|defaultsDeep|extend|setWith|^(?:_|lodash)\\.set)$',
    ),
    constraints: {
      MERGE: { regex: '^(?:_\\.|lodash\\.|hoek\\.|Hoek\\.)?(?:merge|mergeWith|defaultsDeep|mergeDeep|deepMerge|deepmerge|deepExtend|extend|setWith|set)$' },
      J: { regex: '^(?:\\$|jQuery)$' },
      // An object literal has fixed keys; one that spreads request data does not.
      SRC: { not: { kind: 'object', not: { has: { kind: 'spread_element' } } } },
    },
    taint: { metavariable: 'SRC', sources: 'request' },
    examples: {
      match: ["app.post('/settings', (req, res) => { _.merge(user.settings, req.body); res.sendStatus(204); });", "app.put('/cfg', (req, res) => { const patch = req.body.config; config = deepmerge(config, patch); });"],
      noMatch: ["app.post('/settings', (req, res) => { _.merge(user.settings, { theme: req.body.theme === 'dark' ? 'dark' : 'light' }); });", 'function apply(a, b) { return _.merge(a, b); }'],
    },
  },
  {
    id: 'js-dynamic-key-assignment-request-data',
    keywords: [']['],
    class: 'prototype-pollution',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'Nested property assignment with keys from request data',
    message: 'obj[a][b] = v with a and b from the request lets a client write obj["__proto__"]["isAdmin"] = true.',
    fix: 'Reject __proto__, constructor and prototype keys, or use a Map / Object.create(null).',
    rule: { any: [{ pattern: '$OBJ[$KEY][$SUB] = $VALUE' }] },
    taint: { metavariable: 'KEY', sources: 'request' },
    examples: {
      match: ["app.post('/pref', (req, res) => { const { section, key, value } = req.body; prefs[section][key] = value; });", "app.get('/s', (req, res) => { store[req.query.ns][req.query.k] = req.query.v; });"],
      noMatch: ["app.post('/pref', (req, res) => { const { section } = req.body; prefs[SECTION][KEY] = section; });", "app.post('/pref', (req, res) => { prefs.get(req.body.section).set(req.body.key, req.body.value); });", 'function set(a, b, v) { obj[a][b] = v; }'],
    },
  },
];
