import { RuleCompileError, compileRule } from './engine.js';
import { exampleFailures } from './examples.js';
import type { SecretRule } from './rule.js';

/** A mistake in the user's secrets configuration: the message says where and what to do. */
export class SecretsConfigError extends Error {
  override name = 'SecretsConfigError';
}

/**
 * The rules the gate runs: the user's custom rules first (their shape was checked with the
 * configuration against schemas/secrets-rule.schema.json; here they are compiled and proven
 * on their own examples), then the built-ins not disabled.
 */
export function activeRules(builtin: readonly SecretRule[], custom: readonly unknown[], disable: readonly string[], reserved: readonly string[] = []): SecretRule[] {
  const problems: string[] = [];
  // `reserved`: ids of built-in rules that are not text rules (the binary ones), taken all the same.
  const ids = new Set([...builtin.map((r) => r.id), ...reserved]);
  const accepted: SecretRule[] = [];
  custom.forEach((candidate, i) => {
    const where = `gates.secrets.rules[${i}]`;
    const rule = candidate as SecretRule;
    if (ids.has(rule.id)) {
      problems.push(`${where}: id "${rule.id}" is already taken; choose another id (or disable the built-in rule)`);
      return;
    }
    try {
      compileRule(rule, 0);
    } catch (error) {
      problems.push(`${where}: ${error instanceof RuleCompileError ? error.message : String(error)}`);
      return;
    }
    const failures = exampleFailures(rule);
    if (failures.length > 0) {
      problems.push(...failures.map((f) => `${where}: ${f}; fix the regex or the example`));
      return;
    }
    ids.add(rule.id);
    accepted.push(rule);
  });
  const unknown = disable.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    problems.push(`gates.secrets.disable: no rule has the id ${unknown.map((id) => `"${id}"`).join(', ')}; run \`wfo-gate rules\` to list the ids`);
  }
  if (problems.length > 0) throw new SecretsConfigError(problems.join('\n'));
  const disabled = new Set(disable);
  return [...accepted, ...builtin.filter((r) => !disabled.has(r.id))];
}
