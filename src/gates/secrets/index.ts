import type { Gate } from '../../core/types.js';

// Placeholder until the secrets gate lands: it says so instead of passing work it did not do.
const gate: Gate = {
  id: 'secrets',
  title: 'secrets',
  async run() {
    return { findings: [], summary: 'not implemented yet', status: 'skipped' };
  },
};
export default gate;
