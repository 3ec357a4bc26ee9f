import { resolveConfig } from '../../../src/core/config.js';
import type { GateContext, Scope } from '../../../src/core/types.js';
import type { AuditOptions } from '../../../src/gates/audit/options.js';

/** A gate context as the runner builds it: the audit section validated by the real schema, defaults applied. */
export function auditContext(scope: Scope, audit: Record<string, unknown>, explicit = true): GateContext<AuditOptions> {
  const config = resolveConfig({ gates: { audit } }, 'wfo-gate.config.json');
  return { scope, options: config.gates.audit as unknown as AuditOptions, explicit, config, signal: new AbortController().signal };
}
