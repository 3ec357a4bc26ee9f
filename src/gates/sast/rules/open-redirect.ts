import type { SastRule } from '../rule.js';
import { JS, JS_NON_LITERAL, PY, PY_NON_LITERAL, callsFirstArg } from './fragments.js';

const CWE = ['CWE-601'];
const FIX = 'Redirect only to relative paths you check (starts with a single "/"), or to an allowlist of hosts.';
const MESSAGE = 'The redirect target comes from request data: a link to this site can send users to any site (phishing).';

export const openRedirectRules: SastRule[] = [
  {
    id: 'js-redirect-request-data',
    keywords: ['redirect(', 'location('],
    class: 'open-redirect',
    languages: JS,
    severity: 'medium',
    cwe: CWE,
    title: 'Redirect to a URL from request data',
    message: MESSAGE,
    fix: FIX,
    rule: { any: [{ pattern: '$RES.redirect($URL)' }, { pattern: '$RES.redirect($STATUS, $URL)' }, { pattern: '$RES.location($URL)' }, { pattern: 'ctx.redirect($URL)' }] },
    constraints: { URL: JS_NON_LITERAL },
    taint: { metavariable: 'URL', sources: 'request' },
    examples: {
      match: ["app.get('/login', (req, res) => { res.redirect(req.query.next); });", "app.post('/go', (req, res) => { const target = req.body.returnTo; res.redirect(302, target); });"],
      noMatch: ["app.get('/login', (req, res) => { const user = req.body.user; res.redirect('/dashboard'); });", "app.get('/login', (req, res) => { res.redirect('/dashboard'); });", "app.get('/a', (req, res) => { res.redirect(302, '/home'); });"],
    },
  },
  {
    id: 'py-redirect-request-data',
    keywords: ['redirect(', 'Redirect'],
    class: 'open-redirect',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'Redirect to a URL from request data',
    message: MESSAGE,
    fix: FIX + ' Django: url_has_allowed_host_and_scheme().',
    rule: callsFirstArg(['redirect', 'flask.redirect', 'HttpResponseRedirect', 'HttpResponsePermanentRedirect', 'RedirectResponse'], '$URL'),
    constraints: { URL: { all: [PY_NON_LITERAL, { not: { kind: 'call', regex: '^url_for\\(' } }] } },
    taint: { metavariable: 'URL', sources: 'request' },
    examples: {
      match: [
        { code: 'next_url = request.args.get("next")\nreturn redirect(next_url)', lines: [2] },
        { code: 'def done(request):\n    return HttpResponseRedirect(request.GET["return_to"])', lines: [2] },
      ],
      noMatch: ['return redirect(url_for("index"))', 'next_url = request.args.get("next")\nreturn redirect("/home")'],
    },
  },
];
