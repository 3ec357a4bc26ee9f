import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReports } from '../../src/gates/coverage/find-reports.js';
import { tempDir } from '../helpers/repo.js';

function tree(files: string[]): string {
  const root = tempDir('wfo-find-reports-');
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'TN:\n');
  }
  return root;
}

describe('findReports', () => {
  it('finds what each glob matches when several globs share a base directory, and globs under another base too', () => {
    const root = tree(['web/coverage/lcov.info', 'api/coverage/cobertura-coverage.xml', 'tools/out/cov.json', 'web/src/lcov.info', 'node_modules/x/coverage/lcov.info']);
    const found = findReports(root, ['**/coverage/lcov.info', '**/coverage/cobertura-coverage.xml', 'tools/**/cov.json', 'missing.out']);
    expect(found).toEqual(['api/coverage/cobertura-coverage.xml', 'tools/out/cov.json', 'web/coverage/lcov.info']);
  });

  it('still keeps one istanbul report per directory when two globs of one walk match there', () => {
    const root = tree(['pkg/coverage/lcov.info', 'pkg/coverage/coverage-final.json']);
    expect(findReports(root, ['**/coverage/coverage-final.json', '**/coverage/lcov.info'])).toEqual(['pkg/coverage/lcov.info']);
  });
});
