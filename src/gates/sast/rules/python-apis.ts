// More Python APIs with a documented dangerous use: SSH host keys, TLS options, serializers that
// run code (jsonpickle, dill, torch, numpy, joblib, pandas, Celery, Django sessions), dynamic
// imports, LDAP/XPath/TwiML/header injection, DynamoDB and Mongo expressions, archive
// extraction, weak crypt() methods, and SQL through pandas, asyncpg and psycopg's sql module.
import type { Rule } from '@ast-grep/napi';
import type { SastRule } from '../rule.js';
import { defineRule } from './define.js';
import { PY, PY_BUILT_STRING, PY_NON_LITERAL, SQL_TEXT, callsFirstArg } from './fragments.js';

interface Spec {
  id: string;
  cwe: string;
  severity: SastRule['severity'];
  keywords: string[];
  title: string;
  message: string;
  fix: string;
  rule: Rule;
  constraints?: SastRule['constraints'];
  taintOn?: string;
  examples: SastRule['examples'];
}
/** One Python rule from its spec: class from the CWE, taint on request data when `taintOn` names a metavariable. */
function py(spec: Spec): SastRule {
  const { cwe, taintOn, ...rest } = spec;
  return defineRule({ ...rest, languages: PY, cwe: [cwe], ...(taintOn ? { taint: { metavariable: taintOn, sources: 'request' as const } } : {}) });
}
const kwarg = (regex: string): Rule => ({ has: { field: 'arguments', has: { kind: 'keyword_argument', regex } } });
const DESERIALIZE_FIX = 'Load only data you produced and signed, or use a data-only format (JSON, safetensors).';

export const pythonApiRules: SastRule[] = [
  py({
    id: 'py-paramiko-missing-host-key-accepted', cwe: 'CWE-322', severity: 'high', keywords: ['AutoAddPolicy', 'WarningPolicy'],
    title: 'paramiko accepts unknown SSH host keys (AutoAddPolicy/WarningPolicy)',
    message: 'With AutoAddPolicy or WarningPolicy, any server key is accepted on first contact: a man in the middle is trusted as the host.',
    fix: 'Load known hosts (client.load_system_host_keys()) and keep the default RejectPolicy.',
    rule: { kind: 'call', has: { field: 'function', regex: '\\.set_missing_host_key_policy$' }, all: [{ has: { field: 'arguments', regex: 'AutoAddPolicy|WarningPolicy' } }] },
    examples: { match: ['client.set_missing_host_key_policy(paramiko.AutoAddPolicy())', 'ssh.set_missing_host_key_policy(WarningPolicy)'], noMatch: ['client.set_missing_host_key_policy(paramiko.RejectPolicy())', 'policy = paramiko.AutoAddPolicy'] },
  }),
  py({
    id: 'py-async-client-cert-verification-off', cwe: 'CWE-295', severity: 'high', keywords: ['ssl=False', 'verify_ssl', 'ssl = False'],
    title: 'aiohttp/asyncio connection with TLS verification off',
    message: 'ssl=False or verify_ssl=False accepts any certificate: a man in the middle can read and change the traffic.',
    fix: 'Leave verification on; pass an ssl.SSLContext with your CA bundle if the server uses a private CA.',
    rule: { kind: 'call', any: [kwarg('^ssl\\s*=\\s*False$'), kwarg('^verify_ssl\\s*=\\s*False$')] },
    examples: { match: ['conn = aiohttp.TCPConnector(ssl=False)', 'async with session.get(url, verify_ssl=False) as r:\n    pass'].map((code) => ({ code, lines: [1] })), noMatch: ['conn = aiohttp.TCPConnector(ssl=ctx)', 'async with session.get(url) as r:\n    pass', 'USE_SSL = False\nopts = dict(verify_ssl=True)'] },
  }),
  py({
    id: 'py-urllib3-warnings-silenced', cwe: 'CWE-295', severity: 'low', keywords: ['disable_warnings'],
    title: 'urllib3 InsecureRequestWarning silenced',
    message: 'Silencing the warning usually goes with verify=False somewhere: unverified HTTPS then passes without a trace.',
    fix: 'Fix the certificate problem instead and keep the warning.',
    rule: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)urllib3\\.disable_warnings$' } },
    examples: { match: ['urllib3.disable_warnings()', 'requests.packages.urllib3.disable_warnings(InsecureRequestWarning)'], noMatch: ['warnings.simplefilter("default")', 'logging.disable_warnings = False'] },
  }),
  py({
    id: 'py-ssl-context-default-protocol', cwe: 'CWE-326', severity: 'low', keywords: ['SSLContext('],
    title: 'ssl.SSLContext() without a protocol or verification settings',
    message: 'A bare SSLContext (before 3.10 defaulting to PROTOCOL_TLS with no certificate checks) does not verify the peer.',
    fix: 'Use ssl.create_default_context(), which verifies certificates and host names.',
    rule: { pattern: 'ssl.SSLContext()' },
    examples: { match: ['ctx = ssl.SSLContext()', 'context = ssl.SSLContext()\ncontext.load_default_certs()'].map((code) => ({ code, lines: [1] })), noMatch: ['ctx = ssl.create_default_context()', 'ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)'] },
  }),
  py({
    id: 'py-code-running-loader', cwe: 'CWE-502', severity: 'medium', keywords: ['dill.load_session', 'joblib.', 'torch.load', 'cloudpickle', 'jsonpickle.loads'],
    title: 'Loader that unpickles (torch.load, joblib, cloudpickle, jsonpickle.loads, dill sessions)',
    message: 'These loaders are pickle underneath: a crafted file runs code as soon as it is loaded.',
    fix: DESERIALIZE_FIX,
    rule: {
      kind: 'call',
      has: { field: 'function', regex: '^(?:dill\\.load_session|cloudpickle\\.loads?|jsonpickle\\.loads|joblib\\.load|torch\\.load)$' },
      not: kwarg('^weights_only\\s*=\\s*True$'),
    },
    examples: { match: ['model = torch.load(path)', 'obj = cloudpickle.loads(blob)', 'clf = joblib.load("model.pkl")'], noMatch: ['model = torch.load(path, weights_only=True)', 'joblib.dump(clf, "model.pkl")'] },
  }),
  py({
    id: 'py-numpy-allow-pickle', cwe: 'CWE-502', severity: 'medium', keywords: ['allow_pickle'],
    title: 'numpy.load with allow_pickle=True',
    message: 'allow_pickle=True lets a .npy/.npz file hold pickled objects, which run code when loaded.',
    fix: 'Keep allow_pickle=False (the default) and store plain arrays.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:np|numpy)\\.load$' }, all: [kwarg('^allow_pickle\\s*=\\s*True$')] },
    examples: { match: ['arr = np.load(path, allow_pickle=True)', 'data = numpy.load(f, allow_pickle=True, encoding="latin1")'], noMatch: ['arr = np.load(path)', 'arr = np.load(path, allow_pickle=False)'] },
  }),
  py({
    id: 'py-pickle-serializer-config', cwe: 'CWE-502', severity: 'medium', keywords: ['PickleSerializer', 'pickle'],
    title: 'Django sessions or Celery configured to use pickle',
    message: 'With a pickle serializer, whoever can write a session or a queue message (a leaked SECRET_KEY, an open broker) runs code in the app.',
    fix: "Use the JSON serializers (JSONSerializer, task_serializer='json', accept_content=['json']).",
    rule: {
      any: [
        { kind: 'assignment', regex: '^SESSION_SERIALIZER\\s*=\\s*[\'"][\\w.]*PickleSerializer[\'"]$' },
        { kind: 'assignment', regex: '^(?:\\w+\\.conf\\.)?(?:CELERY_)?(?:TASK_SERIALIZER|RESULT_SERIALIZER|task_serializer|result_serializer|ACCEPT_CONTENT|accept_content)\\s*=\\s*[\\[(]?\\s*[\'"]pickle[\'"]' },
        { kind: 'call', all: [kwarg('^(?:task_serializer|result_serializer|serializer)\\s*=\\s*[\'"]pickle[\'"]$')] },
      ],
    },
    examples: { match: ['SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"', "app.conf.accept_content = ['pickle', 'json']", "app.conf.update(task_serializer='pickle')"], noMatch: ['SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"', "app.conf.accept_content = ['json']", "EXPORT_FORMAT = 'pickle'"] },
  }),
  py({
    id: 'py-rpc-server-dotted-names', cwe: 'CWE-95', severity: 'high', keywords: ['allow_dotted_names'],
    title: 'SimpleXMLRPCServer register_instance(allow_dotted_names=True)',
    message: 'Dotted names let a client walk from the registered object to its module globals and call anything reachable there.',
    fix: 'Leave allow_dotted_names off and register the functions you mean to expose.',
    rule: { kind: 'call', has: { field: 'function', regex: '\\.register_instance$' }, all: [kwarg('^allow_dotted_names\\s*=\\s*True$')] },
    examples: { match: ['server.register_instance(api, allow_dotted_names=True)', 'srv.register_instance(Service(), allow_dotted_names=True)'], noMatch: ['server.register_instance(api)', 'server.register_instance(api, allow_dotted_names=False)'] },
  }),
  py({
    id: 'py-logging-config-listen', cwe: 'CWE-95', severity: 'high', keywords: ['logging.config.listen', 'config.listen('],
    title: 'logging.config.listen() opens a port that applies any config it receives',
    message: 'The listener applies logging configuration sent to it, which can construct arbitrary objects: anyone who reaches the port runs code.',
    fix: 'Do not use listen() on reachable interfaces; if you must, pass verify= to check a signature.',
    rule: { kind: 'call', has: { field: 'function', regex: '^(?:logging\\.)?config\\.listen$' }, not: kwarg('^verify\\s*=') },
    examples: { match: ['t = logging.config.listen(9030)', 'thread = config.listen()'], noMatch: ['t = logging.config.listen(9030, verify=check_signature)', 'logging.config.dictConfig(cfg)'] },
  }),
  py({
    id: 'py-dynamic-import-request-data', cwe: 'CWE-470', severity: 'high', keywords: ['import_module(', '__import__(', 'getattr('],
    title: 'Module or attribute chosen by request data (importlib, __import__, getattr)',
    message: 'A module or attribute name from the request lets the caller load any module or call any method the object reaches.',
    fix: 'Map the request value to an explicit dict of allowed modules/handlers.',
    rule: { any: [callsFirstArg(['importlib.import_module', 'import_module', '__import__'], '$NAME'), { pattern: 'getattr($OBJ, $NAME)' }, { pattern: 'getattr($OBJ, $NAME, $DEFAULT)' }] },
    constraints: { NAME: PY_NON_LITERAL },
    taintOn: 'NAME',
    examples: { match: [{ code: 'def run(request):\n    mod = importlib.import_module(request.GET["plugin"])', lines: [2] }, { code: 'action = request.args.get("action")\nhandler = getattr(api, action)', lines: [2] }], noMatch: ['def run(request):\n    mod = importlib.import_module("plugins." + PLUGIN)\n    return request.GET', 'action = request.args.get("action")\nhandler = HANDLERS.get(action)'] },
  }),
  py({
    id: 'py-ldap-filter-built', cwe: 'CWE-90', severity: 'high', keywords: ['search', 'search_s('],
    title: 'LDAP search filter built from values',
    message: 'A filter string assembled from values lets *, ( and ) in them change the query (LDAP injection), e.g. to match every user.',
    fix: 'Escape values with ldap.filter.escape_filter_chars / ldap3.utils.conv.escape_filter_chars.',
    rule: {
      kind: 'call',
      has: { field: 'function', regex: '\\.(?:search|search_s|search_st|search_ext|search_ext_s|paged_search)$' },
      all: [{ has: { field: 'arguments', has: { ...PY_BUILT_STRING, regex: '\\(\\s*[\\w-]+\\s*=', not: { regex: 'escape_filter_chars' } } } }],
    },
    examples: { match: ['conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(uid={username})")', 'conn.search("dc=example,dc=com", "(&(mail=%s))" % email)'], noMatch: ['conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(username))', 'results = index.search(f"name={name}")'] },
  }),
  py({
    id: 'py-xpath-built', cwe: 'CWE-643', severity: 'medium', keywords: ['xpath(', 'XPath(', 'find(', 'findall('],
    title: 'XPath expression built from values',
    message: "Quotes and operators in a value change the XPath expression (XPath injection): ' or '1'='1 selects every node.",
    fix: 'Pass values as XPath variables: tree.xpath("//user[@name=$name]", name=value).',
    rule: { kind: 'call', has: { field: 'function', regex: '(?:\\.xpath|^(?:etree\\.)?XPath)$' }, all: [{ has: { field: 'arguments', has: { nthChild: 1, ...PY_BUILT_STRING } } }] },
    examples: { match: ['nodes = tree.xpath(f"//user[@name=\'{name}\']")', 'find = etree.XPath("//item[@id=\'%s\']" % item_id)'], noMatch: ['nodes = tree.xpath("//user[@name=$name]", name=name)', 'nodes = tree.xpath("//user")'] },
  }),
  py({
    id: 'py-twiml-built', cwe: 'CWE-91', severity: 'medium', keywords: ['twiml'],
    title: 'TwiML document built from values',
    message: 'TwiML is XML: a value formatted into it can add verbs (<Dial>, <Redirect>) and change what the call does.',
    fix: 'Build TwiML with twilio.twiml VoiceResponse/MessagingResponse methods, which escape text.',
    rule: { kind: 'call', all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', has: { field: 'name', regex: '^twiml$' }, all: [{ has: { field: 'value', ...PY_BUILT_STRING } }] } } }] },
    examples: { match: ['client.calls.create(to=to, from_=sender, twiml=f"<Response><Say>{message}</Say></Response>")', 'call.update(twiml="<Response><Say>" + text + "</Say></Response>")'], noMatch: ['client.calls.create(to=to, from_=sender, twiml=str(VoiceResponse().say(message)))', 'client.calls.create(to=to, from_=sender, url=TWIML_URL)'] },
  }),
  py({
    id: 'py-header-from-request-data', cwe: 'CWE-113', severity: 'medium', keywords: ['headers[', 'response['],
    title: 'Response header value from request data',
    message: 'A header value from the request can carry CR/LF on older stacks (response splitting) or set cookies and caching for other users.',
    fix: 'Validate the value against what the header allows (or an allow-list) before setting it.',
    rule: { any: [{ pattern: '$RESP.headers[$NAME] = $VALUE' }, { pattern: '$RESP[$NAME] = $VALUE' }] },
    constraints: { RESP: { regex: '^(?:resp|response|res|r)$' }, NAME: { kind: 'string', not: { regex: '(?i)access-control-allow-origin|^[\'"]location[\'"]$' } }, VALUE: PY_NON_LITERAL },
    taintOn: 'VALUE',
    examples: { match: ['resp.headers["X-Trace"] = request.headers.get("X-Trace")', { code: 'def dl(request):\n    response = HttpResponse(data)\n    response["Content-Disposition"] = "attachment; filename=" + request.GET["f"]', lines: [3] }], noMatch: ['resp.headers["X-Frame-Options"] = "DENY"\nname = request.args["n"]', 'def dl(request):\n    response = HttpResponse(data)\n    response["Content-Disposition"] = "attachment; filename=report.pdf"\n    return response, request.GET'] },
  }),
  py({
    id: 'py-dynamodb-expression-built', cwe: 'CWE-943', severity: 'medium', keywords: ['Expression='],
    title: 'DynamoDB expression built from values (boto3)',
    message: 'A FilterExpression/KeyConditionExpression/ConditionExpression assembled from values lets them change the condition.',
    fix: 'Use boto3.dynamodb.conditions (Key/Attr) or placeholders with ExpressionAttributeValues.',
    rule: { kind: 'call', all: [{ has: { field: 'arguments', has: { kind: 'keyword_argument', has: { field: 'name', regex: '^(?:FilterExpression|KeyConditionExpression|ConditionExpression|UpdateExpression)$' }, all: [{ has: { field: 'value', ...PY_BUILT_STRING } }] } } }] },
    examples: { match: ['table.scan(FilterExpression=f"owner = {user}")', 'client.query(TableName=t, KeyConditionExpression="pk = " + pk)'], noMatch: ['table.scan(FilterExpression=Attr("owner").eq(user))', 'client.query(TableName=t, KeyConditionExpression="pk = :pk", ExpressionAttributeValues=vals)'] },
  }),
  py({
    id: 'py-mongo-where-built', cwe: 'CWE-943', severity: 'high', keywords: ['$where'],
    title: 'MongoDB $where with code built at run time (pymongo)',
    message: '$where runs JavaScript on the database server: a value in it can change the query or run arbitrary code there.',
    fix: 'Express the condition with query operators instead of $where.',
    rule: { kind: 'pair', regex: '^[\'"]\\$where[\'"]\\s*:', has: { field: 'value', any: [PY_BUILT_STRING, { kind: 'identifier' }, { kind: 'attribute' }, { kind: 'subscript' }] } },
    examples: { match: ['users.find({"$where": f"this.name == \'{name}\'"})', 'coll.find({"$where": condition})'], noMatch: ['users.find({"$where": "this.a > this.b"})', 'users.find({"name": name})'] },
  }),
  py({
    id: 'py-unpack-archive-path-traversal', cwe: 'CWE-22', severity: 'low', keywords: ['unpack_archive('],
    title: 'shutil.unpack_archive of an archive (tar members can climb out)',
    message: 'For tar archives unpack_archive extracts members named ../… or links out of the target folder.',
    fix: 'Pass filter="data" (Python 3.12+), or open the archive with tarfile and check each member first.',
    rule: { pattern: 'shutil.unpack_archive($$$)', not: kwarg('^filter\\s*=') },
    examples: { match: ['shutil.unpack_archive(upload_path, extract_dir)', 'shutil.unpack_archive(path)'], noMatch: ['shutil.unpack_archive(upload_path, extract_dir, filter="data")', 'shutil.make_archive(base, "zip", root)'] },
  }),
  py({
    id: 'py-weak-crypt-method', cwe: 'CWE-328', severity: 'medium', keywords: ['crypt.', 'hashalg'],
    title: 'crypt() with DES/MD5, or an auth ticket hashed with MD5/SHA-1',
    message: 'crypt\'s DES and MD5 methods and MD5/SHA-1 ticket signatures are fast to brute-force or collide.',
    fix: 'Use a password hasher (argon2/bcrypt/passlib) and hashalg="sha512" for auth tickets.',
    rule: { any: [{ kind: 'attribute', regex: '^crypt\\.METHOD_(?:CRYPT|MD5)$' }, { kind: 'keyword_argument', regex: '^hashalg\\s*=\\s*[\'"](?i:md5|sha1)[\'"]$' }] },
    examples: { match: ['h = crypt.crypt(pw, crypt.METHOD_MD5)', 'policy = AuthTktAuthenticationPolicy(secret, hashalg="md5", secure=True, httponly=True)'], noMatch: ['h = crypt.crypt(pw, crypt.METHOD_SHA512)', 'policy = AuthTktAuthenticationPolicy(secret, hashalg="sha512", secure=True, httponly=True)'] },
  }),
  py({
    id: 'py-rsa-pkcs1v15-encryption', cwe: 'CWE-327', severity: 'medium', keywords: ['PKCS1v15', 'PKCS1_v1_5'],
    title: 'RSA encryption with PKCS#1 v1.5 padding',
    message: 'PKCS#1 v1.5 encryption padding is open to padding-oracle attacks (Bleichenbacher).',
    fix: 'Use OAEP (padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)).',
    rule: { any: [{ pattern: '$KEY.encrypt($MSG, padding.PKCS1v15())' }, { pattern: '$KEY.decrypt($MSG, padding.PKCS1v15())' }, { kind: 'call', regex: '^PKCS1_v1_5\\.new\\(', inside: { kind: 'module', regex: 'Crypto\\.Cipher|Cryptodome\\.Cipher', stopBy: 'end' } }] },
    examples: { match: ['ct = public_key.encrypt(message, padding.PKCS1v15())', { code: 'from Crypto.Cipher import PKCS1_v1_5\ncipher = PKCS1_v1_5.new(key)', lines: [2] }], noMatch: ['sig = private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())', 'ct = public_key.encrypt(message, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None))'] },
  }),
  py({
    id: 'py-jwt-unverified-claims', cwe: 'CWE-347', severity: 'medium', keywords: ['get_unverified'],
    title: 'JWT claims read without verifying the signature',
    message: 'Unverified claims are whatever the sender wrote: using them for identity or permissions trusts a forgeable token.',
    fix: 'Decode with the key and algorithms (jwt.decode(token, key, algorithms=[…])) before trusting any claim.',
    rule: { kind: 'call', has: { field: 'function', regex: '(?:^|\\.)get_unverified_claims$' } },
    examples: { match: ['claims = jwt.get_unverified_claims(token)', 'user_id = jose.jwt.get_unverified_claims(t)["sub"]'], noMatch: ['header = jwt.get_unverified_header(token)', 'claims = jwt.decode(token, key, algorithms=["RS256"])'] },
  }),
  py({
    id: 'py-sql-built-other-drivers', cwe: 'CWE-89', severity: 'high', keywords: ['read_sql', 'fetch', 'sql.SQL(', 'fetchrow', 'fetchval'],
    title: 'SQL built by formatting, run by pandas, asyncpg or psycopg.sql',
    message: 'The query text is assembled with an f-string, % or + : a value in it can change the SQL.',
    fix: 'Keep the SQL literal and pass values as parameters (params=…, $1 placeholders, sql.Literal/sql.Identifier).',
    rule: { any: [callsFirstArg(['pd.read_sql', 'pandas.read_sql', 'pd.read_sql_query', 'pandas.read_sql_query', 'sql.SQL', 'psycopg2.sql.SQL', '$CONN.fetch', '$CONN.fetchrow', '$CONN.fetchval', '$CONN.execute_many'], '$SQL')] },
    constraints: { SQL: { ...PY_BUILT_STRING, regex: SQL_TEXT } },
    examples: { match: ['df = pd.read_sql(f"SELECT * FROM sales WHERE region = \'{region}\'", engine)', 'rows = await conn.fetch("SELECT * FROM users WHERE id = " + user_id)'], noMatch: ['df = pd.read_sql("SELECT * FROM sales WHERE region = %(r)s", engine, params={"r": region})', 'rows = await conn.fetch("SELECT * FROM users WHERE id = $1", user_id)'] },
  }),
  py({
    id: 'py-assert-guards-access', cwe: 'CWE-617', severity: 'low', keywords: ['assert '],
    title: 'assert used for an access check',
    message: 'Assertions are removed under python -O: an authorization check written as assert disappears in optimised runs.',
    fix: 'Raise PermissionDenied (or return 403) with an explicit if.',
    rule: { kind: 'assert_statement', regex: '(?i)is_authenticated|is_staff|is_superuser|is_admin|has_perm|permission|authorized|logged_in|owner' },
    examples: { match: ['assert request.user.is_authenticated', 'assert user.has_perm("app.delete_item"), "forbidden"'], noMatch: ['assert len(items) == 3', 'if not request.user.is_authenticated:\n    raise PermissionDenied'] },
  }),
  py({
    id: 'py-log-sensitive-value', cwe: 'CWE-532', severity: 'low', keywords: ['log', 'print('],
    title: 'Password, secret or token written to a log',
    message: 'Logs are kept, shipped and read far more widely than the secret should be.',
    fix: 'Log that the value was present (or a redacted prefix), never the value itself.',
    rule: {
      kind: 'call',
      has: { field: 'function', regex: '^(?:logging|logger|log|_logger|LOGGER|self\\.logger|self\\.log)\\.(?:debug|info|warning|warn|error|critical|exception)$' },
      all: [{ has: { field: 'arguments', has: { any: [{ kind: 'identifier' }, { kind: 'attribute' }, { kind: 'interpolation' }], regex: '(?i)(?:^|[._{])(?:password|passwd|secret|api_key|apikey|access_token|auth_token|private_key)\\b', stopBy: 'end' } } }],
    },
    examples: { match: ['logger.info("login %s %s", username, password)', 'logging.debug(f"token={user.access_token}")'], noMatch: ['logger.info("login %s", username)', 'logger.info("password reset requested for %s", user.email)'] },
  }),
];
