import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/repo.js';

// The suite must pass on any date: what a test expects never comes from the machine's clock
// (tests ask test/helpers/clock.ts, which vitest.config.ts pins), and the program decides which
// day it is in one place (src/core/clock.ts), which is what lets the tests pin it.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function uses(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line.replace(/\/\/.*$/, '')) ? [`${relative(PROJECT_ROOT, file)}:${i + 1}`] : [])),
  );
}

const READS_CLOCK = /\bDate\.now\(\)|new Date\(\s*\)/;

describe('clock discipline', () => {
  it('no test reads the real clock', () => {
    const tests = sources(join(PROJECT_ROOT, 'test')).filter((f) => !f.endsWith('clock-discipline.test.ts'));
    expect(uses(tests, READS_CLOCK)).toEqual([]);
  });

  it('the program takes today from src/core/clock.ts only (the ledger lock times itself with the real clock)', () => {
    const allowed = new Set(['src/core/clock.ts', 'src/cost/lock.ts']);
    const program = sources(join(PROJECT_ROOT, 'src')).filter((f) => !allowed.has(relative(PROJECT_ROOT, f)));
    expect(uses(program, /new Date\(\s*\)/)).toEqual([]);
  });

  it('the check itself sees a clock read', () => {
    expect(READS_CLOCK.test('const t = Date.now();')).toBe(true);
    expect(READS_CLOCK.test('const d = new Date( );')).toBe(true);
    expect(READS_CLOCK.test("const d = new Date('2026-11-18');")).toBe(false);
  });
});
