// Runs the bundled Action (dist/action.js) as the runner would: inputs as INPUT_* variables, a
// pull_request event file, GITHUB_OUTPUT and the job summary as files, the API at `apiUrl`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnv, makeRepo, PROJECT_ROOT, tempDir, type TestRepo } from '../helpers/repo.js';

export const ACTION = join(PROJECT_ROOT, 'dist', 'action.js');

export interface ActionFixture {
  workspace: string;
  eventPath: string;
  /** GITHUB_EVENT_NAME; pull_request unless said. */
  eventName?: string;
}

/** Asynchronous, so a loopback API server in the test's own event loop can answer it. `inputs`: lower-case input names. */
export async function runActionProcess(fixture: ActionFixture, apiUrl: string, inputs: Record<string, string> = {}, action = ACTION, extraEnv: Record<string, string> = {}) {
  const outputFile = join(tempDir(), 'output');
  const summaryFile = join(tempDir(), 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: fixture.eventName ?? 'pull_request',
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
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [action], { cwd: fixture.workspace, env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3];
  return outputs;
}

/**
 * A real PR from `dev`'s `branch` into main: both pushed to a bare origin, the branch checked out
 * shallow (depth 1) as actions/checkout does, and the pull_request event file.
 */
export function checkoutPullRequest(dev: TestRepo, pr: { branch: string; baseSha: string; headSha: string; fork?: boolean }): ActionFixture {
  const origin = makeRepo({ bare: true });
  dev.git('remote', 'add', 'origin', origin.dir);
  dev.git('push', '-q', 'origin', 'main', pr.branch);
  const workspace = join(tempDir(), 'checkout');
  spawnSync('git', ['clone', '-q', '--depth', '1', '--branch', pr.branch, `file://${origin.dir}`, workspace], { env: gitEnv() });
  const eventPath = join(tempDir(), 'event.json');
  const headRepo = pr.fork ? 'someone/fork' : 'acme/widgets';
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        state: 'open',
        title: 'Add config',
        head: { ref: pr.branch, sha: pr.headSha, repo: { full_name: headRepo, fork: Boolean(pr.fork) } },
        base: { ref: 'main', sha: pr.baseSha, repo: { full_name: 'acme/widgets' } },
      },
      repository: { full_name: 'acme/widgets', name: 'widgets', owner: { login: 'acme' } },
    }),
  );
  return { workspace, eventPath };
}
