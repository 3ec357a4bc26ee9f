import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { JS, JS_BUILT_STRING, JS_NON_LITERAL, PY, PY_CONCAT, PY_FORMAT_CALL, PY_FSTRING, PY_NON_LITERAL, PY_PERCENT_FORMAT, SQL_TEXT, callFirstArg, callsFirstArg, withCallee } from './fragments.js';

const CWE = ['CWE-89'];
const JS_QUERY_CALL = withCallee(callFirstArg('$DB.$METHOD', '$SQL'), '\\.(?:query|execute|raw|whereRaw|orWhereRaw|havingRaw|orderByRaw|joinRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|run|all|exec|prepare|unsafe)$');
const JS_QUERY_METHOD = {
  METHOD: { regex: '^(?:query|execute|raw|whereRaw|orWhereRaw|havingRaw|orderByRaw|joinRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|run|all|exec|prepare|unsafe)$' },
  // exec/run/all also belong to child_process, regexes and promise helpers, query to DynamoDB's
  // document clients (which take a parameter object, not SQL): those receivers are not SQL databases.
  DB: { not: { any: [{ kind: 'regex' }, { regex: 'child_?process|childProcess|(?:^|[^A-Za-z])(?:cp|proc|shell|re|rx|regex|regexp|RegExp|pattern|matcher|Promise)$|[Dd]ynamo|[Dd]oc(?:ument)?Client|^ddb' }] } },
};
const PY_EXECUTE_CALL = withCallee(callsFirstArg(['$DB.$METHOD', 'text', 'sqlalchemy.text', 'RawSQL'], '$SQL'), '(?:^|\\.)(?:execute|executemany|executescript|raw|mogrify|exec_driver_sql|text|RawSQL)$');
const PY_EXECUTE_METHOD = { METHOD: { regex: '^(?:execute|executemany|executescript|raw|mogrify|exec_driver_sql)$' } };
const PY_EXECUTE_KEYWORDS = ['execute', 'raw(', 'text(', 'RawSQL(', 'mogrify(', 'exec_driver_sql('];
const FIX_PY = 'Pass values as parameters: cursor.execute("SELECT … WHERE id = %s", (user_id,)).';

function pySqlRule(id: string, how: string, built: Rule, example: { match: string[]; noMatch: string[] }): SastRule {
  return {
    id,
    keywords: PY_EXECUTE_KEYWORDS,
    class: 'sql-injection',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: `SQL query built with ${how}`,
    message: `The query text is built with ${how}; a value in it can change the SQL.`,
    fix: FIX_PY,
    rule: PY_EXECUTE_CALL,
    constraints: { ...PY_EXECUTE_METHOD, SQL: { ...built, regex: SQL_TEXT } },
    examples: example,
  };
}

export const sqlInjectionRules: SastRule[] = [
  {
    id: 'js-sql-built-query',
    keywords: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'select ', 'insert into', 'delete from'],
    class: 'sql-injection',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'SQL query built by concatenation or a template literal',
    message: 'The query text is assembled from values; a value in it can change the SQL.',
    fix: "Use placeholders and pass values separately: db.query('SELECT … WHERE id = $1', [id]).",
    rule: JS_QUERY_CALL,
    constraints: { ...JS_QUERY_METHOD, SQL: { ...JS_BUILT_STRING, regex: SQL_TEXT } },
    examples: {
      match: [
        "const rows = await db.query(`SELECT * FROM users WHERE email = '${email}'`);",
        "connection.query('SELECT * FROM orders WHERE id = ' + id, cb);",
        "await knex.raw(`DELETE FROM sessions WHERE user_id = ${userId}`);",
        "prisma.$queryRawUnsafe(`SELECT * FROM t WHERE name = '${name}'`);",
      ],
      noMatch: [
        "const rows = await db.query('SELECT * FROM users WHERE email = $1', [email]);",
        "const rows = await db.query(`SELECT * FROM users`);",
        "const url = api.query(`/items/${id}`);",
      ],
    },
  },
  {
    id: 'js-sql-request-data',
    keywords: ['query(', 'execute(', 'raw(', 'Raw(', 'Raw', 'run(', 'all(', 'exec(', 'prepare(', 'unsafe(', 'Unsafe('],
    class: 'sql-injection',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'SQL query text from request data',
    message: 'Request data reaches the text of a SQL query.',
    fix: 'Use placeholders and pass request values as parameters, never inside the query text.',
    rule: JS_QUERY_CALL,
    constraints: { ...JS_QUERY_METHOD, SQL: JS_NON_LITERAL },
    taint: { metavariable: 'SQL', sources: 'request' },
    examples: {
      match: [
        { code: "app.get('/user', async (req, res) => {\n  const sql = \"SELECT * FROM users WHERE name = '\" + req.query.name + \"'\";\n  res.json(await pool.query(sql));\n});", lines: [3], alsoFiredBy: ['js-sql-built-variable', 'js-sql-string-request-data'] },
        "router.post('/search', (req, res) => { const { filter } = req.body; db.all(filter, cb); });",
      ],
      noMatch: [
        "app.get('/user', async (req, res) => { res.json(await pool.query('SELECT * FROM users WHERE name = $1', [req.query.name])); });",
        'async function find(sql) { return pool.query(sql); }',
        { code: 'const cp = require("child_process");\nexports.run = (req) => cp.exec("ls " + req.query.dir);', firedBy: ['js-exec-built-command', 'js-shell-command-request-data'] },
        { code: 'app.get("/n", (req, res) => res.send(/^\\d+$/.exec(req.query.id)));', firedBy: ['js-response-request-data'] },
      ],
    },
  },
  {
    id: 'js-sequelize-literal-built',
    keywords: ['literal('],
    class: 'sql-injection',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'Sequelize literal() with a built string',
    message: 'sequelize.literal inserts its text into the SQL unescaped.',
    fix: 'Use replacements/bind parameters, or Sequelize operators instead of literal SQL.',
    rule: callsFirstArg(['sequelize.literal', 'Sequelize.literal', 'literal'], '$SQL'),
    constraints: { SQL: JS_BUILT_STRING },
    examples: {
      match: ["order: [[sequelize.literal(`FIELD(id, ${ids})`)]]", "where: Sequelize.literal('price > ' + min)"],
      noMatch: ["order: [[sequelize.literal('created_at DESC')]]", "where: { price: { [Op.gt]: min } }"],
    },
  },
  pySqlRule('py-sql-fstring', 'an f-string', PY_FSTRING, {
    match: ['cursor.execute(f"SELECT * FROM users WHERE name = \'{name}\'")', 'db.session.execute(text(f"DELETE FROM t WHERE id = {tid}"))'],
    noMatch: ['cursor.execute("SELECT * FROM users WHERE name = %s", (name,))', 'logger.info(f"SELECT took {ms} ms")'],
  }),
  pySqlRule('py-sql-percent-format', '% formatting', PY_PERCENT_FORMAT, {
    match: ['cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)', 'conn.execute("UPDATE t SET a = \'%s\' WHERE id = %d" % (a, i))'],
    noMatch: [
      'cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))',
      'print("SELECT %s FROM x" % col)',
      'cursor.execute("SELECT * FROM jobs WHERE state = \'%s\' LIMIT %d" % ("queued", 50))',
      'cur.execute("DELETE FROM sessions WHERE expired" % ())',
    ],
  }),
  pySqlRule('py-sql-format-call', 'str.format()', PY_FORMAT_CALL, {
    match: ['cursor.execute("SELECT * FROM {} WHERE id = {}".format(table, i))', 'User.objects.raw("SELECT * FROM auth_user WHERE username = \'{}\'".format(u))'],
    noMatch: [
      'cursor.execute("SELECT * FROM users WHERE id = ?", (i,))',
      'msg = "SELECT {}".format(x)',
      'cursor.execute("SELECT * FROM {} ORDER BY id".format("invoices"))',
      'db.execute("SELECT id FROM {t} WHERE n > {n}".format(t="ledger", n=10))',
      'cursor.execute("SELECT 1 FROM dual".format())',
    ],
  }),
  pySqlRule('py-sql-concat', 'string concatenation', PY_CONCAT, {
    match: ['cursor.execute("SELECT * FROM users WHERE name = \'" + name + "\'")', 'cur.executemany("INSERT INTO log VALUES (" + vals + ")", rows)'],
    noMatch: ['cursor.execute("SELECT * FROM users " "WHERE name = %s", (name,))', 'cursor.execute(QUERY, (name,))'],
  }),
  {
    id: 'py-sql-request-data',
    keywords: PY_EXECUTE_KEYWORDS,
    class: 'sql-injection',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'SQL query text from request data',
    message: 'Request data reaches the text of a SQL query.',
    fix: FIX_PY,
    rule: PY_EXECUTE_CALL,
    constraints: { ...PY_EXECUTE_METHOD, SQL: PY_NON_LITERAL },
    taint: { metavariable: 'SQL', sources: 'request' },
    examples: {
      match: [
        { code: 'name = request.args.get("name")\nquery = "SELECT * FROM users WHERE name = \'" + name + "\'"\ncursor.execute(query)', lines: [3], alsoFiredBy: ['py-sql-built-variable', 'py-sql-string-request-data'] },
        { code: 'def search():\n    sql = request.form["q"]\n    return db.engine.execute(sql)', lines: [3] },
      ],
      noMatch: ['name = request.args.get("name")\ncursor.execute("SELECT * FROM users WHERE name = %s", (name,))', 'def run(sql):\n    cursor.execute(sql)'],
    },
  },
  {
    id: 'py-django-extra-built',
    keywords: ['.extra('],
    class: 'sql-injection',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'Django extra()/RawSQL with a built string',
    message: 'QuerySet.extra and RawSQL put their text into the SQL unescaped.',
    fix: 'Use params=[…] with placeholders, or ORM lookups instead of extra().',
    rule: { pattern: '$QS.extra($$$)', has: { field: 'arguments', has: { kind: 'keyword_argument', has: { any: [PY_FSTRING, PY_PERCENT_FORMAT, PY_FORMAT_CALL, PY_CONCAT], stopBy: 'end' } } } },
    examples: {
      match: ['Entry.objects.extra(where=[f"headline = \'{title}\'"])', 'qs.extra(select={"n": "SELECT COUNT(*) FROM t WHERE x = %s" % x})'],
      noMatch: ['Entry.objects.extra(where=["headline = %s"], params=[title])', 'qs.filter(headline=title)'],
    },
  },
];
