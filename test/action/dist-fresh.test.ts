import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/repo.js';

// The Action runs the committed dist/action.js; the suite's global setup has just rebuilt it
// from src/. Any difference means the committed bundle is stale.
// The precompiled validators are committed too: the Action has no node_modules to compile schemas with.
describe.each(['dist/action.js', 'dist/config-validator.cjs', 'dist/ledger-validators.cjs'])('%s', (file) => {
  it('is committed and identical to a fresh build (run `npm run build` and commit it)', () => {
    const tracked = execFileSync('git', ['ls-files', '--', file], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    expect(tracked).toBe(file);
    const diff = execFileSync('git', ['diff', '--stat', 'HEAD', '--', file], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(diff).toBe('');
  });
});
