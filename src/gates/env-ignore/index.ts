import type { Gate } from '../../core/types.js';

const gate: Gate = {
  id: 'env-ignore',
  title: '.env files not ignored',
  async run() {
    return { findings: [], summary: 'not implemented yet', status: 'skipped' };
  },
};
export default gate;
