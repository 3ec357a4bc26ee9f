// Command, code and SQL injection through the APIs the base rules do not name: subprocess
// without a shell but with a built or request-derived program, os.exec*/spawn*, asyncio, sh,
// paramiko, Airflow's BashOperator, shelljs/execa/Deno, puppeteer's evaluate, sandboxes, and SQL
// text that reaches the driver through a local variable.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { JS, JS_BUILT_STRING, JS_NON_LITERAL, PY, PY_BUILT_STRING, PY_FSTRING, PY_LITERAL, PY_NON_LITERAL, SQL_TEXT, callFirstArg, callsFirstArg, withCallee } from './fragments.js';

const CMD_CWE = ['CWE-78'];
const CODE_CWE = ['CWE-95'];
const PY_SUBPROCESS = '^(?:subprocess\\.)?(?:call|run|Popen|check_call|check_output)$';
const PY_EXEC_FAMILY = '^os\\.(?:exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?|startfile)$';
/** A value computed at run time: a name, an attribute, an index, a call, an operation, an f-string. */
const PY_DYNAMIC: Rule = { any: [{ kind: 'identifier' }, { kind: 'attribute' }, { kind: 'subscript' }, { kind: 'call' }, { kind: 'binary_operator' }, PY_FSTRING] };
const JS_DYNAMIC: Rule = { any: [{ kind: 'identifier' }, { kind: 'member_expression' }, { kind: 'subscript_expression' }, { kind: 'call_expression' }, { kind: 'binary_expression' }, { kind: 'template_string', has: { kind: 'template_substitution' } }] };
/**
 * A command whose program is chosen at run time: a string or name, or a list whose program (first
 * element) is dynamic, or a list that runs `sh -c`/`bash -c` with something dynamic in it.
 */
const PY_DYNAMIC_PROGRAM: Rule = {
  any: [
    { all: [PY_NON_LITERAL, { not: { kind: 'list' } }, { not: { kind: 'tuple' } }] },
    { any: [{ kind: 'list' }, { kind: 'tuple' }], has: { nthChild: 1, ...PY_DYNAMIC } },
    {
      any: [{ kind: 'list' }, { kind: 'tuple' }],
      // The script itself (the element after -c) is dynamic; later elements are only $0, $1 … to it.
      all: [
        { has: { nthChild: 1, kind: 'string', regex: '^[\'"](?:/bin/|/usr/bin/)?(?:sh|bash|zsh|dash|ksh|cmd|cmd\\.exe|powershell|pwsh)[\'"]$' } },
        { has: { nthChild: 2, kind: 'string', regex: '^[\'"](?:-c|/c|-Command)[\'"]$' } },
        { has: { nthChild: 3, ...PY_DYNAMIC } },
      ],
    },
  ],
};

export const injectionApiRules: SastRule[] = [
  defineRule({
    id: 'py-subprocess-request-data',
    keywords: ['subprocess', 'Popen(', 'os.exec', 'os.spawn', 'create_subprocess'],
    languages: PY,
    severity: 'critical',
    cwe: CMD_CWE,
    title: 'Process started with request data in its command',
    message: 'Request data chooses the program or its arguments: an attacker can run another program or inject options.',
    fix: 'Map the request value to a fixed allow-list of programs/arguments; never pass it as the program or an option.',
    rule: {
      any: [
        withCallee(callFirstArg('$F', '$CMD'), PY_SUBPROCESS),
        withCallee(callFirstArg('$F', '$CMD'), PY_EXEC_FAMILY),
        withCallee(callFirstArg('$F', '$CMD'), '(?:^|\\.)create_subprocess_(?:exec|shell)$'),
      ],
      // With shell=True the stronger py-command-request-data already reports it.
      not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^shell\\s*=\\s*True$' } } },
    },
    constraints: { CMD: PY_DYNAMIC_PROGRAM },
    taint: { metavariable: 'CMD', sources: 'request+argv' },
    examples: {
      match: [
        { code: 'def handler(event, context):\n    subprocess.run(["sh", "-c", event["script"]])', lines: [2] },
        { code: 'def view(request):\n    tool = request.GET["tool"]\n    return subprocess.check_output([tool, "--version"])', lines: [3], alsoFiredBy: ['py-subprocess-non-literal'] },
        { code: 'host = request.args.get("h")\nos.execvp(host, [host])', lines: [2], alsoFiredBy: ['py-os-spawn-non-literal'] },
      ],
      noMatch: [
        'def view(request):\n    name = request.GET["host"]\n    return subprocess.check_output(["ping", "-c", "1", "example.org"])',
        'def run(cmd):\n    subprocess.run(cmd)',
        'def view(request):\n    subprocess.run(["bash", "-c", \'echo "$1"\', "bash", request.GET["msg"]])',
      ],
    },
  }),
  defineRule({
    id: 'py-subprocess-non-literal',
    keywords: ['subprocess', 'Popen('],
    languages: PY,
    severity: 'low',
    cwe: CMD_CWE,
    title: 'subprocess program chosen at run time',
    message: 'The program subprocess runs is not a literal: whoever controls that value chooses what runs.',
    fix: 'Start a fixed program (a literal first element) and validate the arguments against an allow-list.',
    rule: {
      ...withCallee(callFirstArg('$F', '$CMD'), PY_SUBPROCESS),
      not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^shell\\s*=\\s*True$' } } },
    },
    constraints: {
      CMD: {
        any: [
          { kind: 'list', has: { nthChild: 1, not: PY_LITERAL } },
          { kind: 'tuple', has: { nthChild: 1, not: PY_LITERAL } },
          { all: [PY_BUILT_STRING] },
        ],
      },
    },
    examples: {
      match: ['subprocess.call([tool, "--version"])', 'proc = subprocess.Popen([self.binary, path], stdout=PIPE)', 'subprocess.run(f"{prefix}/bin/tool")'],
      noMatch: ['subprocess.call(["git", "status"])', 'subprocess.run(["ls", "-l", path])'],
    },
  }),
  defineRule({
    id: 'py-os-spawn-non-literal',
    keywords: ['os.exec', 'os.spawn', 'os.posix_spawn', 'os.startfile', 'subprocess_exec', 'subprocess_shell', 'create_subprocess_exec'],
    languages: PY,
    severity: 'medium',
    cwe: CMD_CWE,
    title: 'os.exec*/os.spawn* with a program chosen at run time',
    message: 'The program os.exec*/os.spawn* starts is not a literal: whoever controls that value chooses what runs.',
    fix: 'Use a fixed program path and validate arguments against an allow-list.',
    rule: {
      any: [
        // First: a fixed shell whose -c script is a value, `os.execl("/bin/sh", "sh", "-c", cmd)`
        // (`any` settles on its first matching branch before constraints run).
        {
          kind: 'call',
          has: { field: 'function', regex: '^os\\.(?:exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)$|(?:^|\\.)create_subprocess_exec$|\\.subprocess_exec$' },
          all: [{ has: { field: 'arguments', has: { kind: 'string', regex: '^[\'"]-c[\'"]$', stopBy: 'end' } } }, { has: { field: 'arguments', has: { any: [{ kind: 'identifier' }, { kind: 'subscript' }, { kind: 'call' }, { kind: 'binary_operator' }, PY_FSTRING], stopBy: 'end' } } }],
        },
        withCallee({ any: [{ pattern: '$F($MODE, $CMD, $$$)' }, { pattern: '$F($MODE, $CMD)' }] }, '^os\\.spawn'),
        withCallee(callFirstArg('$F', '$CMD'), '^os\\.(?:exec[lv]p?e?|posix_spawnp?|startfile)$'),
        withCallee({ any: [{ pattern: '$F($PROTO, $CMD, $$$)' }, { pattern: '$F($PROTO, $CMD)' }] }, '\\.subprocess_(?:exec|shell)$'),
      ],
    },
    constraints: { CMD: PY_NON_LITERAL },
    examples: {
      match: ['os.execvp(program, [program, arg])', 'os.spawnlp(os.P_WAIT, cmd, cmd, "-x")', 'os.startfile(document)', 'os.execl("/bin/sh", "sh", "-c", script)', 'transport, proto = await loop.subprocess_exec(Proto, program, "--flag")'],
      noMatch: ['os.execvp("git", ["git", "status"])', 'os.spawnlp(os.P_WAIT, "ls", "ls", "-l")'],
    },
  }),
  defineRule({
    id: 'py-asyncio-shell-non-literal',
    keywords: ['create_subprocess_shell'],
    languages: PY,
    severity: 'high',
    cwe: CMD_CWE,
    title: 'asyncio.create_subprocess_shell with a non-literal command',
    message: 'create_subprocess_shell runs its argument through /bin/sh: values in it can inject shell syntax.',
    fix: 'Use asyncio.create_subprocess_exec with a fixed program and an argument list.',
    rule: callsFirstArg(['asyncio.create_subprocess_shell', 'create_subprocess_shell'], '$CMD'),
    constraints: { CMD: PY_NON_LITERAL },
    examples: {
      match: ['proc = await asyncio.create_subprocess_shell(f"tar xzf {archive}")', 'p = await create_subprocess_shell(cmd, stdout=PIPE)'],
      noMatch: ['proc = await asyncio.create_subprocess_shell("uptime")', 'proc = await asyncio.create_subprocess_exec("tar", "xzf", archive)'],
    },
  }),
  defineRule({
    id: 'py-sh-built-command',
    keywords: ['sh.'],
    languages: PY,
    severity: 'high',
    cwe: CMD_CWE,
    title: 'sh library command with a built string',
    message: 'An argument built by formatting is split by nothing: the sh library passes it to the program, which may treat it as options or, for bash -c, as shell code.',
    fix: 'Pass each argument separately and never build a shell script from values.',
    // Two-argument forms first: `any` settles on its first matching branch before constraints run.
    rule: { any: [{ pattern: 'sh.$CMD($A, $ARG, $$$)' }, { pattern: 'sh.$CMD($A, $ARG)' }, callFirstArg('sh.$CMD', '$ARG')] },
    constraints: { ARG: PY_BUILT_STRING, CMD: { not: { regex: '^(?:Command|cd|glob)$' } } },
    examples: {
      match: ['sh.bash("-c", f"grep {pattern} /var/log/app.log")', 'sh.ls("-l " + directory)'],
      noMatch: ['sh.ls("-l", directory)', 'sh.git("status")'],
    },
  }),
  defineRule({
    id: 'py-paramiko-exec-non-literal',
    keywords: ['exec_command('],
    languages: PY,
    severity: 'medium',
    cwe: CMD_CWE,
    title: 'paramiko exec_command with a non-literal command',
    message: 'exec_command runs its argument in the remote user\'s shell: values in it can inject shell syntax there.',
    fix: 'Quote every value with shlex.quote, or run a fixed command and pass data on stdin.',
    rule: callFirstArg('$CLIENT.exec_command', '$CMD'),
    constraints: { CMD: { all: [PY_NON_LITERAL, { not: { kind: 'call', regex: '^(?:shlex\\.)?quote\\(' } }] } },
    examples: {
      match: ['stdin, stdout, stderr = ssh.exec_command("ls " + path)', 'client.exec_command(command)'],
      noMatch: ['stdin, stdout, stderr = ssh.exec_command("uptime")', 'client.exec_command(shlex.quote(command))'],
    },
  }),
  defineRule({
    id: 'py-airflow-bash-built-command',
    keywords: ['BashOperator'],
    languages: PY,
    severity: 'high',
    cwe: CMD_CWE,
    title: 'Airflow BashOperator with a bash_command built from values',
    message: 'bash_command is run by bash: values formatted into it (DAG params, conf) can inject shell syntax.',
    fix: 'Pass values through env= and reference them as "$VAR" in a literal bash_command.',
    rule: { pattern: 'BashOperator($$$)', has: { field: 'arguments', has: { kind: 'keyword_argument', has: { field: 'name', regex: '^bash_command$' }, all: [{ has: { field: 'value', ...PY_BUILT_STRING } }] } } },
    examples: {
      match: ['t = BashOperator(task_id="copy", bash_command=f"cp {src} {dst}")', 't = BashOperator(task_id="run", bash_command="run.sh " + conf["arg"], dag=dag)'],
      noMatch: ['t = BashOperator(task_id="copy", bash_command="cp $SRC $DST", env={"SRC": src, "DST": dst})', 't = PythonOperator(task_id="copy", python_callable=copy)'],
    },
  }),
  defineRule({
    id: 'js-shelljs-exec-non-literal',
    keywords: ['shell', 'exec('],
    languages: JS,
    severity: 'high',
    cwe: CMD_CWE,
    title: 'shelljs exec with a built command',
    message: 'shelljs exec runs its argument through a shell: values in it can inject shell syntax.',
    fix: 'Use child_process.execFile with an argument array, or quote every value.',
    rule: callFirstArg('$SH.exec', '$CMD'),
    constraints: { SH: { regex: '^(?:shell|shelljs|sh)$' }, CMD: JS_BUILT_STRING },
    examples: {
      match: ['shell.exec(`git clone ${repoUrl}`);', "shelljs.exec('rm -rf ' + dir, { silent: true });"],
      noMatch: ["shell.exec('git status');", "shell.echo('hello ' + name);"],
    },
  }),
  defineRule({
    id: 'js-execa-shell-command',
    keywords: ['execa', 'execaCommand'],
    languages: JS,
    severity: 'high',
    cwe: CMD_CWE,
    title: 'execa command string built from values',
    message: 'execaCommand splits a string into program and arguments (and with shell: true runs it in a shell): values in it choose what runs.',
    fix: "Call execa('program', [arg1, arg2]) with a fixed program and separate arguments.",
    rule: { any: [callFirstArg('execaCommand', '$CMD'), callFirstArg('execaCommandSync', '$CMD'), callFirstArg('execa.command', '$CMD'), callFirstArg('execa.commandSync', '$CMD')] },
    constraints: { CMD: JS_NON_LITERAL },
    examples: {
      match: ['await execaCommand(`convert ${input} ${output}`);', 'execa.commandSync(cmd);'],
      noMatch: ["await execaCommand('npm --version');", "await execa('convert', [input, output]);"],
    },
  }),
  defineRule({
    id: 'js-deno-run-non-literal',
    keywords: ['Deno.'],
    languages: JS,
    severity: 'high',
    cwe: CMD_CWE,
    title: 'Deno.run / Deno.Command with a program chosen at run time',
    message: 'The program Deno starts, or its argument list, is not fixed: whoever controls the value chooses what runs.',
    fix: 'Start a fixed program with literal options and validate every argument.',
    rule: {
      any: [
        { pattern: 'Deno.run($OPTS)', has: { field: 'arguments', has: { kind: 'pair', regex: '^cmd\\s*:', has: { field: 'value', any: [JS_DYNAMIC, { kind: 'array', has: JS_DYNAMIC }] }, stopBy: 'end' } } },
        { pattern: 'new Deno.Command($CMD)' },
        { pattern: 'new Deno.Command($CMD, $$$)' },
      ],
    },
    constraints: { CMD: JS_NON_LITERAL },
    examples: {
      match: ['const p = Deno.run({ cmd: ["sh", "-c", input] });', 'const cmd = new Deno.Command(program, { args });'],
      noMatch: ['const p = Deno.run({ cmd: ["git", "status"] });', 'const cmd = new Deno.Command("git", { args: ["status"] });'],
    },
  }),
  defineRule({
    id: 'js-browser-evaluate-non-literal',
    keywords: ['evaluate', 'addScriptTag', '$eval'],
    languages: JS,
    severity: 'medium',
    cwe: CODE_CWE,
    title: 'Puppeteer/Playwright evaluate with code built at run time',
    message: 'A string given to page.evaluate runs as JavaScript in the page: values in it can inject script.',
    fix: 'Pass a function and hand values to it as arguments: page.evaluate((x) => …, value).',
    rule: { any: [callFirstArg('$PAGE.evaluate', '$CODE'), callFirstArg('$PAGE.evaluateHandle', '$CODE'), callFirstArg('$PAGE.evaluateOnNewDocument', '$CODE'), callFirstArg('$PAGE.addInitScript', '$CODE')] },
    constraints: { CODE: { any: [JS_BUILT_STRING, { kind: 'identifier' }, { kind: 'member_expression' }] }, PAGE: { regex: '(?i)page|frame|tab|browser|context' } },
    examples: {
      match: ['await page.evaluate(`document.title = "${title}"`);', 'await page.evaluate(userScript);'],
      noMatch: ['await page.evaluate((t) => { document.title = t; }, title);', "await page.evaluate('document.title');"],
    },
  }),
  defineRule({
    id: 'js-sandbox-run-non-literal',
    keywords: ['vm2', 'safe-eval', 'static-eval', 'notevil', "'sandbox'", '"sandbox"', 'new VM(', 'new NodeVM(', 'new Sandbox('],
    languages: JS,
    severity: 'high',
    cwe: CODE_CWE,
    title: 'Code run in a JS "sandbox" built from values',
    message: 'vm2, sandbox, safe-eval and static-eval have all been escaped: code they run can reach the host process.',
    fix: 'Do not run untrusted code in-process; use isolated-vm or a separate process/container, or avoid evaluating code at all.',
    rule: {
      any: [
        callFirstArg('$VM.run', '$CODE'),
        callFirstArg('$VM.runInContext', '$CODE'),
        callsFirstArg(['safeEval', 'staticEval', 'notevil', 'evaluate'], '$CODE'),
      ],
      inside: { kind: 'program', regex: 'vm2|[\'"]sandbox[\'"]|safe-eval|static-eval|notevil|new VM\\(|new NodeVM\\(|new Sandbox\\(', stopBy: 'end' },
    },
    constraints: { CODE: JS_NON_LITERAL },
    examples: {
      match: [{ code: "const { VM } = require('vm2');\nconst result = new VM().run(code);", lines: [2] }, { code: "const safeEval = require('safe-eval');\nsafeEval(expression, context);", lines: [2] }],
      noMatch: ["const { VM } = require('vm2');\nconst result = new VM().run('1 + 1');", 'const result = runner.run(code);'],
    },
  }),
  defineRule({
    id: 'js-non-literal-require',
    keywords: ['require('],
    languages: JS,
    severity: 'low',
    cwe: CODE_CWE,
    title: 'require() of a module named at run time',
    message: 'A module path that is not a literal lets whoever controls it load and run any file.',
    fix: 'Require modules by literal name; map input to a fixed table of modules.',
    rule: callFirstArg('require', '$MOD'),
    constraints: { MOD: { all: [JS_NON_LITERAL, { not: { kind: 'call_expression', regex: '^(?:require\\.resolve|path\\.(?:join|resolve))\\(\\s*(?:__dirname|[\'"`])' } }] } },
    taint: { metavariable: 'MOD', sources: 'request' },
    examples: {
      match: [{ code: "app.get('/plugin', (req, res) => {\n  const plugin = require(req.query.name);\n  plugin.run();\n});", lines: [2] }, { code: 'exports.handler = async (event, context) => require(event.body);', lines: [1] }],
      noMatch: ["const plugin = require('./plugins/' + 'core');\napp.get('/p', (req, res) => plugin.handle(req.query.x));", "app.get('/p', (req, res) => { const fs = require('fs'); console.log(fs.existsSync('a'), req.query.a); });"],
    },
  }),
  defineRule({
    id: 'py-sql-built-variable',
    keywords: ['execute', 'raw(', 'text(', 'RawSQL(', 'executescript('],
    languages: PY,
    severity: 'high',
    cwe: ['CWE-89'],
    title: 'SQL query built earlier by formatting, then executed',
    message: 'The query text was assembled with an f-string, % or + before it reached the driver; a value in it can change the SQL.',
    fix: 'Keep the query text literal and pass values as parameters: cursor.execute("… WHERE id = %s", (user_id,)).',
    rule: withCallee(callsFirstArg(['$DB.$METHOD', 'text', 'sqlalchemy.text', 'RawSQL'], '$SQL'), '(?:^|\\.)(?:execute|executemany|executescript|raw|text|RawSQL|exec_driver_sql)$'),
    constraints: { SQL: { kind: 'identifier' }, METHOD: { regex: '^(?:execute|executemany|executescript|raw|exec_driver_sql)$' } },
    flow: { metavariable: 'SQL', value: { ...PY_BUILT_STRING, regex: SQL_TEXT } },
    examples: {
      match: [
        { code: 'query = "SELECT * FROM users WHERE name = \'%s\'" % name\ncursor.execute(query)', lines: [2] },
        { code: 'def find(email):\n    sql = f"SELECT id FROM accounts WHERE email = \'{email}\'"\n    stmt = sql\n    return User.objects.raw(stmt)', lines: [4] },
      ],
      noMatch: [
        'query = "SELECT * FROM users WHERE name = %s"\ncursor.execute(query, (name,))',
        'label = f"SELECT took {ms} ms"\ncursor.execute(QUERY)',
        'sql = "SELECT * FROM {} WHERE archived = 0".format("orders")\ncursor.execute(sql)',
        'stmt = "UPDATE counters SET n = n + %d WHERE k = \'%s\'" % (1, "hits")\nconn.execute(stmt)',
      ],
    },
  }),
  defineRule({
    id: 'js-sql-built-variable',
    keywords: ['query(', 'execute(', 'raw(', 'Raw(', 'Unsafe('],
    languages: JS,
    severity: 'high',
    cwe: ['CWE-89'],
    title: 'SQL query built earlier by concatenation or a template, then run',
    message: 'The query text was assembled from values before it reached the driver; a value in it can change the SQL.',
    fix: "Use placeholders and pass values separately: db.query('SELECT … WHERE id = $1', [id]).",
    rule: withCallee(callFirstArg('$DB.$METHOD', '$SQL'), '\\.(?:query|execute|raw|whereRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|unsafe)$'),
    constraints: { SQL: { kind: 'identifier' }, METHOD: { regex: '^(?:query|execute|raw|whereRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|unsafe)$' } },
    flow: { metavariable: 'SQL', value: { ...JS_BUILT_STRING, regex: SQL_TEXT } },
    examples: {
      match: [
        { code: "const sql = `SELECT * FROM users WHERE id = ${id}`;\nconst rows = await db.query(sql);", lines: [2] },
        { code: "let q = 'DELETE FROM carts WHERE owner = ' + owner;\nsequelize.query(q);", lines: [2] },
      ],
      noMatch: ["const sql = 'SELECT * FROM users WHERE id = $1';\nconst rows = await db.query(sql, [id]);", 'const url = `/users/${id}`;\nconst rows = await api.query(url);'],
    },
  }),
];
