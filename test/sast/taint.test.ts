import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/gates/sast/catalogue.js';
import { scanSource } from '../../src/gates/sast/engine.js';
import type { SastLanguage } from '../../src/gates/sast/rule.js';
import { ALL_RULES } from '../../src/gates/sast/rules/index.js';

const catalogue = compileCatalogue(ALL_RULES);

/** `rule-id@line` of every hit of the whole catalogue on a snippet. */
function hits(language: SastLanguage, lines: string[]): string[] {
  return scanSource(catalogue.get(language)!, lines.join('\n')).hits.map((h) => `${h.rule.id}@${h.line}`);
}

describe('taint through a local helper function', () => {
  it('JS: request data passed to a helper reaches the sink on the helper parameter', () => {
    const found = hits('javascript', [
      "const { exec } = require('child_process');",
      'function ping(host) {',
      "  exec('ping -c 1 ' + host);",
      '}',
      "app.get('/ping', (req, res) => { ping(req.query.host); res.end(); });",
    ]);
    expect(found).toContain('js-shell-command-request-data@3');
  });

  it('JS: the same helper called only with constants is quiet', () => {
    const found = hits('javascript', [
      "const { exec } = require('child_process');",
      'function ping(host) {',
      "  exec('ping -c 1 ' + host);",
      '}',
      "app.get('/ping', (req, res) => { ping('localhost'); res.send(req.query.x ? 'a' : 'b'); });",
    ]);
    expect(found).not.toContain('js-shell-command-request-data@3');
  });

  it('JS: an arrow helper assigned to a const, a parameter passed on through a second helper', () => {
    const found = hits('javascript', [
      'const readDoc = (name) => fs.readFileSync(name);',
      'function loadFor(user, file) { return readDoc(file); }',
      "router.get('/doc', (req, res) => res.send(loadFor(req.user, req.query.file)));",
    ]);
    expect(found).toContain('js-fs-request-path@1');
  });

  it('JS: a helper that builds the query string is followed to the driver call', () => {
    const found = hits('javascript', [
      'function byOwner(owner) {',
      "  return 'SELECT * FROM carts WHERE owner = ' + owner;",
      '}',
      "app.get('/carts', async (req, res) => {",
      '  const q = byOwner(req.query.owner);',
      '  res.json(await db.query(q));',
      '});',
    ]);
    expect(found).toContain('js-sql-built-variable@6');
  });

  it('JS: a parameterised query reached through a helper is quiet', () => {
    const found = hits('javascript', [
      'function cartsOf(owner) {',
      "  return db.query('SELECT * FROM carts WHERE owner = $1', [owner]);",
      '}',
      "app.get('/carts', async (req, res) => res.json(await cartsOf(req.query.owner)));",
    ]);
    expect(found.filter((h) => /sql/.test(h))).toEqual([]);
  });

  it('JS: a helper that escapes or normalises-and-prefix-checks its argument ends the flow', () => {
    const escaped = hits('javascript', [
      "const { exec } = require('child_process');",
      "function quoted(s) { return shellEscape([s]); }",
      "app.get('/ping', (req, res) => { exec('ping -c 1 ' + quoted(req.query.host)); });",
    ]);
    expect(escaped.filter((h) => h.startsWith('js-shell-command-request-data'))).toEqual([]);
    const checked = hits('javascript', [
      'function inside(base, name) {',
      '  const full = path.resolve(base, name);',
      "  if (!full.startsWith(base + path.sep)) throw new Error('outside');",
      '  return full;',
      '}',
      "app.get('/doc', (req, res) => { fs.readFile(inside(DOCS, req.query.name), (e, d) => res.end(d)); });",
    ]);
    expect(checked.filter((h) => h.startsWith('js-fs-request-path'))).toEqual([]);
    // The same helper without its prefix check still lets ../ through.
    const unchecked = hits('javascript', [
      'function inside(base, name) {',
      '  const full = path.resolve(base, name);',
      '  return full;',
      '}',
      "app.get('/doc', (req, res) => { fs.readFile(inside(DOCS, req.query.name), (e, d) => res.end(d)); });",
    ]);
    expect(unchecked).toContain('js-fs-request-path@5');
  });

  it('JS: a path normalised and prefix-checked in the handler itself is quiet', () => {
    const found = hits('javascript', [
      "app.get('/doc', (req, res) => {",
      '  const full = path.resolve(DOCS, req.query.name);',
      "  if (!full.startsWith(DOCS)) return res.sendStatus(403);",
      '  fs.readFile(full, (e, d) => res.end(d));',
      '});',
    ]);
    expect(found.filter((h) => h.startsWith('js-fs-request-path'))).toEqual([]);
  });

  it('Python: request data passed to a helper reaches os.system on its parameter, positional or keyword', () => {
    const positional = hits('python', [
      'import os',
      'def archive(name):',
      '    os.system("tar czf /tmp/out.tgz " + name)',
      '',
      '@app.route("/archive")',
      'def archive_view():',
      '    archive(request.args.get("dir"))',
      '    return "ok"',
    ]);
    expect(positional).toContain('py-command-request-data@3');
    const keyword = hits('python', [
      'import os',
      'def archive(prefix, name="x"):',
      '    os.system("tar czf /tmp/out.tgz " + name)',
      '',
      'def archive_view():',
      '    archive("p", name=request.form["dir"])',
    ]);
    expect(keyword).toContain('py-command-request-data@3');
  });

  it('Python: a method called through self, and shlex.quote in the helper ending the flow', () => {
    const method = hits('python', [
      'import subprocess',
      'class Jobs:',
      '    def run(self, target):',
      '        subprocess.call("nslookup " + target, shell=True)',
      '    def get(self):',
      '        self.run(self.get_argument("host"))',
    ]);
    expect(method.filter((h) => h.startsWith('py-command-request-data'))).toEqual(['py-command-request-data@4']);
    const quoted = hits('python', [
      'import os, shlex',
      'def archive(name):',
      '    os.system("tar czf /tmp/out.tgz " + shlex.quote(name))',
      '',
      'def archive_view():',
      '    archive(request.args.get("dir"))',
    ]);
    expect(quoted.filter((h) => h.startsWith('py-command-request-data'))).toEqual([]);
  });

  it('Python: a helper building SQL with an f-string is followed; a parameterised helper is not', () => {
    const built = hits('python', [
      'def user_query(name):',
      '    return f"SELECT * FROM users WHERE name = \'{name}\'"',
      '',
      'def lookup():',
      '    sql = user_query(request.args["name"])',
      '    cursor.execute(sql)',
    ]);
    expect(built).toContain('py-sql-built-variable@6');
    const parameterised = hits('python', [
      'def find_user(name):',
      '    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))',
      '',
      'def lookup():',
      '    find_user(request.args["name"])',
    ]);
    expect(parameterised.filter((h) => /sql/.test(h))).toEqual([]);
  });

  it('Python: a helper that normalises a path and checks its prefix ends the flow; without the check it does not', () => {
    const helper = (check: boolean) => [
      'def safe_path(name):',
      '    full = os.path.normpath(os.path.join(BASE, name))',
      ...(check ? ['    if not full.startswith(BASE):', '        raise ValueError(name)'] : []),
      '    return full',
      '',
      'def download():',
      '    return open(safe_path(request.args["f"])).read()',
    ];
    expect(hits('python', helper(true)).filter((h) => h.startsWith('py-open-request-path'))).toEqual([]);
    expect(hits('python', helper(false))).toContain('py-open-request-path@6');
  });

  it('Python: a path normalised inside its prefix check, and a Django-validated redirect target, end the flow', () => {
    const inline = (check: boolean) => [
      'def download():',
      '    name = request.args["f"]',
      ...(check ? ['    if not os.path.realpath(os.path.join(BASE, name)).startswith(BASE):', '        abort(403)'] : []),
      '    return open(os.path.join(BASE, name)).read()',
    ];
    expect(hits('python', inline(true)).filter((h) => h.startsWith('py-open-request-path'))).toEqual([]);
    expect(hits('python', inline(false))).toContain('py-open-request-path@3');
    const redirect = (check: boolean) => [
      'def login_done(request):',
      '    target = request.GET.get("next")',
      ...(check ? ['    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):', '        target = "/"'] : []),
      '    return HttpResponseRedirect(target)',
    ];
    expect(hits('python', redirect(true)).filter((h) => h.startsWith('py-redirect'))).toEqual([]);
    expect(hits('python', redirect(false))).toContain('py-redirect-request-data@3');
  });

  it('command-line arguments handed to a helper are not followed (a CLI running what its user asked)', () => {
    const found = hits('python', [
      'import subprocess, sys',
      'def launch(url):',
      '    subprocess.Popen("xdg-open " + url, shell=True)',
      '',
      'def main():',
      '    launch(sys.argv[1])',
    ]);
    expect(found.filter((h) => h.startsWith('py-command-request-data') || h.startsWith('py-subprocess-request-data'))).toEqual([]);
  });

  it('a helper that calls itself is followed without looping', () => {
    const found = hits('javascript', [
      "const { exec } = require('child_process');",
      'function retry(cmd, n) { if (n > 0) return retry(cmd, n - 1); exec(cmd); }',
      "app.post('/run', (req, res) => { retry(req.body.cmd, 3); });",
    ]);
    expect(found).toContain('js-shell-command-request-data@2');
  });
});

describe('request sources of more frameworks', () => {
  it('JS: a Fetch API Request (Next route handler) read with json()/formData() is request data', () => {
    const found = hits('typescript', [
      'export async function POST(request: Request) {',
      '  const { name } = await request.json();',
      "  return Response.json(await db.query('SELECT * FROM pets WHERE name = ' + name));",
      '}',
    ]);
    expect(found.some((h) => h.endsWith('@3') && /sql/.test(h))).toBe(true);
    const literal = hits('typescript', [
      'export async function POST(request: Request) {',
      '  const body = await request.json();',
      "  return Response.json(await db.query('SELECT * FROM pets WHERE name = $1', [body.name]));",
      '}',
    ]);
    expect(literal.filter((h) => /sql/.test(h))).toEqual([]);
  });

  it("Python: Django's COOKIES/META/FILES and Falcon's req.get_param are request data", () => {
    const django = hits('python', ['import os', 'def theme(request):', '    os.system("set-theme " + request.COOKIES["theme"])']);
    expect(django).toContain('py-command-request-data@3');
    const falcon = hits('python', ['import os', 'class Resource:', '    def on_get(self, req, resp):', '        os.system("ping " + req.get_param("host"))']);
    expect(falcon).toContain('py-command-request-data@4');
    const own = hits('python', ['import os', 'def theme(request):', '    os.system("set-theme " + settings.THEME)']);
    expect(own.filter((h) => h.startsWith('py-command-request-data'))).toEqual([]);
  });
});

describe('taint through an allow-list table', () => {
  const convert = (table: string, lookup: string) => [
    'import subprocess',
    'def convert(request):',
    `    TOOLS = ${table}`,
    `    program = ${lookup}`,
    '    subprocess.run([program, "--input", "in.dat"])',
  ];

  it('a value looked up in a dict literal of constants is one of those constants, whatever the key', () => {
    const quiet = (found: string[]) => found.filter((h) => h.startsWith('py-subprocess-request-data'));
    expect(quiet(hits('python', convert('{"png": "optipng", "jpg": "jpegtran"}', 'TOOLS[request.GET["fmt"]]')))).toEqual([]);
    expect(quiet(hits('python', convert('{"png": "optipng", "jpg": "jpegtran"}', 'TOOLS.get(request.GET["fmt"])')))).toEqual([]);
  });

  it('still reports a table holding request data, a lookup with a request default, or a table from elsewhere', () => {
    expect(hits('python', convert('{"png": request.GET["bin"]}', 'TOOLS["png"]'))).toContain('py-subprocess-request-data@5');
    expect(hits('python', convert('{"png": "optipng"}', 'TOOLS.get("x", request.GET["fmt"])'))).toContain('py-subprocess-request-data@5');
    expect(hits('python', convert('json.loads(request.body)', 'TOOLS[request.GET["fmt"]]'))).toContain('py-subprocess-request-data@5');
  });
});
