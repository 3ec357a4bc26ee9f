import type { Severity } from '../../core/types.js';
import type { VulnClass } from './rule.js';

// How other engines' checks map onto our classes, so one problem two engines report is one finding.
const BANDIT_CLASS: Record<string, VulnClass> = {
  B102: 'code-injection', B307: 'code-injection',
  B301: 'deserialization', B302: 'deserialization', B506: 'deserialization',
  B303: 'insecure-crypto', B304: 'insecure-crypto', B305: 'insecure-crypto', B311: 'insecure-crypto', B324: 'insecure-crypto',
  B323: 'tls-verification-disabled', B501: 'tls-verification-disabled', B502: 'tls-verification-disabled', B503: 'tls-verification-disabled', B504: 'tls-verification-disabled',
  B201: 'misconfiguration', B104: 'misconfiguration', B105: 'hardcoded-secret', B106: 'hardcoded-secret', B107: 'hardcoded-secret',
  B321: 'insecure-transport', B312: 'insecure-transport', B401: 'insecure-transport', B402: 'insecure-transport', B507: 'tls-verification-disabled',
  B108: 'path-traversal', B306: 'path-traversal', B505: 'insecure-crypto', B413: 'insecure-crypto',
  B310: 'ssrf',
  B313: 'xxe', B314: 'xxe', B315: 'xxe', B316: 'xxe', B317: 'xxe', B318: 'xxe', B319: 'xxe', B320: 'xxe',
  B601: 'command-injection', B602: 'command-injection', B603: 'command-injection', B604: 'command-injection',
  B605: 'command-injection', B606: 'command-injection', B607: 'command-injection', B609: 'command-injection',
  B608: 'sql-injection', B610: 'sql-injection', B611: 'sql-injection',
  B308: 'xss', B701: 'xss', B702: 'xss', B703: 'xss',
};

export function banditClass(testId: string): VulnClass {
  return BANDIT_CLASS[testId] ?? 'other';
}

// CWE number -> class: the CWE families the class names follow.
const CWE_CLASS: Record<string, VulnClass> = {
  '77': 'command-injection', '78': 'command-injection', '88': 'command-injection',
  '94': 'code-injection', '95': 'code-injection', '96': 'code-injection', '470': 'code-injection', '913': 'code-injection', '1336': 'code-injection',
  '89': 'sql-injection', '564': 'sql-injection',
  '943': 'nosql-injection',
  '90': 'other-injection', '643': 'other-injection', '74': 'other-injection', '93': 'other-injection', '113': 'other-injection', '117': 'other-injection', '134': 'other-injection',
  '79': 'xss', '80': 'xss', '83': 'xss', '116': 'xss',
  '22': 'path-traversal', '23': 'path-traversal', '35': 'path-traversal', '36': 'path-traversal', '73': 'path-traversal', '59': 'path-traversal', '377': 'path-traversal',
  '918': 'ssrf',
  '601': 'open-redirect',
  '502': 'deserialization',
  '326': 'insecure-crypto', '327': 'insecure-crypto', '328': 'insecure-crypto', '329': 'insecure-crypto', '330': 'insecure-crypto', '331': 'insecure-crypto',
  '338': 'insecure-crypto', '916': 'insecure-crypto', '759': 'insecure-crypto', '760': 'insecure-crypto', '1204': 'insecure-crypto', '208': 'insecure-crypto', '325': 'insecure-crypto',
  '295': 'tls-verification-disabled', '297': 'tls-verification-disabled', '322': 'tls-verification-disabled',
  '319': 'insecure-transport', '311': 'insecure-transport', '523': 'insecure-transport',
  '798': 'hardcoded-secret', '259': 'hardcoded-secret', '321': 'hardcoded-secret',
  '287': 'auth-session', '345': 'auth-session', '347': 'auth-session', '522': 'auth-session', '613': 'auth-session', '614': 'auth-session',
  '1004': 'auth-session', '1275': 'auth-session', '306': 'auth-session', '384': 'auth-session', '565': 'auth-session', '617': 'auth-session',
  '352': 'csrf',
  '1333': 'regex-dos', '185': 'regex-dos', '400': 'regex-dos', '730': 'regex-dos',
  '1321': 'prototype-pollution',
  '915': 'mass-assignment',
  '611': 'xxe', '776': 'xxe', '827': 'xxe',
  '16': 'misconfiguration', '183': 'misconfiguration', '215': 'misconfiguration', '250': 'misconfiguration', '276': 'misconfiguration', '489': 'misconfiguration',
  '668': 'misconfiguration', '732': 'misconfiguration', '942': 'misconfiguration', '1104': 'misconfiguration', '605': 'misconfiguration',
  '200': 'info-exposure', '209': 'info-exposure', '312': 'info-exposure', '532': 'info-exposure',
};

/** The class of a semgrep result from its metadata's CWE entries (`CWE-78: Improper …`). */
export function cweClass(cwes: readonly string[]): VulnClass {
  for (const cwe of cwes) {
    const id = /CWE-(\d+)/i.exec(cwe)?.[1];
    if (id && CWE_CLASS[id]) return CWE_CLASS[id];
  }
  return 'other';
}

export function banditSeverity(level: string): Severity {
  return level === 'HIGH' ? 'high' : level === 'MEDIUM' ? 'medium' : 'low';
}

export function semgrepSeverity(level: string): Severity {
  return level === 'ERROR' ? 'high' : level === 'WARNING' ? 'medium' : 'low';
}
