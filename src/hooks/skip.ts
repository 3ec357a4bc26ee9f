// WFO_GATE_SKIP=secrets,env-ignore: the escape hatch for one commit or push, never a silent one.
import { GATE_IDS, type GateId } from '../core/types.js';

export const SKIP_VARIABLE = 'WFO_GATE_SKIP';

export interface SkipChoice {
  /** Gates that run. */
  run: GateId[];
  /** Gates the user skipped (of those the hook would have run). */
  skipped: GateId[];
  /** Names in the variable that are not gate ids: they skip nothing. */
  unknown: string[];
}

/** Splits the hook's gates by WFO_GATE_SKIP (`all` or `*` skips every gate). */
export function applySkip(gates: readonly GateId[], value: string | undefined): SkipChoice {
  const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const everything = names.some((n) => n === 'all' || n === '*');
  const known = new Set(names.filter((n): n is GateId => (GATE_IDS as readonly string[]).includes(n) || gates.includes(n)));
  const unknown = names.filter((n) => n !== 'all' && n !== '*' && !known.has(n as GateId));
  const skipped = gates.filter((g) => everything || known.has(g));
  return { run: gates.filter((g) => !skipped.includes(g)), skipped, unknown };
}
