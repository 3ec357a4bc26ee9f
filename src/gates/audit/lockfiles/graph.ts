import { syntaxErrorMessage } from '../../../core/redact-message.js';
import type { Ecosystem, LockedPackage } from '../types.js';

/** One package of a lockfile's dependency graph, keyed by whatever id the lockfile uses. */
export interface GraphNode {
  name: string;
  version: string;
  /** Ids of the nodes this one depends on (already resolved). */
  deps: string[];
  /** The lockfile's own dev flag, when it records one. */
  dev?: boolean;
  /** A workspace or other local package: walked through, named in paths, not audited. */
  local?: boolean;
  line?: number;
}

export interface GraphRoot {
  id: string;
  dev: boolean;
}

/**
 * Turns a dependency graph into audited packages: each with the shortest path from the
 * project root (breadth first, production roots first so a package reachable both ways counts
 * as production) and, unless the lockfile says, whether only dev dependencies lead to it.
 * Packages no root reaches are still audited, with a path of their own name.
 */
export function packagesFromGraph(ecosystem: Ecosystem, nodes: Map<string, GraphNode>, roots: GraphRoot[]): LockedPackage[] {
  const reached = new Map<string, { path: string[]; dev: boolean }>();
  const queue: string[] = [];
  for (const dev of [false, true]) {
    for (const root of roots) {
      const node = nodes.get(root.id);
      if (root.dev !== dev || !node || reached.has(root.id)) continue;
      reached.set(root.id, { path: [node.name], dev });
      queue.push(root.id);
    }
    while (queue.length > 0) {
      const id = queue.shift()!;
      const from = reached.get(id)!;
      for (const dep of nodes.get(id)?.deps ?? []) {
        const node = nodes.get(dep);
        if (!node || reached.has(dep)) continue;
        reached.set(dep, { path: [...from.path, node.name], dev });
        queue.push(dep);
      }
    }
  }
  const out: LockedPackage[] = [];
  for (const [id, node] of nodes) {
    if (node.local) continue;
    const r = reached.get(id);
    out.push({
      ecosystem,
      name: node.name,
      version: node.version,
      dev: node.dev ?? r?.dev ?? false,
      path: r?.path ?? [node.name],
      ...(node.line !== undefined ? { line: node.line } : {}),
    });
  }
  return out;
}

/** Where each `"key": {` object key of a JSON document starts (1-based), for cheap line numbers. */
export function jsonKeyLines(text: string, indent: string): Map<string, number> {
  const lines = new Map<string, number>();
  const pattern = new RegExp(`^${indent}"((?:[^"\\\\]|\\\\.)*)": \\{`);
  text.split('\n').forEach((line, i) => {
    const m = pattern.exec(line);
    if (m && !lines.has(m[1]!)) lines.set(m[1]!, i + 1);
  });
  return lines;
}

export class LockfileError extends Error {}

export function parseJsonLockfile(text: string, what: string): Record<string, any> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new LockfileError(`not valid JSON (${syntaxErrorMessage(error, text)}); regenerate the ${what}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new LockfileError(`not a ${what} (expected a JSON object)`);
  return data as Record<string, any>;
}

/** Names of a package.json's dependency sections, as roots of the graph. */
export function manifestRoots(manifest: Record<string, any> | undefined): { name: string; dev: boolean }[] {
  if (!manifest) return [];
  const roots: { name: string; dev: boolean }[] = [];
  for (const [section, dev] of [['dependencies', false], ['optionalDependencies', false], ['peerDependencies', false], ['devDependencies', true]] as const) {
    for (const name of Object.keys(manifest[section] ?? {})) roots.push({ name, dev });
  }
  return roots;
}

/** package.json as an object, or undefined when absent or unreadable (roots are then guessed). */
export function parseManifest(text: string | undefined): Record<string, any> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
