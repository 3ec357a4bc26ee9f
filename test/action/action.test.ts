import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testNow } from '../helpers/clock.js';
import { gitEnv, makeRepo, PROJECT_ROOT, runCli, tempDir } from '../helpers/repo.js';
import { writeCodexSession } from '../cost/agent-fixtures.js';
import { assistantLine } from '../cost/fixtures.js';
import { expectValidReport, expectValidSarif } from '../helpers/validate.js';
import { gitHubApiServerForSuite } from './github-api-server.js';
import { checkoutPullRequest, runActionProcess } from './action-process.js';
import { startPackRegistry } from './npm-pack-registry.js';

const ACTION = join(PROJECT_ROOT, 'dist', 'action.js');
// Assembled at run time so this source file holds no key-shaped string.
const PLANTED_KEY = ['AKIA', 'Q3EGRZ7NBX4TYUPW'].join('');
const HOSTILE_NAME = 'evil|name</details><img src=x onerror=alert(1)>.env';

const api = gitHubApiServerForSuite();

interface Fixture {
  workspace: string;
  eventPath: string;
  /** GITHUB_EVENT_NAME; default pull_request. */
  eventName?: string;
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
function runAction(fixture: Fixture, inputs: Record<string, string> = {}, action = ACTION, extraEnv: Record<string, string> = {}) {
  return runActionProcess(fixture, api.url, { gates: 'secrets,env-ignore,budget', ...inputs }, action, extraEnv);
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
      expect(sast.findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['handler.js:2 js-shell-command-request-data']);
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

/**
 * A PR whose branch spent with two coding agents on two models, on a ledger that also holds
 * spend of another branch and spend recorded on a branch of the same name in another
 * repository. Every figure is exact: sonnet 100k in / 10k out = $0.45, gpt-5 1M in / 100k out =
 * $2.25 (the branch: $2.70); haiku 100k / 100k = $0.60 on feat/other; gpt-5 200k in = $0.25 in
 * someone/else. All of it spent at the suite's "now", so this month in every time zone.
 */
function branchSpendFixture(): Fixture {
  const dev = makeRepo();
  const at = testNow();
  /** One Claude Code call and one Codex session, imported into the ledger and committed. */
  const spend = (message: string, claude: { id: string; model: string; branch: string; input: number; output: number }, codex: { id: string; repository: string; input: number; output: number }) => {
    const projects = join(tempDir(), 'projects');
    mkdirSync(join(projects, '-work-app'), { recursive: true });
    const usage = { input_tokens: claude.input, output_tokens: claude.output };
    writeFileSync(join(projects, '-work-app', 'session.jsonl'), assistantLine({ messageId: `msg_${claude.id}`, requestId: `req_${claude.id}`, model: claude.model, timestamp: at.toISOString(), cwd: dev.dir, gitBranch: claude.branch, usage }) + '\n');
    const home = tempDir();
    writeCodexSession({ home, id: codex.id, start: at, stepMs: 0, cwd: dev.dir, branch: 'feature-x', repositoryUrl: `git@github.com:${codex.repository}.git`, model: 'gpt-5', calls: [{ input: codex.input, cached: 0, output: codex.output, reasoning: 0 }] });
    for (const [tool, dir] of [['claude-code', projects], ['codex', home]]) {
      const result = runCli(dev.dir, ['cost', 'import', tool, '--dir', dir]);
      expect(result.status, result.stderr).toBe(0);
    }
    return dev.commit(message);
  };
  dev.commit('base', {
    'app.js': 'console.log("hello")\n',
    'wfo-gate.config.json': JSON.stringify({ gates: { budget: { ledger: 'costs' } } }),
    'costs/budget-config.json': JSON.stringify({ budgets: { monthly: { soft_limit: 20 } } }),
  });
  const baseSha = spend('spend on other branches', { id: 'o1', model: 'claude-haiku-4-5', branch: 'feat/other', input: 100_000, output: 100_000 }, { id: '0199a8b2-eeee-7000-8000-00000000000e', repository: 'someone/else', input: 200_000, output: 0 });
  dev.git('checkout', '-q', '-b', 'feature-x');
  dev.commit('feature', { 'feature.js': 'export const x = 1;\n' });
  const headSha = spend('spend on feature-x', { id: 'a1', model: 'claude-sonnet-4-5', branch: 'feature-x', input: 100_000, output: 10_000 }, { id: '0199a8b2-aaaa-7000-8000-00000000000a', repository: 'acme/widgets', input: 1_000_000, output: 100_000 });
  const { workspace, eventPath } = checkoutPullRequest(dev, { branch: 'feature-x', baseSha, headSha });
  return { workspace, eventPath, baseSha, headSha };
}

/** The rows of the markdown table whose header starts with `header`, as [cells…]. */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

describe("the Action's cost section: what the pull request's branch cost", () => {
  beforeEach(() => api.reset());

  it("shows this branch's spend by model and by tool, next to month to date and the budget, and nothing of other branches or repositories", async () => {
    const pr = branchSpendFixture();
    const result = await runAction(pr, { gates: 'budget' });
    if (process.env.DEBUG_ACTION) console.log(result.stdout, result.stderr);
    expect(api.violations).toEqual([]);
    expect(result.status).toBe(0);
    expect(api.comments).toHaveLength(1);
    const body = api.comments[0].body;
    const section = body.slice(body.indexOf('#### 💰 Cost'));
    expect(section).toContain('- This change added **$2.70** to the ledger.');
    expect(section).toContain('- Branch `feature-x`: **$2.70** so far, 2 ledger line(s).');
    expect(section).toMatch(/^- Month to date: \*\*\$3\.55\*\* of \$20\.00 \(18%\), projected \$\d+\.\d\d by month end\.$/m);
    expect(tableRows(section, '| `feature-x` by model |')).toEqual([
      ['gpt-5', '$2.25', '1'],
      ['claude-sonnet-4-5', '$0.45', '1'],
    ]);
    expect(tableRows(section, '| By tool |')).toEqual([
      ['codex', '$2.25', '1'],
      ['claude-code', '$0.45', '1'],
    ]);
    expect(result.outputs['cost-mtd']).toBe('3.55');
    // The same figures the CLI gives for the whole ledger: the branch is part of the month, not all of it.
    const report = JSON.parse(runCli(pr.workspace, ['cost', 'report', '--format', 'json']).stdout);
    expect(report.byBranch).toEqual([
      { branch: 'feature-x', cost: 2.95, requests: 3 },
      { branch: 'feat/other', cost: 0.6, requests: 1 },
    ]);
  });
});

/** A bare origin that, as GitHub does, serves any commit by id (a force-push's old tip too), and a developer clone of it. */
function originAndDev() {
  const origin = makeRepo({ bare: true });
  origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
  const dev = makeRepo();
  dev.git('remote', 'add', 'origin', origin.dir);
  return { origin, dev };
}

/** What actions/checkout leaves for an event: a depth-1 clone of one ref, and the event payload. */
function eventFixture(originDir: string, ref: string, eventName: string, payload: Record<string, unknown>): Fixture {
  const workspace = join(tempDir(), 'checkout');
  spawnSync('git', ['clone', '-q', '--depth', '1', '--branch', ref, `file://${originDir}`, workspace], { env: gitEnv() });
  const eventPath = join(tempDir(), 'event.json');
  writeFileSync(eventPath, JSON.stringify({ ...payload, repository: { full_name: 'acme/widgets', name: 'widgets', owner: { login: 'acme' }, default_branch: 'main' } }));
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, env: gitEnv(), encoding: 'utf8' }).stdout.trim();
  return { workspace, eventPath, eventName, baseSha: '', headSha: head };
}

const keyN = (n: number) => ['AKIA', 'Q3EGRZ7NBX4TYU', String(n).padStart(2, '0')].join('');
const secretsOf = (result: Awaited<ReturnType<typeof runAction>>) => {
  const report = JSON.parse(readFileSync(result.outputs['report-json'], 'utf8'));
  expectValidReport(report);
  return { report, rows: report.gates.find((g: { gate: string }) => g.gate === 'secrets').findings.map((f: { file: string; commit?: string }) => `${f.file}@${f.commit?.slice(0, 12) ?? 'tree'}`).sort() };
};

describe('the Action on every event: diff-aware where the event has a diff, never on pull_request_target', () => {
  const { origin, dev } = originAndDev();
  const sha = () => dev.git('rev-parse', 'HEAD').trim();
  const short = (s: string) => s.slice(0, 12);
  const inputs = { gates: 'secrets', comment: 'true', annotations: 'all' };
  const commits: Record<string, string> = {};

  beforeAll(() => {
    commits.a = dev.commit('old key', { 'old.js': `const k = "${keyN(0)}";\n` });
    dev.git('push', '-q', 'origin', 'main');
  });

  it('push: checks the pushed commits before..after, a key added and removed again included', async () => {
    commits.b = dev.commit('leak', { 'new.js': `const k = "${keyN(1)}";\n` });
    commits.c = dev.commit('unleak', { 'new.js': 'const k = process.env.K;\n' });
    dev.git('push', '-q', 'origin', 'main');
    api.requests.length = 0;
    const result = await runAction(eventFixture(origin.dir, 'main', 'push', { ref: 'refs/heads/main', before: commits.a, after: commits.c, created: false, forced: false }), inputs);
    expect(result.status).toBe(1);
    const { report, rows } = secretsOf(result);
    expect(report.scope.kind).toBe('range');
    expect(rows).toEqual([`new.js@${short(commits.b)}`]);
    // No pull request: no comment, and no call to the API at all.
    expect(api.requests).toEqual([]);
  });

  it('push of a new branch: checks what it adds to the default branch', async () => {
    dev.git('checkout', '-q', '-b', 'feature');
    commits.d = dev.commit('feature key', { 'feature.js': `const k = "${keyN(2)}";\n` });
    dev.git('push', '-q', 'origin', 'feature');
    const result = await runAction(eventFixture(origin.dir, 'feature', 'push', { ref: 'refs/heads/feature', before: '0'.repeat(40), after: commits.d, created: true, forced: false }), inputs);
    expect(api.violations).toEqual([]);
    expect(result.status).toBe(1);
    expect(secretsOf(result).rows).toEqual([`feature.js@${short(commits.d)}`]);
  });

  it('force-push: checks from where the old and the new history part, not the commits it threw away', async () => {
    dev.git('reset', '-q', '--hard', commits.c);
    commits.e = dev.commit('rewritten', { 'rewritten.js': `const k = "${keyN(3)}";\n` });
    dev.git('push', '-q', '-f', 'origin', 'feature');
    const result = await runAction(eventFixture(origin.dir, 'feature', 'push', { ref: 'refs/heads/feature', before: commits.d, after: commits.e, created: false, forced: true }), inputs);
    expect(result.status).toBe(1);
    const { report, rows } = secretsOf(result);
    expect(rows).toEqual([`rewritten.js@${short(commits.e)}`]);
    expect(report.scope.description).toContain(`${commits.c}..${commits.e}`);
  });

  it('merge_group: checks the queued change between its base and head', async () => {
    dev.git('checkout', '-q', '-b', 'gh-readonly-queue/main/pr-9', 'main');
    commits.f = dev.commit('queued', { 'queued.js': `const k = "${keyN(4)}";\n` });
    dev.git('push', '-q', 'origin', 'gh-readonly-queue/main/pr-9');
    const fixture = eventFixture(origin.dir, 'gh-readonly-queue/main/pr-9', 'merge_group', {
      action: 'checks_requested',
      merge_group: { head_sha: commits.f, head_ref: 'refs/heads/gh-readonly-queue/main/pr-9', base_sha: commits.c, base_ref: 'refs/heads/main' },
    });
    const result = await runAction(fixture, inputs);
    expect(result.status).toBe(1);
    expect(secretsOf(result).rows).toEqual([`queued.js@${short(commits.f)}`]);
  });

  it('schedule and workflow_dispatch: check the whole tree', async () => {
    for (const [eventName, payload] of [['schedule', { schedule: '0 3 * * *' }], ['workflow_dispatch', { inputs: {} }]] as const) {
      const result = await runAction(eventFixture(origin.dir, 'main', eventName, payload), inputs);
      expect(result.stdout).toContain(`a ${eventName} event: checking the whole tree`);
      const { report, rows } = secretsOf(result);
      expect(report.scope.kind).toBe('all');
      expect(rows).toEqual(['old.js@tree']);
    }
  });

  it('refuses pull_request_target and says what to use instead', async () => {
    const pr = pullRequestFixture();
    const result = await runAction({ ...pr, eventName: 'pull_request_target' }, inputs);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/::error::wfo-gate: wfo-gate does not run on pull_request_target/);
    expect(result.stdout).toContain('on: pull_request');
  });
});

describe('the Action in a matrix: shard jobs, then one merge job that posts the one comment', () => {
  it('gives the verdict and findings of one job, with one comment, annotations, summary and SARIF from the merge job', async () => {
    const pr = pullRequestFixture();
    const gates = { gates: 'secrets,env-ignore,budget,sast' };
    const single = await runAction(pr, { ...gates, comment: 'false' });
    api.comments.length = 0;
    api.requests.length = 0;
    const reports = tempDir('wfo-artifacts-');
    for (let i = 1; i <= 3; i++) {
      const shard = await runAction(pr, { ...gates, shard: `${i}/3` });
      if (process.env.DEBUG_ACTION) console.log(shard.stdout, shard.stderr);
      // A shard job never fails on findings and posts nothing: the merge job decides.
      expect(shard.status).toBe(0);
      expect(shard.stdout).not.toMatch(/^::error/m);
      expect(shard.summary).toContain(`### wfo-gate shard ${i}/3`);
      expect(shard.outputs['report-json']).toMatch(new RegExp(`wfo-gate-shard-${i}-of-3\\.json$`));
      // download-artifact puts each artifact in a folder of its own unless merge-multiple.
      cpSync(shard.outputs['report-json'], join(reports, `wfo-gate-shard-${i}`, 'report.json'), { recursive: true });
    }
    expect(api.requests).toEqual([]);

    const noCheckout = { ...pr, workspace: tempDir('wfo-merge-job-') };
    cpSync(reports, join(noCheckout.workspace, 'wfo-gate-reports'), { recursive: true });
    const merged = await runAction(noCheckout, { mode: 'merge' });
    if (process.env.DEBUG_ACTION) console.log(merged.stdout, merged.stderr);
    expect(api.violations).toEqual([]);
    expect(merged.status).toBe(1);
    expect(merged.outputs.verdict).toBe(single.outputs.verdict);
    expect(merged.outputs.findings).toBe(single.outputs.findings);
    const rows = (path: string) => JSON.parse(readFileSync(path, 'utf8')).gates.flatMap((g: { findings: { fingerprint: string; line?: number }[] }) => g.findings.map((f) => `${f.fingerprint}:${f.line}`)).sort();
    expect(rows(merged.outputs['report-json'])).toEqual(rows(single.outputs['report-json']));
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toMatch(/\| secrets \| ❌ fail \|/);
    expect(api.comments[0].body).toContain('#### 💰 Cost');
    expect(merged.stdout).toMatch(/^::error title=wfo-gate secrets%3A aws-access-key-id,file=config\.js/m);
    expect(merged.summary).toMatch(/### wfo-gate: ❌ BLOCKED/);
    expectValidSarif(readFileSync(merged.outputs.sarif, 'utf8'));

    // A shard whose job died: the merge is an error naming it, in the same one comment.
    rmSync(join(noCheckout.workspace, 'wfo-gate-reports', 'wfo-gate-shard-2'), { recursive: true });
    const partial = await runAction(noCheckout, { mode: 'merge' });
    expect(partial.status).toBe(1);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toContain('shard 2/3 is missing');
    expect(api.violations).toEqual([]);
  });
});
