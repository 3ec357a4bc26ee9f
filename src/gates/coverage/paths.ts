import { readdirSync } from 'node:fs';
import { posix } from 'node:path';

export interface GoModule {
  /** The `module` line of a go.mod. */
  module: string;
  /** Repo-relative directory of that go.mod ('' at the root). */
  dir: string;
}

export interface PathContext {
  /** Repository root, absolute, forward slashes. */
  root: string;
  /** Directory of the report, absolute, forward slashes. */
  reportDir: string;
  /** Cobertura `<source>` entries. */
  sourceRoots?: readonly string[];
  goModules: readonly GoModule[];
  /** Repo-relative paths known to exist (the scope's files); the disk is asked for the rest. */
  knownFiles: ReadonlySet<string>;
  /** knownFiles by file name, for suffix matching. */
  knownByName: ReadonlyMap<string, readonly string[]>;
  /** Cached directory listings, shared by all reports of one run. */
  disk: DiskIndex;
}

/** existsSync for many paths at the cost of one readdir per directory. */
export class DiskIndex {
  /** Listings of directories whose parent lists them (undefined: not readable as a directory). */
  private readonly dirs = new Map<string, Set<string> | undefined>();
  constructor(private readonly root: string) {}

  has(rel: string): boolean {
    const slash = rel.lastIndexOf('/');
    return this.list(slash === -1 ? '' : rel.slice(0, slash))?.has(rel.slice(slash + 1)) ?? false;
  }

  /** The entries of a repo-relative directory ('' for the root), undefined when it is not one. */
  entries(dir: string): ReadonlySet<string> | undefined {
    return this.list(dir);
  }

  /**
   * A directory's entries, walking down from the root: a directory whose parent lacks it costs
   * no system call, and is not remembered (a report of 100k files names as many missing ones).
   */
  private list(dir: string): Set<string> | undefined {
    if (this.dirs.has(dir)) return this.dirs.get(dir);
    let names = this.read('');
    if (dir === '') return names;
    for (let from = 0; ; ) {
      const slash = dir.indexOf('/', from);
      if (!names?.has(slash === -1 ? dir.slice(from) : dir.slice(from, slash))) return undefined;
      const sub = slash === -1 ? dir : dir.slice(0, slash);
      names = this.read(sub);
      if (slash === -1) return names;
      from = slash + 1;
    }
  }

  /** A listing, cached: call it only for a directory whose parent lists it. */
  private read(dir: string): Set<string> | undefined {
    if (this.dirs.has(dir)) return this.dirs.get(dir);
    let names: Set<string> | undefined;
    try {
      names = new Set(readdirSync(posix.join(this.root, dir)));
    } catch {
      names = undefined;
    }
    this.dirs.set(dir, names);
    return names;
  }
}

/** Where Java/Kotlin sources live when a report names only `package/File.java`. */
const SOURCE_DIRS = ['', 'src/main/java/', 'src/main/kotlin/', 'src/main/scala/', 'src/test/java/', 'src/'];

export function indexByName(files: Iterable<string>): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const list = byName.get(name);
    if (list) list.push(file);
    else byName.set(name, [file]);
  }
  return byName;
}

export function toSlash(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * A report's file name as a repo-relative path. Reports write absolute paths (often from
 * another machine), paths relative to where the tests ran, Go import paths, JaCoCo package
 * paths and Windows separators; the first candidate that exists in the repo wins, then (for
 * absolute paths) the longest path suffix that does. Unresolvable names come back cleaned, still counted in totals.
 */
export function normaliseReportPath(raw: string, ctx: PathContext): string {
  const p = toSlash(raw.trim().replace(/^file:\/\//, ''));
  for (const mod of ctx.goModules) {
    if (p.startsWith(`${mod.module}/`)) return posix.join(mod.dir, p.slice(mod.module.length + 1));
  }
  const exists = (rel: string): boolean => ctx.knownFiles.has(rel) || ctx.disk.has(rel);
  if (isAbsolute(p)) {
    const rel = underRoot(p, ctx.root);
    if (rel !== undefined) return rel;
  } else {
    for (const candidate of relativeCandidates(p, ctx)) if (exists(candidate)) return candidate;
  }
  // Only an absolute path from another machine is matched by its tail: a relative path that
  // names nothing here is kept as it is rather than folded into a namesake.
  return (isAbsolute(p) ? suffixMatch(p, ctx, exists) : undefined) ?? (isAbsolute(p) ? p : posix.normalize(p));
}

/**
 * normaliseReportPath for the many file names of one report. A clean relative name (no `.`,
 * `..`, empty segment, backslash or outer whitespace) is resolved without path arithmetic: its
 * candidates are the name under a fixed list of repo-relative prefixes, those that cannot
 * exist (no such directory, no known file under it) left out once per report, and a candidate
 * is looked up on disk only when the prefix directory holds the name's first segment. Other
 * names take the general way, their result remembered for the next record of the same file.
 */
export function reportPathResolver(ctx: PathContext): (raw: string) => string {
  let prefixes: CleanPrefix[] | undefined | null = null;
  const resolved = new Map<string, string>();
  return (raw) => {
    if (prefixes === null) prefixes = cleanNamePrefixes(ctx);
    if (prefixes !== undefined && isCleanRelative(raw)) {
      const slash = raw.indexOf('/');
      const first = slash === -1 ? raw : raw.slice(0, slash);
      const maybeKnown = ctx.knownByName.has(slash === -1 ? raw : raw.slice(raw.lastIndexOf('/') + 1));
      for (const { prefix, entries } of prefixes) {
        if (!maybeKnown && !entries?.has(first)) continue;
        const candidate = prefix + raw;
        if ((maybeKnown && ctx.knownFiles.has(candidate)) || (entries?.has(first) && ctx.disk.has(candidate))) return candidate;
      }
      return raw;
    }
    let rel = resolved.get(raw);
    if (rel === undefined) {
      rel = normaliseReportPath(raw, ctx);
      resolved.set(raw, rel);
    }
    return rel;
  };
}

interface CleanPrefix {
  prefix: string;
  /** The prefix directory's entries on disk. */
  entries: ReadonlySet<string> | undefined;
}

/**
 * What relativeCandidates yields for a clean name p, as prefixes of p, in its order; those that
 * can name no existing file left out. Undefined when that does not hold for every clean name:
 * with Go modules or `<source>` roots, or a report directory outside the root.
 */
function cleanNamePrefixes(ctx: PathContext): CleanPrefix[] | undefined {
  if (ctx.goModules.length > 0 || (ctx.sourceRoots ?? []).length > 0) return undefined;
  const prefixes: string[] = [];
  for (let dir = ctx.reportDir; ; dir = posix.dirname(dir)) {
    const rel = posix.relative(ctx.root, dir);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    for (const source of SOURCE_DIRS) prefixes.push(rel === '' ? source : `${rel}/${source}`);
    if (dir === ctx.root || posix.dirname(dir) === dir || underRoot(dir, ctx.root) === undefined) break;
  }
  const known = [...ctx.knownFiles];
  return prefixes
    .map((prefix) => ({ prefix, entries: ctx.disk.entries(prefix.slice(0, -1)) }))
    .filter(({ prefix, entries }) => entries !== undefined || known.some((file) => file.startsWith(prefix)));
}

/** A relative path normaliseReportPath leaves as it is: no outer whitespace, `file://`, backslash, drive, `.`, `..` or empty segment. */
function isCleanRelative(p: string): boolean {
  const n = p.length;
  if (n === 0 || p.charCodeAt(0) <= 32 || p.charCodeAt(n - 1) <= 32 || p.charCodeAt(0) >= 127 || p.charCodeAt(n - 1) >= 127) return false;
  let segmentStart = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 47 : p.charCodeAt(i);
    if (c === 92) return false;
    if (c !== 47) continue;
    const length = i - segmentStart;
    if (length === 0) return false;
    if (p.charCodeAt(segmentStart) === 46 && (length === 1 || (length === 2 && p.charCodeAt(segmentStart + 1) === 46))) return false;
    if (segmentStart === 0 && length === 2 && p.charCodeAt(1) === 58) return false;
    segmentStart = i + 1;
  }
  return true;
}

function* relativeCandidates(p: string, ctx: PathContext): Generator<string> {
  for (const source of ctx.sourceRoots ?? []) {
    const base = toSlash(source);
    const rel = underRoot(posix.join(isAbsolute(base) ? base : posix.join(ctx.reportDir, base), p), ctx.root);
    if (rel !== undefined) yield rel;
  }
  // From the report's directory up to the root (a package's coverage/ in a monorepo), each
  // with the usual source directories (JaCoCo names only package/File.java).
  for (let dir = ctx.reportDir; ; dir = posix.dirname(dir)) {
    for (const prefix of SOURCE_DIRS) {
      const rel = underRoot(posix.join(dir, prefix + p), ctx.root);
      if (rel !== undefined) yield rel;
    }
    if (dir === ctx.root || posix.dirname(dir) === dir || underRoot(dir, ctx.root) === undefined) break;
  }
}

/** The longest tail of `p` (at least its file name) naming a known file, with or without a source dir. */
function suffixMatch(p: string, ctx: PathContext, exists: (rel: string) => boolean): string | undefined {
  const segments = p.split('/').filter((s) => s !== '' && s !== '.' && s !== '..' && !/^[A-Za-z]:$/.test(s));
  // A bare file name matches too many files (index.ts): at least a directory and the name.
  for (let i = 0; i < Math.max(1, segments.length - 1); i++) {
    const tail = segments.slice(i).join('/');
    if (exists(tail)) return tail;
    const match = ctx.knownByName.get(segments[segments.length - 1])?.find((known) => known.endsWith(`/${tail}`));
    if (match) return match;
  }
  return undefined;
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

function underRoot(abs: string, root: string): string | undefined {
  const rel = posix.relative(root, posix.normalize(abs));
  if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return undefined;
  return rel;
}
