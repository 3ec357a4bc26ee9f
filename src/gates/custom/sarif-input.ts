// Reads a SARIF 2.1.0 log another tool wrote (ESLint's formatter, CodeQL, semgrep …) into
// findings: level (or the rule's security-severity) to severity, locations to repo paths,
// the tool's own fingerprints kept, suppressions the tool recorded counted as suppressed.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, RuleInfo, Severity } from '../../core/types.js';
import { ReadError, parseJson } from './read-value.js';

/** A result as a finding's fields (file repo-relative; none when it lies outside the repository). */
export type SarifResult = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'file' | 'line' | 'endLine' | 'column' | 'suppression'> & {
  /** The tool's own fingerprint, when it gave one. */
  toolFingerprint?: string;
};

export interface SarifRead {
  tools: string[];
  results: SarifResult[];
  rules: Omit<RuleInfo, 'gate'>[];
}

type Json = Record<string, any>;

const LEVEL: Record<string, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

/** `cwd`: where relative URIs without a base resolve (the command's directory); `root`: what paths are made relative to. */
export function readSarif(text: string, cwd: string, root: string): SarifRead {
  const log = parseJson(text) as Json;
  if (typeof log !== 'object' || log === null || !Array.isArray(log.runs)) throw new ReadError('not a SARIF log: it has no "runs" array');
  const out: SarifRead = { tools: [], results: [], rules: [] };
  const ruleIds = new Set<string>();
  for (const run of log.runs as Json[]) {
    const driver: Json = run?.tool?.driver ?? {};
    out.tools.push(String(driver.name ?? 'unknown tool'));
    const components: Json[] = [driver, ...((run?.tool?.extensions as Json[] | undefined) ?? [])];
    const ruleOf = (result: Json): Json | undefined => {
      const ref = result.rule as Json | undefined;
      const component = components[ref?.toolComponent?.index ?? 0] ?? driver;
      const index = ref?.index ?? result.ruleIndex;
      const rules = (component.rules as Json[] | undefined) ?? [];
      const id = result.ruleId ?? ref?.id;
      return (typeof index === 'number' ? rules[index] : undefined) ?? rules.find((r) => r?.id === id);
    };
    for (const result of (run?.results as Json[] | undefined) ?? []) {
      if (result?.kind === 'pass' || result?.kind === 'notApplicable') continue;
      const rule = ruleOf(result);
      const ruleId = String(result.ruleId ?? result.rule?.id ?? rule?.id ?? 'result');
      const severity = severityOf(result, rule);
      const location = locationOf(result, run, cwd, root);
      out.results.push({
        ruleId,
        severity,
        message: messageOf(result, rule) || ruleId,
        ...location,
        ...fingerprintOf(result),
        ...suppressionOf(result),
      });
      if (!ruleIds.has(ruleId)) {
        ruleIds.add(ruleId);
        const title = String(rule?.shortDescription?.text ?? rule?.name ?? ruleId);
        out.rules.push({ id: ruleId, title, severity, ...(rule?.helpUri ? { helpUri: String(rule.helpUri) } : {}) });
      }
    }
  }
  return out;
}

function severityOf(result: Json, rule: Json | undefined): Severity {
  const score = Number(result.properties?.['security-severity'] ?? rule?.properties?.['security-severity']);
  if (Number.isFinite(score) && score > 0) return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  const level = String(result.level ?? rule?.defaultConfiguration?.level ?? 'warning');
  return LEVEL[level] ?? 'medium';
}

function messageOf(result: Json, rule: Json | undefined): string {
  const message = result.message ?? {};
  const template = String(message.text ?? rule?.messageStrings?.[message.id]?.text ?? rule?.shortDescription?.text ?? '');
  const args: unknown[] = Array.isArray(message.arguments) ? message.arguments : [];
  return template.replace(/\{(\d+)\}/g, (all, n: string) => (args[Number(n)] === undefined ? all : String(args[Number(n)])));
}

function locationOf(result: Json, run: Json, cwd: string, root: string): Pick<SarifResult, 'file' | 'line' | 'endLine' | 'column'> {
  const physical = result.locations?.[0]?.physicalLocation;
  let artifact: Json | undefined = physical?.artifactLocation;
  if (artifact && artifact.uri === undefined && typeof artifact.index === 'number') artifact = run.artifacts?.[artifact.index]?.location;
  if (typeof artifact?.uri !== 'string') return {};
  const absolute = absolutePath(artifact.uri, artifact.uriBaseId, run, cwd);
  if (!absolute) return {};
  const rel = relative(root, absolute);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return {};
  const region = physical.region ?? {};
  const line = Number.isInteger(region.startLine) && region.startLine > 0 ? (region.startLine as number) : undefined;
  return {
    file: rel.split(sep).join('/'),
    ...(line ? { line } : {}),
    ...(line && Number.isInteger(region.endLine) && region.endLine >= line ? { endLine: region.endLine as number } : {}),
    ...(line && Number.isInteger(region.startColumn) && region.startColumn > 0 ? { column: region.startColumn as number } : {}),
  };
}

function absolutePath(uri: string, baseId: unknown, run: Json, cwd: string): string | undefined {
  try {
    if (/^file:/i.test(uri)) return fileURLToPath(uri);
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined; // http: and the like: not a file here
    const decoded = decodeURIComponent(uri);
    const base = typeof baseId === 'string' ? run.originalUriBaseIds?.[baseId]?.uri : undefined;
    if (typeof base === 'string' && /^file:/i.test(base)) return resolve(fileURLToPath(base), decoded);
    return resolve(cwd, decoded);
  } catch {
    return undefined;
  }
}

function fingerprintOf(result: Json): Pick<SarifResult, 'toolFingerprint'> {
  for (const source of [result.fingerprints, result.partialFingerprints]) {
    if (source && typeof source === 'object') {
      const keys = Object.keys(source).sort();
      if (keys.length) return { toolFingerprint: keys.map((k) => `${k}=${String(source[k])}`).join('\0') };
    }
  }
  return {};
}

function suppressionOf(result: Json): Pick<SarifResult, 'suppression'> {
  const suppressions: Json[] = Array.isArray(result.suppressions) ? result.suppressions : [];
  const accepted = suppressions.find((s) => s?.status === undefined || s.status === 'accepted');
  if (!accepted) return {};
  return {
    suppression: {
      kind: accepted.kind === 'external' ? 'allowlist' : 'inline',
      by: `sarif:${String(accepted.kind ?? 'inSource')}`,
      ...(accepted.justification ? { reason: String(accepted.justification) } : {}),
    },
  };
}
