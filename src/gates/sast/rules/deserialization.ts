import type { SastRule } from '../rule.js';
import { JS, JS_NON_LITERAL, PY, PY_NON_LITERAL, callsFirstArg, pyCallWithKeyword } from './fragments.js';

const CWE = ['CWE-502'];
const PICKLE_CALLS = ['pickle.loads', 'pickle.load', 'pickle.Unpickler', 'cPickle.loads', 'cPickle.load', '_pickle.loads', 'dill.loads', 'dill.load', 'shelve.open', 'jsonpickle.decode', 'pandas.read_pickle', 'pd.read_pickle'];

export const deserializationRules: SastRule[] = [
  {
    id: 'py-pickle-load',
    keywords: ['pickle', 'Pickle', 'dill.', 'shelve.', 'jsonpickle'],
    class: 'deserialization',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'pickle/dill/jsonpickle deserialization',
    message: 'Unpickling runs code chosen by whoever wrote the bytes; only load pickles this program wrote itself.',
    fix: 'Use json (or another data-only format) for anything that crosses a trust boundary; sign pickles you must keep (hmac).',
    rule: callsFirstArg(PICKLE_CALLS, '$DATA'),
    constraints: { DATA: PY_NON_LITERAL },
    examples: {
      match: [
        'obj = pickle.loads(payload)',
        { code: 'with open(path, "rb") as f:\n    model = pickle.load(f)', lines: [2] },
        'state = jsonpickle.decode(blob)',
      ],
      noMatch: ['obj = json.loads(payload)', 'data = pickle.dumps(obj)'],
    },
  },
  {
    id: 'py-deserialize-request-data',
    keywords: ['pickle', 'Pickle', 'dill.', 'shelve.', 'jsonpickle', 'marshal.', 'yaml.'],
    class: 'deserialization',
    languages: PY,
    severity: 'critical',
    cwe: CWE,
    title: 'Request data deserialized with pickle/marshal/yaml',
    message: 'Request bytes reach pickle/marshal/unsafe YAML loading: the client chooses code the server runs.',
    fix: 'Accept JSON (json.loads) or yaml.safe_load; never unpickle what a client sent.',
    rule: callsFirstArg([...PICKLE_CALLS, 'marshal.loads', 'yaml.load', 'yaml.unsafe_load', 'yaml.full_load'], '$DATA'),
    constraints: { DATA: PY_NON_LITERAL },
    taint: { metavariable: 'DATA', sources: 'request' },
    examples: {
      match: [
        { code: 'session = pickle.loads(base64.b64decode(request.cookies["session"]))', lines: [1], alsoFiredBy: ['py-pickle-load'] },
        { code: 'def upload():\n    blob = request.get_data()\n    return marshal.loads(blob)', lines: [3], alsoFiredBy: ['py-marshal-load'] },
      ],
      noMatch: [
        { code: "data = request.get_data()\nobj = pickle.loads(SIGNED_DEFAULTS)", firedBy: ['py-pickle-load'] },
        'session = json.loads(request.cookies["session"])',
        'def restore(blob):\n    return json.loads(blob)',
      ],
    },
  },
  {
    id: 'py-marshal-load',
    keywords: ['marshal.'],
    class: 'deserialization',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'marshal deserialization',
    message: 'marshal is not safe against crafted data: malformed input can crash or mislead the interpreter.',
    fix: 'Use json for data exchange; marshal is for the interpreter\'s own .pyc files.',
    rule: callsFirstArg(['marshal.loads', 'marshal.load'], '$DATA'),
    constraints: { DATA: PY_NON_LITERAL },
    examples: {
      match: [
        'code = marshal.loads(data)',
        { code: 'with open(p, "rb") as f:\n    obj = marshal.load(f)', lines: [2] },
      ],
      noMatch: ['data = marshal.dumps(obj)', 'obj = json.load(f)'],
    },
  },
  {
    id: 'py-yaml-unsafe-load',
    keywords: ['yaml.'],
    class: 'deserialization',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'yaml.load without a safe loader',
    message: 'yaml.load with the default, full or unsafe Loader constructs arbitrary Python objects from tags in the document.',
    fix: 'Use yaml.safe_load(text), or yaml.load(text, Loader=yaml.SafeLoader).',
    rule: {
      any: [
        { pattern: 'yaml.load($DATA)' },
        { ...pyCallWithKeyword('yaml.load', 'Loader\\s*=\\s*(?:yaml\\.)?(?:Loader|UnsafeLoader|FullLoader)') },
        { pattern: 'yaml.load($DATA, $LOADER)' },
        callsFirstArg(['yaml.unsafe_load', 'yaml.unsafe_load_all', 'yaml.load_all'], '$DATA'),
      ],
    },
    constraints: { LOADER: { regex: '^(?:yaml\\.)?(?:Loader|UnsafeLoader|FullLoader)$' } },
    examples: {
      match: ['config = yaml.load(stream)', 'data = yaml.load(text, Loader=yaml.Loader)', 'data = yaml.unsafe_load(text)'],
      noMatch: ['config = yaml.safe_load(stream)', 'data = yaml.load(text, Loader=yaml.SafeLoader)', 'data = yaml.load(text, yaml.CSafeLoader)'],
    },
  },
  {
    id: 'js-node-serialize-unserialize',
    keywords: ['unserialize'],
    class: 'deserialization',
    languages: JS,
    severity: 'critical',
    cwe: CWE,
    title: 'node-serialize / serialize-to-js unserialize',
    message: 'node-serialize revives functions with eval: a crafted payload (`_$$ND_FUNC$$_`) runs code on unserialize.',
    fix: 'Exchange data with JSON.parse; remove node-serialize.',
    rule: { any: [{ pattern: '$S.unserialize($DATA)' }, { pattern: '$S.unserialize($DATA, $$$)' }, { pattern: "require('node-serialize').unserialize($$$)" }] },
    constraints: { S: { regex: '^(?:serialize|serializer|nodeSerialize|serialijse)$' }, DATA: JS_NON_LITERAL },
    examples: {
      match: [
        { code: "const serialize = require('node-serialize');\nconst obj = serialize.unserialize(req.cookies.profile);", lines: [2] },
        'const state = serialize.unserialize(Buffer.from(raw, "base64").toString());',
      ],
      noMatch: ["const s = serialize.unserialize('{\"a\":1}');", 'const obj = JSON.parse(req.cookies.profile);', 'const s = serialize.serialize(obj);'],
    },
  },
  {
    id: 'js-yaml-unsafe-load',
    keywords: ['FULL_SCHEMA', 'JS_SCHEMA', 'UNSAFE'],
    class: 'deserialization',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'js-yaml load with a schema that constructs functions',
    message: 'js-yaml\'s DEFAULT_FULL_SCHEMA / js-yaml-js-types let a document construct functions and regexps.',
    fix: 'Use yaml.load with the default (safe) schema of js-yaml 4, or yaml.safeLoad in js-yaml 3.',
    rule: {
      any: [{ pattern: '$Y.load($DATA, $OPTS)' }, { pattern: '$Y.loadAll($DATA, $$$)' }],
      regex: 'FULL_SCHEMA|JS_SCHEMA|UNSAFE',
      has: { field: 'arguments', has: { kind: 'object', has: { kind: 'pair', regex: '^schema\\s*:\\s*[\\w.]*(?:DEFAULT_FULL_SCHEMA|JS_SCHEMA|UNSAFE)' } } },
    },
    constraints: { Y: { regex: '^(?:yaml|jsyaml|YAML|jsYaml)$' } },
    examples: {
      match: ["const doc = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });", "const doc = jsyaml.load(input, { schema: JS_SCHEMA });"],
      noMatch: ["const doc = yaml.load(text);\nconst legacy = yaml.DEFAULT_FULL_SCHEMA;", 'const doc = yaml.load(text);', "const doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });"],
    },
  },
];
