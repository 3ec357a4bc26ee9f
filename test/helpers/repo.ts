import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { expectValidReport } from './validate.js';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

const made: string[] = [];
afterAll(() => {
  if (process.env.WFO_KEEP_TMP) return;
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** A fresh temp dir, removed after the test file. */
export function tempDir(prefix = 'wfo-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Environment for child git processes: no user or system config leaks into tests. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    // No auto gc or maintenance detaching into the background: it would still be writing to
    // .git while the test removes the repository.
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'gc.auto',
    GIT_CONFIG_VALUE_0: '0',
    GIT_CONFIG_KEY_1: 'maintenance.auto',
    GIT_CONFIG_VALUE_1: 'false',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    NO_COLOR: '1',
    ...extra,
  };
}

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, content: string | Buffer): void;
  commit(message: string, files?: Record<string, string | Buffer>): string;
  run(...args: string[]): SpawnSyncReturns<string>;
}

/** A real git repository in a temp dir, with helpers to write, commit and run the built CLI. */
export function makeRepo(options: { bare?: boolean; init?: boolean; branch?: string } = {}): TestRepo {
  const dir = tempDir('wfo-repo-');
  const repo: TestRepo = {
    dir,
    git: (...args) => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    commit(message, files = {}) {
      for (const [path, content] of Object.entries(files)) repo.write(path, content);
      repo.git('add', '-A');
      repo.git('commit', '-q', '--allow-empty', '-m', message);
      return repo.git('rev-parse', 'HEAD').trim();
    },
    run: (...args) => runCli(dir, args),
  };
  if (options.init !== false) {
    repo.git('init', '-q', '-b', options.branch ?? 'main', ...(options.bare ? ['--bare'] : []));
    repo.git('config', 'commit.gpgsign', 'false');
  }
  return repo;
}

/**
 * Runs the built CLI as a user would: `node dist/cli.js …` in `cwd`. Every JSON report it
 * prints is validated against schemas/report.schema.json, so each e2e test checks the contract.
 */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: gitEnv(env), encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  const format = args[args.indexOf('--format') + 1];
  if (args[0] === 'run' && args.includes('--format') && format === 'json' && result.status !== 2 && !args.includes('--output')) {
    expectValidReport(result.stdout);
  }
  return result;
}
