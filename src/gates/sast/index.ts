import type { Gate } from '../../core/types.js';

// Placeholder until the sast gate lands: it says so instead of passing work it did not do.
const gate: Gate = {
  id: 'sast',
  title: 'sast',
  async run() {
    return { findings: [], summary: 'not implemented yet', status: 'skipped' };
  },
};
export default gate;
