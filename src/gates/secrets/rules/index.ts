import type { SecretRule } from '../rule.js';
import { rules as providersAK } from './providers/a-k/index.js';
import { rules as providersLZ } from './providers/l-z/index.js';

/** Every built-in secret rule. */
export const builtinRules: SecretRule[] = [...providersAK, ...providersLZ];
