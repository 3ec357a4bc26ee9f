import type { SecretRule } from '../../../rule.js';

/** Provider rules for services whose names start with L-Z. */
export const rules: SecretRule[] = [];
