import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { DATA_TEST_TAG } from './helpers/data-test.js';

/**
 * Prints the plain closing line `N passed, N failed, N skipped` that CI reads, after vitest's
 * own summary; then how many of the tests run were per-rule data tests (named with
 * test/helpers/data-test.ts) and how many behaviour tests, and every notice of a missing tool
 * that a test fell back from (test/helpers/tools.ts). With WFO_TEST_COUNTS set, also writes the
 * counts there as JSON, so scripts/test.mjs can add up several runs into one closing line.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let data = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
        if (test.name.startsWith(DATA_TEST_TAG)) data++;
      }
      // A file that failed outside its tests (an import error, a throwing afterAll) counts once.
      if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    const total = passed + failed + skipped;
    const file = process.env.WFO_TOOL_NOTICES;
    const notices = file && existsSync(file) ? [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))] : [];
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    process.stdout.write(`${data} per-rule data tests, ${total - data} behaviour tests\n`);
    process.stdout.write(`${notices.length} tool fallback notice(s)${notices.map((n) => `\n  ${n}`).join('')}\n`);
    if (process.env.WFO_TEST_COUNTS) writeFileSync(process.env.WFO_TEST_COUNTS, JSON.stringify({ passed, failed, skipped, data, notices: notices.length }));
  }
}
