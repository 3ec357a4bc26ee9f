import type { GateCommonOptions } from '../../core/types.js';

export type ReadSpec =
  | 'exit-code'
  | { json: string; file?: string }
  | { regex: string; file?: string }
  | { count: string; file?: string }
  | { size: string }
  | { sarif: string };

/** `gates.<id>` with `"type": "command"` (schemas/gates/custom.schema.json), defaults applied. */
export interface CustomOptions extends GateCommonOptions {
  type: 'command';
  title?: string;
  run?: string[];
  shell: boolean;
  cwd?: string;
  env: Record<string, string>;
  read: ReadSpec;
  unit?: string;
  min?: number;
  max?: number;
  maxIncrease?: number;
  maxIncreasePercent?: number;
  base: { report?: string; run?: boolean };
}

export function isSarif(read: ReadSpec): read is { sarif: string } {
  return typeof read === 'object' && 'sarif' in read;
}

/** The file a read takes its text from (relative to the gate's cwd), or undefined for stdout / the exit code. */
export function readFileOf(read: ReadSpec): string | undefined {
  if (read === 'exit-code') return undefined;
  if ('sarif' in read) return read.sarif === '-' ? undefined : read.sarif;
  if ('size' in read) return read.size;
  return read.file;
}

/** An exit code with no threshold written means what it means to a shell: 0 passes. */
export function withDefaultThresholds(options: CustomOptions): CustomOptions {
  return options.read === 'exit-code' && options.min === undefined && options.max === undefined ? { ...options, max: 0 } : options;
}

/** Whether the base's value is needed: a growth threshold, or a SARIF gate asked to compare fingerprints. */
export function wantsBase(options: CustomOptions): boolean {
  if (isSarif(options.read)) return options.base.report !== undefined || options.base.run === true;
  return options.maxIncrease !== undefined || options.maxIncreasePercent !== undefined;
}
