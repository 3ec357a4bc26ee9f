import type { GateCommonOptions, Severity } from '../../core/types.js';

/** gates.audit as schemas/gates/audit.schema.json defines it, defaults applied. */
export interface AuditOptions extends GateCommonOptions {
  source: 'auto' | 'npm' | 'osv-db' | 'osv-api';
  osvDatabase?: string;
  osvApiUrl: string;
  registry?: string;
  dev: boolean;
  lockfiles: string[];
  unknownSeverity: Severity;
  allow: AllowEntry[];
}

export interface AllowEntry {
  id: string;
  reason: string;
  until?: string;
}
