import type { BuiltinGateId, Gate, GateId } from '../core/types.js';

/**
 * Each gate is imported only when it runs, so a pre-commit hook that runs two gates does not
 * load the others' dependencies (ast-grep, Octokit …).
 */
const loaders: Record<BuiltinGateId, () => Promise<{ default: Gate<any> }>> = {
  secrets: () => import('./secrets/index.js'),
  sast: () => import('./sast/index.js'),
  audit: () => import('./audit/index.js'),
  coverage: () => import('./coverage/index.js'),
  'env-ignore': () => import('./env-ignore/index.js'),
  budget: () => import('./budget/index.js'),
};

/** A built-in gate, or for any other id the custom (command) gate, which reads what to do from its options. */
export async function loadGate(id: GateId): Promise<Gate<any>> {
  const load = Object.hasOwn(loaders, id) ? loaders[id as BuiltinGateId] : () => import('./custom/index.js');
  return (await load()).default;
}
