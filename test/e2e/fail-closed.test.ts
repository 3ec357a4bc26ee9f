import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, gitEnv, makeRepo, runCli, tempDir, type TestRepo } from '../helpers/repo.js';
import { expectValidReport } from '../helpers/validate.js';

// Nothing passes that was not checked (issue #14, part 3). Planted values are assembled at
// run time so this file itself holds no secret.
const API_KEY = ['a8f3', 'Kq92', 'LmZx', '7Vb4', 'Nw1T'].join('');
const LEAK = `const api_key = "${API_KEY}";\n`;
const INJECTION = 'exports.added = (req, res) => { eval(req.body.code); };\n';
const ENV_GATE = ['--gate', 'env-ignore'];

function json(cwd: string, ...args: string[]) {
  const result = runCli(cwd, ['run', '--format', 'json', ...args]);
  expect(result.stdout).not.toContain(API_KEY);
  expect(result.stderr).not.toContain(API_KEY);
  const report = result.stdout ? JSON.parse(result.stdout) : undefined;
  const gate = (id: string) => report?.gates.find((g: { gate: string }) => g.gate === id);
  return { result, report, gate };
}

describe('usage mistakes are refused, never read as "the defaults"', () => {
  it('refuses a config that is null, an array or a string, in its own file, in --config or in package.json, with exit 2', () => {
    const cases: [string, string, string[]][] = [
      ['wfo-gate.config.json', 'null', []],
      ['wfo-gate.config.json', '[]', []],
      ['wfo-gate.config.json', '"secrets"', []],
      ['cfg.json', 'null', ['--config', 'cfg.json']],
      ['package.json', JSON.stringify({ name: 'x', 'wfo-gate': null }), []],
    ];
    for (const [file, content, args] of cases) {
      const repo = makeRepo();
      repo.commit('init', { 'a.js': 'x\n', [file]: content });
      const result = repo.run('run', ...ENV_GATE, ...args);
      expect(result.status, `${file} ${content}`).toBe(2);
      expect(result.stderr, `${file} ${content}`).toMatch(/the configuration must be a JSON object, got (null|an array|a string)/);
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('refuses an empty --gate list or an empty item in it with exit 2, in run, baseline and rules', () => {
    const repo = makeRepo();
    repo.commit('init', { 'a.js': 'x\n' });
    for (const [command, value] of [['run', ''], ['run', ','], ['run', 'secrets,,sast'], ['run', 'secrets,'], ['baseline', ''], ['rules', '']]) {
      const result = repo.run(command, '--gate', value);
      expect(result.status, `${command} --gate "${value}"`).toBe(2);
      expect(result.stderr, `${command} --gate "${value}"`).toMatch(/--gate(?: needs at least one gate id|: empty gate id)/);
      expect(result.stdout).not.toMatch(/Verdict/);
    }
  });

});

describe('a directory argument is walked, never checked as one file', () => {
  function layout(repo: TestRepo): void {
    repo.commit('init', { '.gitignore': 'src/ignored.js\n', 'src/app.js': LEAK, 'src/lib/handler.js': INJECTION, 'other/x.js': 'x\n' });
    repo.write('src/lib/untracked.js', LEAK);
    repo.write('src/ignored.js', LEAK);
  }

  it('checks tracked and untracked-not-ignored files below the directory, for ".", "src", --files src and from a subdirectory', () => {
    const repo = makeRepo();
    layout(repo);
    const runs: [string, string[], string[]][] = [
      [repo.dir, ['.'], ['.gitignore', 'other/x.js', 'src/app.js', 'src/lib/handler.js', 'src/lib/untracked.js']],
      [repo.dir, ['src'], ['src/app.js', 'src/lib/handler.js', 'src/lib/untracked.js']],
      [repo.dir, ['--files', 'src/'], ['src/app.js', 'src/lib/handler.js', 'src/lib/untracked.js']],
      [join(repo.dir, 'src'), ['.'], ['src/app.js', 'src/lib/handler.js', 'src/lib/untracked.js']],
      [join(repo.dir, 'src'), ['lib', 'app.js'], ['src/app.js', 'src/lib/handler.js', 'src/lib/untracked.js']],
    ];
    for (const [cwd, args, files] of runs) {
      const { result, report, gate } = json(cwd, '--gate', 'secrets,sast', ...args);
      const what = `${cwd} run ${args.join(' ')}`;
      expect(result.status, what).toBe(1);
      expect(report.scope.files, what).toBe(files.length);
      expect(gate('secrets').status, what).toBe('fail');
      expect(gate('secrets').findings.map((f: { file: string }) => f.file).sort(), what).toEqual(['src/app.js', 'src/lib/untracked.js']);
      expect(gate('sast').findings.map((f: { file: string }) => f.file), what).toContain('src/lib/handler.js');
    }
  });

  it('walks a directory argument outside git too', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.js'), LEAK);
    const { result, report, gate } = json(dir, '--gate', 'secrets', 'src');
    expect(result.status).toBe(1);
    expect(report.scope.files).toBe(1);
    expect(gate('secrets').findings[0]).toMatchObject({ file: 'src/app.js' });
  });
});

/**
 * Runs the built CLI so that chmod 000 really locks a file: root reads everything, so as root
 * it runs as `nobody` (lock() opens the temp tree to it; git is told the repo is safe).
 */
function runUnprivileged(cwd: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const env = gitEnv({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*', HOME: '/tmp' });
  const result = spawnSync(process.execPath, [CLI, 'run', '--format', 'json', ...args], {
    cwd,
    env,
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  expect(result.stdout).not.toContain(API_KEY);
  expect(result.stderr).not.toContain(API_KEY);
  expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  const report = JSON.parse(result.stdout);
  expectValidReport(report);
  return { result, report, gate: (id: string) => report.gates.find((g: { gate: string }) => g.gate === id) };
}

/** Makes the tree readable by anyone, then locks the given paths (mode 000). */
function lock(root: string, paths: string[]): void {
  spawnSync('chmod', ['-R', 'a+rX', root]);
  for (const path of paths) chmodSync(join(root, path), 0o000);
}

describe('an unreadable file makes the gates that needed it an error, never a pass', () => {
  it('in --all and in --files, names the file, counts it as skipped and exits 1', () => {
    const repo = makeRepo();
    repo.commit('init', { 'secret.js': LEAK, 'ok.js': 'x\n' });
    lock(repo.dir, ['secret.js']);
    for (const args of [['--all'], ['--files', 'secret.js'], ['secret.js']]) {
      const { result, report, gate } = runUnprivileged(repo.dir, ['--gate', 'secrets', ...args]);
      const what = args.join(' ');
      expect(result.status, what).toBe(1);
      expect(report.verdict, what).toBe('error');
      expect(report.skipped.unreadable, what).toEqual(['secret.js']);
      expect(gate('secrets').status, what).toBe('error');
      expect(gate('secrets').error, what).toMatch(/could not read 1 file it had to check \(secret\.js\)/);
    }
  });

  it('is an error on the worker-thread path of a large tree too', () => {
    const repo = makeRepo();
    const files: Record<string, string> = { 'secret.js': LEAK };
    for (let i = 0; i < 260; i++) files[`f/${i}.txt`] = `line ${i}\n`;
    files['wfo-gate.config.json'] = JSON.stringify({ gates: { secrets: { workers: 2 } } });
    repo.commit('init', files);
    lock(repo.dir, ['secret.js']);
    const { result, gate } = runUnprivileged(repo.dir, ['--gate', 'secrets', '--all']);
    expect(result.status).toBe(1);
    expect(gate('secrets')).toMatchObject({ status: 'error', error: expect.stringContaining('secret.js') });
  });

  it('a tracked file deleted from the work tree is not there to check, on the worker path too', () => {
    const repo = makeRepo();
    const files: Record<string, string> = { 'gone.js': 'x\n', 'wfo-gate.config.json': JSON.stringify({ gates: { secrets: { workers: 2 } } }) };
    for (let i = 0; i < 260; i++) files[`f/${i}.txt`] = `line ${i}\n`;
    repo.commit('init', files);
    rmSync(join(repo.dir, 'gone.js'));
    const { result, report, gate } = json(repo.dir, '--gate', 'secrets', '--all');
    expect(report.skipped.unreadable).toEqual([]);
    expect(gate('secrets').status).toBe('pass');
    expect(result.status).toBe(0);
  });

  it('does not make a gate that never needed the file an error', () => {
    const repo = makeRepo();
    repo.commit('init', { 'notes.txt': LEAK, 'app.js': 'console.log(1);\n' });
    lock(repo.dir, ['notes.txt']);
    const { result, gate } = runUnprivileged(repo.dir, ['--gate', 'sast', '--all']);
    expect(gate('sast').status).toBe('pass');
    expect(result.status).toBe(0);
  });

  it('outside git, a directory that cannot be listed is an error for the gates that read the tree', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'secret.js'), LEAK);
    writeFileSync(join(dir, 'ok.js'), 'x\n');
    lock(dir, ['locked']);
    const { result, report, gate } = runUnprivileged(dir, ['--gate', 'secrets', '--all']);
    expect(result.status).toBe(1);
    expect(report.skipped.unreadable).toEqual(['locked']);
    expect(gate('secrets').status).toBe('error');
  });
});

describe('history that was asked for and is not in a shallow clone is an error, not a pass', () => {
  /** main: leak, fix, two more commits; feature branches off the last. Cloned with `depth`. */
  function shallowClone(depth: number) {
    const repo = makeRepo();
    const leak = repo.commit('leak', { 'src/client.js': LEAK });
    repo.commit('fix', { 'src/client.js': 'export {};\n' });
    const third = repo.commit('three', { 'a.txt': 'a\n' });
    const fourth = repo.commit('four', { 'b.txt': 'b\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('five', { 'c.txt': 'c\n' });
    const clone = join(tempDir(), 'shallow');
    makeRepo({ init: false }).git('clone', '-q', `--depth=${depth}`, '--no-single-branch', '--branch', 'feature', `file://${repo.dir}`, clone);
    return { clone, leak, third, fourth };
  }

  it('--history in a --depth 1 clone is an error that says how to fetch the rest', () => {
    const { clone } = shallowClone(1);
    const { result, report, gate } = json(clone, '--history');
    expect(result.status).toBe(1);
    expect(report.verdict).toBe('error');
    expect(gate('secrets').status).toBe('error');
    expect(gate('secrets').error).toMatch(/shallow.*git fetch --unshallow.*fetch-depth: 0.*--since/);
  });

  it('--history --since a commit inside the clone scans what is there and passes', () => {
    const { clone, third } = shallowClone(3);
    const { result, gate } = json(clone, '--history', '--since', third);
    expect(gate('secrets').status).toBe('pass');
    expect(gate('secrets').error).toBeUndefined();
    expect(result.status).toBe(0);
  });

  it('--history --since a commit the clone cannot connect to the newer ones (each tip cut at depth 1) is still an error', () => {
    const { clone, fourth } = shallowClone(1);
    // feature's tip is a cut too: the clone does not know its parent is main's tip, nor what it changed.
    const { result, gate } = json(clone, '--history', '--since', fourth);
    expect(gate('secrets').status).toBe('error');
    expect(gate('secrets').error).toMatch(/^the clone is shallow: history since [0-9a-f]{40} reaches past its cut at [0-9a-f]{12}, .*git fetch --unshallow/);
    expect(result.status).toBe(1);
  });

  it('a --range that reaches past the cut is an error too', () => {
    const { clone } = shallowClone(1);
    const { result, gate } = json(clone, '--gate', 'secrets', '--range', 'origin/main..HEAD');
    expect(gate('secrets').status).toBe('error');
    expect(gate('secrets').error).toMatch(/git fetch --unshallow/);
    expect(result.status).toBe(1);
  });
});

describe('a lockfile of the wrong shape is an audit error naming the file and the JSON path', () => {
  it.each([
    ['package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: 'oops' }), '/packages'],
    ['package-lock.json', JSON.stringify({ lockfileVersion: 1, dependencies: 'x' }), '/dependencies'],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages: [1, 2, 3]\n", '/packages'],
    ['Pipfile.lock', JSON.stringify({ default: 5 }), '/default'],
  ])('%s %s', (file, content, path) => {
    const repo = makeRepo();
    repo.commit('init', { [file]: content });
    const { result, gate } = json(repo.dir, '--gate', 'audit');
    expect(result.status).toBe(1);
    expect(gate('audit').status).toBe('error');
    expect(gate('audit').error).toContain(`${file}: unexpected shape at ${path}:`);
    expect(gate('audit').summary).not.toMatch(/0 packages/);
  });
});
