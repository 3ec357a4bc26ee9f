// Real lint-staged, run by a real husky hook, with the documented config `"*": "wfo-gate run --files"`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/repo.js';
import { commitCount, gitTry, hookRepo, packageSnapshot, PLANTED_AWS_KEY_ID, wfo } from './helpers.js';

beforeAll(() => {
  packageSnapshot();
});

const LINT_STAGED_CONFIG = { '*': 'wfo-gate run --files' };

function lintStagedRepo(): TestRepo {
  const repo = hookRepo({
    packages: ['wfo-gate', 'husky', 'lint-staged'],
    packageJson: { name: 'demo', version: '1.0.0', private: true, 'lint-staged': LINT_STAGED_CONFIG, 'wfo-gate': { ci: ['secrets', 'env-ignore'] } },
  });
  repo.write('.husky/pre-commit', 'npx lint-staged\n');
  repo.commit('base', { 'app.js': 'export const a = 1;\n' });
  const install = wfo(repo.dir, ['install']);
  expect(install.status, install.stderr).toBe(0);
  return repo;
}

describe('lint-staged calling wfo-gate run --files', () => {
  it('a clean commit goes through lint-staged and the wfo-gate hook line', () => {
    const repo = lintStagedRepo();
    repo.write('lib.js', 'export const b = 2;\n');
    repo.git('add', 'lib.js');
    const result = gitTry(repo.dir, ['commit', '-m', 'clean']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('wfo-gate run --files');
    expect(commitCount(repo)).toBe(2);
  });

  it('a staged key is stopped by the lint-staged task itself (the hook line skipped) and the file is left as it was', () => {
    const repo = lintStagedRepo();
    const content = `export const key = "${PLANTED_AWS_KEY_ID}";\n`;
    repo.write('config.js', content);
    repo.git('add', 'config.js');
    const result = gitTry(repo.dir, ['commit', '-m', 'leak'], { WFO_GATE_SKIP: 'secrets,env-ignore' });
    // git 1 (the hook failed); lint-staged names the failed task, and wfo-gate's report under it the finding.
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/^✖ wfo-gate run --files:$/m);
    expect(result.output).toMatch(/^ {2}config\.js:1 {2}aws-access-key-id {2}critical {2}high confidence {2}AKIA…/m);
    expect(result.output).toMatch(/^Verdict: BLOCKED · 1 finding\(s\) · blocked by secrets /m);
    expect(result.output).not.toContain(PLANTED_AWS_KEY_ID);
    expect(commitCount(repo)).toBe(1);
    expect(readFileSync(join(repo.dir, 'config.js'), 'utf8')).toBe(content);
  });
});
