import type { Gate, GateContext } from '../../core/types.js';
import { runCustomGate } from './custom-gate.js';
import type { CustomOptions } from './options.js';

/**
 * One implementation for every custom gate: what it runs and reads comes from its options,
 * its id from the runner (GateContext.gateId).
 */
const gate: Gate<CustomOptions> = {
  id: 'custom',
  title: 'custom gate',
  run: (ctx: GateContext<CustomOptions>) => runCustomGate({ ...ctx, id: ctx.gateId ?? 'custom' }),
};
export default gate;
