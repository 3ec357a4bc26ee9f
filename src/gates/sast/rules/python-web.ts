// Django, Flask and Jinja2 escaping turned off or bypassed, HTML built by string formatting, and
// the web-framework settings that expose an app (bind-all, debuggers, wildcard hosts, file modes).
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { PY, PY_BUILT_STRING, PY_NON_LITERAL, callsFirstArg } from './fragments.js';

const XSS = ['CWE-79'];
/** A string built at run time whose text starts like HTML markup. */
const PY_BUILT_HTML: Rule = { ...PY_BUILT_STRING, regex: '^[bruf]*[\'"]{1,3}\\s*<[a-zA-Z!/]', not: { regex: '(?:escape|quote|sanitize|clean)\\(' } };

/** An integer mode with the others-write bit: octal (0o…), or 0o777/0o666 written in decimal or hex. */
const WORLD_WRITABLE = '^(?:0[oO]?[0-7]*[2367]|511|438|0[xX]1[fF][fF]|0[xX]1[bB]6)$';

export const pythonWebRules: SastRule[] = [
  defineRule({
    id: 'py-safestring-subclass',
    keywords: ['SafeString', 'SafeText', 'SafeData', 'Markup'],
    languages: PY,
    severity: 'medium',
    cwe: XSS,
    title: 'Class extends SafeString/SafeData/Markup',
    message: 'Instances of a SafeString or Markup subclass are never escaped by templates: whatever text they hold is rendered as markup.',
    fix: 'Keep the value a plain str and let the template escape it; build safe fragments with format_html / Markup.format.',
    rule: { kind: 'class_definition', has: { field: 'superclasses', has: { regex: '^(?:[\\w.]+\\.)?(?:SafeString|SafeText|SafeData|SafeBytes|Markup)$' } } },
    examples: {
      match: [{ code: 'class Trusted(SafeString):\n    pass', lines: [1] }, { code: 'class Html(markupsafe.Markup):\n    pass', lines: [1] }],
      noMatch: ['class Name(str):\n    pass', 'class View(TemplateView):\n    template_name = "SafeString.html"'],
    },
  }),
  defineRule({
    id: 'py-html-magic-method',
    keywords: ['__html__', 'html_safe'],
    languages: PY,
    severity: 'low',
    cwe: XSS,
    title: '__html__ method or @html_safe: the object renders unescaped',
    message: 'Templates call __html__ (added by @html_safe) and trust its result: any user text in it is rendered as markup.',
    fix: 'Escape every value you put into the returned markup (format_html / markupsafe.escape).',
    rule: { any: [{ kind: 'function_definition', has: { field: 'name', regex: '^__html__$' } }, { kind: 'decorator', regex: '^@(?:[\\w.]+\\.)?html_safe$' }] },
    examples: {
      match: [{ code: 'class Badge:\n    def __html__(self):\n        return "<b>%s</b>" % self.label', lines: [2] }, { code: '@html_safe\nclass Badge:\n    pass', lines: [1] }],
      noMatch: ['class Badge:\n    def __str__(self):\n        return self.label', '# objects with __html__ are trusted by templates'],
    },
  }),
  defineRule({
    id: 'py-template-filter-is-safe',
    keywords: ['is_safe', 'needs_autoescape'],
    languages: PY,
    severity: 'low',
    cwe: XSS,
    title: 'Django template filter registered with is_safe=True',
    message: 'With is_safe=True Django does not escape the filter\'s output when its input was safe; a filter that adds user text passes it through raw.',
    fix: 'Drop is_safe, or escape everything the filter adds (conditional_escape).',
    rule: { any: [{ kind: 'call', has: { field: 'function', regex: '(?:^|\\.)filter$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^is_safe\\s*=\\s*True$' } } }] }, { kind: 'assignment', regex: '^\\w+\\.is_safe\\s*=\\s*True$' }] },
    examples: {
      match: [{ code: '@register.filter(is_safe=True)\ndef shout(value):\n    return value.upper() + "!"', lines: [1] }, 'shout.is_safe = True'],
      noMatch: ['@register.filter\ndef shout(value):\n    return value.upper()', 'shout.is_safe = False'],
    },
  }),
  defineRule({
    id: 'py-format-html-prebuilt',
    keywords: ['format_html('],
    languages: PY,
    severity: 'medium',
    cwe: XSS,
    title: 'format_html given an already formatted string',
    message: 'format_html escapes only the arguments it formats; text formatted into its template first (f-string, %, .format) is not escaped.',
    fix: 'Pass a literal template and the values as arguments: format_html("<b>{}</b>", name).',
    rule: callsFirstArg(['format_html', 'django.utils.html.format_html'], '$TPL'),
    constraints: { TPL: PY_BUILT_STRING },
    examples: {
      match: ['html = format_html(f"<b>{user.name}</b>")', 'html = format_html("<a href=\'%s\'>link</a>" % url)'],
      noMatch: ['html = format_html("<b>{}</b>", user.name)', 'html = format_html(TEMPLATE, name)'],
    },
  }),
  defineRule({
    id: 'py-autoescape-off',
    keywords: ['autoescape'],
    languages: PY,
    severity: 'medium',
    cwe: XSS,
    title: 'Template autoescaping turned off (Django Context/TEMPLATES, Jinja2 {% autoescape false %})',
    message: 'With autoescape off, every variable a template renders is inserted as raw markup.',
    fix: 'Leave autoescape on; mark the few trusted fragments safe individually.',
    rule: {
      any: [
        { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)(?:Context|RequestContext|Engine)$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^autoescape\\s*=\\s*False$' } } }] },
        { kind: 'pair', regex: '^[\'"]autoescape[\'"]\\s*:\\s*False$' },
        { kind: 'string', regex: '\\{%-?\\s*autoescape\\s+(?:false|off)\\s*-?%\\}' },
      ],
    },
    examples: {
      match: ['html = template.render(Context(data, autoescape=False))', 'TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {"autoescape": False}}]', 'tpl = env.from_string("{% autoescape false %}{{ body }}{% endautoescape %}")'],
      noMatch: ['html = template.render(Context(data))', 'TEMPLATES = [{"OPTIONS": {"autoescape": True}}]'],
    },
  }),
  defineRule({
    id: 'py-template-safe-filter',
    keywords: ['|safe', '| safe', 'safeseq'],
    languages: PY,
    severity: 'low',
    cwe: XSS,
    title: 'Template string marks a variable |safe',
    message: 'The |safe filter turns escaping off for that variable: user text in it renders as markup.',
    fix: 'Drop |safe, or sanitize the value (bleach) before marking it safe.',
    rule: { kind: 'string', regex: '\\{\\{[^}]*\\|\\s*(?:safe|safeseq)\\b[^}]*\\}\\}' },
    examples: {
      match: ['return render_template_string("<div>{{ comment|safe }}</div>", comment=c)', 'TPL = "<p>{{ bio | safe }}</p>"'],
      noMatch: ['return render_template_string("<div>{{ comment }}</div>", comment=c)', 'TPL = "<p>{{ bio | e }}</p>"', 'NOTE = "never use |safe on user input"'],
    },
  }),
  defineRule({
    id: 'py-markup-non-literal',
    keywords: ['Markup', 'mark_safe', 'SafeString('],
    languages: PY,
    severity: 'medium',
    cwe: XSS,
    title: 'Markup()/mark_safe()/Markup.unescape on a non-literal',
    message: 'Markup and mark_safe declare their argument already-escaped; a value that is not (or that unescape() decodes) renders as markup.',
    fix: 'Build markup with Markup("<b>{}</b>").format(value) / format_html, which escape the values.',
    rule: {
      any: [
        callsFirstArg(['Markup', 'markupsafe.Markup', 'flask.Markup', 'jinja2.Markup', 'mark_safe', 'SafeString', 'SafeText', 'safestring.mark_safe', 'django.utils.safestring.mark_safe'], '$HTML'),
        { pattern: '$M.unescape()', has: { field: 'function', regex: '^(?:Markup|markupsafe\\.Markup)\\(' } },
        callsFirstArg(['Markup.unescape', 'markupsafe.Markup.unescape'], '$HTML'),
      ],
    },
    constraints: { HTML: { all: [PY_NON_LITERAL, { not: PY_BUILT_STRING }, { not: { kind: 'call', regex: '(?i)^(?:[\\w.]*\\.)?(?:escape|format_html|render_to_string|render|sanitize|clean|bleach)' } }] } },
    examples: {
      match: ['return Markup(comment.body)', 'html = mark_safe(user_bio)', 'text = Markup(raw).unescape()'],
      noMatch: ['return Markup("<b>{}</b>").format(comment.body)', 'html = mark_safe(render_to_string("card.html", ctx))'],
    },
  }),
  defineRule({
    id: 'py-html-built-response',
    keywords: ['"<', "'<", 'f"<', "f'<"],
    languages: PY,
    severity: 'medium',
    cwe: XSS,
    title: 'HTML response built by string formatting',
    message: 'Markup assembled with f-strings, % or + inserts its values unescaped: any user text among them can carry script.',
    fix: 'Render a template (autoescaped) or escape each value with html.escape / markupsafe.escape.',
    rule: {
      any: [
        { kind: 'return_statement', has: PY_BUILT_HTML, inside: { kind: 'function_definition', has: { field: 'parameters', regex: '\\brequest\\b|\\bevent\\b' }, stopBy: 'end' } },
        { kind: 'return_statement', has: PY_BUILT_HTML, inside: { kind: 'decorated_definition', regex: '^@\\w+\\.(?:route|get|post)\\(', stopBy: 'end' } },
        { kind: 'call', has: { field: 'function', regex: '^(?:HttpResponse|make_response|Response|HTMLResponse|flask\\.make_response|django\\.http\\.HttpResponse)$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, ...PY_BUILT_HTML } } }] },
      ],
    },
    examples: {
      match: [{ code: 'def hello(request):\n    return HttpResponse(f"<h1>Hello {request.GET[\'name\']}</h1>")', lines: [2], alsoFiredBy: ['py-response-request-data'] }, { code: '@app.route("/hi")\ndef hi():\n    return "<p>Hi %s</p>" % name', lines: [3] }, { code: 'def handler(event, context):\n    return f"<html><body>{event[\'q\']}</body></html>"', lines: [2] }],
      noMatch: ['def hello(request):\n    return HttpResponse(f"Hello {escape(name)}", content_type="text/plain")', '@app.route("/hi")\ndef hi():\n    return "<p>Hi there</p>"'],
    },
  }),
  defineRule({
    id: 'py-bind-all-interfaces',
    keywords: ['0.0.0.0', "''", '""'],
    languages: PY,
    severity: 'low',
    cwe: ['CWE-668'],
    title: 'Server bound to all network interfaces',
    message: 'Binding to 0.0.0.0 (or "") exposes the service on every interface, including public ones, not only where it is meant to listen.',
    fix: 'Bind to 127.0.0.1 (or the one interface you mean) and put a reverse proxy in front when it must be public.',
    rule: {
      any: [
        // A dev server started under `if __name__ == "__main__"` is for local runs: left alone.
        { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)(?:run|run_simple|serve|listen)$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^host\\s*=\\s*[\'"]0\\.0\\.0\\.0[\'"]$' } } }], not: { inside: { kind: 'if_statement', regex: '^if\\s+__name__\\s*==', stopBy: 'end' } } },
        { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)(?:run_simple|make_server|serve)$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, kind: 'string', regex: '^[\'"]0\\.0\\.0\\.0[\'"]$' } } }] },
        { kind: 'call', has: { field: 'function', regex: '\\.bind$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, kind: 'tuple', regex: '^\\(\\s*(?:[\'"]0\\.0\\.0\\.0[\'"]|[\'"]{2})\\s*,' } } }] },
      ],
    },
    examples: {
      match: ['app.run(host="0.0.0.0", port=8080)', 'sock.bind(("0.0.0.0", 9000))', 'server.bind(("", port))'],
      noMatch: ['app.run(host="127.0.0.1", port=8080)', 'sock.bind(("127.0.0.1", 9000))', 'DEFAULT_HOST = "0.0.0.0"'],
    },
  }),
  defineRule({
    id: 'py-werkzeug-debugger-on',
    keywords: ['use_debugger', 'DebuggedApplication', 'evalex'],
    languages: PY,
    severity: 'high',
    cwe: ['CWE-489'],
    title: 'Werkzeug interactive debugger enabled',
    message: 'The Werkzeug debugger runs Python typed into the error page: whoever reaches it controls the server.',
    fix: 'Never enable the debugger outside local development; gate it on an environment check.',
    rule: {
      any: [
        { kind: 'call', all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^(?:use_debugger|evalex)\\s*=\\s*True$' } } }] },
        { kind: 'call', has: { field: 'function', regex: '^(?:werkzeug\\.debug\\.)?DebuggedApplication$' }, not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^evalex\\s*=\\s*False$' } } } },
      ],
    },
    examples: {
      match: ['run_simple("localhost", 5000, app, use_debugger=True, use_reloader=True)', 'app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)'],
      noMatch: ['run_simple("localhost", 5000, app, use_reloader=True)', 'app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=False)'],
    },
  }),
  defineRule({
    id: 'py-allowed-hosts-wildcard',
    keywords: ['ALLOWED_HOSTS'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-16'],
    title: "Django ALLOWED_HOSTS = ['*']",
    message: 'A wildcard ALLOWED_HOSTS accepts any Host header: password-reset links and absolute URLs can be pointed at an attacker\'s domain.',
    fix: 'List the exact host names the site answers to.',
    rule: { kind: 'assignment', regex: '^ALLOWED_HOSTS\\s*=\\s*[\\[(][^\\])]*[\'"]\\*[\'"]' },
    examples: {
      match: ['ALLOWED_HOSTS = ["*"]', "ALLOWED_HOSTS = ['example.com', '*']"],
      noMatch: ['ALLOWED_HOSTS = ["example.com", "www.example.com"]', 'ALLOWED_HOSTS = []'],
    },
  }),
  defineRule({
    id: 'py-file-mode-world-writable',
    keywords: ['chmod(', 'mkdir(', 'makedirs(', 'os.open(', 'S_IWOTH', 'S_IRWXO'],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-732'],
    title: 'File or directory made writable by every user',
    message: 'A mode with the others-write bit (o+w) lets any local user change or replace the file.',
    fix: 'Use 0o600/0o644 for files and 0o700/0o755 for directories.',
    rule: {
      kind: 'call',
      has: { field: 'function', regex: '(?:^|\\.)(?:chmod|fchmod|lchmod|mkdir|makedirs|open)$' },
      // Octal of any length (0o100777 carries the file-type bits st_mode has), and the decimal
      // and hex spellings of 0o777 and 0o666.
      all: [{ has: { field: 'arguments', has: { any: [{ kind: 'integer', regex: WORLD_WRITABLE }, { regex: '^(?:stat\\.)?S_I(?:WOTH|RWXO)$' }, { kind: 'keyword_argument', has: { field: 'value', kind: 'integer', regex: WORLD_WRITABLE }, regex: '^mode\\s*=' }], stopBy: 'end' } } }],
    },
    examples: {
      match: ['os.chmod(path, 0o777)', 'os.makedirs(cache_dir, mode=0o777, exist_ok=True)', 'os.chmod(path, stat.S_IRUSR | stat.S_IWOTH)', 'os.fchmod(fd, 0o100666)', 'os.chmod(sock, 511)'],
      noMatch: ['os.chmod(path, 0o644)', 'os.makedirs(cache_dir, mode=0o700, exist_ok=True)', 'os.chmod(path, 0o100755)', 'os.chmod(path, 420)'],
    },
  }),
  defineRule({
    id: 'py-tempfile-mktemp',
    keywords: ['mktemp(', 'tempnam(', 'tmpnam('],
    languages: PY,
    severity: 'medium',
    cwe: ['CWE-377'],
    title: 'tempfile.mktemp (race between name and file)',
    message: 'mktemp returns a name that does not exist yet; another process can create it first and have you write to its file.',
    fix: 'Use tempfile.mkstemp() or NamedTemporaryFile(), which create the file atomically.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:tempfile\\.mktemp|mktemp|os\\.tempnam|os\\.tmpnam)$' } },
    examples: {
      match: ['path = tempfile.mktemp(suffix=".csv")', 'name = os.tempnam()'],
      noMatch: ['fd, path = tempfile.mkstemp(suffix=".csv")', 'with tempfile.NamedTemporaryFile() as f:\n    pass', 'path = safe_mktemp(".csv")'],
    },
  }),
  defineRule({
    id: 'py-django-raw-request-data',
    keywords: ['.extra(', 'RawSQL(', '.raw('],
    languages: PY,
    severity: 'high',
    cwe: ['CWE-89'],
    title: 'Django extra()/RawSQL()/raw() with request data in the SQL',
    message: 'extra(), RawSQL() and raw() put their text into the SQL unescaped: request data there can change the query.',
    fix: 'Use ORM lookups, or keep the SQL literal and pass request values in params=[…].',
    rule: { any: [{ pattern: '$QS.extra($$$ARGS)' }, { pattern: 'RawSQL($$$ARGS)' }, { pattern: '$QS.raw($$$ARGS)' }] },
    taint: { metavariable: 'ARGS', sources: 'request' },
    examples: {
      match: [{ code: 'def search(request):\n    return Entry.objects.extra(where=[request.GET["filter"]])', lines: [2] }, { code: 'def view(request):\n    order = request.GET.get("o")\n    qs = Item.objects.extra(order_by=[order])', lines: [3] }],
      noMatch: ['def search(request):\n    q = request.GET["q"]\n    return Entry.objects.extra(where=["headline = %s"], params=[])', 'def search(request):\n    q = request.GET["q"]\n    return Entry.objects.filter(headline=q)'],
    },
  }),
];
