// Custom gates in the GitHub Action (dist/action.js) on a real, shallowly checked-out pull
// request, against the loopback server that checks every request against GitHub's OpenAPI
// description: the sticky comment carries each recipe's verdict with its value and threshold.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { makeRepo, PROJECT_ROOT, runCli } from '../helpers/repo.js';
import { expectValidReport, expectValidSarif } from '../helpers/validate.js';
import { ESLINT_CONFIG } from '../helpers/tool-repo.js';
import { checkoutPullRequest, runActionProcess } from './action-process.js';
import { gitHubApiServerForSuite } from './github-api-server.js';

const api = gitHubApiServerForSuite();

const BUILD = 'esbuild src/index.js --bundle --format=esm --outfile=dist/index.js --log-level=warning';

/** A PR whose change adds a lint error (blocks) and grows the bundle by well under 5 % (passes). */
function pullRequest() {
  const dev = makeRepo();
  dev.commit('base', {
    '.gitignore': 'node_modules\ndist\n',
    'package.json': JSON.stringify({ private: true, scripts: { build: BUILD } }),
    'eslint.config.mjs': ESLINT_CONFIG,
    'src/index.js': `export const text = ${JSON.stringify('lorem ipsum '.repeat(100))};\n`,
  });
  for (const recipe of ['eslint', 'eslint-sarif', 'bundle-size']) expect(runCli(dev.dir, ['init', '--no-hooks', '--force', '--recipe', recipe]).status).toBe(0);
  dev.commit('quality gates');
  const baseSha = dev.git('rev-parse', 'HEAD').trim();
  dev.git('checkout', '-q', '-b', 'feature-x');
  dev.commit('change', {
    'src/index.js': `export const text = ${JSON.stringify('lorem ipsum '.repeat(101))};\n`,
    'src/extra.js': 'export const extra = notDefined;\n',
  });
  const fixture = checkoutPullRequest(dev, { branch: 'feature-x', baseSha, headSha: dev.git('rev-parse', 'HEAD').trim() });
  // The workflow's `npm ci` step: the tools are installed in the checkout.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(fixture.workspace, 'node_modules'), 'dir');
  return fixture;
}

describe('custom gates in the GitHub Action', () => {
  it('blocks on the lint recipes, passes the bundle-size one against the merge base, and says value and threshold in the comment', async () => {
    const fixture = pullRequest();
    api.comments.length = 0;
    const result = await runActionProcess(fixture, api.url, { gates: 'lint,lint-sarif,bundle-size' });
    if (process.env.DEBUG_ACTION) console.log(result.stdout, result.stderr);
    expect(api.violations).toEqual([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/::error::wfo-gate: blocked by lint, lint-sarif/);
    expect(api.comments).toHaveLength(1);
    const body = api.comments[0].body;
    expect(body).toMatch(/\| lint \| ❌ fail \|/);
    expect(body).toMatch(/\| lint-sarif \| ❌ fail \|/);
    expect(body).toMatch(/\| bundle-size \| ✅ pass \|/);
    // The measures: value, threshold, and the base's value built on a worktree of the merge base.
    expect(body).toMatch(/\| lint \| ❌ 1 errors \| ≤ 0 errors \| — \|/);
    expect(body).toMatch(/\| bundle-size \| ✅ \d+ bytes \| \+≤ 5 % vs base \| \d+ bytes \|/);
    expect(body).toMatch(/src\/extra\.js:1 \| no-undef \|/);
    // The comment renders as the tables it means to be.
    const html = new MarkdownIt().render(body);
    expect(html).toContain('<th>Measure</th>');

    const report = JSON.parse(readFileSync(result.outputs['report-json'], 'utf8'));
    expectValidReport(report);
    const bundle = report.gates.find((g: { gate: string }) => g.gate === 'bundle-size');
    expect(bundle.measure.value).toBeGreaterThan(bundle.measure.base);
    expectValidSarif(readFileSync(result.outputs.sarif, 'utf8'));
  });

  it('refuses a gates input that names a gate the config does not have, naming it', async () => {
    const fixture = pullRequest();
    const result = await runActionProcess(fixture, api.url, { gates: 'lint,nope' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/input "gates": unknown gate "nope"/);
  });
});
