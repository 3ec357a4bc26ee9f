import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's root (the folder with package.json and schemas/), from src/ or dist/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schemas', 'config.schema.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('wfo-gate: cannot find its own schemas/ folder; reinstall the package');
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A gate's built scan worker (dist/gates/<gate>/scan.worker.js), or undefined when running from source. */
export function gateWorkerScript(gate: 'secrets' | 'sast'): string | undefined {
  const path = join(packageRoot(), 'dist', 'gates', gate, 'scan.worker.js');
  return existsSync(path) ? path : undefined;
}

export function schemaPath(name: string): string {
  return join(packageRoot(), 'schemas', name);
}

export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>;
}

/** Replaced at build time by esbuild's `define`; read from package.json when running from source. */
declare const __WFO_GATE_VERSION__: string | undefined;

export function packageVersion(): string {
  if (typeof __WFO_GATE_VERSION__ === 'string') return __WFO_GATE_VERSION__;
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
