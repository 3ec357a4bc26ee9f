import type { SecretRule } from '../../../rule.js';

/** Provider rules for services whose names start with A-K. */
export const rules: SecretRule[] = [];
