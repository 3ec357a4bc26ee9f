import type { Rule } from '@ast-grep/napi';
import type { Severity } from '../../core/types.js';

/** The grammars rules run on: .js/.jsx/.mjs/.cjs, .ts/.mts/.cts, .tsx (JSX is not TypeScript syntax), .py. */
export const SAST_LANGUAGES = ['javascript', 'typescript', 'tsx', 'python'] as const;
export type SastLanguage = (typeof SAST_LANGUAGES)[number];

/**
 * Vulnerability classes, named after the CWE families they gather (each rule's first CWE decides
 * its class, see CWE_CLASS): the unit of per-class accuracy figures and of cross-engine deduplication.
 */
export const VULN_CLASSES = [
  'command-injection',
  'code-injection',
  'sql-injection',
  'nosql-injection',
  'other-injection',
  'xss',
  'path-traversal',
  'ssrf',
  'open-redirect',
  'deserialization',
  'insecure-crypto',
  'tls-verification-disabled',
  'insecure-transport',
  'hardcoded-secret',
  'auth-session',
  'csrf',
  'regex-dos',
  'prototype-pollution',
  'mass-assignment',
  'xxe',
  'misconfiguration',
  'info-exposure',
  'other',
] as const;
export type VulnClass = (typeof VULN_CLASSES)[number];

/**
 * Which values count as attacker-controlled for the data-flow step: `request` is HTTP request
 * data (`req.query`, Flask `request.args` …); `argv` adds the process's command line, which
 * only matters where it becomes code or a shell command (a CLI opening the file it was given
 * is ordinary code, not path traversal).
 */
export type TaintSources = 'request' | 'request+argv';

/**
 * One SAST rule: data, not code. The ast-grep rule finds the sink; when `taint` is set, the
 * metavariable it names must also carry request data (directly, or through a variable assigned
 * from a request source earlier in the same function). Every rule proves itself with its
 * examples, which run in each of its languages.
 */
export interface SastRule {
  /** kebab-case, unique, stable: what users write in `wfo-gate-ignore:` and in `rules`. */
  id: string;
  /**
   * The prefilter: literal text at least one of which a file must contain for the rule to run
   * on it (case-sensitive). Most files contain none of a rule's keywords and skip it unparsed.
   */
  keywords: string[];
  class: VulnClass;
  languages: SastLanguage[];
  severity: Severity;
  /** e.g. `CWE-78`. */
  cwe: string[];
  title: string;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do instead, one line. */
  fix: string;
  /** The ast-grep rule object (pattern / kind / inside / has / not / any / all). */
  rule: Rule;
  /** Constraints on the rule's metavariables (ast-grep `constraints`). */
  constraints?: Record<string, Rule>;
  taint?: { metavariable: string; sources: TaintSources };
  /**
   * The metavariable's value may reach the sink through local variables: the rule holds when
   * the value itself, or a value assigned (transitively) to the variable it names earlier in
   * the same function, matches `value` (e.g. a query string built with an f-string). Like a
   * constraint, it applies to the branches of the rule that bind the metavariable.
   */
  flow?: { metavariable: string; value: Rule };
  examples: {
    /**
     * Snippets that must produce a finding of this rule: a one-line string (found on line 1), or
     * `{ code, lines }` stating the lines it is found on, and which other rules rightly fire too.
     */
    match: (string | SastMatchExample)[];
    /** Snippets that must not; `{ code, firedBy }` names the other rules that rightly fire on it. */
    noMatch: (string | SastNoMatchExample)[];
  };
}

export interface SastMatchExample {
  code: string;
  /** 1-based lines the rule reports in `code`, in order. */
  lines: number[];
  /** Other rules of the catalogue that rightly report in `code` too. */
  alsoFiredBy?: string[];
}

export interface SastNoMatchExample {
  code: string;
  /** The rules of the catalogue that rightly report in `code` (this rule does not). */
  firedBy: string[];
}

/** The source of an example, whichever form it is written in. */
export function exampleCode(example: string | SastMatchExample | SastNoMatchExample): string {
  return typeof example === 'string' ? example : example.code;
}

/** The lines a match example is found on: stated, or line 1 of a one-line snippet. */
export function exampleLines(example: string | SastMatchExample): number[] {
  return typeof example === 'string' ? [1] : example.lines;
}
