import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { quoteUserText, redactGateErrors, redactMessage, syntaxErrorMessage } from '../../src/core/redact-message.js';
import type { GateResult } from '../../src/core/types.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A token-shaped value made at run time, never a copied sample. */
const token = (prefix = 'ghp_', length = 36) => prefix + Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join('');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** What a user sees: the message built from `text`, then redacted as the runner and the CLI do. */
async function shown(text: string, parse: (t: string) => unknown): Promise<string> {
  return redactMessage(syntaxErrorMessage(thrown(() => parse(text)), text));
}

/** No 8 characters of the token's random part. */
function expectNoPart(text: string, secret: string): void {
  const body = secret.slice(4);
  for (let i = 0; i + 8 <= body.length; i++) expect(text).not.toContain(body.slice(i, i + 8));
}

describe('quoteUserText', () => {
  it('quotes whole words only, up to the limit, on one line', () => {
    expect(quoteUserText('DA:1,abc\nnext\u001b[31m line', 60)).toBe('DA:1,abc next [31m line');
    expect(quoteUserText('one two three four', 9)).toBe('one two …');
    expect(quoteUserText('a'.repeat(70))).toBe('…(70 chars)');
  });
  it('never quotes a word someone else cut short: it may be the prefix of a token', () => {
    expect(quoteUserText('tarball: https://x:ghp_aB3dE6…')).toBe('tarball: …(21 chars)');
    expect(quoteUserText('"ghp_aB3d..."')).toBe('…(13 chars)');
  });
});

describe('syntaxErrorMessage', () => {
  it("drops V8's excerpt and says where, quoting that line from the text itself", () => {
    const secret = token();
    expect(syntaxErrorMessage(thrown(() => JSON.parse(`{"a": ${secret}}`)), `{"a": ${secret}}`)).toBe(`Unexpected token 'g' at line 1, column 7: {"a": …(41 chars)`);
    const text = `{\n  "a": "x" 1\n}`;
    expect(syntaxErrorMessage(thrown(() => JSON.parse(text)), text)).toBe(`Expected ',' or '}' after property value at line 2, column 12: "a": "x" 1`);
  });
  it("drops the yaml package's context line (cut at 80 characters) and quotes the line itself", () => {
    const secret = token();
    const text = `a:\n  b: {c: https://x:${secret}@npm.pkg.github.com/foo/-/foo-1.0.0.tgz\n  d: 1\n`;
    const message = syntaxErrorMessage(thrown(() => parseYaml(text)), text);
    expect(message).toMatch(/^Flow map .* at line 3, column 3: d: 1$/);
    expectNoPart(message, secret);
  });
  it('shows no 8 characters of a token wherever a JSON or YAML document breaks around it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('{"k": %}', '{"k": "%" x}', '[1, %', '{"k": "a %"', '{"url": "https://u:%@h"}}', 'k: [%\n', 'k: {a: %\nb: 1\n', 'k: "%\n'), fc.string({ maxLength: 12 }), async (shape, pad) => {
        const secret = token();
        const text = pad + shape.replace('%', secret);
        for (const parse of [JSON.parse, (t: string) => parseYaml(t)]) {
          let message: string;
          try {
            parse(text);
            continue;
          } catch {
            message = await shown(text, parse);
          }
          expectNoPart(message, secret);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('redactMessage', () => {
  it('replaces every secret the rules find by its preview', async () => {
    const secret = token();
    expect(await redactMessage(`DA hit count is not a number: "${secret}"`)).toBe('DA hit count is not a number: "ghp_…(40 chars)"');
    const url = await redactMessage(`cannot fetch https://x:${secret}@npm.pkg.github.com/foo`);
    expect(url).not.toContain(secret);
    expectNoPart(url, secret);
  });

  it('redacts the error and summary of a gate that could not decide, and leaves the others as they are', async () => {
    const secret = token();
    const gates: GateResult[] = [
      { gate: 'coverage', status: 'error', findings: [], suppressed: [], summary: `cannot read ${secret}`, error: `bad value "${secret}"`, durationMs: 1 },
      { gate: 'secrets', status: 'pass', findings: [], suppressed: [], summary: 'no secret in 3 file(s)', durationMs: 1 },
    ];
    const passing = gates[1];
    await redactGateErrors(gates);
    expect(gates[0]).toMatchObject({ summary: 'cannot read ghp_…(40 chars)', error: 'bad value "ghp_…(40 chars)"' });
    expect(gates[1]).toBe(passing);
    expect(gates[1]!.summary).toBe('no secret in 3 file(s)');
  });
});
