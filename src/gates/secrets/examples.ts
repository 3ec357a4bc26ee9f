import { SecretEngine, valueShapeRegex } from './engine.js';
import { exampleText, type SecretRule } from './rule.js';

const DEFAULT_EXAMPLE_PATH = 'example.txt';

/**
 * Runs a rule alone over its own examples through the real engine. Returns one line per
 * failed example (empty when the rule proves itself). A match example that states its secret
 * must yield exactly that secret (or those secrets, in order); a plain string only some secret
 * that occurs in it. The lines name the example by index, never by content: examples hold
 * secret-shaped text.
 */
export function exampleFailures(rule: SecretRule): string[] {
  const engine = new SecretEngine([rule]);
  const path = rule.examples.path ?? DEFAULT_EXAMPLE_PATH;
  const failures: string[] = [];
  rule.examples.match.forEach((example, i) => {
    const text = exampleText(example);
    const found = engine.scan(text, path).map((m) => m.secret);
    if (found.length === 0) failures.push(`${rule.id}: examples.match[${i}] produced no finding`);
    else if (typeof example !== 'string') {
      const stated = [example.secret].flat();
      if (found.length !== stated.length || found.some((s, k) => s !== stated[k])) {
        failures.push(`${rule.id}: examples.match[${i}] captured ${found.length} secret(s) that are not the ${stated.length} it states (${found.map(shape).join(', ')})`);
      }
    } else if (!found.some((s) => s.length > 0 && text.includes(s))) {
      failures.push(`${rule.id}: examples.match[${i}] captured text that is not in the example`);
    }
  });
  // The engine passes over keywords with no match of the shape in reach: it must hold every secret.
  const valueShape = valueShapeRegex(rule);
  if (valueShape !== undefined) {
    rule.examples.match.forEach((example, i) => {
      if (typeof example === 'string') return;
      if ([example.secret].flat().some((secret) => !valueShape.test(secret))) failures.push(`${rule.id}: examples.match[${i}] states a secret that valueShape does not match`);
    });
  }
  rule.examples.noMatch.forEach((example, i) => {
    if (engine.scan(exampleText(example), path).length > 0) failures.push(`${rule.id}: examples.noMatch[${i}] produced a finding`);
  });
  return failures;
}

/**
 * Runs every example of every rule through one engine holding the whole catalogue, as users
 * run it. A match example must be reported by its own rule, and by no other unless it names
 * it in `alsoFiredBy`; a noMatch example by no rule but those it names in `firedBy`.
 */
export function catalogueFailures(rules: readonly SecretRule[]): string[] {
  const engine = new SecretEngine(rules);
  const failures: string[] = [];
  const check = (rule: SecretRule, where: string, text: string, expected: string[]) => {
    const fired = [...new Set(engine.scanLatin1(Buffer.from(text), rule.examples.path ?? DEFAULT_EXAMPLE_PATH).map((m) => engine.rules[m.ruleIndex].rule.id))].sort();
    const want = [...new Set(expected)].sort();
    if (fired.join() !== want.join()) failures.push(`${rule.id}: ${where} is reported by [${fired.join(', ')}], expected [${want.join(', ')}]`);
  };
  for (const rule of rules) {
    rule.examples.match.forEach((example, i) => {
      check(rule, `examples.match[${i}]`, exampleText(example), [rule.id, ...(typeof example === 'string' ? [] : (example.alsoFiredBy ?? []))]);
    });
    rule.examples.noMatch.forEach((example, i) => {
      check(rule, `examples.noMatch[${i}]`, exampleText(example), typeof example === 'string' ? [] : example.firedBy);
    });
  }
  return failures;
}

/** Length and character classes of a captured value: enough to see what went wrong, nothing to leak. */
function shape(secret: string): string {
  const classes = [/[a-z]/.test(secret) && 'a-z', /[A-Z]/.test(secret) && 'A-Z', /\d/.test(secret) && '0-9', /[^A-Za-z0-9]/.test(secret) && 'other'].filter(Boolean);
  return `${secret.length} chars of ${classes.join(' ')}`;
}
