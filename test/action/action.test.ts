import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitEnv, makeRepo, PROJECT_ROOT, runCli, tempDir } from '../helpers/repo.js';
import { expectValidReport, expectValidSarif } from '../helpers/validate.js';
import { GitHubApiServer } from './github-api-server.js';
import { checkoutPullRequest, runActionProcess } from './action-process.js';

const ACTION = join(PROJECT_ROOT, 'dist', 'action.js');
// Assembled at run time so this source file holds no key-shaped string.
const PLANTED_KEY = ['AKIA', 'Q3EGRZ7NBX4TYUPW'].join('');
const HOSTILE_NAME = 'evil|name</details><img src=x onerror=alert(1)>.env';

let api: GitHubApiServer;
let apiUrl: string;
beforeAll(async () => {
  api = new GitHubApiServer();
  apiUrl = await api.start();
});
afterAll(() => api.stop());

interface Fixture {
  workspace: string;
  eventPath: string;
  baseSha: string;
  headSha: string;
}

/** A real PR: origin with main and feature, checked out shallow (depth 1) as actions/checkout does. */
function pullRequestFixture(options: { fork?: boolean } = {}): Fixture {
  const dev = makeRepo();
  dev.commit('base', { 'app.js': 'console.log("hello")\n', 'wfo-gate.config.json': JSON.stringify({ gates: { budget: { ledger: 'costs' } } }) });
  expect(runCli(dev.dir, ['cost', 'log', '--amount', '10', '--category', 'inference', '--feature', 'main-work']).status).toBe(0);
  dev.commit('ledger');
  const baseSha = dev.git('rev-parse', 'HEAD').trim();
  dev.git('checkout', '-q', '-b', 'feature-x');
  dev.commit('add config', { 'config.js': `export const awsKey = "${PLANTED_KEY}";\n`, [HOSTILE_NAME]: 'TOKEN=1\n', 'costs/.keep': '' });
  expect(runCli(dev.dir, ['cost', 'log', '--amount', '2.5', '--category', 'inference', '--feature', 'feature-x']).status).toBe(0);
  dev.commit('spend');
  const headSha = dev.git('rev-parse', 'HEAD').trim();
  const { workspace, eventPath } = checkoutPullRequest(dev, { branch: 'feature-x', baseSha, headSha, fork: options.fork });
  return { workspace, eventPath, baseSha, headSha };
}

/** Runs the bundled action asynchronously: the API server lives in this process's event loop. */
function runAction(fixture: Fixture, inputs: Record<string, string> = {}, action = ACTION) {
  return runActionProcess(fixture, apiUrl, { gates: 'secrets,env-ignore,budget', ...inputs }, action);
}

describe('the GitHub Action (dist/action.js, real protocol)', () => {
  const fixture = () => pullRequestFixture();
  let pr: Fixture;
  let first: Awaited<ReturnType<typeof runAction>>;

  it('runs diff-aware on a shallow PR checkout, fails the check, and writes one comment', async () => {
    pr = fixture();
    api.comments.length = 0;
    first = await runAction(pr);
    if (process.env.DEBUG_ACTION) console.log(first.stdout, first.stderr);
    expect(api.violations).toEqual([]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/::error::wfo-gate: blocked by secrets, env-ignore/);
    expect(api.comments).toHaveLength(1);
    expect(api.requests.map((r) => r.operation)).toEqual(['issues/list-comments', 'issues/create-comment']);
    const body = api.comments[0].body;
    expect(body).toContain('<!-- wfo-gate:pr-comment -->');
    expect(body).toMatch(/\| secrets \| ❌ fail \|/);
    expect(body).toContain('#### 💰 Cost');
    expect(body).toMatch(/This change added \*\*\$2\.50\*\*/);
    expect(body).toMatch(/Month to date: \*\*\$12\.50\*\*/);
  });

  it('writes outputs, a JSON report, SARIF and the job summary', async () => {
    expect(first.outputs.verdict).toBe('fail');
    expect(Number(first.outputs.findings)).toBeGreaterThanOrEqual(2);
    expect(first.outputs['cost-mtd']).toBe('12.50');
    expect(first.outputs['cost-change']).toBe('2.50');
    const report = JSON.parse(readFileSync(first.outputs['report-json'], 'utf8'));
    expectValidReport(report);
    expect(report.scope.kind).toBe('base');
    expect(report.scope.base).toBe(pr.baseSha);
    expectValidSarif(readFileSync(first.outputs.sarif, 'utf8'));
    expect(first.summary).toMatch(/### wfo-gate: ❌ BLOCKED/);
  });

  it('annotates the changed lines in the workflow-command format', async () => {
    expect(first.stdout).toMatch(/^::error title=wfo-gate secrets%3A aws-access-key-id,file=config\.js,line=1,col=\d+::AWS access key ID/m);
    expect(first.stdout).toMatch(/^::error title=wfo-gate env-ignore%3A env-file-tracked,file=evil\|name<\/details><img src=x onerror=alert\(1\)>\.env,line=1::/m);
  });

  it('never shows the planted secret: not in the comment, summary, annotations, outputs, reports or logs', async () => {
    const everything = [first.stdout, first.stderr, first.summary, api.comments[0].body, JSON.stringify(first.outputs), readFileSync(first.outputs['report-json'], 'utf8'), readFileSync(first.outputs.sarif, 'utf8')].join('\n');
    expect(everything).not.toContain(PLANTED_KEY);
    expect(everything).toContain('AKIA…');
  });

  it('renders a comment whose table and details survive a hostile file name', async () => {
    const html = new MarkdownIt({ html: true }).render(api.comments[0].body);
    expect(html).not.toMatch(/<img/i);
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
    const gateTable = html.split('<table>')[1];
    expect(gateTable.split('</thead>')[1].match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('evil|name&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;.env');
  });

  it('updates the same comment on the next run, and leaves it alone when nothing changed', async () => {
    api.requests.length = 0;
    writeFileSync(join(pr.workspace, 'untracked-note.txt'), 'x\n');
    await runAction(pr);
    // The body differs only by timing: the run updates in place (still one comment) or leaves it.
    expect(api.comments).toHaveLength(1);
    expect(api.requests.filter((r) => r.operation === 'issues/create-comment')).toHaveLength(0);
    const id = api.comments[0].id;
    api.comments[0].body = '<!-- wfo-gate:pr-comment -->\nstale';
    api.requests.length = 0;
    await runAction(pr);
    expect(api.requests.map((r) => r.operation)).toEqual(['issues/list-comments', 'issues/update-comment']);
    expect(api.comments).toEqual([expect.objectContaining({ id })]);
    expect(api.violations).toEqual([]);
  });

  it('says why a gate was skipped, in the comment and in the job summary', async () => {
    api.comments.length = 0;
    const result = await runAction(fixture(), { gates: 'secrets,audit,coverage' });
    expect(api.violations).toEqual([]);
    for (const text of [api.comments[0].body, result.summary]) {
      expect(text).toMatch(/^- ⏭️ \*\*coverage\*\* skipped: no coverage report found \(looked for /m);
      expect(text).toMatch(/^- ⏭️ \*\*audit\*\* skipped: no lockfile matching /m);
    }
  });

  it('skips the comment for a fork PR with a notice, and still writes summary and annotations', async () => {
    const fork = pullRequestFixture({ fork: true });
    api.requests.length = 0;
    const result = await runAction(fork);
    expect(api.requests).toEqual([]);
    expect(result.stdout).toMatch(/::notice::wfo-gate: PR comment skipped: this pull request comes from a fork/);
    expect(result.summary).toMatch(/BLOCKED/);
    expect(result.stdout).toMatch(/^::error title=wfo-gate secrets/m);
    expect(result.status).toBe(1);
  });

  it('reports a 403 or a 500 from the API without hiding the verdict', async () => {
    for (const status of [403, 500]) {
      api.comments.length = 0;
      api.failures.set('issues/create-comment', status);
      const result = await runAction(pr);
      expect(result.outputs.verdict).toBe('fail');
      expect(result.status).toBe(1);
      if (status === 403) expect(result.stdout).toMatch(/::notice::wfo-gate: PR comment skipped: the token cannot write PR comments \(HTTP 403\)/);
      else expect(result.stdout).toMatch(/::warning::wfo-gate: could not write the PR comment: the GitHub API answered 500/);
    }
    expect(api.violations).toEqual([]);
  });

  it('runs from a checkout of the action with no node_modules, as the runner does', async () => {
    const checkout = tempDir('wfo-action-checkout-');
    for (const file of ['action.yml', 'package.json', 'dist/action.js', 'dist/config-validator.cjs', 'dist/ledger-validators.cjs', 'schemas']) {
      cpSync(join(PROJECT_ROOT, file), join(checkout, file), { recursive: true });
    }
    const fixture = pullRequestFixture();
    writeFileSync(join(fixture.workspace, 'handler.js'), 'const cp = require("child_process");\nexports.run = (req) => cp.exec("ls " + req.query.dir);\n');
    const result = await runAction(fixture, { gates: 'secrets,env-ignore,budget,sast', comment: 'false', mode: 'full' }, join(checkout, 'dist/action.js'));
    if (process.env.DEBUG_ACTION) console.log(result.stdout, result.stderr);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.stdout).toMatch(/^::error title=wfo-gate secrets%3A aws-access-key-id/m);
    // ast-grep's native addon cannot be bundled: the action installs it from the registry on first use.
    expect(result.stdout).toMatch(/installing @ast-grep\/napi@/);
    const report = JSON.parse(readFileSync(result.outputs['report-json'], 'utf8'));
    const sast = report.gates.find((g: { gate: string }) => g.gate === 'sast');
    expect(sast.status).toBe('fail');
    expect(sast.findings.map((f: { file: string }) => f.file)).toContain('handler.js');
  });

  it('passes a clean PR and fails bad inputs with a clear message', async () => {
    const clean = pullRequestFixture();
    const ok = await runAction(clean, { gates: 'budget' });
    expect(ok.outputs.verdict).toBe('pass');
    expect(ok.status).toBe(0);
    const bad = await runAction(clean, { mode: 'sometimes' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/::error::wfo-gate: input "mode": "sometimes" is not one of pr, full/);
  });
});
