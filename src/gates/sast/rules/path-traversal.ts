import type { SastRule } from '../rule.js';
import { JS, JS_NON_LITERAL, PY, PY_NON_LITERAL, callFirstArg, callsFirstArg, withCallee } from './fragments.js';

const CWE = ['CWE-22'];
const FS_METHODS =
  '^(?:readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|createReadStream|createWriteStream|unlink|unlinkSync|rm|rmSync|rmdir|readdir|readdirSync|open|openSync|stat|statSync|access|copyFile|rename|mkdir|existsSync|exists|readJson|readJsonSync|outputFile|remove)$';

export const pathTraversalRules: SastRule[] = [
  {
    id: 'js-fs-request-path',
    keywords: ['fs', 'promises'],
    class: 'path-traversal',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'File system call with a path from request data',
    message: 'A path built from request data can climb out of the intended folder with ../ and read or write any file.',
    fix: 'Resolve the path, then check it starts with the allowed base folder (path.resolve(base, p).startsWith(base + path.sep)); or map ids to file names.',
    rule: withCallee(callFirstArg('$FS.$METHOD', '$PATH'), '^(?:fs|fsp|fse|fsExtra|fs\\.promises|promises|fsPromises)\\.'),
    constraints: { FS: { regex: '^(?:fs|fsp|fse|fsExtra|fs\\.promises|promises|fsPromises)$' }, METHOD: { regex: FS_METHODS }, PATH: JS_NON_LITERAL },
    taint: { metavariable: 'PATH', sources: 'request' },
    examples: {
      match: [
        { code: "app.get('/file', (req, res) => {\n  const file = path.join(__dirname, 'uploads', req.query.name);\n  fs.readFile(file, (err, data) => res.send(data));\n});", lines: [3] },
        "router.delete('/doc/:id', async (req, res) => { await fs.promises.unlink('docs/' + req.params.id); });",
      ],
      noMatch: ["app.get('/file', (req, res) => { const name = req.query.name; fs.readFile(path.join(__dirname, 'index.html'), (e, d) => res.end(d)); });", 
        "app.get('/file', (req, res) => { fs.readFile(path.join(__dirname, 'index.html'), (e, d) => res.end(d)); });",
        'function load(name) { return fs.readFileSync(name); }',
      ],
    },
  },
  {
    id: 'js-send-file-request-path',
    keywords: ['sendFile(', 'download('],
    class: 'path-traversal',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'res.sendFile/res.download with a path from request data',
    message: 'Without the `root` option, sendFile/download serve whatever path the request names, ../ included.',
    fix: "Pass the file name with a root: res.sendFile(name, { root: 'public' }), which rejects paths outside it.",
    rule: {
      any: [{ pattern: '$RES.sendFile($PATH)' }, { pattern: '$RES.download($PATH)' }, { pattern: '$RES.sendFile($PATH, $$$)' }, { pattern: '$RES.download($PATH, $$$)' }],
      not: { has: { field: 'arguments', has: { kind: 'object', has: { kind: 'pair', regex: '^root\\s*:' } } } },
    },
    constraints: { PATH: JS_NON_LITERAL },
    taint: { metavariable: 'PATH', sources: 'request' },
    examples: {
      match: [
        "app.get('/download', (req, res) => { res.download(path.join(__dirname, 'files', req.query.file)); });",
        "app.get('/img/:name', (req, res) => { const p = 'images/' + req.params.name; res.sendFile(p, cb); });",
      ],
      noMatch: [
        "app.get('/img/:name', (req, res) => { res.sendFile(req.params.name, { root: 'images' }); });",
        "app.get('/', (req, res) => { res.sendFile(path.join(__dirname, 'index.html')); });",
      ],
    },
  },
  {
    id: 'py-open-request-path',
    keywords: ['open(', 'os.remove', 'os.unlink', 'shutil.', 'Path('],
    class: 'path-traversal',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'File opened or removed with a path from request data',
    message: 'A path built from request data can climb out of the intended folder with ../.',
    fix: 'Use werkzeug.utils.secure_filename / send_from_directory, or resolve the path and check it is under the base folder.',
    rule: callsFirstArg(['open', 'io.open', 'os.remove', 'os.unlink', 'os.open', 'shutil.rmtree', 'shutil.copy', 'shutil.move', 'pathlib.Path', 'Path'], '$PATH'),
    constraints: { PATH: PY_NON_LITERAL },
    taint: { metavariable: 'PATH', sources: 'request' },
    examples: {
      match: [
        { code: 'name = request.args.get("file")\nwith open(os.path.join(UPLOADS, name)) as f:\n    return f.read()', lines: [2], alsoFiredBy: ['py-path-join-request-data'] },
        { code: 'def delete(request):\n    os.remove("/srv/files/" + request.POST["name"])', lines: [2] },
      ],
      noMatch: [
        'name = secure_filename(request.args.get("file"))\nsafe = "report.txt"\nwith open(safe) as f:\n    pass',
        'def read(path):\n    with open(path) as f:\n        return f.read()',
      ],
    },
  },
  {
    id: 'py-send-file-request-path',
    keywords: ['send_file', 'FileResponse', 'static_file'],
    class: 'path-traversal',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'send_file/FileResponse with a path from request data',
    message: 'send_file serves any path it is given; request data there can name any file on the server.',
    fix: 'Use send_from_directory(BASE, name), which refuses paths outside BASE.',
    rule: callsFirstArg(['send_file', 'flask.send_file', 'FileResponse', 'static_file'], '$PATH'),
    constraints: { PATH: PY_NON_LITERAL },
    taint: { metavariable: 'PATH', sources: 'request' },
    examples: {
      match: [
        { code: 'return send_file(os.path.join("reports", request.args["name"]))', lines: [1], alsoFiredBy: ['py-path-join-request-data'] },
        { code: 'def dl(request):\n    path = request.GET.get("p")\n    return FileResponse(open(path, "rb"))', lines: [3], alsoFiredBy: ['py-open-request-path'] },
      ],
      noMatch: ["name = request.args[\"name\"]\nreturn send_file(\"static/logo.png\")", 'return send_from_directory("reports", request.args["name"])', 'return send_file("static/logo.png")'],
    },
  },
];
