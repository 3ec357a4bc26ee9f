import type { Severity } from '../../core/types.js';
import type { VulnClass } from './rule.js';

// How other engines' checks map onto our classes, so one problem two engines report is one finding.
const BANDIT_CLASS: Record<string, VulnClass> = {
  B102: 'code-injection', B307: 'code-injection',
  B301: 'insecure-deserialization', B302: 'insecure-deserialization', B506: 'insecure-deserialization',
  B303: 'weak-crypto', B304: 'weak-crypto', B305: 'weak-crypto', B311: 'weak-crypto', B324: 'weak-crypto',
  B323: 'tls-verification', B501: 'tls-verification', B502: 'tls-verification', B503: 'tls-verification', B504: 'tls-verification',
  B201: 'debug-mode',
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

const CWE_CLASS: Record<string, VulnClass> = {
  '78': 'command-injection', '77': 'command-injection',
  '94': 'code-injection', '95': 'code-injection', '1336': 'code-injection',
  '89': 'sql-injection', '564': 'sql-injection',
  '79': 'xss', '80': 'xss',
  '22': 'path-traversal', '23': 'path-traversal', '73': 'path-traversal',
  '918': 'ssrf',
  '601': 'open-redirect',
  '502': 'insecure-deserialization',
  '327': 'weak-crypto', '328': 'weak-crypto', '330': 'weak-crypto', '338': 'weak-crypto', '916': 'weak-crypto',
  '295': 'tls-verification',
  '347': 'jwt', '345': 'jwt',
  '1333': 'redos', '185': 'redos', '400': 'redos',
  '1321': 'prototype-pollution', '915': 'prototype-pollution',
  '942': 'cors', '346': 'cors',
  '489': 'debug-mode', '215': 'debug-mode',
  '611': 'xxe', '776': 'xxe',
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
