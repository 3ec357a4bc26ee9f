import type { LockedPackage } from '../types.js';
import { normalizePackageName } from '../versions/index.js';
import { type GraphNode, type GraphRoot, LockfileError, jsonKeyLines, packagesFromGraph, parseJsonLockfile } from './graph.js';
import { objectEntriesAt, stringAt } from './shape.js';

export interface RequirementsResult {
  packages: LockedPackage[];
  /** Requirement lines without an exact `==` pin: they cannot be audited from the file alone. */
  unpinned: { name: string; line: number }[];
}

/**
 * requirements*.txt: only exact pins (`name==1.2.3`, `name[extra]===1.2.3`) say what is installed.
 * Options (`-r`, `-e`, `--hash`), markers and comments are skipped; `\` continues a line. A file
 * named like requirements-dev.txt or requirements-test.txt holds dev dependencies.
 */
export function readRequirements(text: string, file: string): RequirementsResult {
  const dev = /(^|[-_.])(dev|test|tests|lint|docs)([-_.]|$)/i.test(file.split('/').pop() ?? '');
  const packages: LockedPackage[] = [];
  const unpinned: { name: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    const requirement = line.replace(/(^|\s)#.*$/, '').replace(/\s--?\w[\w-]*(=\S*)?/g, ' ').split(';')[0]!.trim();
    if (requirement === '' || requirement.startsWith('-')) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(requirement);
    if (!m || /^[a-z]+\+|:\/\//i.test(requirement)) continue;
    const pin = /^===?\s*([^\s,*]+)\s*$/.exec(m[2]!);
    if (!pin) unpinned.push({ name: m[1]!, line: first });
    else packages.push({ ecosystem: 'PyPI', name: m[1]!, version: pin[1]!, dev, path: [m[1]!], line: first });
  }
  return { packages, unpinned };
}

/** Pipfile.lock: `default` and `develop` sections of `name: {version: "==1.2.3"}`. */
export function readPipfileLock(text: string): LockedPackage[] {
  const lock = parseJsonLockfile(text, 'Pipfile.lock');
  if (lock.default === undefined && lock.develop === undefined) throw new LockfileError('not a Pipfile.lock (no "default" or "develop" section); regenerate it with `pipenv lock`');
  const lines = jsonKeyLines(text, '        ');
  const packages: LockedPackage[] = [];
  for (const [section, dev] of [['default', false], ['develop', true]] as const) {
    for (const [name, entry] of objectEntriesAt(lock[section], [section])) {
      // Git and path requirements carry no version: nothing a registry advisory can match.
      const version = stringAt(entry.version, [section, name, 'version'])?.replace(/^===?/, '');
      if (!version) continue;
      packages.push({ ecosystem: 'PyPI', name, version, dev, path: [name], ...(lines.has(name) ? { line: lines.get(name) } : {}) });
    }
  }
  return packages;
}

interface TomlPackage {
  line: number;
  /** Top-level `key = value` lines of the [[package]] table, values raw. */
  fields: Map<string, string>;
  /** Raw text of its sub-tables (`[package.dependencies]` → `dependencies`). */
  tables: Map<string, string>;
}

/**
 * The `[[package]]` tables of poetry.lock and uv.lock. Both are machine-written TOML with a
 * fixed layout, so a line reader that keeps values raw is enough; arrays may span lines.
 */
function tomlPackages(text: string): TomlPackage[] {
  const out: TomlPackage[] = [];
  let current: TomlPackage | undefined;
  let table: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = /^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line);
    if (header) {
      const name = header[2]!;
      if (header[1] && name === 'package') {
        current = { line: i + 1, fields: new Map(), tables: new Map() };
        out.push(current);
        table = undefined;
      } else if (current && name.startsWith('package.')) {
        table = name.slice('package.'.length);
        current.tables.set(table, '');
      } else {
        current = undefined;
      }
      continue;
    }
    if (!current) continue;
    if (table !== undefined) {
      current.tables.set(table, current.tables.get(table)! + line + '\n');
      continue;
    }
    const kv = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    let value = kv[2]!;
    while (bracketDepth(value) > 0 && i + 1 < lines.length) value += '\n' + lines[++i]!;
    current.fields.set(kv[1]!, value.trim());
  }
  return out;
}

function bracketDepth(value: string): number {
  let depth = 0;
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '[' || ch === '{')) depth++;
    else if (!quoted && (ch === ']' || ch === '}')) depth--;
  }
  return depth;
}

function tomlString(raw: string | undefined): string | undefined {
  const m = raw === undefined ? null : /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(raw);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `{ name = "x" }` entries of a uv dependency array or table text. */
function inlineNames(raw: string | undefined): string[] {
  return [...(raw ?? '').matchAll(/\bname\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * poetry.lock: `[[package]]` with name/version, `category = "dev"` (lock 1.x) or
 * `groups = [...]` (lock 2.x) for dev, and `[package.dependencies]` for edges.
 */
export function readPoetryLock(text: string): LockedPackage[] {
  const blocks = tomlPackages(text);
  if (blocks.length === 0 && text.trim() !== '') throw new LockfileError('no [[package]] tables found; regenerate it with `poetry lock`');
  const nodes = new Map<string, GraphNode>();
  for (const block of blocks) {
    const name = tomlString(block.fields.get('name'));
    const version = tomlString(block.fields.get('version'));
    if (!name || !version) throw new LockfileError(`[[package]] at line ${block.line} has no name or version`);
    const groups = [...(block.fields.get('groups') ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const dev = tomlString(block.fields.get('category')) === 'dev' || (groups.length > 0 && !groups.includes('main'));
    const deps = [...(block.tables.get('dependencies') ?? '').matchAll(/^\s*"?([A-Za-z0-9_.-]+)"?\s*=/gm)].map((m) => normalizePackageName('PyPI', m[1]!));
    nodes.set(normalizePackageName('PyPI', name), { name, version, deps, dev, line: block.line });
  }
  const required = new Set([...nodes.values()].flatMap((n) => n.deps));
  const roots: GraphRoot[] = [...nodes.keys()].filter((id) => !required.has(id)).map((id) => ({ id, dev: nodes.get(id)!.dev ?? false }));
  return packagesFromGraph('PyPI', nodes, roots);
}

/**
 * uv.lock: the project itself is a `[[package]]` whose source is `virtual` or `editable`; its
 * `dependencies` and `[package.optional-dependencies]` are production roots,
 * `[package.dev-dependencies]` dev roots.
 */
export function readUvLock(text: string): LockedPackage[] {
  const blocks = tomlPackages(text);
  if (blocks.length === 0 && text.trim() !== '') throw new LockfileError('no [[package]] tables found; regenerate it with `uv lock`');
  const nodes = new Map<string, GraphNode>();
  const roots: GraphRoot[] = [];
  for (const block of blocks) {
    const name = tomlString(block.fields.get('name'));
    if (!name) throw new LockfileError(`[[package]] at line ${block.line} has no name`);
    const source = block.fields.get('source') ?? '';
    const local = /\b(virtual|editable|directory|path)\s*=/.test(source);
    const id = normalizePackageName('PyPI', name);
    const deps = inlineNames(block.fields.get('dependencies')).map((n) => normalizePackageName('PyPI', n));
    const version = tomlString(block.fields.get('version')) ?? '';
    // A registry or git package without a version cannot be audited: never let it drop out silently.
    if (!local && version === '') throw new LockfileError(`[[package]] "${name}" at line ${block.line} has no version string; regenerate it with \`uv lock\``);
    nodes.set(id, { name, version, deps, local: local || version === '', line: block.line });
    if (!local) continue;
    for (const dep of [...deps, ...inlineNames(block.tables.get('optional-dependencies'))]) roots.push({ id: normalizePackageName('PyPI', dep), dev: false });
    for (const dep of inlineNames(block.tables.get('dev-dependencies'))) roots.push({ id: normalizePackageName('PyPI', dep), dev: true });
  }
  return packagesFromGraph('PyPI', nodes, roots);
}
