import type { SastRule } from '../rule.js';
import { codeInjectionRules } from './code-injection.js';
import { commandInjectionRules } from './command-injection.js';
import { sqlInjectionRules } from './sql-injection.js';

/** The built-in catalogue, in a stable order: grouped by class. */
export const ALL_RULES: readonly SastRule[] = [...commandInjectionRules, ...codeInjectionRules, ...sqlInjectionRules];
