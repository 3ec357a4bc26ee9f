import type { FailOn } from '../../core/types.js';

/** gates.secrets, with schemas/gates/secrets.schema.json's defaults applied. */
export interface SecretsOptions {
  failOn: FailOn;
  exclude: string[];
  disable: string[];
  rules: unknown[];
  /** Worker threads for whole-tree scans; 0 = one per core, 1 = scan in the gate's thread. */
  workers: number;
}
