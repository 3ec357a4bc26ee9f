import { parse } from 'yaml';
import { syntaxErrorMessage } from '../../../core/redact-message.js';
import type { LockedPackage } from '../types.js';
import { type GraphNode, type GraphRoot, LockfileError, manifestRoots, packagesFromGraph, parseManifest } from './graph.js';
import { objectAt, objectEntriesAt, shapeError, stringAt } from './shape.js';

/**
 * yarn.lock: classic (v1, its own indented format) or berry (YAML with `__metadata`). Neither
 * records dev flags, so the roots and their dev-ness come from the package.json beside it;
 * berry's workspace entries are roots too.
 */
export function readYarnLock(text: string, manifestText?: string): LockedPackage[] {
  const manifest = parseManifest(manifestText);
  return /^__metadata:/m.test(text) ? readBerry(text, manifest) : readClassic(text, manifest);
}

function readClassic(text: string, manifest: Record<string, any> | undefined): LockedPackage[] {
  if (!/^# yarn lockfile v1/m.test(text) && !/^\S.*:\s*$/m.test(text)) throw new LockfileError('not a yarn lockfile');
  const bySpecifier = new Map<string, string>();
  const raw = new Map<string, { name: string; version?: string; deps: [string, string][]; line: number }>();
  let current: { name: string; version?: string; deps: [string, string][]; line: number } | undefined;
  let inDeps = false;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    if (!line.startsWith(' ')) {
      const header = line.replace(/:\s*$/, '');
      const specifiers = header.split(/,\s*/).map(unquote);
      current = { name: specifierName(specifiers[0]!), deps: [], line: i + 1 };
      raw.set(header, current);
      for (const s of specifiers) bySpecifier.set(s, header);
      inDeps = false;
      return;
    }
    if (!current) return;
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (indent === 2) {
      inDeps = trimmed === 'dependencies:' || trimmed === 'optionalDependencies:';
      const v = /^version\s+"?([^"]+)"?$/.exec(trimmed);
      if (v) current.version = v[1];
    } else if (indent >= 4 && inDeps) {
      const m = /^("(?:[^"]+)"|\S+)\s+"?([^"]*)"?$/.exec(trimmed);
      if (m) current.deps.push([unquote(m[1]!), m[2]!]);
    }
  });
  const nodes = new Map<string, GraphNode>();
  for (const [id, entry] of raw) {
    if (!entry.version) throw new LockfileError(`entry "${id}" (line ${entry.line}) has no version; regenerate yarn.lock`);
    const deps = entry.deps.map(([n, range]) => bySpecifier.get(`${n}@${range}`)).filter((d): d is string => d !== undefined);
    nodes.set(id, { name: entry.name, version: entry.version, deps, line: entry.line });
  }
  const roots = rootsFrom(manifest, (name, range) => bySpecifier.get(`${name}@${range}`));
  return packagesFromGraph('npm', nodes, roots.length > 0 ? roots : unrequired(nodes));
}

function readBerry(text: string, manifest: Record<string, any> | undefined): LockedPackage[] {
  let lock: Record<string, any>;
  try {
    lock = parse(text, { maxAliasCount: -1 }) as Record<string, any>;
  } catch (error) {
    throw new LockfileError(`not valid YAML (${syntaxErrorMessage(error, text)}); regenerate it with \`yarn install --mode=update-lockfile\``);
  }
  if (typeof lock !== 'object' || lock === null || Array.isArray(lock)) throw shapeError([], 'a map of packages', lock);
  objectAt(lock.__metadata, ['__metadata'], true);
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    if (/^\S.*:\s*$/.test(line)) lines.set(line.replace(/:\s*$/, ''), i + 1);
  });
  const bySpecifier = new Map<string, string>();
  for (const key of Object.keys(lock)) {
    if (key === '__metadata') continue;
    for (const s of key.split(/,\s*/)) bySpecifier.set(s, key);
  }
  const lookup = (name: string, range: string): string | undefined =>
    bySpecifier.get(`${name}@${range}`) ?? bySpecifier.get(`${name}@npm:${range}`);
  const nodes = new Map<string, GraphNode>();
  const workspaces: string[] = [];
  for (const [key, entry] of objectEntriesAt(lock, [])) {
    if (key === '__metadata') continue;
    const resolution = stringAt(entry.resolution, [key, 'resolution']) ?? key.split(/,\s*/)[0]!;
    const local = /@(workspace|link|portal|file):/.test(resolution);
    if (resolution.includes('@workspace:')) workspaces.push(key);
    const deps = [...Object.entries(objectAt(entry.dependencies, [key, 'dependencies'])), ...Object.entries(objectAt(entry.optionalDependencies, [key, 'optionalDependencies']))]
      .map(([n, range]) => lookup(n, String(range)))
      .filter((d): d is string => d !== undefined);
    const quoted = lines.get(`"${key}"`) ?? lines.get(key);
    const version = typeof entry.version === 'number' ? String(entry.version) : (stringAt(entry.version, [key, 'version']) ?? '');
    nodes.set(key, { name: specifierName(resolution), version, deps, local, ...(quoted ? { line: quoted } : {}) });
  }
  const devNames = new Set(Object.keys(manifest?.devDependencies ?? {}));
  const roots: GraphRoot[] = [];
  for (const ws of workspaces) {
    for (const dep of nodes.get(ws)!.deps) roots.push({ id: dep, dev: devNames.has(nodes.get(dep)?.name ?? '') });
  }
  return packagesFromGraph('npm', nodes, roots.length > 0 ? roots : unrequired(nodes));
}

function rootsFrom(manifest: Record<string, any> | undefined, lookup: (name: string, range: string) => string | undefined): GraphRoot[] {
  const roots: GraphRoot[] = [];
  for (const { name, dev } of manifestRoots(manifest)) {
    const sections = dev ? ['devDependencies'] : ['dependencies', 'optionalDependencies', 'peerDependencies'];
    const range = sections.map((s) => manifest?.[s]?.[name]).find((r) => typeof r === 'string');
    const id = range === undefined ? undefined : lookup(name, range);
    if (id) roots.push({ id, dev });
  }
  return roots;
}

/** Without a manifest: the packages nothing depends on are taken as the direct ones. */
function unrequired(nodes: Map<string, GraphNode>): GraphRoot[] {
  const required = new Set([...nodes.values()].flatMap((n) => n.deps));
  return [...nodes.keys()].filter((id) => !required.has(id)).map((id) => ({ id, dev: false }));
}

/** `@scope/name@^1.0.0` or `name@npm:1.0.0` to the package name. */
function specifierName(specifier: string): string {
  const at = specifier.indexOf('@', specifier.startsWith('@') ? 1 : 0);
  return at < 0 ? specifier : specifier.slice(0, at);
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}
