import type { FailOn } from '../../core/types.js';

/** gates.secrets, with schemas/gates/secrets.schema.json's defaults applied. */
export interface SecretsOptions {
  failOn: FailOn;
  exclude: string[];
  disable: string[];
  rules: unknown[];
  /** Threads for whole-tree scans; 0 = what the tree's size pays for, at most one per core; 1 = only the gate's thread. */
  workers: number;
}
