import { existsSync, readdirSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import picomatch from 'picomatch';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_DEPTH = 12;

/**
 * Istanbul writes one run's coverage in several reporters side by side. Merging them would count
 * branches twice (their branch ids differ), so one directory yields its first of these.
 */
const SAME_RUN_PREFERENCE = ['lcov.info', 'coverage-final.json', 'cobertura-coverage.xml', 'coverage-summary.json'];

/**
 * Repo-relative report paths matching the globs, one report per istanbul output directory. Globs
 * under the same base directory share one walk (the defaults are four `**\/coverage/…` globs:
 * on a tree of 100,000 files, one walk instead of four).
 */
export function findReports(root: string, patterns: readonly string[]): string[] {
  const found = new Set<string>();
  const byBase = new Map<string, ((path: string) => boolean)[]>();
  for (const pattern of patterns) {
    const clean = pattern.replace(/^\.\//, '');
    const scan = picomatch.scan(clean);
    if (!scan.isGlob) {
      if (isFile(posix.join(root, clean))) found.add(posix.normalize(clean));
      continue;
    }
    const matchers = byBase.get(scan.base) ?? [];
    matchers.push(picomatch(clean, { dot: false }));
    byBase.set(scan.base, matchers);
  }
  for (const [base, matchers] of byBase) {
    walk(root, base, 0, (rel) => {
      if (matchers.some((matches) => matches(rel))) found.add(rel);
    });
  }
  return oneReportPerRun([...found].sort());
}

function walk(root: string, dir: string, depth: number, visit: (rel: string) => void): void {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(posix.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(root, rel, depth + 1, visit);
    } else if (entry.isFile()) {
      visit(rel);
    }
  }
}

function oneReportPerRun(paths: string[]): string[] {
  const chosen = new Map<string, string>();
  const rest: string[] = [];
  for (const path of paths) {
    const name = posix.basename(path);
    const rank = SAME_RUN_PREFERENCE.indexOf(name);
    if (rank === -1) {
      rest.push(path);
      continue;
    }
    const dir = posix.dirname(path);
    const current = chosen.get(dir);
    if (!current || rank < SAME_RUN_PREFERENCE.indexOf(posix.basename(current))) chosen.set(dir, path);
  }
  return [...rest, ...chosen.values()].sort();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
