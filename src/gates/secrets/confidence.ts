import picomatch from 'picomatch';
import type { Confidence } from '../../core/types.js';
import { BINDING_MARK } from './grammar.js';
import type { SecretRule } from './rule.js';

// How sure a finding is, apart from how bad it would be (severity). The rule gives the base:
// a provider format with a fixed prefix or a checksum is high; a value that is only recognised
// by the name it is bound to (generic rules, provider keyword context) is medium. The place
// then lowers it: a value in an example or documentation context is low. `failOn.confidence`
// (default medium) decides which of them block.

/** The confidence a rule's matches start from: its own `confidence`, else what its regex needs. */
export function ruleConfidence(rule: SecretRule): Confidence {
  if (rule.confidence !== undefined) return rule.confidence;
  if (rule.family === 'generic') return 'medium';
  return rule.regex.includes(BINDING_MARK) ? 'medium' : 'high';
}

/**
 * Files that hold examples and documentation: SDK example files (`*.examples.json`), folders and
 * files named example/sample/docs, documentation formats, OpenAPI/Swagger descriptions.
 * Whatever is found there is low.
 */
const EXAMPLE_FILES = picomatch(
  [
    '**/*.examples.json', '**/*.example.*', '**/*.sample.*', '**/*.{example,sample}', '**/*{-,_,.}{example,examples,sample,samples}{-,_,.}*',
    '**/{example,examples,sample,samples,doc,docs,documentation,demo,demos}/**',
    '**/*.{md,mdx,markdown,rst,adoc,asciidoc}',
    // API descriptions: OpenAPI/Swagger documents are documentation, their values examples.
    '**/{openapi,swagger}/**', '**/*{openapi,swagger}*.{json,yaml,yml}',
  ],
  { dot: true, nocase: true },
);

/**
 * Test files: their values are mostly test vectors (a URL parser's `user:pass@host` cases).
 * A keyword match (medium) there is low; a provider format (high) stays high, since real keys
 * pasted into tests are a classic leak.
 */
const TEST_FILES = picomatch(['**/{test,tests,__tests__,spec,specs,testdata,fixtures,__fixtures__}/**', '**/*{.,-,_}{test,spec}.*', '**/test{.,-,_}*', '**/test'], { dot: true, nocase: true });

/** A key that says example on the secret's line, right before it: OpenAPI `example:`, `"sample": "…"`, `exampleValue=`. */
const EXAMPLE_KEY = /(?:^|[^a-z])(?:examples?|samples?)(?:[_-]?value)?["']?[ \t]{0,4}[:=]/i;

/** Characters of the line before the secret read for an example key. */
const KEY_REACH = 80;

/** The name a value is bound to: the last identifier before it, past quotes, operators and an auth scheme. */
const BOUND_NAME = /([A-Za-z_$][\w$.-]{0,80})[^\w$]{0,12}$/;
const AUTH_SCHEME = /(?:bearer|basic|token|bot)[ \t]{1,4}$/i;
/** Words of a name that say its value is a stand-in: `FAKE_KEY`, `dummyToken`, `api_key_sample`. */
const STAND_IN_WORDS = new Set(['fake', 'dummy', 'example', 'examples', 'sample', 'samples', 'mock', 'mocked', 'placeholder']);
/** Words of a name that say its value serves tests: a real key pasted there still leaks, so only a keyword match is lowered. */
const TEST_WORDS = new Set(['test', 'tests', 'testing']);

/** The words of the name the secret is bound to, lower-cased (`myFake_API-key` -> my, fake, api, key). */
export function boundNameWords(before: string): string[] {
  const name = BOUND_NAME.exec(before.slice(-KEY_REACH).replace(AUTH_SCHEME, ''))?.[1];
  if (name === undefined) return [];
  return name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
}

/**
 * The confidence of a match of a rule of confidence `base` at `path`, `before` being the text of
 * its line that precedes the secret. Low in an example file or under an example key, and when
 * the bound name says fake/dummy/example/sample/mock; a keyword match (medium) is low in a
 * test file or under a name that says test.
 */
export function findingConfidence(base: Confidence, path: string, before: string): Confidence {
  if (EXAMPLE_FILES(path) || EXAMPLE_KEY.test(before.slice(-KEY_REACH))) return 'low';
  const words = boundNameWords(before);
  if (words.some((w) => STAND_IN_WORDS.has(w))) return 'low';
  if (base === 'medium' && (TEST_FILES(path) || words.some((w) => TEST_WORDS.has(w)))) return 'low';
  return base;
}
