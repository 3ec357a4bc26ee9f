import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { JS, JS_BUILT_STRING, JS_NON_LITERAL, PY, PY_NON_LITERAL, callsFirstArg } from './fragments.js';

const CWE = ['CWE-78'];
const JS_SHELL_CALLS = ['exec', 'execSync', '$CP.exec', '$CP.execSync'];
const JS_CHILD_PROCESS = { CP: { regex: '^(?:child_process|childProcess|cp)$' } };
/** `subprocess.<fn>(CMD, …, shell=True, …)`; CMD is the command string the shell parses. */
const PY_SUBPROCESS_SHELL: Rule = {
  pattern: 'subprocess.$F($CMD, $$$)',
  has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^shell\\s*=\\s*True$' } },
};
const PY_SHELL_COMMAND: Rule = { all: [PY_NON_LITERAL, { not: { any: [{ kind: 'list' }, { kind: 'keyword_argument' }] } }] };

export const commandInjectionRules: SastRule[] = [
  {
    id: 'js-exec-built-command',
    keywords: ['child_process'],
    class: 'command-injection',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'Shell command built from strings at run time',
    message: 'child_process.exec runs its argument through a shell; a command assembled from values lets them inject shell syntax.',
    fix: 'Use execFile/spawn with the program and an argument array (no shell), or validate the values against an allowlist.',
    rule: callsFirstArg(JS_SHELL_CALLS, '$CMD'),
    constraints: { ...JS_CHILD_PROCESS, CMD: JS_BUILT_STRING },
    examples: {
      match: [
        { code: "const { exec } = require('child_process');\nexec(`git log ${branch}`, cb);", lines: [2] },
        "child_process.execSync('convert ' + file + ' out.png');",
        { code: "const cp = require('child_process');\ncp.exec('ls -la ' + dir, (err, out) => done(out));", lines: [2] },
      ],
      noMatch: [
        "exec('git status', cb);",
        "child_process.execFile('git', ['log', branch], cb);",
        "const m = /a+/.exec('x' + y);",
      ],
    },
  },
  {
    id: 'js-shell-command-request-data',
    keywords: ['child_process'],
    class: 'command-injection',
    languages: JS,
    severity: 'critical',
    cwe: CWE,
    title: 'Shell command from request or command-line data',
    message: 'Request or argv data reaches child_process.exec, which runs it through a shell.',
    fix: 'Call execFile/spawn with a fixed program and pass the value as one argument; never hand it to a shell.',
    rule: callsFirstArg(JS_SHELL_CALLS, '$CMD'),
    constraints: { ...JS_CHILD_PROCESS, CMD: JS_NON_LITERAL },
    taint: { metavariable: 'CMD', sources: 'request+argv' },
    examples: {
      match: [
        { code: "const { exec } = require('node:child_process');\napp.get('/ping', (req, res) => {\n  const host = req.query.host;\n  exec(host, (e, out) => res.send(out));\n});", lines: [4] },
        { code: "const target = process.argv[2];\nconst cmd = target;\nchild_process.execSync(cmd);", lines: [3] },
      ],
      noMatch: ["const { exec } = require('child_process');\napp.get('/ping', (req, res) => { const host = req.query.host; exec('ping -c 1 localhost'); });", 
        "function run(cmd) { exec(cmd); }",
        "app.get('/ping', (req, res) => { const host = 'localhost'; exec(host); });",
      ],
    },
  },
  {
    id: 'js-spawn-shell-true',
    keywords: ['child_process'],
    class: 'command-injection',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'spawn/execFile with shell: true and a built command',
    message: 'With `shell: true` the command and its arguments go through a shell; a built string there is shell injection.',
    fix: 'Drop `shell: true` and pass the arguments as an array.',
    rule: {
      all: [
        { pattern: '$F($CMD, $$$)', has: { field: 'function', regex: '(?:^|\\.)(?:spawn|spawnSync|execFile|execFileSync)$' } },
        { has: { field: 'arguments', has: { kind: 'object', has: { kind: 'pair', regex: '^shell\\s*:\\s*true$' } } } },
      ],
    },
    constraints: {
      F: { regex: '^(?:(?:child_process|childProcess|cp)\\.)?(?:spawn|spawnSync|execFile|execFileSync)$' },
      CMD: { any: [JS_BUILT_STRING, { kind: 'identifier' }, { kind: 'member_expression' }] },
    },
    examples: {
      match: [
        { code: "import { spawn } from 'child_process';\nspawn(`npm run ${script}`, { shell: true });", lines: [2] },
        "child_process.spawnSync('echo ' + msg, [], { shell: true, stdio: 'inherit' });",
        { code: "import { spawn } from 'node:child_process';\nspawn(command, args, { shell: true });", lines: [2] },
      ],
      noMatch: ["const { spawn } = require('child_process');\nspawn('npm', ['run', script], { stdio: 'inherit' });", 
        "spawn('npm', ['run', script], { stdio: 'inherit' });",
        "spawn('npm run build', { shell: true });",
      ],
    },
  },
  {
    id: 'py-subprocess-shell-true',
    keywords: ['shell'],
    class: 'command-injection',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'subprocess with shell=True and a non-literal command',
    message: 'With shell=True the command is parsed by /bin/sh; a value in it can inject shell syntax.',
    fix: 'Pass a list of arguments without shell=True (subprocess.run(["git", "log", branch])).',
    rule: PY_SUBPROCESS_SHELL,
    constraints: { CMD: PY_SHELL_COMMAND },
    examples: {
      match: [
        { code: 'import subprocess\nsubprocess.run(f"tar czf {name}.tgz {path}", shell=True)', lines: [2] },
        'subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)',
        'subprocess.check_output("ls " + folder, shell=True)',
      ],
      noMatch: [
        'subprocess.run("ls -la", shell=True)',
        'subprocess.run(["tar", "czf", name, path])',
        'subprocess.run(cmd, shell=False)',
      ],
    },
  },
  {
    id: 'py-os-system',
    keywords: ['os.system', 'os.popen'],
    class: 'command-injection',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'os.system/os.popen with a non-literal command',
    message: 'os.system and os.popen run their argument through a shell; a value in it can inject shell syntax.',
    fix: 'Use subprocess.run with an argument list and no shell.',
    rule: callsFirstArg(['os.system', 'os.popen', 'os.popen2', 'os.popen3', 'os.popen4'], '$CMD'),
    constraints: { CMD: PY_NON_LITERAL },
    examples: {
      match: [
        { code: 'import os\nos.system("rm -rf " + path)', lines: [2] },
        'os.popen(f"ping -c 1 {host}").read()',
        'os.system(cmd)',
      ],
      noMatch: ['os.system("clear")', 'os.path.join(a, b)'],
    },
  },
  {
    id: 'py-subprocess-getoutput',
    keywords: ['getoutput', 'getstatusoutput'],
    class: 'command-injection',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'subprocess.getoutput/getstatusoutput with a built command',
    message: 'getoutput and getstatusoutput always use a shell; a built command string can inject shell syntax.',
    fix: 'Use subprocess.run([...], capture_output=True, text=True) with an argument list.',
    rule: callsFirstArg(['subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput', 'commands.getstatusoutput'], '$CMD'),
    constraints: { CMD: PY_NON_LITERAL },
    examples: {
      match: ['out = subprocess.getoutput("du -sh " + folder)', 'status, out = subprocess.getstatusoutput(f"git show {rev}")'],
      noMatch: ['out = subprocess.getoutput("uptime")', 'out = subprocess.run(["du", "-sh", folder], capture_output=True)'],
    },
  },
  {
    id: 'py-command-request-data',
    keywords: ['os.system', 'os.popen', 'shell'],
    class: 'command-injection',
    languages: PY,
    severity: 'critical',
    cwe: CWE,
    title: 'Shell or process command from request or command-line data',
    message: 'Request or argv data reaches a process call (os.system, os.popen, subprocess with a shell or a string command).',
    fix: 'Use a fixed program with an argument list, and validate the value against an allowlist.',
    rule: { any: [callsFirstArg(['os.system', 'os.popen'], '$CMD'), PY_SUBPROCESS_SHELL] },
    constraints: { CMD: PY_SHELL_COMMAND },
    taint: { metavariable: 'CMD', sources: 'request+argv' },
    examples: {
      match: [
        { code: 'host = request.args.get("host")\nos.system("ping -c 1 " + host)', lines: [2], alsoFiredBy: ['py-os-system'] },
        { code: 'def run():\n    cmd = sys.argv[1]\n    subprocess.call(cmd, shell=True)', lines: [3], alsoFiredBy: ['py-subprocess-shell-true'] },
      ],
      noMatch: [
        "host = request.args.get(\"host\")\nsubprocess.run([\"ping\", \"-c\", \"1\", host])\nos.system(\"uptime\")",
        { code: 'def run(cmd):\n    os.system(cmd)', firedBy: ['py-os-system'] },
        { code: 'host = "localhost"\nos.system("ping " + host)', firedBy: ['py-os-system'] },
      ],
    },
  },
];
