import type { SastRule } from '../rule.js';
import { JS, PY, PY_NON_LITERAL, callsFirstArg } from './fragments.js';

const CWE = ['CWE-611'];
const MESSAGE = 'The XML parser resolves external entities: a document can read local files or make the server fetch URLs.';

export const xxeRules: SastRule[] = [
  {
    id: 'py-lxml-resolve-entities',
    keywords: ['XMLParser('],
    class: 'xxe',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'lxml parser that resolves entities',
    message: MESSAGE,
    fix: 'etree.XMLParser(resolve_entities=False, no_network=True), or parse untrusted XML with defusedxml.',
    rule: {
      any: [{ pattern: 'etree.XMLParser($$$)' }, { pattern: 'lxml.etree.XMLParser($$$)' }, { pattern: 'XMLParser($$$)' }],
      not: { has: { field: 'arguments', has: { kind: 'keyword_argument', regex: '^resolve_entities\\s*=\\s*False$' } } },
      inside: { kind: 'module', has: { kind: 'import_from_statement', regex: '^from\\s+lxml', stopBy: 'end' }, stopBy: 'end' },
    },
    examples: {
      match: [
        { code: 'from lxml import etree\nparser = etree.XMLParser(load_dtd=True)', lines: [2] },
        { code: 'from lxml import etree\nparser = etree.XMLParser(resolve_entities=True)', lines: [2] },
      ],
      noMatch: ['from lxml import etree\nparser = etree.XMLParser(resolve_entities=False, no_network=True)', 'from xml.etree.ElementTree import XMLParser\nparser = XMLParser()'],
    },
  },
  {
    id: 'py-lxml-parse-request-data',
    keywords: ['etree.'],
    class: 'xxe',
    languages: PY,
    severity: 'high',
    cwe: CWE,
    title: 'Request XML parsed by lxml with its default parser',
    message: MESSAGE + ' lxml\'s default parser resolves entities (before lxml 5).',
    fix: 'Parse with defusedxml.lxml, or pass parser=etree.XMLParser(resolve_entities=False, no_network=True).',
    rule: { any: [{ pattern: 'etree.fromstring($XML)' }, { pattern: 'etree.XML($XML)' }, { pattern: 'etree.parse($XML)' }, { pattern: 'lxml.etree.fromstring($XML)' }] },
    constraints: { XML: PY_NON_LITERAL },
    taint: { metavariable: 'XML', sources: 'request' },
    examples: {
      match: [
        'doc = etree.fromstring(request.data)',
        { code: 'def upload():\n    body = request.get_data()\n    tree = etree.XML(body)', lines: [3] },
      ],
      noMatch: ['doc = etree.fromstring(request.data, parser=SAFE_PARSER)', 'doc = etree.fromstring(CONFIG_XML)'],
    },
  },
  {
    id: 'py-xml-sax-external-entities',
    keywords: ['sax.', 'pulldom.'],
    class: 'xxe',
    languages: PY,
    severity: 'medium',
    cwe: CWE,
    title: 'xml.sax / pulldom parser without external entities turned off',
    message: MESSAGE,
    fix: 'parser.setFeature(xml.sax.handler.feature_external_ges, False), or use defusedxml.sax.',
    rule: {
      any: [callsFirstArg(['xml.sax.parse', 'xml.sax.parseString', 'sax.parse', 'sax.parseString', 'xml.dom.pulldom.parse', 'pulldom.parseString'], '$SRC'), { pattern: 'xml.sax.make_parser()' }, { pattern: 'sax.make_parser()' }],
      not: { inside: { kind: 'module', has: { kind: 'call', regex: 'setFeature\\([^)]*feature_external_ges[^)]*False', stopBy: 'end' }, stopBy: 'end' } },
    },
    examples: {
      match: [
        { code: 'import xml.sax\nparser = xml.sax.make_parser()\nparser.parse(stream)', lines: [2], alsoFiredBy: ['py-xml-stdlib-import'] },
        'xml.sax.parseString(body, handler)',
      ],
      noMatch: ['parser = xml.sax.make_parser()\nparser.setFeature(xml.sax.handler.feature_external_ges, False)', 'import defusedxml.sax\ndefusedxml.sax.parseString(body, handler)'],
    },
  },
  {
    id: 'js-libxmljs-noent',
    keywords: ['noent'],
    class: 'xxe',
    languages: JS,
    severity: 'high',
    cwe: CWE,
    title: 'libxmljs parse with noent: true',
    message: MESSAGE,
    fix: 'Drop noent (entities stay unexpanded), or parse with a library that never resolves external entities.',
    rule: {
      any: [{ pattern: '$LIB.parseXml($$$)' }, { pattern: '$LIB.parseXmlString($$$)' }, { pattern: '$LIB.parseXmlAsync($$$)' }],
      has: { field: 'arguments', has: { kind: 'object', has: { kind: 'pair', regex: '^noent\\s*:\\s*true$' } } },
    },
    examples: {
      match: ["const doc = libxmljs.parseXml(req.body, { noent: true });", "const doc = libxml.parseXmlString(xml, { noent: true, noblanks: true });"],
      noMatch: ["const doc = libxmljs.parseXml(xml, { noent: false });", 'const doc = libxmljs.parseXml(req.body);', "const doc = libxmljs.parseXml(xml, { noblanks: true });"],
    },
  },
];
