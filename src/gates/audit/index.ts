import type { Gate } from '../../core/types.js';

// Placeholder until the audit gate lands: it says so instead of passing work it did not do.
const gate: Gate = {
  id: 'audit',
  title: 'audit',
  async run() {
    return { findings: [], summary: 'not implemented yet', status: 'skipped' };
  },
};
export default gate;
