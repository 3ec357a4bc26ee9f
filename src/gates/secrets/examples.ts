import { SecretEngine } from './engine.js';
import type { SecretRule } from './rule.js';

const DEFAULT_EXAMPLE_PATH = 'example.txt';

/**
 * Runs a rule alone over its own examples through the real engine. Returns one line per
 * failed example (empty when the rule proves itself). The lines name the example by index,
 * never by content: examples hold secret-shaped text.
 */
export function exampleFailures(rule: SecretRule): string[] {
  const engine = new SecretEngine([rule]);
  const path = rule.examples.path ?? DEFAULT_EXAMPLE_PATH;
  const failures: string[] = [];
  rule.examples.match.forEach((text, i) => {
    const found = engine.scan(text, path);
    if (found.length === 0) failures.push(`${rule.id}: examples.match[${i}] produced no finding`);
    else if (!found.some((m) => m.secret.length > 0 && text.includes(m.secret))) {
      failures.push(`${rule.id}: examples.match[${i}] captured text that is not in the example`);
    }
  });
  rule.examples.noMatch.forEach((text, i) => {
    if (engine.scan(text, path).length > 0) failures.push(`${rule.id}: examples.noMatch[${i}] produced a finding`);
  });
  return failures;
}
