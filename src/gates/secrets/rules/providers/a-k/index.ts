import type { SecretRule } from '../../../rule.js';
import { rules as aws } from './aws.js';
import { rules as azure } from './azure.js';

/** Provider rules for services whose names start with A-K. */
export const rules: SecretRule[] = [...aws, ...azure];
