import type { CommitChange, FileContent, LineRange, Scope, ScopeFile, ScopeKind, SkippedFiles } from './types.js';
import { isBinary } from './content.js';

export interface MemoryScopeInit {
  kind?: ScopeKind;
  root?: string;
  /** path -> content as the trigger sees it */
  files: Record<string, string | Buffer>;
  /** path -> changed line ranges; makes the scope diff-aware */
  changed?: Record<string, LineRange[]>;
  /** path -> content at the base */
  base?: Record<string, string | Buffer>;
  commits?: CommitChange[];
  maxFileSize?: number;
}

export function emptySkipped(): SkippedFiles {
  return { binary: [], tooLarge: [], submodules: [], symlinks: [], unreadable: [], tooLargeToParse: [] };
}

/**
 * A Scope over in-memory content, for unit tests of gates and for tools that scan text that
 * is not in a repository. Same contract as the git-backed scopes.
 */
export function memoryScope(init: MemoryScopeInit): Scope {
  const diffAware = init.changed !== undefined;
  const maxFileSize = init.maxFileSize ?? 1024 * 1024;
  const buffers = new Map(Object.entries(init.files).map(([p, c]) => [p, Buffer.isBuffer(c) ? c : Buffer.from(c)]));
  const files: ScopeFile[] = [...buffers.keys()].map((path) => ({
    path,
    status: diffAware ? (init.base?.[path] === undefined ? 'added' : 'modified') : 'unchanged',
    changed: diffAware ? (init.changed?.[path] ?? []) : undefined,
    tracked: true,
  }));
  const skipped = emptySkipped();
  const scope: Scope = {
    kind: init.kind ?? (diffAware ? 'base' : 'all'),
    root: init.root ?? process.cwd(),
    isGitRepo: false,
    diffAware,
    source: 'worktree',
    description: 'in-memory files',
    files,
    skipped,
    maxFileSize,
    notes: [],
    async *read(paths?: readonly string[]): AsyncIterable<FileContent> {
      const wanted = paths ? new Set(paths) : undefined;
      for (const file of files) {
        if (wanted && !wanted.has(file.path)) continue;
        const content = buffers.get(file.path)!;
        if (content.length > maxFileSize) {
          if (!skipped.tooLarge.includes(file.path)) skipped.tooLarge.push(file.path);
          continue;
        }
        if (isBinary(content)) {
          if (!skipped.binary.includes(file.path)) skipped.binary.push(file.path);
          continue;
        }
        yield { file, content };
      }
    },
    async readOne(path) {
      return buffers.get(path);
    },
    noteSkipped(kind, path) {
      if (!skipped[kind].includes(path)) skipped[kind].push(path);
    },
    async readAtBase(path) {
      const c = init.base?.[path];
      return c === undefined ? undefined : Buffer.isBuffer(c) ? c : Buffer.from(c);
    },
    async *commits() {
      for (const commit of init.commits ?? []) yield commit;
    },
  };
  return scope;
}
