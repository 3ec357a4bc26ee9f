import type { GateCommonOptions } from '../../core/types.js';

/** Per-metric thresholds: percent (0..100), or -N for "at most N uncovered". */
export interface ThresholdSet {
  lines?: number;
  branches?: number;
  functions?: number;
}

/** gates.coverage, with schemas/gates/coverage.schema.json's defaults applied. */
export interface CoverageOptions extends GateCommonOptions {
  reports: string[];
  min: number;
  patchMin: number;
  branchesMin?: number;
  functionsMin?: number;
  thresholds: Record<string, ThresholdSet>;
  command?: string;
  baseReport?: string;
  maxAgeCheck: boolean;
}
