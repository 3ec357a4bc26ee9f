/**
 * Marks a test as a per-rule data test (one rule's examples or shape), so the summary reporter
 * (test/summary-reporter.ts) counts them apart from behaviour tests.
 */
export const DATA_TEST_TAG = '[data]';

export function dataTest(name: string): string {
  return `${DATA_TEST_TAG} ${name}`;
}
