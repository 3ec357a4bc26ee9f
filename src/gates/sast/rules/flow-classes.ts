// Classes the catalogue covered thinly, by documented API behaviour: NoSQL queries whose whole
// filter or parameter object is request data (DynamoDB, Mongo server-side JavaScript), redirects
// through a Location header and the framework redirect helpers' keyword forms, XML parsers with
// entity expansion switched on and stdlib XML imported without defusedxml, regexes whose
// catastrophic pattern reaches the compiler through a variable or constant, CSRF protection
// switched off per view, and injection into downstream formats (spreadsheet formulas in CSV
// exports, HTML e-mail bodies).
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { ruleMaker } from './define.js';
import { JS, JS_BUILT_STRING, JS_NON_LITERAL, PY, PY_BUILT_STRING, PY_NON_LITERAL, SQL_TEXT, callFirstArg, callsFirstArg, withCallee } from './fragments.js';

const js = ruleMaker(JS);
const py = ruleMaker(PY);

/** A group that repeats something that itself repeats: `(a+)+`, `(x*)*`, `(\d{1,3})+`. */
const NESTED_QUANTIFIER = '(?:[+*]|,\\d*\\})\\)+[+*{]';
const REDOS_MESSAGE = 'A group that repeats something that itself repeats, like (a+)+, backtracks exponentially on a near-miss input: one request can hold a worker for minutes.';

const DYNAMO_METHODS = '^(?:query|scan|get|put|update|delete|batchGet|batchWrite|transactGet|transactWrite|getItem|putItem|updateItem|deleteItem|batchGetItem|batchWriteItem|executeStatement)$';
const DYNAMO_COMMANDS = '^(?:Query|Scan|Get|Put|Update|Delete|BatchGet|BatchWrite|TransactGet|TransactWrite|GetItem|PutItem|UpdateItem|DeleteItem|BatchGetItem|BatchWriteItem|ExecuteStatement)Command$';

/** A PyCryptodome module named by `names`, under `Crypto.<pkg>`/`Cryptodome.<pkg>`: the import that binds an alias. */
const pycryptodomeImport = (pkg: string, names: string): Rule => ({ kind: 'dotted_name', regex: `^(?:(?:Crypto|Cryptodome)\\.${pkg}\\.)?(?:${names})$` });

/** `alias.new(…)` where the alias was imported from one of the weak PyCryptodome modules. */
function aliasNew(spec: { id: string; cwe: string; pkg: string; names: string; title: string; message: string; fix: string; examples: SastRule['examples'] }): SastRule {
  const { pkg, names, ...rest } = spec;
  return py({
    ...rest, severity: 'medium', keywords: ['Crypto'],
    rule: { pattern: '$MOD.new($$$)' },
    constraints: { MOD: { kind: 'identifier' } },
    flow: { metavariable: 'MOD', value: pycryptodomeImport(pkg, names) },
  });
}

const pyKeyword = (name: string, value: Rule): Rule => ({
  has: { field: 'arguments', has: { kind: 'keyword_argument', has: { field: 'name', regex: name }, all: [{ has: { field: 'value', ...value } }] } },
});

export const flowClassRules: SastRule[] = [
  // --- SQL text built from request data, found where it is built (it may run far away) ---
  js({
    id: 'js-sql-string-request-data', cwe: 'CWE-89', severity: 'high', keywords: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'select ', 'insert ', 'update ', 'delete ', 'WHERE', 'where '],
    title: 'SQL text built from request data',
    message: 'Request data is spliced into SQL text: whichever driver runs it later, the value can change the query.',
    fix: "Keep the SQL literal with placeholders and pass values separately: db.query('SELECT … WHERE id = $1', [id]).",
    // The outermost piece of the string only, so `'a' + b + c` is one finding.
    // Text handed straight to a logger is only printed, never run.
    rule: { all: [JS_BUILT_STRING, { regex: SQL_TEXT }, { pattern: '$SQL' }], not: { any: [{ inside: { kind: 'binary_expression' } }, { inside: { kind: 'arguments', inside: { kind: 'call_expression', regex: '^(?:console|logger|log)\\.' } } }] } },
    taintOn: 'SQL',
    examples: {
      match: [
        { code: "app.get('/u', (req, res) => {\n  const sql = `SELECT * FROM users WHERE id = '${req.query.id}'`;\n  pending.push(sql);\n});", lines: [2] },
        { code: 'exports.handler = async (event, context) => {\n  const q = util.format("DELETE FROM carts WHERE owner = \'%s\'", event.pathParameters.owner);\n  return runQuery(q);\n};', lines: [2] },
      ],
      noMatch: [
        "app.get('/u', (req, res) => {\n  const sql = 'SELECT * FROM users WHERE id = $1';\n  pending.push([sql, req.query.id]);\n});",
        "app.get('/u', (req, res) => { console.log(`SELECT * FROM users WHERE id = '${req.query.id}'`); });",
        "app.get('/u', (req, res) => {\n  const label = `Selected ${req.query.n} items from the list`;\n  const sql = `SELECT * FROM items WHERE owner = '${OWNER}'`;\n});",
      ],
    },
  }),
  py({
    id: 'py-sql-string-request-data', cwe: 'CWE-89', severity: 'high', keywords: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'select ', 'insert ', 'update ', 'delete ', 'WHERE', 'where '],
    title: 'SQL text built from request data',
    message: 'Request data is formatted into SQL text: whichever driver runs it later, the value can change the query.',
    fix: 'Keep the SQL literal with placeholders and pass values separately: cursor.execute("… WHERE id = %s", (user_id,)).',
    rule: { all: [PY_BUILT_STRING, { regex: SQL_TEXT }, { pattern: '$SQL' }], not: { any: [{ inside: { kind: 'binary_operator' } }, { inside: { kind: 'argument_list', inside: { kind: 'call', regex: '^(?:print|logging\\.|logger\\.|log\\.)' } } }] } },
    taintOn: 'SQL',
    examples: {
      match: [
        { code: 'def search():\n    query = f"SELECT * FROM books WHERE title LIKE \'%{request.args[\'q\']}%\'"\n    return run(query)', lines: [2] },
        { code: 'def handler(event, context):\n    sql = "UPDATE users SET name = \'%s\' WHERE id = 1" % event["name"]\n    return db.run(sql)', lines: [2] },
      ],
      noMatch: [
        'def search():\n    query = "SELECT * FROM books WHERE title LIKE %s"\n    return cursor.execute(query, (request.args["q"],))',
        'def search():\n    note = f"Select {request.args[\'n\']} books from the shelf"\n    return note',
        'def search():\n    logger.info(f"SELECT * FROM books WHERE title = \'{request.args[\'q\']}\'")',
      ],
    },
  }),
  js({
    id: 'js-browser-setcontent-request-data', cwe: 'CWE-918', severity: 'high', keywords: ['setContent('],
    title: 'Headless browser renders HTML from request data (puppeteer/playwright setContent)',
    message: 'The server-side browser loads whatever the HTML references: a request can make it fetch internal URLs (cloud metadata, admin pages) or read file:// paths.',
    fix: 'Render only your own templates with escaped values, and block requests to private hosts and file:// in the page (request interception).',
    rule: callFirstArg('$PAGE.setContent', '$HTML'),
    constraints: { HTML: JS_NON_LITERAL },
    taintOn: 'HTML',
    examples: {
      match: ["app.post('/pdf', async (req, res) => { await page.setContent(`<h1>${req.body.title}</h1>`); res.send(await page.pdf()); });", "router.post('/shot', async (req, res) => {\n  const html = req.body.html;\n  await tab.setContent(html, { waitUntil: 'load' });\n});"].map((code, i) => (i === 0 ? code : { code, lines: [3] })),
      noMatch: ["app.post('/pdf', async (req, res) => { await page.setContent(renderInvoice(escapeHtml(req.body.title))); });", "app.post('/pdf', async (req, res) => { const id = req.body.id; await page.setContent('<h1>Invoice</h1>'); });"],
    },
  }),
  // --- NoSQL injection (CWE-943) ---
  js({
    id: 'js-dynamodb-request-params', cwe: 'CWE-943', severity: 'high', keywords: ['dynamodb', 'DynamoDB'],
    title: 'DynamoDB call whose whole parameter object is request data',
    message: 'The request chooses the table, key condition, filter and projection: a client can read or change items it was never meant to reach.',
    fix: 'Build the parameter object yourself and put only checked request values in ExpressionAttributeValues.',
    // The callee is narrowed in the rule itself: constraints on a bare `$CLIENT.$METHOD(…)` would
    // only apply after every method call of the file had matched.
    rule: {
      any: [
        withCallee(callFirstArg('$CLIENT.$METHOD', '$PARAMS'), `(?i:dynamo|ddb|doc(?:ument)?client|table)\\w*\\.${DYNAMO_METHODS.slice(1)}`),
        { all: [{ kind: 'new_expression', has: { field: 'constructor', regex: DYNAMO_COMMANDS } }, callFirstArg('new $COMMAND', '$PARAMS')] },
      ],
    },
    constraints: {
      CLIENT: { regex: '(?i)dynamo|ddb|doc(?:ument)?client|table' },
      METHOD: { regex: DYNAMO_METHODS },
      COMMAND: { regex: DYNAMO_COMMANDS },
      PARAMS: { any: [{ kind: 'identifier' }, { kind: 'member_expression' }, { kind: 'call_expression', regex: '^JSON\\.parse\\(' }] },
    },
    taintOn: 'PARAMS',
    // The object itself must be request data (or a request object merged in): an object literal
    // that only puts request values into ExpressionAttributeValues is how the API is meant to be used.
    flow: { metavariable: 'PARAMS', value: { regex: '^(?:JSON\\.parse\\(\\s*)?(?:event|req|request|ctx)\\s*\\.|^Object\\.assign\\((?s:.)*\\b(?:event|req|request|ctx)\\s*\\.', not: { kind: 'object' } } },
    examples: {
      match: [
        { code: "const AWS = require('aws-sdk');\nconst docClient = new AWS.DynamoDB.DocumentClient();\nexports.handler = async (event, context) => docClient.query(JSON.parse(event.body)).promise();", lines: [3] },
        { code: "import { QueryCommand } from '@aws-sdk/lib-dynamodb';\nexport const handler = async (event, context) => {\n  const input = event.queryStringParameters;\n  return ddb.send(new QueryCommand(input));\n};", lines: [4] },
      ],
      noMatch: [
        "const AWS = require('aws-sdk');\nconst docClient = new AWS.DynamoDB.DocumentClient();\nexports.handler = async (event, context) => docClient.query({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': event.pathParameters.id } }).promise();",
        "import { QueryCommand } from '@aws-sdk/lib-dynamodb';\nexport const handler = async (event, context) => {\n  const input = { TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': event.pathParameters.id } };\n  return ddb.send(new QueryCommand(input));\n};",
      ],
    },
  }),
  py({
    id: 'py-dynamodb-request-filter', cwe: 'CWE-943', severity: 'high', keywords: ['ScanFilter', 'QueryFilter', 'KeyConditions', 'Expected', '**event', '**request', '**json.loads('],
    title: 'DynamoDB call whose filter or parameters come whole from request data (boto3)',
    message: 'A legacy ScanFilter/QueryFilter/KeyConditions mapping, or the whole keyword set, taken from the request lets a client choose the operators and attributes it filters on.',
    fix: 'Build the condition yourself (boto3.dynamodb.conditions Key/Attr) and pass only checked request values into it.',
    rule: {
      kind: 'call',
      has: { field: 'function', regex: '\\.(?:scan|query|get_item|put_item|update_item|delete_item|batch_get_item|batch_write_item|execute_statement)$' },
      any: [
        { has: { field: 'arguments', has: { kind: 'keyword_argument', has: { field: 'name', regex: '^(?:ScanFilter|QueryFilter|KeyConditions|Expected)$' }, all: [{ has: { field: 'value', pattern: '$FILTER', not: { kind: 'dictionary' } } }] } } },
        // The whole keyword set unpacked straight from the event or request (`**json.loads(event["body"])`).
        { has: { field: 'arguments', has: { kind: 'dictionary_splat', regex: '^\\*\\*\\s*(?:json\\.loads\\(\\s*)?(?:event|request)\\b', has: { pattern: '$FILTER' } } } },
      ],
    },
    taintOn: 'FILTER',
    examples: {
      match: [
        { code: 'def handler(event, context):\n    return table.scan(ScanFilter=event["filter"])', lines: [2] },
        { code: 'def handler(event, context):\n    return client.query(**json.loads(event["body"]))', lines: [2] },
      ],
      noMatch: [
        'def handler(event, context):\n    return table.scan(ScanFilter={"status": {"AttributeValueList": [event["status"]], "ComparisonOperator": "EQ"}})',
        'def handler(event, context):\n    return table.query(KeyConditionExpression=Key("pk").eq(event["id"]))',
      ],
    },
  }),
  js({
    id: 'js-mongo-server-js-built', cwe: 'CWE-943', severity: 'high', keywords: ['$function', '$accumulator', 'mapReduce'],
    title: 'MongoDB server-side JavaScript ($function, $accumulator, mapReduce) built at run time',
    message: 'The database runs this text as JavaScript: a value spliced into it can run any code the query engine allows.',
    fix: 'Keep the function body a literal and pass values through args / the pipeline, never into the code.',
    rule: {
      any: [
        { kind: 'pair', regex: '^[\'"]?(?:body|init|accumulate|merge|finalize)[\'"]?\\s*:', has: { field: 'value', not: { any: [{ kind: 'string' }, { kind: 'identifier' }, { kind: 'member_expression' }, { kind: 'function_expression' }, { kind: 'arrow_function' }, { kind: 'template_string', not: { has: { kind: 'template_substitution' } } }] } }, inside: { kind: 'pair', regex: '^[\'"]?\\$(?:function|accumulator)[\'"]?\\s*:', stopBy: 'end' } },
        { pattern: '$COLL.mapReduce($MAP, $$$)', has: { field: 'arguments', has: { nthChild: 1, any: [{ kind: 'template_string', has: { kind: 'template_substitution' } }, { kind: 'binary_expression' }] } } },
      ],
    },
    examples: {
      match: ["db.items.aggregate([{ $addFields: { v: { $function: { body: 'function(a) { return a * ' + factor + '; }', args: ['$n'], lang: 'js' } } } }]);", 'orders.mapReduce(`function() { emit(this.${field}, 1); }`, reduceFn);'],
      noMatch: ["db.items.aggregate([{ $addFields: { v: { $function: { body: 'function(a, f) { return a * f; }', args: ['$n', factor], lang: 'js' } } } }]);", 'orders.mapReduce(mapFn, reduceFn);'],
    },
  }),
  py({
    id: 'py-mongo-server-js-built', cwe: 'CWE-943', severity: 'high', keywords: ['$function', '$accumulator', 'Code(', 'map_reduce'],
    title: 'MongoDB server-side JavaScript built at run time (pymongo $function/$accumulator/Code)',
    message: 'The database runs this text as JavaScript: a value spliced into it can run any code the query engine allows.',
    fix: 'Keep the function body a literal and pass values through args (or a Code scope), never into the code.',
    rule: {
      any: [
        { kind: 'pair', regex: '^[\'"](?:body|init|accumulate|merge|finalize)[\'"]\\s*:', has: { field: 'value', not: { any: [{ kind: 'string', not: { has: { kind: 'interpolation' } } }, { kind: 'concatenated_string' }] } }, inside: { kind: 'pair', regex: '^[\'"]\\$(?:function|accumulator)[\'"]\\s*:', stopBy: 'end' } },
        { ...callsFirstArg(['Code', 'bson.Code', 'bson.code.Code'], '$JS'), inside: { kind: 'module', regex: '\\b(?:bson|pymongo|motor)\\b', stopBy: 'end' } },
      ],
    },
    constraints: { JS: PY_NON_LITERAL },
    examples: {
      match: ['coll.aggregate([{"$addFields": {"v": {"$function": {"body": f"function(a) {{ return a * {factor}; }}", "args": ["$n"], "lang": "js"}}}}])', { code: 'from bson.code import Code\nmapper = Code("function() { emit(this." + field + ", 1); }")', lines: [2] }],
      noMatch: ['coll.aggregate([{"$addFields": {"v": {"$function": {"body": "function(a, f) { return a * f; }", "args": ["$n", factor], "lang": "js"}}}}])', 'from bson.code import Code\nmapper = Code("function() { emit(this.k, 1); }", {"k": key})'],
    },
  }),
  // --- Open redirect (CWE-601) ---
  js({
    id: 'js-location-header-request-data', cwe: 'CWE-601', severity: 'medium', keywords: ['ocation'],
    title: 'Location header set from request data (open redirect)',
    message: 'A Location header taken from the request sends the browser wherever the link says: a link to this site can forward users to a phishing page.',
    fix: 'Redirect only to relative paths you check (one leading "/", no "//"), or to an allowlist of hosts.',
    rule: {
      any: [
        { pattern: '$RES.setHeader($NAME, $URL)' },
        { pattern: '$RES.header($NAME, $URL)' },
        { pattern: '$RES.set($NAME, $URL)' },
        { kind: 'pair', regex: '^[\'"]?[Ll]ocation[\'"]?\\s*:', has: { field: 'value', pattern: '$URL' }, inside: { kind: 'call_expression', regex: '\\.writeHead\\(', stopBy: 'end' } },
      ],
    },
    constraints: { NAME: { regex: '^[\'"`][Ll]ocation[\'"`]$' }, URL: JS_NON_LITERAL },
    taintOn: 'URL',
    examples: {
      match: ["app.get('/out', (req, res) => { res.setHeader('Location', req.query.to); res.status(302).end(); });", "server.on('request', (req, res) => { const next = req.url.split('next=')[1]; res.writeHead(302, { Location: next }); res.end(); });"],
      noMatch: ["app.get('/out', (req, res) => { const to = req.query.to; res.setHeader('Location', '/home'); res.status(302).end(); });", { code: "app.get('/out', (req, res) => { res.setHeader('X-Trace', req.query.id); });", firedBy: ['js-header-from-request-data'] }],
    },
  }),
  py({
    id: 'py-redirect-keyword-request-data', cwe: 'CWE-601', severity: 'medium', keywords: ['redirect', 'Redirect', 'HTTPFound', 'HTTPSeeOther', 'Location'],
    title: 'Redirect target from request data (Tornado, Pyramid, Starlette, a Location header)',
    message: 'The redirect target comes from request data: a link to this site can send users to any site (phishing).',
    fix: 'Redirect only to relative paths you check, or to an allowlist of hosts (Django: url_has_allowed_host_and_scheme()).',
    rule: {
      any: [
        { pattern: 'self.redirect($URL)' },
        { pattern: 'self.redirect($URL, $$$)' },
        { kind: 'call', has: { field: 'function', regex: '^(?:(?:flask\\.)?redirect|RedirectResponse|HTTPFound|HTTPSeeOther|HTTPTemporaryRedirect|HTTPMovedPermanently|(?:\\w+\\.)?HTTP(?:Found|SeeOther|TemporaryRedirect|MovedPermanently))$' }, all: [pyKeyword('^(?:location|url)$', { pattern: '$URL' })] },
        { pattern: '$RESP.headers[$NAME] = $URL' },
        { pattern: '$RESP[$NAME] = $URL' },
      ],
    },
    constraints: { NAME: { kind: 'string', regex: '^[\'"][Ll]ocation[\'"]$' }, URL: PY_NON_LITERAL },
    taintOn: 'URL',
    examples: {
      match: [
        { code: 'class Back(tornado.web.RequestHandler):\n    def get(self):\n        self.redirect(self.get_argument("next"))', lines: [3] },
        { code: 'def login(request):\n    return HTTPFound(location=request.params["came_from"])', lines: [2] },
        { code: 'def done(request):\n    response = HttpResponse(status=302)\n    response["Location"] = request.GET["to"]\n    return response', lines: [3] },
      ],
      noMatch: [
        'def login(request):\n    return HTTPFound(location=request.route_url("home"))',
        'class Back(tornado.web.RequestHandler):\n    def get(self):\n        name = self.get_argument("name")\n        self.redirect("/welcome")',
      ],
    },
  }),
  // --- XXE (CWE-611) ---
  py({
    id: 'py-xmltodict-entities-enabled', cwe: 'CWE-611', severity: 'high', keywords: ['disable_entities'],
    title: 'xmltodict.parse with disable_entities=False',
    message: 'With entities enabled, a document can declare entities that expand to local files or huge strings (XXE, billion laughs).',
    fix: 'Leave disable_entities at its default (True), or parse untrusted XML with defusedxml.',
    rule: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)parse$' }, all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^disable_entities\\s*=\\s*False$' } } }] },
    examples: { match: ['doc = xmltodict.parse(body, disable_entities=False)', 'data = parse(xml_text, process_namespaces=True, disable_entities=False)'], noMatch: ['doc = xmltodict.parse(body)', 'doc = xmltodict.parse(body, disable_entities=True)'] },
  }),
  py({
    id: 'py-xml-stdlib-import', cwe: 'CWE-611', severity: 'low', keywords: ['xml.'],
    title: 'Standard-library XML parser imported where defusedxml is not used',
    message: 'xml.etree, xml.dom.minidom, pulldom, expatbuilder and xml.sax do not guard against entity expansion (billion laughs) and, with some options, external entities.',
    fix: 'Import the same API from defusedxml (defusedxml.ElementTree, defusedxml.minidom …), or call defusedxml.defuse_stdlib() first.',
    rule: {
      any: [
        { kind: 'import_statement', regex: '^import\\s+xml\\.(?:etree|dom|sax)(?:\\.(?:ElementTree|cElementTree|minidom|pulldom|expatbuilder|expatreader))?(?:\\s|,|$)' },
        { kind: 'import_from_statement', regex: '^from\\s+xml(?:\\.(?:etree|dom|sax)[\\w.]*)?\\s+import\\s+(?:[\\w, ]*\\b(?:ElementTree|cElementTree|minidom|pulldom|expatbuilder|sax|parse|parseString|fromstring|XML|iterparse|make_parser)\\b)' },
      ],
      // Only where the module parses: importing ElementTree to build XML is safe.
      inside: { kind: 'module', has: { kind: 'call', regex: '(?:^|\\.)(?:parse|parseString|fromstring|fromstringlist|XML|iterparse|make_parser|XMLPullParser)\\(', stopBy: 'end' }, not: { regex: 'defusedxml' }, stopBy: 'end' },
    },
    examples: {
      match: [{ code: 'import xml.etree.ElementTree as ET\ntree = ET.parse(upload_path)', lines: [1], alsoFiredBy: ['py-xml-stdlib-parse'] }, { code: 'from xml.dom import minidom\ndoc = minidom.parseString(body)', lines: [1], alsoFiredBy: ['py-xml-stdlib-parse'] }],
      noMatch: ['import defusedxml.ElementTree as ET\ntree = ET.parse(upload_path)', 'import xml.etree.ElementTree as ET\nroot = ET.Element("orders")', 'from xml.sax.saxutils import escape\nparse(escape(text))'],
    },
  }),
  // --- ReDoS (CWE-1333): the catastrophic pattern reaches the regex compiler through a name ---
  js({
    id: 'js-regexp-nested-quantifier-variable', cwe: 'CWE-1333', severity: 'low', keywords: ['RegExp('],
    title: 'RegExp compiled from a variable holding a nested-quantifier pattern',
    message: REDOS_MESSAGE,
    fix: 'Remove the nesting ((a+)+ is a+), or run untrusted input through RE2.',
    rule: { any: [callFirstArg('new RegExp', '$PATTERN'), callFirstArg('RegExp', '$PATTERN')] },
    constraints: { PATTERN: { kind: 'identifier' } },
    flow: { metavariable: 'PATTERN', value: { any: [{ kind: 'string' }, { kind: 'template_string' }], regex: NESTED_QUANTIFIER } },
    examples: {
      match: [{ code: "const source = '^([a-z0-9]+)*@corp$';\nconst re = new RegExp(source, 'i');", lines: [2], alsoFiredBy: ['js-regexp-non-literal'] }, { code: "function check(s) {\n  let p = '(\\\\d+)+x';\n  return RegExp(p).test(s);\n}", lines: [3], alsoFiredBy: ['js-regexp-non-literal'] }],
      noMatch: [{ code: "const source = '^[a-z0-9]+@corp$';\nconst re = new RegExp(source, 'i');", firedBy: ['js-regexp-non-literal'] }, { code: 'function f(p) { return new RegExp(p); }', firedBy: ['js-regexp-non-literal'] }],
    },
  }),
  py({
    id: 'py-regex-nested-quantifier-variable', cwe: 'CWE-1333', severity: 'low', keywords: ['re.'],
    title: 'Regex compiled from a variable or constant holding a nested-quantifier pattern',
    message: REDOS_MESSAGE,
    fix: 'Remove the nesting ((a+)+ is a+), or use google-re2 / the regex module with a timeout for untrusted input.',
    rule: callsFirstArg(['re.compile', 're.match', 're.search', 're.fullmatch', 're.findall', 're.finditer', 're.sub', 're.split'], '$PATTERN'),
    constraints: { PATTERN: { kind: 'identifier' } },
    flow: { metavariable: 'PATTERN', value: { kind: 'string', regex: NESTED_QUANTIFIER } },
    examples: {
      match: [{ code: 'CODE = r"^([\\w.-]+)+@corp\\.com$"\ndef valid(text):\n    return re.match(CODE, text)', lines: [3] }, { code: 'def valid(text):\n    pattern = "(a|aa)+(b+)+$"\n    return re.compile(pattern).match(text)', lines: [3] }],
      noMatch: ['CODE = r"^\\w+$"\ndef valid(text):\n    return re.match(CODE, text)', 'def valid(text, pattern):\n    return re.compile(pattern).match(text)'],
    },
  }),
  // --- Weak crypto reached through an import alias (`from Crypto.Cipher import DES as des`) ---
  aliasNew({
    id: 'py-pycryptodome-weak-cipher-alias', cwe: 'CWE-327', pkg: 'Cipher', names: 'DES|DES3|ARC4|ARC2|Blowfish|CAST|XOR',
    title: 'Broken PyCryptodome cipher (DES, 3DES, RC4, RC2, Blowfish, CAST, XOR) used under an import alias',
    message: 'DES, RC2 and XOR are broken, RC4 leaks its keystream, 3DES/Blowfish/CAST have 64-bit blocks (Sweet32): the data is not kept secret.',
    fix: 'Use AES in GCM mode (or ChaCha20-Poly1305) from the same library.',
    examples: {
      match: [{ code: 'from Crypto.Cipher import DES as legacy_des\ndef seal(key, data):\n    return legacy_des.new(key, legacy_des.MODE_CBC).encrypt(data)', lines: [3] }, { code: 'import Cryptodome.Cipher.ARC4 as stream\nc = stream.new(k)', lines: [2] }],
      noMatch: ['from Crypto.Cipher import AES as block\nc = block.new(key, block.MODE_GCM)', 'from Crypto.Hash import SHA256 as h\nd = h.new(data)'],
    },
  }),
  aliasNew({
    id: 'py-pycryptodome-weak-hash-alias', cwe: 'CWE-328', pkg: 'Hash', names: 'MD2|MD4|MD5|SHA|SHA1',
    title: 'Broken PyCryptodome hash (MD2, MD4, MD5, SHA-1) used under an import alias',
    message: 'Collisions for MD2/MD4/MD5/SHA-1 can be computed: they do not prove integrity or identity.',
    fix: 'Use SHA-256 or better (Crypto.Hash.SHA256, SHA3_256, BLAKE2b).',
    examples: {
      match: [{ code: 'from Cryptodome.Hash import MD5 as digest\ndef tag(data):\n    return digest.new(data).hexdigest()', lines: [3] }, { code: 'import Crypto.Hash.SHA1 as sha\nh = sha.new(b"x")', lines: [2] }],
      noMatch: ['from Crypto.Hash import SHA256 as digest\nh = digest.new(data)', 'from Crypto.Cipher import AES as block\nc = block.new(key, block.MODE_GCM)'],
    },
  }),
  py({
    id: 'py-pycryptodome-short-key-alias', cwe: 'CWE-326', severity: 'medium', keywords: ['Crypto'],
    title: 'PyCryptodome RSA/DSA key under 2048 bits, through an import alias',
    message: 'RSA and DSA keys under 2048 bits are within reach of factoring/discrete-log attacks (NIST SP 800-131A).',
    fix: 'Generate 3072-bit keys (or at least 2048), or use ECC (P-256, Ed25519).',
    // The keyword form first: `$MOD.generate($BITS)` would also take `bits=1024` whole as $BITS.
    rule: { any: [{ pattern: '$MOD.generate($$$)', has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^bits\\s*=', has: { field: 'value', pattern: '$BITS' } } } }, { pattern: '$MOD.generate($BITS)' }, { pattern: '$MOD.generate($BITS, $$$)' }] },
    constraints: { MOD: { kind: 'identifier' }, BITS: { kind: 'integer', regex: '^(?:[0-9]{1,3}|1[0-9]{3}|20[0-3][0-9]|204[0-7])$' } },
    flow: { metavariable: 'MOD', value: pycryptodomeImport('PublicKey', 'RSA|DSA') },
    examples: {
      match: [{ code: 'from Crypto.PublicKey import RSA as keys\npair = keys.generate(1024)', lines: [2] }, { code: 'from Cryptodome.PublicKey import DSA as dsa_keys\ndef make():\n    return dsa_keys.generate(bits=1024)', lines: [3] }],
      noMatch: ['from Crypto.PublicKey import RSA as keys\npair = keys.generate(3072)', 'from Crypto.PublicKey import ECC as keys\npair = keys.generate(curve="P-256")'],
    },
  }),
  // --- CSRF (CWE-352) ---
  js({
    id: 'js-lusca-csrf-disabled', cwe: 'CWE-352', severity: 'medium', keywords: ['lusca'],
    title: 'lusca security middleware with CSRF protection off',
    message: 'csrf: false leaves state-changing routes open to cross-site requests riding on the user\'s cookies.',
    fix: 'Turn csrf on (lusca({ csrf: true, … })) or add csurf-style token checks to every state-changing route.',
    rule: { kind: 'pair', regex: '^[\'"]?csrf[\'"]?\\s*:\\s*false$', inside: { kind: 'call_expression', regex: '^lusca\\(', stopBy: 'end' } },
    examples: { match: ['app.use(lusca({ csrf: false, xframe: "SAMEORIGIN" }));', "app.use(lusca({ 'csrf': false }));"], noMatch: ['app.use(lusca({ csrf: true, xframe: "SAMEORIGIN" }));', 'const opts = { csrf: false };'] },
  }),
  // --- Injection into downstream formats ---
  py({
    id: 'py-csv-formula-injection', cwe: 'CWE-1236', severity: 'medium', keywords: ['writerow'],
    title: 'Request data written to a CSV export as is (spreadsheet formula injection)',
    message: 'A cell that starts with =, +, - or @ runs as a formula when the export is opened in a spreadsheet: it can fetch URLs or run commands on the reader\'s machine.',
    fix: 'Prefix cells that start with = + - @ (or tab/CR) with a single quote before writing them.',
    rule: { any: [{ pattern: '$W.writerow($ROW)' }, { pattern: '$W.writerows($ROW)' }], inside: { kind: 'module', regex: '\\bcsv\\b', stopBy: 'end' } },
    taintOn: 'ROW',
    examples: {
      match: [{ code: 'import csv\ndef export(request):\n    writer = csv.writer(response)\n    writer.writerow([request.GET["name"], request.GET["note"]])', lines: [4] }, { code: 'import csv\ndef export():\n    row = request.json["row"]\n    out.writerow(row)', lines: [4] }],
      noMatch: ['import csv\ndef export(request):\n    fmt = request.GET["fmt"]\n    writer = csv.writer(response)\n    writer.writerow(["name", "note"])', 'import csv\ndef export(request):\n    rows = Order.objects.filter(owner=request.user)\n    writer.writerows([[o.id, o.total] for o in rows])'],
    },
  }),
  py({
    id: 'py-email-html-request-data', cwe: 'CWE-74', severity: 'medium', keywords: ['html_message', 'attach_alternative', 'html='],
    title: 'HTML e-mail body from request data',
    message: 'The request writes the HTML the mail client renders: links, forms and images of its choosing arrive under this site\'s name.',
    fix: 'Render the body from a template with autoescaping and pass request values as context, or escape them with django.utils.html.escape.',
    rule: {
      any: [
        { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)(?:send_mail|mail_admins|mail_managers|send_mass_mail)$' }, all: [pyKeyword('^html_message$', { pattern: '$HTML' })] },
        { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)Message$' }, all: [pyKeyword('^html$', { pattern: '$HTML' })] },
        { pattern: '$MSG.attach_alternative($HTML, $TYPE)', has: { field: 'arguments', has: { kind: 'string', regex: 'text/html' } } },
      ],
    },
    constraints: { HTML: { all: [PY_NON_LITERAL, { not: { kind: 'call', regex: '^(?:render_to_string|render|\\w+\\.render|format_html|escape|html\\.escape)\\(' } }] } },
    taintOn: 'HTML',
    examples: {
      match: [{ code: 'def contact(request):\n    send_mail("Hi", "", FROM, [TO], html_message=request.POST["body"])', lines: [2] }, { code: 'def contact(request):\n    body = "<p>" + request.POST.get("note") + "</p>"\n    msg.attach_alternative(body, "text/html")', lines: [3] }],
      noMatch: ['def contact(request):\n    send_mail("Hi", "", FROM, [TO], html_message=render_to_string("mail.html", {"note": request.POST["body"]}))', 'def contact(request):\n    send_mail("Hi", request.POST["body"], FROM, [TO])'],
    },
  }),
];
