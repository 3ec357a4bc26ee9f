import type { SastRule } from '../rule.js';
import { PY, pyCallWithKeyword } from './fragments.js';

const CWE = ['CWE-489', 'CWE-215'];

export const debugModeRules: SastRule[] = [
  {
    id: 'py-flask-debug',
    keywords: ['debug', 'DEBUG'],
    class: 'misconfiguration',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'Flask app run with debug=True',
    message: 'The Werkzeug debugger lets anyone who reaches an error page run Python code on the server.',
    fix: 'Read debug from the environment (FLASK_DEBUG) and keep it off in deployments.',
    rule: { any: [pyCallWithKeyword('$APP.run', 'debug\\s*=\\s*True'), { pattern: '$APP.debug = True' }, { pattern: "$APP.config['DEBUG'] = True" }, { pattern: '$APP.config["DEBUG"] = True' }] },
    examples: {
      match: [{ code: 'app.run(host="0.0.0.0", port=5000, debug=True)', lines: [1], alsoFiredBy: ['py-bind-all-interfaces'] }, 'app.debug = True', "app.config['DEBUG'] = True"],
      noMatch: [{ code: 'app.run(host="0.0.0.0", port=5000)', firedBy: ['py-bind-all-interfaces'] }, 'app.run(debug=os.environ.get("FLASK_DEBUG") == "1")'],
    },
  },
  {
    id: 'py-django-debug',
    keywords: ['DEBUG'],
    class: 'misconfiguration',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'Django DEBUG = True in settings',
    message: 'With DEBUG on, error pages show settings, SQL and stack frames to any visitor.',
    fix: 'DEBUG = os.environ.get("DJANGO_DEBUG") == "1", off unless set.',
    rule: { kind: 'assignment', regex: '^DEBUG\\s*=\\s*True$', inside: { kind: 'expression_statement', inside: { kind: 'module' } } },
    examples: {
      match: [
        { code: 'SECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = True\nALLOWED_HOSTS = ["*"]', lines: [2], alsoFiredBy: ['py-allowed-hosts-wildcard'] },
        'DEBUG = True',
      ],
      noMatch: ['DEBUG = os.environ.get("DJANGO_DEBUG") == "1"', 'def test():\n    DEBUG = True'],
    },
  },
];
