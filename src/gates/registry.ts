import type { Gate, GateId } from '../core/types.js';

/**
 * Each gate is imported only when it runs, so a pre-commit hook that runs two gates does not
 * load the others' dependencies (ast-grep, Octokit …).
 */
const loaders: Record<GateId, () => Promise<{ default: Gate<any> }>> = {
  secrets: () => import('./secrets/index.js'),
  sast: () => import('./sast/index.js'),
  audit: () => import('./audit/index.js'),
  coverage: () => import('./coverage/index.js'),
  'env-ignore': () => import('./env-ignore/index.js'),
  budget: () => import('./budget/index.js'),
};

export async function loadGate(id: GateId): Promise<Gate<any>> {
  return (await loaders[id]()).default;
}
