import { severityRank } from '../core/severity.js';
import type { Finding, GateId, GateResult, Report, RuleInfo, Severity } from '../core/types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
// GitHub code scanning reads `security-severity` (0-10) to rank security results.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0', info: '0.0' };
const INFORMATION_URI = 'https://www.npmjs.com/package/wfo-gate';
/**
 * Gates whose findings are security problems: only their rules carry the `security` tag and a
 * `security-severity`, which is what makes code scanning file a result as a security alert.
 */
const SECURITY_GATES: ReadonlySet<GateId> = new Set(['secrets', 'sast', 'audit', 'env-ignore']);

/** SARIF 2.1.0 for code scanning: one run, rules named `<gate>/<rule>`, fingerprints, regions. */
export function renderSarif(report: Report): string {
  const rules: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (gate: GateResult, finding: Finding): number => {
    const id = sarifRuleId(finding);
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(id, index);
      rules.push(ruleDescriptor(id, gate.rules?.find((r) => r.id === finding.ruleId), finding));
    }
    return index;
  };
  const results: Record<string, unknown>[] = [];
  for (const gate of report.gates) {
    for (const finding of gate.findings) results.push(result(finding, indexOf(gate, finding)));
    for (const finding of gate.suppressed) results.push(result(finding, indexOf(gate, finding)));
  }
  const notifications = report.gates
    .filter((g) => g.status === 'error')
    .map((g) => ({ level: 'error', message: { text: `${g.gate}: ${g.error ?? g.summary}` }, descriptor: { id: `${g.gate}/error` } }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wfo-gate', version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(report.scope.root) } },
        invocations: [
          {
            executionSuccessful: report.gates.every((g) => g.status !== 'error'),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
            startTimeUtc: report.startedAt,
          },
        ],
        results,
        ...(report.scope.head ? { versionControlProvenance: [{ repositoryUri: directoryUri(report.scope.root), revisionId: report.scope.head, mappedTo: { uriBaseId: '%SRCROOT%' } }] } : {}),
        properties: { verdict: report.verdict, scope: report.scope.kind },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** `<gate>/<rule>`, once: a rule id that already starts with its gate (`coverage/lines`, `budget.hard-limit`) is not prefixed again. */
function sarifRuleId(finding: Finding): string {
  const { gate, ruleId } = finding;
  const own = ruleId.startsWith(`${gate}/`) || ruleId.startsWith(`${gate}.`) ? ruleId.slice(gate.length + 1) : ruleId;
  return `${gate}/${own}`;
}

function ruleDescriptor(id: string, info: RuleInfo | undefined, finding: Finding): Record<string, unknown> {
  const severity = info?.severity ?? finding.severity;
  const title = info?.title ?? finding.ruleId;
  return {
    id,
    name: title.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : '')).replace(/^./, (ch) => ch.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: info?.description ?? title },
    ...(info?.helpUri ? { helpUri: info.helpUri } : {}),
    help: { text: finding.fix ?? info?.description ?? title },
    defaultConfiguration: { level: LEVEL[severity] },
    // SARIF's tags are a set (uniqueItems): a rule's own tags may repeat `security` or the gate.
    properties: SECURITY_GATES.has(finding.gate)
      ? { tags: [...new Set(['security', finding.gate, ...(info?.tags ?? [])])], 'security-severity': SECURITY_SEVERITY[severity] }
      : { tags: [...new Set([finding.gate, ...(info?.tags ?? [])])] },
  };
}

function result(finding: Finding, ruleIndex: number): Record<string, unknown> {
  const text = [finding.preview ? `${finding.message} (${finding.preview})` : finding.message, finding.fix ? `Fix: ${finding.fix}` : '']
    .filter(Boolean)
    .join(' ');
  // A finding about a whole file (an un-ignored .env, a file's coverage, a ledger file) points
  // at its first line: code scanning wants a region in every location (SARIF2017).
  const region: Record<string, number> = { startLine: finding.line || 1 };
  if (finding.line) {
    if (finding.endLine && finding.endLine >= finding.line) region.endLine = finding.endLine;
    if (finding.column) region.startColumn = finding.column;
  }
  return {
    ruleId: sarifRuleId(finding),
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text },
    ...(finding.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToUri(finding.file), uriBaseId: '%SRCROOT%' },
                region,
              },
            },
          ],
        }
      : {}),
    partialFingerprints: { 'wfoGate/v1': finding.fingerprint },
    ...(finding.suppression
      ? {
          suppressions: [
            {
              kind: finding.suppression.kind === 'inline' ? 'inSource' : 'external',
              ...(finding.suppression.reason ? { justification: finding.suppression.reason } : {}),
            },
          ],
        }
      : {}),
    properties: {
      severity: finding.severity,
      ...(SECURITY_GATES.has(finding.gate) ? { 'security-severity': SECURITY_SEVERITY[finding.severity] } : {}),
      blocking: finding.blocking ?? false,
      ...(finding.isNew !== undefined ? { isNew: finding.isNew } : {}),
      ...(finding.commit ? { commit: finding.commit } : {}),
      rank: severityRank(finding.severity),
      ...(finding.confidence ? { confidence: finding.confidence } : {}),
    },
  };
}

/** A repo-relative path as a relative URI reference: each segment percent-encoded. */
function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const path = dir.endsWith('/') ? dir : `${dir}/`;
  return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}
