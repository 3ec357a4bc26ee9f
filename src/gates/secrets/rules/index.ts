import type { SecretRule } from '../rule.js';
import { rules as configFiles } from './config-files.js';
import { rules as connectionStrings } from './connection-strings.js';
import { rules as generic } from './generic.js';
import { rules as jwt } from './jwt.js';
import { rules as privateKeys } from './private-keys.js';
import { rules as providers } from './providers/index.js';

/**
 * Every built-in secret rule. Order is priority: where two rules match the same text the
 * earlier keeps it, so provider formats come first and generic assignments last.
 */
export const builtinRules: SecretRule[] = [
  ...providers,
  ...privateKeys,
  ...jwt,
  ...configFiles,
  ...connectionStrings,
  ...generic,
];
