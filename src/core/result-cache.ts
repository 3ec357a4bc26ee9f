// A cache of per-file gate results by content: `.wfo-gate/cache/<gate>/<engine key>/*.jsonl`.
//
// An entry is keyed by the file's git blob id (and its path: rules can be limited to paths and
// fingerprints name the file) inside a namespace, the engine key: a hash of the package version,
// the code that runs (every built and source file of the package), the Node major version, and
// the gate's rules and options. Anything that could change a result is in the key, so a changed
// rule set or option is a different namespace; the old ones are deleted when the new one is
// written. Only clean tracked files are looked up (their ids come from `git ls-files -s` and
// `git diff-files`, so a hit costs no read of the file); modified and untracked ones are always
// scanned and never stored.
//
// Each line is `<checksum> <json>`; a line whose checksum or shape is wrong is discarded (its
// file is scanned again and the store rewritten without it), never trusted. A line is checked
// when a file needs it, so a run (a shard) parses the entries of its own files only. A run that
// stored something writes one new segment file (temporary file, then rename), so concurrent runs
// never see half a file and never overwrite each other; segments are folded now and then.
// Values hold only what the report holds (findings with redacted previews and fingerprints),
// never file content.
import { createHash, hash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot, packageVersion } from './package-info.js';
import { canonicalJson } from './shard.js';
import type { GateContext, ScopeFile } from './types.js';

/** Bumped when the layout of entries changes. */
const FORMAT = 1;
export const CACHE_DIR = join('.wfo-gate', 'cache');
/** Segments past this many are folded into one on the next write. */
const MAX_SEGMENTS = 8;

export interface CacheStats {
  /** Files whose result came from the cache (not read). */
  hits: number;
  /** Files looked up and not found (scanned, then stored). */
  misses: number;
  /** Files with no known blob id (modified or untracked): scanned, never stored. */
  uncacheable: number;
  stored: number;
  /** Lines discarded for a wrong checksum or shape. */
  corrupt: number;
  /** 1 when the cache could not be written (read-only checkout, full disk): the results stand. */
  unwritable: number;
}

/** Whether this run uses the cache: see `cache` in schemas/config.schema.json. */
export function cacheWanted(ctx: GateContext<unknown>): boolean {
  const setting = ctx.config?.cache;
  const { scope } = ctx;
  if (setting === false || scope.source !== 'worktree' || scope.diffAware || !scope.isGitRepo || !scope.cleanBlobs) return false;
  if (scope.kind === 'all') return true;
  return scope.kind === 'files' && setting === true;
}

/** The namespace of a gate's results: everything besides the content that decides them. */
export function engineKey(gate: string, parts: unknown, version = packageVersion(), code = codeFingerprint()): string {
  const node = process.versions.node.split('.')[0];
  return createHash('sha256').update(canonicalJson({ format: FORMAT, gate, version, code, node, parts })).digest('hex').slice(0, 24);
}

let code: string | undefined;

/**
 * A hash of the package's code: every .js/.cjs file under dist/ and, when running from source,
 * every .ts file under src/ (the secrets workers run from dist/ even then). Any change to any of
 * them, rules included, is a new namespace for every gate: coarse, and never stale.
 */
export function codeFingerprint(): string {
  if (code) return code;
  const root = packageRoot();
  const hash = createHash('sha256');
  const fromSource = !relative(join(root, 'src'), fileURLToPath(import.meta.url)).startsWith('..');
  const trees: [string, RegExp][] = [['dist', /\.(?:c?js)$/]];
  if (fromSource) trees.push(['src', /\.ts$/]);
  for (const [dir, pattern] of trees) {
    for (const file of listFiles(join(root, dir), pattern)) {
      hash.update(`${relative(root, file).split(sep).join('/')}\0${statSync(file).size}\0`);
      hash.update(readFileSync(file));
    }
  }
  code = hash.digest('hex').slice(0, 24);
  return code;
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...listFiles(path, pattern));
    } else if (pattern.test(entry.name)) found.push(path);
  }
  return found;
}

/** One-shot hash: on a warm run of 100,000 files this runs per entry, and a Hash object per line costs 3x as much. */
function checksum(payload: string): string {
  return hash('sha256', payload, 'hex').slice(0, 16);
}

/** A stored line, filed under the path and blob its payload starts with; not yet verified. */
interface Entry {
  path: string;
  blob: string;
  /** The line as stored, checksum included. */
  line: string;
}

/** `<checksum> ["<path>","<blob>",`: the start of every line store() writes. */
const LINE_HEAD = /^[0-9a-f]{16} \[("(?:[^"\\]|\\.)*"),"([0-9a-f]{40,64})",/;

/** Where a line is filed, read from its start without parsing the rest; undefined for a line of another shape. */
function indexLine(line: string): Entry | undefined {
  const m = LINE_HEAD.exec(line);
  if (!m) return undefined;
  let path: unknown;
  try {
    path = m[1].includes('\\') ? JSON.parse(m[1]) : m[1].slice(1, -1);
  } catch {
    return undefined;
  }
  return typeof path === 'string' ? { path, blob: m[2], line } : undefined;
}

export class ResultCache<V> {
  readonly stats: CacheStats = { hits: 0, misses: 0, uncacheable: 0, stored: 0, corrupt: 0, unwritable: 0 };
  private readonly fresh = new Map<string, string>();
  /** path -> blob of every file looked up in this run. */
  private readonly looked = new Map<string, string>();

  private constructor(
    private readonly gateDir: string,
    private readonly key: string,
    private readonly clean: ReadonlyMap<string, string>,
    private readonly entries: Map<string, Entry>,
    private readonly segments: string[],
    private readonly isValue: (value: unknown) => value is V,
  ) {}

  /**
   * The gate's cache for this run, or undefined when the run does not use one. `parts` are the
   * gate's rules and options (JSON); `isValue` checks a stored value's shape.
   */
  static async open<V>(ctx: GateContext<unknown>, gate: string, parts: unknown, isValue: (value: unknown) => value is V): Promise<ResultCache<V> | undefined> {
    if (!cacheWanted(ctx)) return undefined;
    const clean = await ctx.scope.cleanBlobs!();
    const key = engineKey(gate, parts);
    const gateDir = join(ctx.scope.root, CACHE_DIR, gate);
    const dir = join(gateDir, key);
    const entries = new Map<string, Entry>();
    let corrupt = 0;
    let segments: string[] = [];
    try {
      segments = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
    } catch {
      // No cache yet.
    }
    for (const name of segments) {
      let text: string;
      try {
        text = await readFile(join(dir, name), 'utf8');
      } catch {
        continue; // folded away by a concurrent run
      }
      for (const line of text.split('\n')) {
        if (line === '') continue;
        const entry = indexLine(line);
        if (!entry) corrupt++;
        else entries.set(`${entry.blob}\0${entry.path}`, entry);
      }
    }
    const cache = new ResultCache<V>(gateDir, key, clean, entries, segments, isValue);
    cache.stats.corrupt = corrupt;
    return cache;
  }

  /** Splits files into those with a stored result and those to scan. */
  lookup(files: readonly ScopeFile[]): { hits: { file: ScopeFile; value: V }[]; misses: ScopeFile[] } {
    const hits: { file: ScopeFile; value: V }[] = [];
    const misses: ScopeFile[] = [];
    for (const file of files) {
      const blob = this.clean.get(file.path);
      if (blob === undefined) {
        this.stats.uncacheable++;
        misses.push(file);
        continue;
      }
      this.looked.set(file.path, blob);
      const key = `${blob}\0${file.path}`;
      const entry = this.entries.get(key);
      const value = entry && this.verified(entry);
      if (entry && value === undefined) {
        // Damaged: never trusted; the file is scanned again and the store rewritten without it.
        this.entries.delete(key);
        this.stats.corrupt++;
      }
      if (value !== undefined) {
        this.stats.hits++;
        hits.push({ file, value });
      } else {
        this.stats.misses++;
        misses.push(file);
      }
    }
    return { hits, misses };
  }

  /**
   * An entry's value, checked only now that a file needs it (checksum, shape, and that the
   * payload names the path and blob it is filed under): a run reads every line of the store but
   * parses only the lines of the files it looks up, so a shard pays for its own files only.
   */
  private verified(entry: Entry): V | undefined {
    const parsed = parseLine(entry.line, this.isValue);
    return parsed && parsed.path === entry.path && parsed.blob === entry.blob ? (parsed.value as V) : undefined;
  }

  /** Records a file's fresh result; ignored for files without a known blob id. Serialised now. */
  store(path: string, value: V): void {
    const blob = this.looked.get(path);
    if (blob === undefined) return;
    const payload = JSON.stringify([path, blob, value]);
    this.fresh.set(`${blob}\0${path}`, `${checksum(payload)} ${payload}`);
    this.stats.stored++;
  }

  /** Writes what this run stored and deletes other namespaces of the gate. Never throws. */
  async save(): Promise<void> {
    try {
      await this.write();
    } catch {
      this.stats.unwritable = 1;
    }
  }

  private async write(): Promise<void> {
    const dir = join(this.gateDir, this.key);
    // Entries for a path this run saw with another blob: results of content that is gone.
    const superseded = [...this.entries.values()].filter((e) => {
      const now = this.looked.get(e.path);
      return now !== undefined && now !== e.blob;
    }).length;
    const fold = this.segments.length >= MAX_SEGMENTS || this.stats.corrupt > 0 || (superseded > 0 && superseded * 4 >= this.entries.size);
    if (this.fresh.size > 0 || fold) {
      await mkdir(dir, { recursive: true });
      await ensureIgnored(join(this.gateDir, '..'));
      if (fold) {
        const lines = new Map<string, string>();
        for (const [key, entry] of this.entries) {
          const now = this.looked.get(entry.path);
          if (now === undefined || now === entry.blob) lines.set(key, entry.line);
        }
        for (const [key, line] of this.fresh) lines.set(key, line);
        await writeSegment(dir, [...lines.values()]);
        // Only the segments this run read: one a concurrent run wrote meanwhile stays.
        await Promise.all(this.segments.map((name) => unlink(join(dir, name)).catch(() => undefined)));
      } else {
        await writeSegment(dir, [...this.fresh.values()]);
      }
    }
    // A different rule set, option or version is a different namespace: the old ones go.
    let namespaces: string[] = [];
    try {
      namespaces = await readdir(this.gateDir);
    } catch {
      return;
    }
    await Promise.all(namespaces.filter((name) => name !== this.key).map((name) => rm(join(this.gateDir, name), { recursive: true, force: true })));
  }

  /** The counts for a gate's metrics, under `prefix` (e.g. `sast.`). */
  metrics(prefix = ''): Record<string, number> {
    const { hits, stored, corrupt, unwritable } = this.stats;
    return {
      [`${prefix}cacheHits`]: hits,
      [`${prefix}cacheStored`]: stored,
      [`${prefix}cacheCorrupt`]: corrupt,
      ...(unwritable ? { [`${prefix}cacheUnwritable`]: 1 } : {}),
    };
  }
}

function parseLine<V>(line: string, isValue: (value: unknown) => value is V): { path: string; blob: string; value: V } | undefined {
  const space = line.indexOf(' ');
  if (space < 0) return undefined;
  const payload = line.slice(space + 1);
  if (checksum(payload) !== line.slice(0, space)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [path, blob, value] = parsed as unknown[];
  if (typeof path !== 'string' || typeof blob !== 'string' || !/^[0-9a-f]{40,64}$/.test(blob) || !isValue(value)) return undefined;
  return { path, blob, value };
}

async function writeSegment(dir: string, lines: string[]): Promise<void> {
  const id = randomBytes(8).toString('hex');
  const temporary = join(dir, `.tmp-${process.pid}-${id}`);
  await writeFile(temporary, lines.length ? `${lines.join('\n')}\n` : '');
  await rename(temporary, join(dir, `${id}.jsonl`));
}

/** The cache folder ignores itself, so it is never committed nor scanned as an untracked file. */
async function ensureIgnored(cacheRoot: string): Promise<void> {
  const file = join(cacheRoot, '.gitignore');
  if (existsSync(file)) return;
  await writeFile(file, '# wfo-gate result cache: safe to delete\n*\n');
}
