import { inRanges } from '../../core/content.js';
import { fingerprint } from '../../core/fingerprint.js';
import { severityRank } from '../../core/severity.js';
import type { Finding, LineRange, RuleInfo, Severity } from '../../core/types.js';
import type { RuleHit } from './engine.js';
import type { SastRule, VulnClass } from './rule.js';

/** A finding with the class it belongs to, so engines' reports of one problem can be merged. */
export interface ClassedFinding extends Finding {
  vulnClass: VulnClass;
  /** The CWE ids of the rule that found it (another engine's findings carry theirs here). */
  cwe?: string[];
}

export function findingOf(hit: RuleHit, file: string, severity: Severity, changed: readonly LineRange[] | undefined): ClassedFinding {
  return {
    gate: 'sast',
    ruleId: hit.rule.id,
    severity,
    message: `${hit.rule.title}: ${hit.rule.message}`,
    file,
    line: hit.line,
    endLine: hit.endLine,
    column: hit.column,
    fingerprint: fingerprint('sast', hit.rule.id, file, hit.text),
    fix: hit.rule.fix,
    vulnClass: hit.rule.class,
    ...(changed ? { isNew: touchesChangedLine(hit.line, hit.endLine, changed) } : {}),
  };
}

/** In diff-aware scopes a match is new when any of its lines was added or changed. */
export function touchesChangedLine(line: number, endLine: number, changed: readonly LineRange[]): boolean {
  for (let l = line; l <= endLine; l++) if (inRanges(l, changed)) return true;
  return false;
}

/**
 * One problem, one finding: when rules (ours or another engine's) report the same class on the
 * same line of the same file, the most severe report stays.
 */
export function dedupeByClassAndLine(findings: readonly ClassedFinding[]): ClassedFinding[] {
  const kept = new Map<string, ClassedFinding>();
  for (const finding of findings) {
    const key = finding.vulnClass === 'other' ? `${finding.file}\0${finding.line}\0${finding.ruleId}` : `${finding.file}\0${finding.line}\0${finding.vulnClass}`;
    const previous = kept.get(key);
    if (!previous || severityRank(finding.severity) > severityRank(previous.severity)) kept.set(key, finding);
  }
  return [...kept.values()];
}

/** Drops the merge-only field before findings leave the gate. */
export function plainFinding({ vulnClass: _class, cwe: _cwe, ...finding }: ClassedFinding): Finding {
  return finding;
}

/** What `rules` and SARIF say about another engine's rule: its class and CWE, like ours. */
export function externalRuleInfo(finding: ClassedFinding): RuleInfo {
  return {
    gate: 'sast',
    id: finding.ruleId,
    title: finding.message.split(':')[0],
    severity: finding.severity,
    description: finding.message,
    tags: ['security', finding.vulnClass, ...(finding.cwe ?? [])],
  };
}

export function ruleInfo(rule: SastRule, severity: Severity = rule.severity): RuleInfo {
  return {
    gate: 'sast',
    id: rule.id,
    title: rule.title,
    severity,
    description: `${rule.message} Fix: ${rule.fix}`,
    tags: ['security', rule.class, ...rule.cwe, ...rule.languages],
  };
}
