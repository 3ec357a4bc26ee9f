import { parse } from 'yaml';
import { syntaxErrorMessage } from '../../../core/redact-message.js';
import type { LockedPackage } from '../types.js';
import { type GraphNode, type GraphRoot, LockfileError, packagesFromGraph } from './graph.js';
import { objectAt, objectEntriesAt, shapeError } from './shape.js';

const IMPORTER_SECTIONS = [['dependencies', false], ['optionalDependencies', false], ['devDependencies', true]] as const;

/**
 * pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x. Package ids are `/name/1.0.0` (v5),
 * `/name@1.0.0(peer@2.0.0)` (v6) or `name@1.0.0(peer@2.0.0)` (v9, whose dependency edges live in
 * `snapshots`). Importers (the workspace projects) are the roots.
 */
export function readPnpmLock(text: string): LockedPackage[] {
  let lock: Record<string, any>;
  try {
    lock = parse(text, { maxAliasCount: -1 }) as Record<string, any>;
  } catch (error) {
    throw new LockfileError(`not valid YAML (${syntaxErrorMessage(error, text)}); regenerate it with \`pnpm install --lockfile-only\``);
  }
  if (typeof lock !== 'object' || lock === null || Array.isArray(lock) || lock.lockfileVersion === undefined) {
    throw new LockfileError('not a pnpm lockfile (no lockfileVersion)');
  }
  const major = Number.parseInt(String(lock.lockfileVersion), 10);
  if (!(major >= 5 && major <= 9)) throw new LockfileError(`unsupported lockfileVersion ${lock.lockfileVersion} (supported: 5, 6, 9)`);
  const lines = topLevelKeyLines(text);
  // v9 keeps edges in `snapshots` (one per peer combination); `packages` only has metadata.
  const section = major >= 9 && lock.snapshots !== undefined ? 'snapshots' : 'packages';
  // Both must be maps when present, even the one not walked (v9's `packages` holds metadata).
  const packages = objectEntriesAt(lock.packages, ['packages']);
  const entries = section === 'snapshots' ? objectEntriesAt(lock.snapshots, ['snapshots']) : packages;
  const nodes = new Map<string, GraphNode>();
  for (const [key, entry] of entries) {
    const id = normalizeId(key);
    const parsed = parseId(id, major);
    if (!parsed) continue;
    const deps: string[] = [];
    for (const depSection of ['dependencies', 'optionalDependencies']) {
      for (const [name, ref] of Object.entries(objectAt(entry[depSection], [section, key, depSection]))) {
        const target = refToId(name, String(ref), major);
        if (target) deps.push(target);
      }
    }
    nodes.set(id, {
      ...parsed,
      deps,
      ...(typeof entry.dev === 'boolean' ? { dev: entry.dev } : {}),
      ...line(lines, key),
    });
  }
  // Without `importers` (a single project before v9), the lockfile's top level is the one importer.
  const importers = lock.importers === undefined ? [['', lock] as [string, Record<string, any>]] : objectEntriesAt(lock.importers, ['importers']);
  const roots: GraphRoot[] = [];
  for (const [importerKey, importer] of importers) {
    const at = importerKey === '' ? [] : ['importers', importerKey];
    for (const [importerSection, dev] of IMPORTER_SECTIONS) {
      for (const [name, spec] of Object.entries(objectAt(importer[importerSection], [...at, importerSection]))) {
        // v6+ writes `{ specifier, version }`, v5 the version string itself.
        const ref = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as { version?: unknown }).version : spec;
        if (typeof ref !== 'string' && typeof ref !== 'number') throw shapeError([...at, importerSection, name, ...(ref === spec ? [] : ['version'])], 'a version', ref);
        const id = refToId(name, String(ref), major);
        if (id) roots.push({ id, dev });
      }
    }
  }
  return packagesFromGraph('npm', nodes, roots);
}

function normalizeId(key: string): string {
  return key.startsWith('/') ? key.slice(1) : key;
}

/** `name@1.0.0(peers)` or v5's `name/1.0.0_peers` to name and version. */
function parseId(id: string, major: number): { name: string; version: string } | undefined {
  if (major < 6) {
    const cut = id.lastIndexOf('/');
    if (cut <= 0) return undefined;
    return { name: id.slice(0, cut), version: id.slice(cut + 1).split('_')[0]! };
  }
  const bare = id.split('(')[0]!;
  const at = bare.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: bare.slice(0, at), version: bare.slice(at + 1) };
}

/** A dependency reference (`1.0.0(peer@2)`, an alias `/other@1.0.0` or `other@1.0.0`, `link:…`) to a node id. */
function refToId(name: string, ref: string, major: number): string | undefined {
  if (ref.startsWith('link:') || ref.startsWith('file:') || ref === 'undefined') return undefined;
  if (ref.startsWith('/')) return ref.slice(1);
  if (major < 6) return `${name}/${ref}`;
  // v9 aliases (`npm:other@1.0.0` in package.json) are written as `other@1.0.0`.
  if (/^(@[^/]+\/)?[^@/(]+@/.test(ref) && !/^\d/.test(ref)) return ref;
  return `${name}@${ref}`;
}

/** Lines of two-space-indented mapping keys (`  /lodash@4.17.20:`), first occurrence wins. */
function topLevelKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /^ {2}(?:'([^']+)'|"([^"]+)"|([^\s'"][^:]*?)):\s*(?:\{\})?\s*$/.exec(line);
    const key = m && (m[1] ?? m[2] ?? m[3]);
    if (key && !lines.has(key)) lines.set(key, i + 1);
  });
  return lines;
}

/** The package's line: its `packages:` entry (peers stripped) if there is one, else its own key. */
function line(lines: Map<string, number>, key: string): { line?: number } {
  const found = lines.get(key.split('(')[0]!) ?? lines.get(key);
  return found === undefined ? {} : { line: found };
}
