import type { LockedPackage } from '../types.js';
import { type GraphNode, type GraphRoot, LockfileError, jsonKeyLines, manifestRoots, packagesFromGraph, parseJsonLockfile, parseManifest } from './graph.js';
import { type JsonPath, objectAt, objectEntriesAt, stringAt } from './shape.js';

const DEP_SECTIONS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'] as const;

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed folder under
 * `packages` ("node_modules/a/node_modules/b"); v1 nests `dependencies` objects, which are
 * flattened into the same folder keys. Dependencies are resolved as Node does: the nearest
 * node_modules folder up the tree. Dev flags are npm's own.
 */
export function readNpmLock(text: string, manifestText?: string): LockedPackage[] {
  const lock = parseJsonLockfile(text, 'package-lock.json');
  const version = lock.lockfileVersion;
  if (typeof version !== 'number' || version < 1 || version > 3) {
    throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(version)} (supported: 1, 2, 3)`);
  }
  // v2 and v3 list every folder under `packages`; v1 nests `dependencies`.
  const packages: Record<string, any> =
    version >= 2 ? Object.fromEntries(objectEntriesAt(lock.packages, ['packages'], true)) : flattenV1(lock.dependencies, manifestText);
  // v1 nests entries, so their keys are not folder keys: no line numbers there.
  const lines = version >= 2 ? jsonKeyLines(text, '    ') : new Map<string, number>();
  const nodes = new Map<string, GraphNode>();
  for (const [key, entry] of Object.entries(packages)) {
    const at: JsonPath = entry[V1_PATH] ?? ['packages', key];
    if (key === '' || entry.link) continue;
    const name = stringAt(entry.name, [...at, 'name']) ?? nameFromFolder(key);
    const local = !key.includes('node_modules/') || entry.inBundle === true;
    nodes.set(key, {
      name,
      version: stringAt(entry.version, [...at, 'version']) ?? '',
      deps: resolveDeps(packages, key, entry, at),
      dev: entry.dev === true || entry.devOptional === true,
      local: local || !entry.version,
      ...(lines.has(key) ? { line: lines.get(key) } : {}),
    });
  }
  const root = packages[''] ?? parseManifest(manifestText);
  for (const section of DEP_SECTIONS) if (packages['']) objectAt(root[section], ['packages', '', section]);
  const roots: GraphRoot[] = manifestRoots(root).flatMap(({ name, dev }) => {
    const id = resolve(packages, '', name);
    return id ? [{ id, dev }] : [];
  });
  // Workspaces are roots too: their own dependencies lead to packages.
  for (const [key, node] of nodes) if (node.local && !key.includes('node_modules/')) roots.push({ id: key, dev: false });
  return packagesFromGraph('npm', nodes, roots);
}

function resolveDeps(packages: Record<string, any>, key: string, entry: Record<string, any>, at: JsonPath): string[] {
  const out: string[] = [];
  // v2+ `requires` is a boolean on the root; v1's is the entry's dependency map.
  for (const section of [...DEP_SECTIONS, ...(typeof entry.requires === 'boolean' ? [] : ['requires'])]) {
    for (const name of Object.keys(objectAt(entry[section], [...at, section]))) {
      const id = resolve(packages, key, name);
      if (id) out.push(id);
    }
  }
  return out;
}

/** Node's lookup: `<dir>/node_modules/<name>` from the package's folder up to the root; links followed. */
function resolve(packages: Record<string, any>, from: string, name: string): string | undefined {
  const parts = from === '' ? [] : from.split('/');
  for (let n = parts.length; n >= 0; n--) {
    const prefix = parts.slice(0, n).join('/');
    const key = prefix ? `${prefix}/node_modules/${name}` : `node_modules/${name}`;
    const entry = packages[key];
    if (entry === undefined) continue;
    if (entry?.link && typeof entry.resolved === 'string') return entry.resolved;
    return key;
  }
  return undefined;
}

function nameFromFolder(key: string): string {
  const at = key.lastIndexOf('node_modules/');
  return at < 0 ? key : key.slice(at + 'node_modules/'.length);
}

/** Where a v1 entry sits in the file (its nesting), for shape errors. */
const V1_PATH = Symbol('v1 path');

/** v1's nested `dependencies` as v2-style folder keys; the root entry comes from package.json. */
function flattenV1(top: unknown, manifestText: string | undefined): Record<string, any> {
  const deps = objectAt(top, ['dependencies']);
  const out: Record<string, any> = {};
  const walk = (tree: unknown, prefix: string, at: JsonPath): void => {
    for (const [name, entry] of objectEntriesAt(tree, at)) {
      const key = `${prefix}node_modules/${name}`;
      const path = [...at, name];
      const version = stringAt(entry.version, [...path, 'version']);
      const isLocal = version?.startsWith('file:') ?? false;
      out[key] = { ...entry, name, version: isLocal ? undefined : version, requires: entry.requires, dependencies: undefined, [V1_PATH]: path };
      walk(entry.dependencies, `${key}/`, [...path, 'dependencies']);
    }
  };
  walk(deps, '', ['dependencies']);
  const manifest = parseManifest(manifestText);
  // Without package.json, the top-level packages nothing requires are the direct ones.
  if (!manifest) {
    const required = new Set(Object.values(out).flatMap((e: any) => Object.keys(e.requires ?? {})));
    const dependencies = Object.fromEntries(Object.keys(deps).filter((n) => !required.has(n)).map((n) => [n, '*']));
    out[''] = { dependencies };
  } else out[''] = manifest;
  return out;
}
