import type { Severity } from '../../core/types.js';
import type { VulnClass } from './rule.js';

// Bandit's checks by the CWE each one finds (bandit >= 1.7.3 reports issue_cwe itself; older ones
// do not), so a bandit finding is classed and tagged like ours. Import-only checks (B4xx) and audit
// notes that find no weakness by themselves (B101 assert, B102/B307 any exec/eval, B110/B112 except-pass, B603 subprocess
// without a shell, B607 partial executable path) name no CWE: they stay findings of class other.
const BANDIT_CWE: Record<string, string> = {
  B103: 'CWE-732', B104: 'CWE-668', B105: 'CWE-259', B106: 'CWE-259', B107: 'CWE-259',
  B108: 'CWE-377', B113: 'CWE-400', B201: 'CWE-489', B202: 'CWE-22',
  B301: 'CWE-502', B302: 'CWE-502', B303: 'CWE-328', B304: 'CWE-327', B305: 'CWE-327', B306: 'CWE-377',
  B308: 'CWE-79', B310: 'CWE-918', B311: 'CWE-338', B312: 'CWE-319', B313: 'CWE-611', B314: 'CWE-611', B315: 'CWE-611',
  B316: 'CWE-611', B317: 'CWE-611', B318: 'CWE-611', B319: 'CWE-611', B320: 'CWE-611', B321: 'CWE-319', B323: 'CWE-295', B324: 'CWE-328',
  B501: 'CWE-295', B502: 'CWE-326', B503: 'CWE-326', B504: 'CWE-326', B505: 'CWE-326', B506: 'CWE-502', B507: 'CWE-295',
  B601: 'CWE-78', B602: 'CWE-78', B604: 'CWE-78', B605: 'CWE-78', B606: 'CWE-78',
  B608: 'CWE-89', B609: 'CWE-78', B610: 'CWE-89', B611: 'CWE-89', B701: 'CWE-79', B702: 'CWE-79', B703: 'CWE-79',
};

/** The CWE of a bandit check: what bandit reported, or what the check is known to find. */
export function banditCwe(testId: string, reported?: number): string[] {
  if (reported) return [`CWE-${reported}`];
  const cwe = BANDIT_CWE[testId];
  return cwe ? [cwe] : [];
}

export function banditClass(testId: string, reported?: number): VulnClass {
  return cweClass(banditCwe(testId, reported));
}

// CWE number -> class: the CWE families the class names follow.
const CWE_CLASS: Record<string, VulnClass> = {
  '77': 'command-injection', '78': 'command-injection', '88': 'command-injection',
  '94': 'code-injection', '95': 'code-injection', '96': 'code-injection', '470': 'code-injection', '913': 'code-injection', '1336': 'code-injection',
  '89': 'sql-injection', '564': 'sql-injection',
  '943': 'nosql-injection',
  '90': 'other-injection', '91': 'other-injection', '643': 'other-injection', '74': 'other-injection', '93': 'other-injection', '113': 'other-injection', '117': 'other-injection', '134': 'other-injection', '1236': 'other-injection',
  '79': 'xss', '80': 'xss', '83': 'xss', '116': 'xss',
  '22': 'path-traversal', '23': 'path-traversal', '35': 'path-traversal', '36': 'path-traversal', '73': 'path-traversal', '59': 'path-traversal',
  '918': 'ssrf',
  '601': 'open-redirect',
  '502': 'deserialization',
  '326': 'insecure-crypto', '327': 'insecure-crypto', '328': 'insecure-crypto', '329': 'insecure-crypto', '330': 'insecure-crypto', '331': 'insecure-crypto',
  '338': 'insecure-crypto', '916': 'insecure-crypto', '759': 'insecure-crypto', '760': 'insecure-crypto', '1204': 'insecure-crypto', '208': 'insecure-crypto', '325': 'insecure-crypto',
  '295': 'tls-verification-disabled', '297': 'tls-verification-disabled', '322': 'tls-verification-disabled',
  '319': 'insecure-transport', '311': 'insecure-transport', '523': 'insecure-transport',
  '798': 'hardcoded-secret', '259': 'hardcoded-secret', '321': 'hardcoded-secret',
  '287': 'auth-session', '345': 'auth-session', '347': 'auth-session', '522': 'auth-session', '613': 'auth-session', '614': 'auth-session',
  '1004': 'auth-session', '1275': 'auth-session', '306': 'auth-session', '521': 'auth-session', '384': 'auth-session', '565': 'auth-session', '617': 'auth-session',
  '352': 'csrf',
  '1333': 'regex-dos', '185': 'regex-dos', '400': 'regex-dos', '730': 'regex-dos',
  '1321': 'prototype-pollution',
  '915': 'mass-assignment',
  '611': 'xxe', '776': 'xxe', '827': 'xxe',
  '16': 'misconfiguration', '183': 'misconfiguration', '215': 'misconfiguration', '250': 'misconfiguration', '276': 'misconfiguration', '489': 'misconfiguration',
  '668': 'misconfiguration', '732': 'misconfiguration', '942': 'misconfiguration', '1104': 'misconfiguration', '605': 'misconfiguration',
  '200': 'info-exposure', '209': 'info-exposure', '312': 'info-exposure', '532': 'info-exposure', '922': 'info-exposure', '548': 'misconfiguration',
};

/** `CWE-78: Improper …` and the like, as `CWE-78`. */
export function cweIds(cwes: readonly string[]): string[] {
  return cwes.flatMap((cwe) => {
    const id = /CWE-(\d+)/i.exec(cwe)?.[1];
    return id ? [`CWE-${id}`] : [];
  });
}

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
