import { describe, expect, it } from 'vitest';
import { cweClass } from '../../src/gates/sast/external-classes.js';
import { ALL_RULES } from '../../src/gates/sast/rules/index.js';

describe('SAST classes follow CWE', () => {
  it("every rule's class is the CWE family of its first CWE, so per-class figures can be scored from SARIF tags", () => {
    const wrong = ALL_RULES.filter((r) => cweClass(r.cwe.slice(0, 1)) !== r.class).map((r) => `${r.id}: ${r.class} but ${r.cwe[0]} is ${cweClass(r.cwe.slice(0, 1))}`);
    expect(wrong).toEqual([]);
  });
});
