import type { Gate } from '../../core/types.js';
import { runCoverageGate } from './coverage-gate.js';
import { RULES } from './findings.js';
import type { CoverageOptions } from './options.js';

const gate: Gate<CoverageOptions> = {
  id: 'coverage',
  title: 'coverage',
  run: runCoverageGate,
  rules: () => RULES,
};
export default gate;
