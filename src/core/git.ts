// All git plumbing lives here: every other module asks these functions, none spawns git itself.
// Names are read with -z, blobs in bulk through one `git cat-file --batch` process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { AddedLine, CommitChange, FileStatus, LineRange } from './types.js';

// Git runs through node:child_process, not execa: importing execa alone costs ~160 ms, more
// than a pre-commit hook's whole budget. External tools (npm, bandit, coverage commands) use
// execa, whose errors name the command, exit code and stderr; GitError does that here.

/** Git refuses or fails: carries the command, exit code and git's own words. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed${exitCode === undefined ? '' : ` (exit ${exitCode})`}: ${stderr.trim() || 'no message'}`);
  }
}

// Stable, parseable output whatever the user's config says.
const BASE_ARGS = ['-c', 'core.quotepath=off', '-c', 'color.ui=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicprefix=false'];
const ENV = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

interface GitProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when git exits 0; rejects with a GitError otherwise (not after stop()). */
  done: Promise<void>;
  /** Ends the process early; its exit then counts as success. */
  stop(): void;
}

function startGit(cwd: string, args: string[]): GitProcess {
  const child = spawn('git', [...BASE_ARGS, ...args], { cwd, env: ENV });
  const stderr: Buffer[] = [];
  let stopped = false;
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  // Git may exit before reading all its input (an error, or stop()): that is not our failure.
  child.stdin.on('error', () => undefined);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new GitError(args, undefined, 'git is not installed or not on PATH') : error),
    );
    child.on('close', (code) => (code === 0 || stopped ? resolve() : reject(new GitError(args, code ?? undefined, Buffer.concat(stderr).toString()))));
  });
  // Marked handled: a consumer that stopped early never awaits it.
  done.catch(() => undefined);
  return {
    child,
    done,
    stop() {
      stopped = true;
      if (child.exitCode === null) child.kill();
    },
  };
}

async function gitBuffer(cwd: string, args: string[], input?: string | Buffer): Promise<Buffer> {
  const run = startGit(cwd, args);
  const out: Buffer[] = [];
  run.child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  run.child.stdin.end(input);
  await run.done;
  return Buffer.concat(out);
}

async function git(cwd: string, args: string[], input?: string | Buffer): Promise<string> {
  return (await gitBuffer(cwd, args, input)).toString('utf8');
}

function splitZ(text: string): string[] {
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export interface RepoInfo {
  /** Work-tree root (absolute). */
  root: string;
  gitDir: string;
  commonDir: string;
  isShallow: boolean;
  objectFormat: 'sha1' | 'sha256';
  /** HEAD's commit id, or undefined in a repo with no commit yet. */
  head?: string;
  /** The checked-out branch, or undefined when HEAD is detached or unborn. */
  branch?: string;
}

/** What git knows about the repository at `cwd`, or undefined outside any work tree. */
export async function repoInfo(cwd: string): Promise<RepoInfo | undefined> {
  const layout = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir', '--is-shallow-repository', '--show-object-format'];
  // One process for the common case (hooks pay for every spawn): HEAD's id and its branch
  // come in the same call. It fails in a repo with no commit yet, and outside git.
  let out: string;
  let hasHead = true;
  try {
    out = await git(cwd, [...layout, 'HEAD', '--symbolic-full-name', 'HEAD']);
  } catch (error) {
    if (!(error instanceof GitError && error.exitCode === 128)) throw error;
    try {
      out = await git(cwd, layout);
      hasHead = false;
    } catch (inner) {
      if (inner instanceof GitError && inner.exitCode === 128) return undefined;
      throw inner;
    }
  }
  const [root, gitDir, commonDir, shallow, format, head, symbolic] = out.trimEnd().split('\n');
  if (!root) return undefined;
  return {
    root,
    gitDir,
    commonDir,
    isShallow: shallow === 'true',
    objectFormat: format === 'sha256' ? 'sha256' : 'sha1',
    head: hasHead ? head : undefined,
    branch: hasHead ? (symbolic?.startsWith('refs/heads/') ? symbolic.slice('refs/heads/'.length) : undefined) : await currentBranch(root),
  };
}

/** The commit id a ref names, or throws GitError. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  return (await git(root, ['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`])).trim();
}

export async function currentBranch(root: string): Promise<string | undefined> {
  try {
    const name = (await git(root, ['symbolic-ref', '-q', '--short', 'HEAD'])).trim();
    return name || undefined;
  } catch {
    return undefined;
  }
}

/** The merge base of two commits, or undefined when they share no history (or it is cut off by a shallow clone). */
export async function mergeBase(root: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git(root, ['merge-base', a, b])).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return undefined;
    throw error;
  }
}

/** The id of the empty tree in this repository's object format. */
export async function emptyTree(root: string): Promise<string> {
  return (await git(root, ['hash-object', '-t', 'tree', '--stdin'], '')).trim();
}

export interface IndexEntry {
  mode: string;
  oid: string;
  path: string;
  /** `git ls-files -v`'s tag: H for a plain cached file (h: assume-unchanged, S: skip-worktree, …). */
  tag: string;
  /** Whether the path has several stages (a conflicted merge): its blob id is no one content. */
  conflicted: boolean;
}

/** Pathspecs for repo-relative paths, taken literally (no glob magic); a directory covers what is below it. None: the whole tree. */
function literalPathspecs(paths: readonly string[] | undefined): string[] {
  return paths?.length ? ['--', ...paths.map((p) => `:(literal)${p}`)] : [];
}

/** The index's entries (all, or those under the given repo-relative paths), with mode, blob id and `git ls-files -v` tag, one entry per path. */
export async function listIndex(root: string, under?: readonly string[]): Promise<IndexEntry[]> {
  const out = await git(root, ['ls-files', '-s', '-v', '-z', ...literalPathspecs(under)]);
  const byPath = new Map<string, IndexEntry>();
  for (const record of splitZ(out)) {
    const tab = record.indexOf('\t');
    const [tag, mode, oid, stage] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    // During a conflicted merge a path has stages 1-3; keep one entry (the first) per path.
    const seen = byPath.get(path);
    if (seen) seen.conflicted = true;
    else byPath.set(path, { mode, oid, path, tag, conflicted: stage !== '0' });
  }
  return [...byPath.values()];
}

/**
 * Blob ids of the tracked files whose work-tree content git knows to be the index's: regular
 * files at stage 0, neither assume-unchanged nor skip-worktree (git would not notice an edit to
 * those), and not listed by `git diff-files` (modified, deleted, stat-dirty or unmerged). The
 * result cache keys these by blob id without reading them; every other file must be read.
 * `index`: the entries listIndex gave for the same paths, when the caller has them (the index
 * of a big repository is then listed once per run, not twice).
 */
export async function cleanIndexBlobs(root: string, paths?: readonly string[], index?: readonly IndexEntry[]): Promise<Map<string, string>> {
  const spec = literalPathspecs(paths);
  const [entries, dirty] = await Promise.all([index ?? listIndex(root, paths), git(root, ['diff-files', '-z', '--name-only', '--ignore-submodules', ...spec])]);
  const modified = new Set(splitZ(dirty));
  const clean = new Map<string, string>();
  for (const { tag, mode, oid, path, conflicted } of entries) {
    if (tag === 'H' && !conflicted && (mode === '100644' || mode === '100755') && !modified.has(path)) clean.set(path, oid);
  }
  return clean;
}

/** Untracked files that .gitignore does not exclude (all, or those under the given repo-relative paths). */
export async function listUntracked(root: string, under?: readonly string[]): Promise<string[]> {
  return splitZ(await git(root, ['ls-files', '-z', '--others', '--exclude-standard', ...literalPathspecs(under)]));
}

/** Of `paths`, those that .gitignore (or info/exclude, core.excludesFile) covers: one `check-ignore` call. */
export async function checkIgnored(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  try {
    const out = await git(root, ['check-ignore', '--no-index', '-z', '--stdin'], paths.join('\0') + '\0');
    return new Set(splitZ(out));
  } catch (error) {
    // Exit 1 means "none of them is ignored".
    if (error instanceof GitError && error.exitCode === 1) return new Set();
    throw error;
  }
}

/** Paths git tracks, among `paths` (index or HEAD). */
export async function listTrackedAmong(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const out = await git(root, ['ls-files', '-z', ...literalPathspecs(paths)]);
  return new Set(splitZ(out));
}

export interface DiffEntry {
  status: FileStatus | 'deleted';
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
  path: string;
  oldPath?: string;
}

const STATUS: Record<string, DiffEntry['status']> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'typechange',
};

export interface DiffFiles {
  entries: DiffEntry[];
  /** Added/changed line ranges per path (new-side line numbers). */
  changed: Map<string, LineRange[]>;
}

/**
 * The files a diff touches (with blob ids and renames detected, so a moved file does not look
 * wholly new) and their added lines, from ONE `git diff --raw -p -U0 -z` run: the raw records
 * come first, NUL-separated, then the patch. `to` `'index'` diffs the index against `from`.
 */
export async function diffFiles(root: string, from: string, to: string | 'index'): Promise<DiffFiles> {
  const args = ['diff', '--raw', '-p', '-U0', '--no-abbrev', '-z', '-M', '--no-ext-diff', '--no-textconv', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '--ignore-submodules=none'];
  if (to === 'index') args.push('--cached', from);
  else args.push(from, to);
  args.push('--');
  const out = await git(root, args);
  const entries: DiffEntry[] = [];
  let pos = 0;
  const field = (): string => {
    const end = out.indexOf('\0', pos);
    const value = out.slice(pos, end < 0 ? out.length : end);
    pos = end < 0 ? out.length : end + 1;
    return value;
  };
  while (out.startsWith(':', pos)) {
    const [oldMode, newMode, oldOid, newOid, statusField] = field().slice(1).split(' ');
    const letter = statusField[0];
    const status = STATUS[letter] ?? 'modified';
    if (letter === 'R' || letter === 'C') {
      const oldPath = field();
      entries.push({ status, oldMode, newMode, oldOid, newOid, path: field(), oldPath });
    } else {
      entries.push({ status, oldMode, newMode, oldOid, newOid, path: field() });
    }
  }
  return { entries, changed: changedLines(out.slice(pos)) };
}

/** Added/changed line ranges per path from a `-U0` patch. */
function changedLines(patch: string): Map<string, LineRange[]> {
  const changed = new Map<string, LineRange[]>();
  let current: LineRange[] | undefined;
  let inHeader = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('\0diff --git ')) {
      inHeader = true;
      current = undefined;
    } else if (inHeader && line.startsWith('+++ ')) {
      const path = parsePatchPath(line.slice(4));
      current = path === undefined ? undefined : [];
      if (path !== undefined && current) changed.set(path, current);
    } else if (line.startsWith('@@')) {
      inHeader = false;
      const range = parseHunkNewRange(line);
      if (range && current) current.push(range);
    }
  }
  return changed;
}

const HUNK = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @@/;

function parseHunkNewRange(line: string): LineRange | undefined {
  const m = HUNK.exec(line);
  if (!m) return undefined;
  const start = Number(m[1]);
  const count = m[2] === undefined ? 1 : Number(m[2]);
  if (count === 0) return undefined;
  return { start, end: start + count - 1 };
}

/**
 * The new path of `Binary files <old> and <new> differ` (no rename: both name the same path,
 * `a/P and b/P`, or `/dev/null and b/P` for a new file; quoted when they hold special characters).
 */
function binaryPatchPath(pair: string): string | undefined {
  if (pair.startsWith('/dev/null and ')) return parsePatchPath(pair.slice('/dev/null and '.length));
  if (pair.startsWith('"')) {
    const cut = pair.search(/(?<!\\)" and /);
    return cut === -1 ? undefined : parsePatchPath(pair.slice(cut + ' and '.length + 1));
  }
  // `a/P and b/P`: 9 characters besides the two copies of P.
  if ((pair.length - 9) % 2 !== 0) return undefined;
  const p = (pair.length - 9) / 2;
  const newer = pair.slice(pair.length - 2 - p);
  return pair.slice(2, 2 + p) === newer.slice(2) ? parsePatchPath(newer) : undefined;
}

/** `b/path`, `"b/pa\th"` or `/dev/null` from a `+++ ` line; undefined for /dev/null. */
function parsePatchPath(field: string): string | undefined {
  if (field === '/dev/null') return undefined;
  const unquoted = field.startsWith('"') ? unquoteC(field) : field.replace(/\t$/, '');
  return unquoted.replace(/^[ab]\//, '');
}

/** Undoes git's C-style quoting of a path (`"a\303\251\n"`), octal escapes as UTF-8 bytes. */
function unquoteC(quoted: string): string {
  const body = quoted.slice(1, quoted.lastIndexOf('"'));
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface BlobRead {
  oid: string;
  /** The bytes, unless the object is missing or larger than the limit. */
  content?: Buffer;
  /** Size in bytes; -1 when git has no such object. */
  size: number;
}

/**
 * Streams many blobs through one `git cat-file --batch` process: one answer per id, in the
 * order given. Objects over `maxSize` are reported with their size and their bytes are
 * dropped as they stream past, never held; with `headBytes`, only that many first bytes of
 * each object are kept. Ids are written while output is read, so a large
 * batch cannot deadlock on pipe buffers.
 */
export async function* readBlobs(root: string, oids: readonly string[], maxSize = Infinity, headBytes = Infinity): AsyncGenerator<BlobRead> {
  if (oids.length === 0) return;
  const run = startGit(root, ['cat-file', '--batch']);
  const stdin = run.child.stdin;
  const writer = (async () => {
    for (const oid of oids) {
      if (!stdin.write(oid + '\n')) await new Promise((resolve) => stdin.once('drain', resolve));
    }
    stdin.end();
  })();
  const pending = new ChunkQueue();
  // The object being read: its bytes plus the newline cat-file puts after them.
  let want: { oid: string; size: number; remaining: number; keep: boolean; head?: Buffer } | undefined;
  try {
    for await (const chunk of run.child.stdout as AsyncIterable<Buffer>) {
      pending.push(chunk);
      for (;;) {
        if (!want) {
          const header = pending.takeLine();
          if (header === undefined) break;
          const [oid, type, size] = header.split(' ');
          if (type === 'missing' || size === undefined) {
            yield { oid, size: -1 };
            continue;
          }
          const bytes = Number(size);
          want = { oid, size: bytes, remaining: bytes + 1, keep: bytes <= maxSize };
        }
        if (want.keep && headBytes < want.size) {
          // Only the head is wanted: keep it, then drop the rest as it streams past.
          if (pending.length < headBytes) break;
          want.head = Buffer.from(pending.take(headBytes));
          want.remaining -= headBytes;
          want.keep = false;
        }
        if (!want.keep) {
          want.remaining -= pending.drop(want.remaining);
          if (want.remaining > 0) break;
          yield want.head ? { oid: want.oid, size: want.size, content: want.head } : { oid: want.oid, size: want.size };
        } else {
          if (pending.length < want.remaining) break;
          yield { oid: want.oid, size: want.size, content: pending.take(want.remaining).subarray(0, want.size) };
        }
        want = undefined;
      }
    }
    await writer;
    await run.done;
  } finally {
    // A consumer that stops early (return inside for-await) ends the process.
    run.stop();
  }
}

/**
 * Bytes arriving in chunks, taken off the front without copying the rest each time (a blob
 * spread over many chunks is joined once, when it is complete).
 */
class ChunkQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The next line without its newline, or undefined when no full line has arrived. */
  takeLine(): string | undefined {
    let offset = 0;
    for (const chunk of this.chunks) {
      const nl = chunk.indexOf(10);
      if (nl >= 0) {
        const line = this.take(offset + nl + 1);
        return line.toString('utf8', 0, line.length - 1);
      }
      offset += chunk.length;
    }
    return undefined;
  }

  /** Discards up to `n` bytes from the front; returns how many it discarded. */
  drop(n: number): number {
    let dropped = 0;
    while (dropped < n && this.chunks.length) {
      const chunk = this.chunks[0];
      const count = Math.min(chunk.length, n - dropped);
      if (count === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(count);
      dropped += count;
    }
    this.length -= dropped;
    return dropped;
  }

  /** The first `n` bytes (n <= length). */
  take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const count = Math.min(chunk.length, n - filled);
        chunk.copy(out, filled, 0, count);
        filled += count;
        if (count === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(count);
      }
    }
    this.length -= n;
    return out;
  }
}

/** One file's content at a commit, or undefined when the path does not exist there. */
export async function readFileAt(root: string, rev: string, path: string): Promise<Buffer | undefined> {
  const out = await git(root, ['ls-tree', '-z', '--full-tree', rev, '--', `:(literal)${path}`]);
  const record = splitZ(out)[0];
  if (!record) return undefined;
  const [, type, oid] = record.slice(0, record.indexOf('\t')).split(' ');
  if (type !== 'blob') return undefined;
  return gitBuffer(root, ['cat-file', 'blob', oid]);
}

/** Commit ids selected by rev-list arguments, oldest first. */
export async function revList(root: string, revArgs: readonly string[]): Promise<string[]> {
  const out = await git(root, ['rev-list', '--reverse', ...revArgs, '--']);
  return out.split('\n').filter(Boolean);
}

/**
 * Among the commits `revArgs` select, those at a shallow clone's cut (their parents were not
 * fetched, so what came before them is missing). Empty in a complete clone.
 */
export async function shallowCutsIn(root: string, revArgs: readonly string[]): Promise<string[]> {
  let cuts: Set<string>;
  try {
    cuts = new Set((await readFile(await gitPath(root, 'shallow'), 'utf8')).split('\n').filter(Boolean));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (cuts.size === 0) return [];
  return (await revList(root, revArgs)).filter((commit) => cuts.has(commit));
}

/** A commit's first parent, or undefined for a root commit. */
export async function firstParent(root: string, commit: string): Promise<string | undefined> {
  const out = (await git(root, ['rev-list', '--parents', '-n', '1', commit])).trim().split(' ');
  return out[1];
}

const COMMIT_MARK = '\x01wfo-commit\x01';

/**
 * Every commit's added lines for the commits `revArgs` select, oldest first, from ONE
 * `git log -p -U0` stream (never a process per commit). Merge commits show no patch, as in
 * `git log -p`; binary files carry no lines.
 */
export async function* logAddedLines(root: string, revArgs: readonly string[]): AsyncGenerator<CommitChange> {
  const run = startGit(root, [
    'log',
    '-p',
    '-U0',
    '--reverse',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    // Full blob ids on the `index` line: a binary file's new content is read by id.
    '--full-index',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--diff-filter=AMRCT',
    `--format=${COMMIT_MARK}%H%x00%an%x00%aI%x00%s`,
    ...revArgs,
    '--',
  ]);
  run.child.stdin.end();
  const lines = createInterface({ input: run.child.stdout, crlfDelay: Infinity });
  let commit: CommitChange | undefined;
  let file: { path: string; added: AddedLine[]; binary?: string } | undefined;
  let nextLine = 0;
  let inHeader = false;
  // From the file's header: its new blob id and, for a rename or copy, its new path.
  let newBlob: string | undefined;
  let renamedTo: string | undefined;
  try {
    for await (const line of lines) {
      if (line.startsWith(COMMIT_MARK)) {
        if (commit) yield commit;
        const [sha, author, date, subject] = line.slice(COMMIT_MARK.length).split('\0');
        commit = { commit: sha, author, date, subject: subject ?? '', files: [] };
        file = undefined;
      } else if (!commit) {
        continue;
      } else if (line.startsWith('diff --git ') || line.startsWith('diff --cc ')) {
        inHeader = true;
        file = undefined;
        newBlob = undefined;
        renamedTo = undefined;
      } else if (inHeader && line.startsWith('index ')) {
        newBlob = /^index [0-9a-f]+\.\.([0-9a-f]+)/.exec(line)?.[1];
      } else if (inHeader && (line.startsWith('rename to ') || line.startsWith('copy to '))) {
        renamedTo = parsePatchPath(line.slice(line.indexOf(' to ') + 4));
      } else if (inHeader && line.startsWith('Binary files ') && line.endsWith(' differ')) {
        // No lines to add, but the new content may be a binary secret (a key store): its blob id.
        const path = renamedTo ?? binaryPatchPath(line.slice('Binary files '.length, -' differ'.length));
        if (path !== undefined && newBlob !== undefined && !/^0+$/.test(newBlob)) commit.files.push({ path, added: [], binary: newBlob });
        inHeader = false;
      } else if (inHeader && line.startsWith('+++ ')) {
        const path = parsePatchPath(line.slice(4));
        file = path === undefined ? undefined : { path, added: [] };
        if (file) commit.files.push(file);
      } else if (line.startsWith('@@')) {
        inHeader = false;
        const m = HUNK.exec(line);
        nextLine = m ? Number(m[1]) : 0;
      } else if (file && !inHeader && line.startsWith('+')) {
        file.added.push({ line: nextLine++, text: line.slice(1) });
      }
    }
    if (commit) yield commit;
    await run.done;
  } finally {
    run.stop();
  }
}

/** `git rev-parse --git-path <name>`: resolves hooks/ etc. for linked worktrees too. */
export async function gitPath(root: string, name: string): Promise<string> {
  return (await git(root, ['rev-parse', '--path-format=absolute', '--git-path', name])).trim();
}

export async function getConfig(root: string, key: string): Promise<string | undefined> {
  try {
    return (await git(root, ['config', '--get', key])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `git config <key> <value>` in the repository's own (local) config. */
export async function setConfig(root: string, key: string, value: string): Promise<void> {
  await git(root, ['config', '--local', key, value]);
}

/** `git config --unset <key>` in the local config; no error when it was not set. */
export async function unsetConfig(root: string, key: string): Promise<void> {
  try {
    await git(root, ['config', '--local', '--unset', key]);
  } catch (error) {
    // Exit 5: the key was not set, which is what the caller wants.
    if (!(error instanceof GitError && error.exitCode === 5)) throw error;
  }
}

/** `git fetch` of some refs or commit ids from a remote (no tags). */
export async function fetch(root: string, remote: string, refs: readonly string[], extra: readonly string[] = []): Promise<void> {
  await git(root, ['fetch', '--no-tags', '--quiet', ...extra, remote, ...refs]);
}

export async function isShallow(root: string): Promise<boolean> {
  return (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/**
 * Makes a shallow clone deep enough for `base` and `head` to meet: fetches `base`, then
 * deepens step by step (pull-request checkouts are depth 1). Returns the merge base, or
 * undefined when even a deep fetch finds none.
 */
export async function deepenUntilMergeBase(root: string, remote: string, base: string, head: string): Promise<string | undefined> {
  const haveBase = await resolveCommit(root, base).then(() => true, () => false);
  if (!haveBase) await fetch(root, remote, [base], ['--depth=1']);
  for (const depth of [50, 200, 1000]) {
    const found = await mergeBase(root, base, head);
    if (found) return found;
    if (!(await isShallow(root))) return undefined;
    await fetch(root, remote, [base, head], [`--deepen=${depth}`]);
  }
  const found = await mergeBase(root, base, head);
  if (found || !(await isShallow(root))) return found;
  await fetch(root, remote, [], ['--unshallow']);
  return mergeBase(root, base, head);
}

/**
 * The merge base of a remote branch (fetched as refs/remotes/<remote>/<branch>, shallow first)
 * and `head`, deepening a shallow clone until they meet; undefined when they never do.
 */
export async function deepenUntilMergeBaseWithBranch(root: string, remote: string, branch: string, head: string): Promise<string | undefined> {
  const local = `refs/remotes/${remote}/${branch}`;
  const have = await resolveCommit(root, local).then(() => true, () => false);
  if (!have) await fetch(root, remote, [`+refs/heads/${branch}:${local}`], ['--depth=1']);
  return deepenUntilMergeBase(root, remote, await resolveCommit(root, local), head);
}

/** Which config file a key's effective value comes from: `local`, `worktree`, `global`, `system`, `command`, or undefined when unset. */
export async function configScope(root: string, key: string): Promise<string | undefined> {
  try {
    const out = (await git(root, ['config', '--show-scope', '--get', key])).trim();
    return out ? out.split('\t')[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Checks `commit` out, detached, in a new work tree at `dir` (a directory that does not exist yet). */
export async function addWorktree(root: string, dir: string, commit: string): Promise<void> {
  await git(root, ['worktree', 'add', '--detach', '--quiet', '--end-of-options', dir, commit]);
}

/** Removes a work tree added by addWorktree, with whatever its commands wrote into it. */
export async function removeWorktree(root: string, dir: string): Promise<void> {
  await git(root, ['worktree', 'remove', '--force', '--force', dir]);
}
