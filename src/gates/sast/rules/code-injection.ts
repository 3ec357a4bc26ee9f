import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { JS, JS_BUILT_STRING, JS_LITERAL, JS_NON_LITERAL, PY, PY_NON_LITERAL, callFirstArg, callsFirstArg } from './fragments.js';

const CWE = ['CWE-95'];
/** `new Function(…, body)` / `Function(…, body)` whose last argument, the body, is not a literal. */
const JS_FUNCTION_CONSTRUCTOR: Rule = {
  any: [
    { kind: 'new_expression', has: { field: 'constructor', regex: '^Function$' } },
    { kind: 'call_expression', has: { field: 'function', regex: '^Function$' } },
  ],
  has: { field: 'arguments', has: { nthChild: { position: 1, reverse: true }, not: { any: [JS_LITERAL, { kind: 'spread_element' }] } } },
};

export const codeInjectionRules: SastRule[] = [
  {
    id: 'js-eval-non-literal',
    keywords: ['eval('],
    class: 'code-injection',
    languages: JS,
    severity: 'medium',
    cwe: CWE,
    title: 'eval of a value computed at run time',
    message: 'eval runs its argument as code; anything that can reach it can run code in this process.',
    fix: 'Parse data with JSON.parse, look functions up in a map, and never eval a value.',
    rule: callFirstArg('eval', '$CODE'),
    constraints: { CODE: JS_NON_LITERAL },
    examples: {
      match: ['const result = eval(expression);', "eval('(' + json + ')');"],
      noMatch: ["eval('1 + 1');", 'const result = evaluate(expression);'],
    },
  },
  {
    id: 'js-new-function-non-literal',
    keywords: ['Function('],
    class: 'code-injection',
    languages: JS,
    severity: 'medium',
    cwe: CWE,
    title: 'new Function with a body computed at run time',
    message: 'The Function constructor compiles its last argument as code, like eval.',
    fix: 'Write the function in source, or look behaviour up in a map keyed by the value.',
    rule: JS_FUNCTION_CONSTRUCTOR,
    examples: {
      match: ["const fn = new Function('a', 'b', body);", 'const f = new Function(`return ${expr}`);'],
      noMatch: ["const add = new Function('a', 'b', 'return a + b');", 'const f = () => body;'],
    },
  },
  {
    id: 'js-eval-request-data',
    keywords: ['eval(', 'Function(', 'vm.'],
    class: 'code-injection',
    languages: JS,
    severity: 'critical',
    cwe: CWE,
    title: 'Request or command-line data run as code',
    message: 'Request or argv data reaches eval, the Function constructor or a vm.run* call.',
    fix: 'Never run data as code: parse it (JSON.parse) or map it to a fixed set of actions.',
    rule: {
      any: [
        callFirstArg('eval', '$CODE'),
        { ...JS_FUNCTION_CONSTRUCTOR, pattern: 'new Function($$$CODE)' },
        callsFirstArg(['vm.runInNewContext', 'vm.runInThisContext', 'vm.runInContext', 'vm.compileFunction'], '$CODE'),
        callFirstArg('new vm.Script', '$CODE'),
      ],
    },
    constraints: { CODE: JS_NON_LITERAL },
    taint: { metavariable: 'CODE', sources: 'request+argv' },
    examples: {
      match: [
        { code: "app.post('/calc', (req, res) => {\n  const expr = req.body.expr;\n  res.json({ value: eval(expr) });\n});", lines: [3], alsoFiredBy: ['js-eval-non-literal'] },
        { code: "router.get('/run', (req, res) => { vm.runInNewContext(req.query.code, sandbox); });", lines: [1], alsoFiredBy: ['js-vm-run-non-literal'] },
      ],
      noMatch: [
        "app.post('/calc', (req, res) => { const expr = req.body.expr; res.json({ value: eval('2 + 2'), expr }); });",
        "app.post('/calc', (req, res) => { res.json({ value: eval('2 + 2') }); });",
        { code: 'function calc(expr) { return eval(expr); }', firedBy: ['js-eval-non-literal'] },
      ],
    },
  },
  {
    id: 'js-vm-run-non-literal',
    keywords: ['vm.'],
    class: 'code-injection',
    languages: JS,
    severity: 'medium',
    cwe: CWE,
    title: 'vm.run* / vm.Script of code computed at run time',
    message: 'The vm module is not a security boundary: code run through it can escape to the host process.',
    fix: 'Do not run untrusted code in-process; use a separate process or a real sandbox (isolated-vm, a container).',
    rule: {
      any: [
        callsFirstArg(['vm.runInNewContext', 'vm.runInThisContext', 'vm.runInContext', 'vm.compileFunction'], '$CODE'),
        callFirstArg('new vm.Script', '$CODE'),
      ],
    },
    constraints: { CODE: JS_NON_LITERAL },
    examples: {
      match: ['const out = vm.runInNewContext(code, { console });', 'const script = new vm.Script(source);'],
      noMatch: ["vm.runInNewContext('1 + 1', {});", 'const script = new Script(source);'],
    },
  },
  {
    id: 'js-string-timer',
    keywords: ['setTimeout(', 'setInterval('],
    class: 'code-injection',
    languages: JS,
    severity: 'medium',
    cwe: CWE,
    title: 'setTimeout/setInterval with a string',
    message: 'A string passed to setTimeout or setInterval is evaluated like eval.',
    fix: 'Pass a function: setTimeout(() => doWork(x), ms).',
    rule: callsFirstArg(['setTimeout', 'setInterval', 'window.setTimeout', 'window.setInterval'], '$CODE'),
    constraints: { CODE: { any: [JS_BUILT_STRING, JS_LITERAL] } },
    examples: {
      match: ["setTimeout('refresh(' + id + ')', 1000);", "setInterval('tick()', 500);"],
      noMatch: ['setTimeout(() => refresh(id), 1000);', 'setInterval(tick, 500);'],
    },
  },
  {
    id: 'py-eval-non-literal',
    keywords: ['eval(', 'exec('],
    class: 'code-injection',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'eval/exec of a value computed at run time',
    message: 'eval and exec run their argument as Python code.',
    fix: 'Use ast.literal_eval for literals, json.loads for data, or a dict of allowed operations.',
    rule: callsFirstArg(['eval', 'exec'], '$CODE'),
    constraints: { CODE: PY_NON_LITERAL },
    examples: {
      match: ['value = eval(expression)', 'exec(f"result = {formula}")', 'exec(code, namespace)'],
      noMatch: ['value = eval("1 + 1")', 'value = ast.literal_eval(expression)', 'cursor.execute(sql)'],
    },
  },
  {
    id: 'py-compile-non-literal',
    keywords: ['compile('],
    class: 'code-injection',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'compile() of source computed at run time',
    message: 'compile() turns its argument into code that is then run with eval or exec.',
    fix: 'Do not compile data; parse it with ast.literal_eval or json.loads instead.',
    rule: { pattern: 'compile($CODE, $$$)' },
    constraints: { CODE: PY_NON_LITERAL },
    examples: {
      match: ['code = compile(source, "<string>", "exec")', 'c = compile(f"x = {v}", "<calc>", "exec")'],
      noMatch: ['code = compile("x = 1", "<string>", "exec")', 'pattern = re.compile(expr)'],
    },
  },
  {
    id: 'py-eval-request-data',
    keywords: ['eval(', 'exec(', 'compile('],
    class: 'code-injection',
    languages: PY,
    severity: 'critical',
    cwe: CWE,
    title: 'Request or command-line data run as code',
    message: 'Request or argv data reaches eval, exec or compile.',
    fix: 'Never run data as code: use ast.literal_eval, json.loads, or a dict of allowed operations.',
    rule: { any: [callsFirstArg(['eval', 'exec'], '$CODE'), { pattern: 'compile($CODE, $$$)' }] },
    constraints: { CODE: PY_NON_LITERAL },
    taint: { metavariable: 'CODE', sources: 'request+argv' },
    examples: {
      match: [
        { code: 'expr = request.args.get("q")\nresult = eval(expr)', lines: [2], alsoFiredBy: ['py-eval-non-literal'] },
        { code: 'def calc():\n    return eval(request.form["formula"])', lines: [2], alsoFiredBy: ['py-eval-non-literal'] },
      ],
      noMatch: [
        "formula = request.form[\"formula\"]\nresult = eval(\"2 + 2\")",
        { code: 'def calc(formula):\n    return eval(formula)', firedBy: ['py-eval-non-literal'] },
        'result = eval("2 + 2")',
      ],
    },
  },
  {
    id: 'py-template-injection',
    keywords: ['render_template_string', 'Template(', 'from_string'],
    class: 'code-injection',
    languages: PY,
    severity: 'high',
    cwe: ['CWE-1336'],
    title: 'Template source built from request data (server-side template injection)',
    message: 'render_template_string / jinja2.Template compile their argument; request data there runs template code on the server.',
    fix: 'Keep the template fixed and pass values as context: render_template_string(TEMPLATE, name=name).',
    rule: { any: [callsFirstArg(['render_template_string', 'flask.render_template_string', 'Template', 'jinja2.Template', '$ENV.from_string'], '$SRC')] },
    constraints: { SRC: PY_NON_LITERAL },
    taint: { metavariable: 'SRC', sources: 'request' },
    examples: {
      match: [
        { code: 'name = request.args.get("name")\nreturn render_template_string("<h1>Hello " + name + "</h1>")', lines: [2] },
        'return render_template_string(f"<p>{request.args[\'msg\']}</p>")',
      ],
      noMatch: [
        'name = request.args.get("name")\nreturn render_template_string("<h1>Hello {{ name }}</h1>", name=name)',
        'return render_template_string(TEMPLATE)',
      ],
    },
  },
];
