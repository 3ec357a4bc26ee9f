import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScopeError } from '../../src/core/errors.js';
import { createScope, type ScopeRequest } from '../../src/core/scope.js';
import type { Scope } from '../../src/core/types.js';
import { gitEnv, makeRepo, tempDir } from '../helpers/repo.js';

const MB = 1024 * 1024;
const scopeOf = (cwd: string, request: Omit<ScopeRequest, 'cwd' | 'maxFileSize'> & { maxFileSize?: number }) =>
  createScope({ maxFileSize: MB, ...request, cwd });

async function contents(scope: Scope): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const { file, content } of scope.read()) out[file.path] = content.toString('utf8');
  return out;
}

const ODD_NAMES = ['with space.txt', 'new\nline.txt', 'ünïcödé ✓.txt', '-leading-dash.txt', 'tab\there.txt', 'quote"d.txt'];

describe('whole-tree scope', () => {
  it('lists tracked and untracked-not-ignored files with content from disk', async () => {
    const repo = makeRepo();
    repo.commit('init', { 'a.txt': 'one\n', '.gitignore': 'ignored.txt\n' });
    repo.write('untracked.txt', 'new\n');
    repo.write('ignored.txt', 'secret\n');
    repo.write('a.txt', 'changed on disk\n');
    const scope = await scopeOf(repo.dir, { kind: 'all' });
    expect(scope.diffAware).toBe(false);
    expect(await contents(scope)).toEqual({ '.gitignore': 'ignored.txt\n', 'a.txt': 'changed on disk\n', 'untracked.txt': 'new\n' });
    expect(scope.files.find((f) => f.path === 'untracked.txt')?.tracked).toBe(false);
  });

  it('works in an empty repository with no commit yet', async () => {
    const repo = makeRepo();
    repo.write('first.txt', 'hello\n');
    const scope = await scopeOf(repo.dir, { kind: 'all' });
    expect(scope.description).toMatch(/no commit yet/);
    expect(await contents(scope)).toEqual({ 'first.txt': 'hello\n' });
  });

  it('handles odd file names: spaces, newlines, unicode, a leading dash', async () => {
    const repo = makeRepo();
    repo.commit('odd', Object.fromEntries(ODD_NAMES.map((n, i) => [n, `file ${i}\n`])));
    const scope = await scopeOf(repo.dir, { kind: 'all' });
    expect(Object.keys(await contents(scope)).sort()).toEqual([...ODD_NAMES].sort());
  });

  it('skips and counts binary and oversized files', async () => {
    const repo = makeRepo();
    repo.commit('mixed', { 'bin.dat': Buffer.from([1, 2, 0, 3]), 'big.txt': 'x'.repeat(2000), 'ok.txt': 'fine\n' });
    const scope = await scopeOf(repo.dir, { kind: 'all', maxFileSize: 1000 });
    expect(Object.keys(await contents(scope))).toEqual(['ok.txt']);
    expect(scope.skipped.binary).toEqual(['bin.dat']);
    expect(scope.skipped.tooLarge).toEqual(['big.txt']);
  });

  it('counts submodules as skipped and says so', async () => {
    const inner = makeRepo();
    inner.commit('inner', { 'x.txt': 'x\n' });
    const repo = makeRepo();
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', inner.dir, 'vendor/inner');
    repo.git('commit', '-qm', 'add submodule');
    const scope = await scopeOf(repo.dir, { kind: 'all' });
    expect(scope.skipped.submodules).toEqual(['vendor/inner']);
    expect(scope.notes.join(' ')).toMatch(/submodule/);
  });

  it('works on a detached HEAD and in a linked worktree', async () => {
    const repo = makeRepo();
    const first = repo.commit('one', { 'a.txt': 'a\n' });
    repo.commit('two', { 'b.txt': 'b\n' });
    repo.git('checkout', '-q', '--detach', first);
    const detached = await scopeOf(repo.dir, { kind: 'all' });
    expect(detached.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(detached.notes).toContain('HEAD is detached');

    const wt = join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', wt, 'main');
    const linked = await scopeOf(wt, { kind: 'all' });
    expect(linked.root).toBe(wt);
    expect(linked.files.map((f) => f.path).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('walks a plain directory outside git, skipping .git and node_modules', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'node_modules/x/i.js'), 'x');
    writeFileSync(join(dir, 'src/a.js'), 'a');
    const scope = await scopeOf(dir, { kind: 'all' });
    expect(scope.isGitRepo).toBe(false);
    expect(scope.files.map((f) => f.path)).toEqual(['src/a.js']);
  });
});

describe('staged scope', () => {
  it('reads the index, never the work tree, and knows the changed lines', async () => {
    const repo = makeRepo();
    repo.commit('init', { 'a.txt': 'l1\nl2\nl3\n' });
    repo.write('a.txt', 'l1\nSTAGED\nl3\nl4\n');
    repo.git('add', 'a.txt');
    repo.write('a.txt', 'l1\nWORKTREE ONLY\nl3\nl4\n');
    const scope = await scopeOf(repo.dir, { kind: 'staged' });
    expect(scope.diffAware).toBe(true);
    expect(await contents(scope)).toEqual({ 'a.txt': 'l1\nSTAGED\nl3\nl4\n' });
    expect(scope.files[0].changed).toEqual([
      { start: 2, end: 2 },
      { start: 4, end: 4 },
    ]);
  });

  it('reads many blobs and blobs larger than a pipe chunk byte for byte', async () => {
    const repo = makeRepo();
    repo.commit('init', { 'seed.txt': 'x\n' });
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`small/${i}.txt`] = `file ${i}\n`.repeat(i % 7);
    files['big.txt'] = Array.from({ length: 40_000 }, (_, i) => `line ${i} ${'y'.repeat(i % 13)}`).join('\n');
    for (const [path, content] of Object.entries(files)) repo.write(path, content);
    repo.git('add', '-A');
    const scope = await scopeOf(repo.dir, { kind: 'staged' });
    const read = await contents(scope);
    for (const [path, content] of Object.entries(files)) if (content) expect(read[path], path).toBe(content);
    expect(read['big.txt'].length).toBeGreaterThan(500_000);
  });

  it('skips and counts oversized and binary blobs without losing the files after them', async () => {
    const repo = makeRepo();
    repo.commit('init', { 'seed.txt': 'x\n' });
    repo.write('a-big.txt', 'z'.repeat(300_000));
    repo.write('b-bin.dat', Buffer.from([0, 1, 2]));
    repo.write('c-small.txt', 'small\n');
    repo.git('add', '-A');
    const scope = await scopeOf(repo.dir, { kind: 'staged', maxFileSize: 1000 });
    expect(await contents(scope)).toEqual({ 'c-small.txt': 'small\n' });
    expect(scope.skipped.tooLarge).toEqual(['a-big.txt']);
    expect(scope.skipped.binary).toEqual(['b-bin.dat']);
  });

  it('works for the first commit of a repository', async () => {
    const repo = makeRepo();
    repo.write('a.txt', 'x\ny\n');
    repo.git('add', 'a.txt');
    const scope = await scopeOf(repo.dir, { kind: 'staged' });
    expect(scope.files).toMatchObject([{ path: 'a.txt', status: 'added', changed: [{ start: 1, end: 2 }] }]);
  });

  it('leaves out deletions, follows renames, and handles odd names', async () => {
    const repo = makeRepo();
    repo.commit('init', { 'gone.txt': 'bye\n', 'old name.txt': 'same content here\nline two\nline three\n' });
    repo.git('rm', '-q', 'gone.txt');
    repo.git('mv', 'old name.txt', 'new name.txt');
    for (const name of ODD_NAMES) repo.write(name, `content of ${name}\n`);
    repo.git('add', '-A');
    const scope = await scopeOf(repo.dir, { kind: 'staged' });
    const byPath = Object.fromEntries(scope.files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual([...ODD_NAMES, 'new name.txt'].sort());
    expect(byPath['new name.txt']).toMatchObject({ status: 'renamed', oldPath: 'old name.txt', changed: [] });
    for (const name of ODD_NAMES) expect(byPath[name].changed).toEqual([{ start: 1, end: `content of ${name}\n`.split('\n').length - 1 }]);
    const read = await contents(scope);
    expect(read['new\nline.txt']).toBe('content of new\nline.txt\n');
  });
});

describe('base and range scopes', () => {
  function branchRepo() {
    const repo = makeRepo();
    const base = repo.commit('base', { 'app.js': 'a\nb\nc\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const added = repo.commit('add line', { 'app.js': 'a\nb\nADDED\nc\n', 'new.js': 'n1\n' });
    const removed = repo.commit('remove it again', { 'app.js': 'a\nb\nc\nLAST\n' });
    return { repo, base, added, removed };
  }

  it('diffs against the merge base and streams every commit added lines', async () => {
    const { repo, added, removed } = branchRepo();
    const scope = await scopeOf(repo.dir, { kind: 'base', base: 'main' });
    expect(scope.kind).toBe('base');
    expect(Object.fromEntries(scope.files.map((f) => [f.path, f.changed]))).toEqual({
      'app.js': [{ start: 4, end: 4 }],
      'new.js': [{ start: 1, end: 1 }],
    });
    const commits = [];
    for await (const c of scope.commits()) commits.push(c);
    expect(commits.map((c) => c.commit)).toEqual([added, removed]);
    expect(commits[0].files.find((f) => f.path === 'app.js')?.added).toEqual([{ line: 3, text: 'ADDED' }]);
    expect(commits[0].subject).toBe('add line');
    expect((await scope.readAtBase('app.js'))?.toString()).toBe('a\nb\nc\n');
    expect(await scope.readAtBase('new.js')).toBeUndefined();
  });

  it('reads a range a..b from commit blobs', async () => {
    const { repo, base, removed } = branchRepo();
    repo.write('app.js', 'dirty work tree\n');
    const scope = await scopeOf(repo.dir, { kind: 'range', range: `${base}..${removed}` });
    expect((await contents(scope))['app.js']).toBe('a\nb\nc\nLAST\n');
  });

  it('selects the commits of a new branch with rev-list arguments', async () => {
    const { repo, added, removed } = branchRepo();
    const scope = await scopeOf(repo.dir, { kind: 'range', revArgs: { args: ['feature', '--not', 'main'], tip: 'feature' } });
    const ids = [];
    for await (const c of scope.commits()) ids.push(c.commit);
    expect(ids).toEqual([added, removed]);
  });

  it('streams added lines whose text looks like a patch header', async () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'notes.md': 'x\n' });
    repo.commit('tricky', { 'notes.md': 'x\n++ not a header\n--- nor this\n' });
    const scope = await scopeOf(repo.dir, { kind: 'range', range: `${base}..HEAD` });
    const commits = [];
    for await (const c of scope.commits()) commits.push(c);
    expect(commits[0].files).toEqual([{ path: 'notes.md', added: [{ line: 2, text: '++ not a header' }, { line: 3, text: '--- nor this' }] }]);
    expect(scope.files[0].changed).toEqual([{ start: 2, end: 3 }]);
  });

  it('explains an unknown base ref', async () => {
    const { repo } = branchRepo();
    await expect(scopeOf(repo.dir, { kind: 'base', base: 'origin/nope' })).rejects.toThrow(/unknown revision "origin\/nope"/);
  });

  it('tells a shallow clone how to fetch the merge base', async () => {
    const { repo } = branchRepo();
    const clone = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', '--no-single-branch', `file://${repo.dir}`, clone], { env: gitEnv() });
    const error = await scopeOf(clone, { kind: 'base', base: 'origin/main' }).catch((e) => e);
    expect(error).toBeInstanceOf(ScopeError);
    expect(error.message).toMatch(/shallow/);
    expect(error.details.join(' ')).toMatch(/fetch-depth: 0/);
  });

  it('refuses staged and range scopes outside git with a way out', async () => {
    const error = await scopeOf(tempDir(), { kind: 'staged' }).catch((e) => e);
    expect(error).toBeInstanceOf(ScopeError);
    expect(error.details.join(' ')).toMatch(/run --all/);
  });
});
