import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/gates/secrets/engine.js';
import { exampleText, type SecretRule } from '../../src/gates/secrets/rule.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { dataTest } from '../helpers/data-test.js';

// A catastrophe detector, not a speed test: a regex that backtracks exponentially or
// quadratically on 100 KB takes seconds to hours, one that is linear takes milliseconds.
// The bound is deliberately generous so a slow shared machine never fails it.
const SIZE = 100 * 1024;
const BOUND_MS = 2000;

function fill(unit: string): string {
  return unit.length === 0 ? '' : unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

/** Inputs built from the rule itself: its keywords, its examples cut short, runs of the characters it matches. */
function adversarialInputs(rule: SecretRule): string[] {
  const runs = ['a', 'A', '0', 'f', '-', '_', '.', '=', '/', '+', ' ', '\t', '"', "'", ':', '\n', '\\n', 'aA0-_'];
  const inputs: string[] = [];
  for (const keyword of rule.keywords.slice(0, 6)) {
    inputs.push(fill(keyword), fill(`${keyword} `), fill(`${keyword}=`), fill(`${keyword}:"`));
    for (const run of runs) inputs.push(keyword + fill(run), `${keyword} = "${fill(run)}`);
  }
  for (const example of rule.examples.match.map(exampleText)) {
    inputs.push(fill(example.slice(0, -1)), fill(example.slice(0, Math.ceil(example.length / 2))));
    const last = example.at(-1) ?? 'a';
    inputs.push(example.slice(0, -1) + fill(last), fill(example + '\n'));
    const mid = example[Math.floor(example.length / 2)] ?? 'a';
    inputs.push(example.slice(0, Math.floor(example.length / 2)) + fill(mid));
  }
  for (const run of runs) inputs.push(fill(run));
  return inputs;
}

describe('secret rule regexes are safe from catastrophic backtracking', () => {
  it.each(builtinRules.map((rule) => [rule.id, rule] as const))(dataTest('%s survives adversarial inputs'), (_id, rule) => {
    const { regex } = compileRule(rule, 0);
    let worst = 0;
    for (const input of adversarialInputs(rule)) {
      const started = performance.now();
      regex.lastIndex = 0;
      let guard = 0;
      for (let m = regex.exec(input); m !== null && guard < 100_000; m = regex.exec(input), guard++) {
        if (m[0].length === 0) regex.lastIndex++;
      }
      worst = Math.max(worst, performance.now() - started);
    }
    expect(worst).toBeLessThan(BOUND_MS);
  });
});

describe('secret rule allow patterns are safe from catastrophic backtracking', () => {
  // A captured value is at most a few KB; every allow pattern runs on every captured value.
  const values = ['A', 'a', 'aB', 'ab', 'Ab1', 'abcdefABCDEF1', 'a_', 'A-'].flatMap((unit) => [unit.repeat(2048), `${unit.repeat(2048)}!`]);
  it.each(builtinRules.filter((r) => (r.allow?.length ?? 0) + (r.allowCased?.length ?? 0) > 0).map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    const { allow } = compileRule(rule, 0);
    let worst = 0;
    for (const pattern of allow) {
      for (const value of values) {
        const started = performance.now();
        pattern.test(value);
        worst = Math.max(worst, performance.now() - started);
      }
    }
    expect(worst).toBeLessThan(BOUND_MS);
  });
});
