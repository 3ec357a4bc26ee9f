import type { ValidateFunction } from 'ajv';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-info.js';

const requireHere = createRequire(import.meta.url);

/**
 * A JSON Schema validator that the build compiled ahead of time (ajv standalone, see
 * scripts/build.mjs), or undefined when running from src/ or the file is missing; callers
 * then compile the schema themselves. Compiling at run time costs more than the rest of a
 * hook's or a report's start-up.
 */
export function precompiledValidator(file: string, name: string): ValidateFunction | undefined {
  if (!import.meta.url.includes('/dist/')) return undefined;
  const path = join(packageRoot(), 'dist', file);
  if (!existsSync(path)) return undefined;
  const module = requireHere(path) as Record<string, ValidateFunction | undefined>;
  return module[name];
}
