import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gitEnv, makeRepo, PROJECT_ROOT, runCli, tempDir } from '../helpers/repo.js';
import { expectValidReport, expectValidSarif } from '../helpers/validate.js';
import { GitHubApiServer } from './github-api-server.js';
import { startPackRegistry } from './npm-pack-registry.js';

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
  const origin = makeRepo({ bare: true });
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
  dev.git('remote', 'add', 'origin', origin.dir);
  dev.git('push', '-q', 'origin', 'main', 'feature-x');

  const workspace = join(tempDir(), 'checkout');
  spawnSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature-x', `file://${origin.dir}`, workspace], { env: gitEnv() });
  const eventPath = join(tempDir(), 'event.json');
  const headRepo = options.fork ? 'someone/fork' : 'acme/widgets';
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        state: 'open',
        title: 'Add config',
        head: { ref: 'feature-x', sha: headSha, repo: { full_name: headRepo, fork: Boolean(options.fork) } },
        base: { ref: 'main', sha: baseSha, repo: { full_name: 'acme/widgets' } },
      },
      repository: { full_name: 'acme/widgets', name: 'widgets', owner: { login: 'acme' } },
    }),
  );
  return { workspace, eventPath, baseSha, headSha };
}

/** Runs the bundled action asynchronously: the API server lives in this process's event loop. */
async function runAction(fixture: Fixture, inputs: Record<string, string> = {}, action = ACTION, extraEnv: Record<string, string> = {}) {
  const outputFile = join(tempDir(), 'output');
  const summaryFile = join(tempDir(), 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: fixture.eventPath,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_WORKSPACE: fixture.workspace,
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tempDir(),
    'INPUT_GITHUB-TOKEN': 'ghs_testtoken',
    INPUT_MODE: 'pr',
    INPUT_COMMENT: 'true',
    INPUT_ANNOTATIONS: 'changed-lines',
    INPUT_SARIF: 'wfo-gate.sarif',
    'INPUT_WORKING-DIRECTORY': '.',
    INPUT_GATES: 'secrets,env-ignore,budget',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [action], { cwd: fixture.workspace, env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const result = { status, stdout, stderr };
  return { ...result, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3];
  return outputs;
}

/** What one run against the API server left there, copied before the next test resets it. */
interface PrRun {
  pr: Fixture;
  run: Awaited<ReturnType<typeof runAction>>;
  comments: { id: number; body: string }[];
  operations: (string | undefined)[];
  violations: string[];
}

let blockedPr: Promise<PrRun> | undefined;
/**
 * The blocked PR (a planted key, a tracked .env file with a hostile name, spend on the ledger)
 * run once through the action, on an empty API server. Several tests read this one run; each
 * calls this itself, so any of them passes alone (`-t`) and in any order.
 */
function blockedPrRun(): Promise<PrRun> {
  blockedPr ??= (async () => {
    const pr = pullRequestFixture();
    api.reset();
    const run = await runAction(pr);
    if (process.env.DEBUG_ACTION) console.log(run.stdout, run.stderr);
    return { pr, run, comments: api.comments.map((c) => ({ ...c })), operations: api.requests.map((r) => r.operation), violations: [...api.violations] };
  })();
  return blockedPr;
}

describe('the GitHub Action (dist/action.js, real protocol)', () => {
  const fixture = () => pullRequestFixture();
  beforeEach(() => api.reset());

  it('runs diff-aware on a shallow PR checkout, fails the check, and writes one comment', async () => {
    const { run: first, comments, operations, violations } = await blockedPrRun();
    expect(violations).toEqual([]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/::error::wfo-gate: blocked by secrets, env-ignore/);
    expect(comments).toHaveLength(1);
    expect(operations).toEqual(['issues/list-comments', 'issues/create-comment']);
    const body = comments[0].body;
    expect(body).toContain('<!-- wfo-gate:pr-comment -->');
    expect(body).toMatch(/\| secrets \| ❌ fail \|/);
    expect(body).toContain('#### 💰 Cost');
    expect(body).toMatch(/This change added \*\*\$2\.50\*\*/);
    expect(body).toMatch(/Month to date: \*\*\$12\.50\*\*/);
  });

  it('writes outputs, a JSON report, SARIF and the job summary', async () => {
    const { run: first, pr } = await blockedPrRun();
    expect(first.outputs.verdict).toBe('fail');
    // The planted AWS key in config.js and the tracked .env file; the budget only reports.
    expect(Number(first.outputs.findings)).toBe(2);
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
    const { run: first } = await blockedPrRun();
    expect(first.stdout).toMatch(/^::error title=wfo-gate secrets%3A aws-access-key-id,file=config\.js,line=1,col=\d+::AWS access key ID/m);
    expect(first.stdout).toMatch(/^::error title=wfo-gate env-ignore%3A env-file-tracked,file=evil\|name<\/details><img src=x onerror=alert\(1\)>\.env,line=1::/m);
  });

  it('never shows the planted secret: not in the comment, summary, annotations, outputs, reports or logs', async () => {
    const { run: first, comments } = await blockedPrRun();
    const everything = [first.stdout, first.stderr, first.summary, comments[0].body, JSON.stringify(first.outputs), readFileSync(first.outputs['report-json'], 'utf8'), readFileSync(first.outputs.sarif, 'utf8')].join('\n');
    expect(everything).not.toContain(PLANTED_KEY);
    expect(everything).toContain('AKIA…');
  });

  it('renders a comment whose table and details survive a hostile file name', async () => {
    const { comments } = await blockedPrRun();
    const html = new MarkdownIt({ html: true }).render(comments[0].body);
    expect(html).not.toMatch(/<img/i);
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
    const gateTable = html.split('<table>')[1];
    expect(gateTable.split('</thead>')[1].match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('evil|name&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;.env');
  });

  it('updates the same comment on the next run, and leaves it alone when nothing changed', async () => {
    const pr = fixture();
    await runAction(pr);
    expect(api.comments).toHaveLength(1);
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
    const result = await runAction(fixture(), { gates: 'secrets,audit,coverage' });
    expect(api.violations).toEqual([]);
    for (const text of [api.comments[0].body, result.summary]) {
      expect(text).toMatch(/^- ⏭️ \*\*coverage\*\* skipped: no coverage report found \(looked for /m);
      expect(text).toMatch(/^- ⏭️ \*\*audit\*\* skipped: no lockfile matching /m);
    }
  });

  it('skips the comment for a fork PR with a notice, and still writes summary and annotations', async () => {
    const fork = pullRequestFixture({ fork: true });
    const result = await runAction(fork);
    expect(api.requests).toEqual([]);
    expect(result.stdout).toMatch(/::notice::wfo-gate: PR comment skipped: this pull request comes from a fork/);
    expect(result.summary).toMatch(/BLOCKED/);
    expect(result.stdout).toMatch(/^::error title=wfo-gate secrets/m);
    expect(result.status).toBe(1);
  });

  it('reports a 403 or a 500 from the API without hiding the verdict', async () => {
    const pr = fixture();
    for (const status of [403, 500]) {
      api.reset();
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
    // ast-grep's native addon cannot be bundled: the action installs it with npm on first use,
    // here from a loopback registry serving the packages this project installed.
    const registry = await startPackRegistry(['@ast-grep/napi', '@ast-grep/lang-python', '@ast-grep/setup-lang'], ['@ast-grep']);
    try {
      const result = await runAction(fixture, { gates: 'secrets,env-ignore,budget,sast', comment: 'false', mode: 'full' }, join(checkout, 'dist/action.js'), registry.npmEnv);
      if (process.env.DEBUG_ACTION) console.log(result.stdout, result.stderr);
      expect(result.outputs.verdict).toBe('fail');
      expect(result.stdout).toMatch(/^::error title=wfo-gate secrets%3A aws-access-key-id/m);
      expect(result.stdout).toMatch(/installing @ast-grep\/napi@\S+ @ast-grep\/lang-python@\S+ \(native code the sast gate needs\)/);
      // Every package came from the loopback registry: the addon, this platform's binary, the grammar and its installer.
      expect(registry.tarballsServed()).toEqual(registry.packages);
      expect(registry.packages).toEqual(expect.arrayContaining(['@ast-grep/lang-python', '@ast-grep/napi', '@ast-grep/setup-lang']));
      const report = JSON.parse(readFileSync(result.outputs['report-json'], 'utf8'));
      const sast = report.gates.find((g: { gate: string }) => g.gate === 'sast');
      expect(sast.status).toBe('fail');
      expect(sast.findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['handler.js:2 js-exec-request-data']);
    } finally {
      await registry.close();
    }
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
