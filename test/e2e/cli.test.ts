import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, gitEnv, makeRepo, runCli, tempDir, type TestRepo } from '../helpers/repo.js';
import { expectValidReport, expectValidSarif } from '../helpers/validate.js';

/** Every file's bytes plus git's view of work tree and index: must be identical after a run. */
function snapshot(repo: TestRepo): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(repo.dir, dir))) {
      if (name === '.git' && dir === '') continue;
      const rel = dir ? `${dir}/${name}` : name;
      const st = statSync(join(repo.dir, rel));
      if (st.isDirectory()) walk(rel);
      else files.push(`${rel}\0${st.mode}\0${readFileSync(join(repo.dir, rel)).toString('base64')}`);
    }
  };
  walk('');
  return [files.sort().join('\n'), repo.git('status', '--porcelain=v2', '-z'), repo.git('diff', '--cached', '--binary'), repo.git('diff', '--binary'), readFileSync(join(repo.dir, '.git/index')).toString('base64')].join('\n--\n');
}

const ENV_GATE = ['--gate', 'env-ignore'];

describe('wfo-gate run (built CLI, real repos)', () => {
  it('blocks a tracked .env, names the file and the fix, and touches nothing', () => {
    const repo = makeRepo();
    repo.commit('oops', { '.env': 'DB_PASSWORD=hunter2hunter2\n', 'app.js': 'console.log(1)\n', '.env.example': 'DB_PASSWORD=\n' });
    repo.write('local.env', 'X=1\n');
    const before = snapshot(repo);
    const result = repo.run('run', ...ENV_GATE);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('.env  env-file-tracked  critical');
    expect(result.stdout).toContain('git rm --cached -- .env');
    expect(result.stdout).toContain('local.env  env-file-not-ignored  high');
    expect(result.stdout).toContain('add `/local.env` to .gitignore');
    expect(result.stdout).not.toContain('.env.example');
    expect(result.stdout).not.toContain('hunter2');
    expect(snapshot(repo)).toBe(before);
  });

  it('finds the same secrets without WebAssembly (node --jitless), its keyword scan read as text instead', () => {
    const repo = makeRepo();
    // Assembled here, so this file holds no token.
    const token = ['ghp_', 'R7mK2pQ9vX4tW8nL', '3sZ6yB1cD5fH0jG4', 'aE2u'].join('');
    repo.commit('oops', { 'src/deploy.ts': `const githubToken = "${token}";\n`, 'README.md': 'nothing here\n' });
    const findings = (node: string[]) => {
      const result = spawnSync(process.execPath, [...node, CLI, 'run', '--all', '--gate', 'secrets', '--format', 'json'], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
      expect(result.status).toBe(1);
      return JSON.parse(result.stdout).gates[0].findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`);
    };
    expect(findings([])).toEqual(['github-classic-pat src/deploy.ts:1']);
    expect(findings(['--jitless'])).toEqual(findings([]));
  });

  it('passes a clean repo with exit 0', () => {
    const repo = makeRepo();
    repo.commit('init', { '.gitignore': '.env\n', 'a.js': 'x\n' });
    repo.write('.env', 'SECRET=1\n');
    const result = repo.run('run', ...ENV_GATE);
    expect(result.stdout).toMatch(/Verdict: PASS/);
    expect(result.status).toBe(0);
  });

  it('reports a world-writable file as low (a warning, not a block)', () => {
    const repo = makeRepo();
    repo.commit('init', { 'run.sh': 'echo\n' });
    chmodSync(join(repo.dir, 'run.sh'), 0o666);
    const result = repo.run('run', ...ENV_GATE, '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(report.gates[0].findings).toMatchObject([{ ruleId: 'world-writable-file', severity: 'low', file: 'run.sh', fix: 'chmod o-w -- run.sh' }]);
    expect(result.status).toBe(0);
  });

  it('blocks a staged .env in the staged scope, reading the index', () => {
    const repo = makeRepo();
    repo.commit('init', { 'a.js': 'x\n' });
    repo.write('.env.production', 'K=V\n');
    repo.git('add', '.env.production');
    const before = snapshot(repo);
    const result = repo.run('run', '--staged', ...ENV_GATE, '--format', 'json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expectValidReport(report);
    expect(report.scope.kind).toBe('staged');
    expect(report.gates[0].findings[0]).toMatchObject({ file: '.env.production', isNew: true, blocking: true, message: expect.stringMatching(/staged for commit/) });
    expect(snapshot(repo)).toBe(before);
  });

  it('exits 2 with the JSON path for an invalid config', () => {
    const repo = makeRepo();
    repo.write('wfo-gate.config.json', JSON.stringify({ gates: { 'env-ignore': { failOn: 'sometimes' } }, hooks: { 'pre-commit': ['secret'] } }));
    const result = repo.run('run');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('wfo-gate.config.json: /gates/env-ignore/failOn: must be one of');
    expect(result.stderr).toContain('wfo-gate.config.json: /hooks/pre-commit/0: must be one of');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('works outside any git repository with run --all', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    const result = runCli(dir, ['run', '--all', '--gate', 'env-ignore']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/not a git repository/);
  });

  it('refuses --staged outside git with exit 2 and a way out', () => {
    const result = runCli(tempDir(), ['run', '--staged']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not inside a git repository/);
    expect(result.stderr).toMatch(/run --all/);
  });

  it('writes JSON, SARIF and markdown at once, each valid', () => {
    const repo = makeRepo();
    repo.commit('oops', { '.env': 'A=1\n', 'odd name |x|.env': 'B=2\n' });
    const result = repo.run('run', ...ENV_GATE, '--json', 'out/r.json', '--sarif', 'out/r.sarif', '--markdown', 'out/r.md', '--quiet');
    expect(result.status).toBe(1);
    expectValidReport(readFileSync(join(repo.dir, 'out/r.json'), 'utf8'));
    expectValidSarif(readFileSync(join(repo.dir, 'out/r.sarif'), 'utf8'));
    expect(readFileSync(join(repo.dir, 'out/r.md'), 'utf8')).toContain('odd name &#124;x&#124;.env');
  });

  it('rejects two scopes at once and unknown gates or formats with exit 2', () => {
    const repo = makeRepo();
    for (const args of [['run', '--staged', '--base', 'main'], ['run', '--gate', 'lint'], ['run', '--format', 'xml'], ['run', '--max-file-size', '-1'], ['frobnicate']]) {
      const result = repo.run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/\S/);
    }
  });

  it('checks files given on the command line, including odd names after --', () => {
    const repo = makeRepo();
    repo.commit('init', { '-dash.env': 'A=1\n', 'with space.env': 'B=2\n', 'ok.js': 'x\n' });
    const result = repo.run('run', '--gate', 'env-ignore', '--format', 'json', '--', '-dash.env', 'with space.env');
    const report = JSON.parse(result.stdout);
    expect(report.scope.kind).toBe('files');
    expect(report.gates[0].findings.map((f: { file: string }) => f.file).sort()).toEqual(['-dash.env', 'with space.env']);
  });

  it('init writes a config with $schema, never overwrites without --force', () => {
    const repo = makeRepo();
    const first = repo.run('init', '--no-hooks');
    expect(first.status).toBe(0);
    const config = JSON.parse(readFileSync(join(repo.dir, 'wfo-gate.config.json'), 'utf8'));
    // No node_modules/wfo-gate in this repository: the schema of the same version, online.
    expect(config.$schema).toMatch(/^https:\/\/unpkg\.com\/wfo-gate@\d+\.\d+\.\d+[^/]*\/schemas\/config\.schema\.json$/);
    expect(config.gates.secrets.failOn).toEqual({ severity: 'low', confidence: 'medium' });
    const second = repo.run('init', '--no-hooks');
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/--force/);
    expect(repo.run('init', '--no-hooks', '--force').status).toBe(0);
    expect(repo.run('run', '--gate', 'env-ignore').status).toBe(0);
  });

  it('baseline accepts current findings; later runs count them as baselined, not blocking', () => {
    const repo = makeRepo();
    repo.commit('legacy', { '.env': 'A=1\n' });
    const baseline = repo.run('baseline', '--gate', 'env-ignore');
    expect(baseline.status).toBe(0);
    expect(baseline.stdout).toMatch(/1 finding\(s\) accepted/);
    const result = repo.run('run', '--gate', 'env-ignore', '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(result.status).toBe(0);
    expect(report.suppressedCount).toBe(1);
    expect(report.gates[0].suppressed[0].suppression.kind).toBe('baseline');
    // A new problem still blocks.
    repo.commit('another', { 'prod.env': 'B=2\n' });
    expect(repo.run('run', '--gate', 'env-ignore').status).toBe(1);
  });

  it('rules lists the catalogue, also as JSON', () => {
    const result = runCli(tempDir(), ['rules', '--gate', 'env-ignore', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).map((r: { id: string }) => r.id)).toEqual(['env-file-tracked', 'env-file-not-ignored', 'world-writable-file']);
  });

  it('prints the version and help with examples', () => {
    const version = runCli(tempDir(), ['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = runCli(tempDir(), ['run', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it('runs on a detached HEAD and an empty repo; refuses a shallow clone\'s base diff with the fetch-depth fix', () => {
    const empty = makeRepo();
    expect(empty.run('run', '--gate', 'env-ignore').status).toBe(0);
    expect(empty.run('run', '--staged', '--gate', 'env-ignore').status).toBe(0);

    const repo = makeRepo();
    const first = repo.commit('one', { 'a.js': 'a\n' });
    repo.commit('two', { 'b.js': 'b\n' });
    repo.git('checkout', '-q', '--detach', first);
    const detached = repo.run('run', '--gate', 'env-ignore');
    expect(detached.status).toBe(0);
    expect(detached.stdout).toMatch(/HEAD is detached/);

    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('three', { 'c.js': 'c\n' });
    const clone = join(tempDir(), 'shallow');
    makeRepo({ init: false }).git('clone', '-q', '--depth', '1', '--branch', 'feature', '--no-single-branch', `file://${repo.dir}`, clone);
    const shallow = runCli(clone, ['run', '--base', 'origin/main', '--gate', 'env-ignore']);
    expect(shallow.status).toBe(2);
    expect(shallow.stderr).toMatch(/fetch-depth: 0/);
  });
});

/** Runs the built CLI with a stdout whose reader is gone: destroyed at once, or after the first bytes. */
function withClosedStdout(cwd: string, args: string[], when: 'at-once' | 'after-first-bytes'): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    if (when === 'at-once') child.stdout.destroy();
    else child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

describe('a closed stdout (wfo-gate … | head -1)', () => {
  it('ends rules, --help and --version quietly, with their own exit code and no stack', async () => {
    const dir = tempDir();
    for (const args of [['rules'], ['rules', '--json'], ['--help'], ['--version']]) {
      for (const when of ['at-once', 'after-first-bytes'] as const) {
        const result = await withClosedStdout(dir, args, when);
        expect(result, `${args.join(' ')} ${when}`).toEqual({ status: 0, signal: null, stderr: '' });
      }
    }
  });

  it('still exits 1 when a blocked run cannot print its report: a closed pipe is no pass', async () => {
    const repo = makeRepo();
    repo.commit('oops', { '.env': 'A=1\n' });
    const result = await withClosedStdout(repo.dir, ['run', ...ENV_GATE, '--format', 'json'], 'at-once');
    expect(result).toEqual({ status: 1, signal: null, stderr: '' });
  });

  it('as a shell pipeline into head', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" rules | head -1; "${process.execPath}" "${CLI}" --help | head -1`], { env: gitEnv(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toHaveLength(3);
  });
});
