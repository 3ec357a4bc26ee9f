import type { Ecosystem } from '../types.js';
import { compareNpm, parseNpmVersion } from './npm-version.js';
import { comparePep440, parsePep440 } from './pep440.js';

/** Parses and orders one ecosystem's versions; `parse` returns undefined for what it cannot read. */
export interface VersionScheme<V = unknown> {
  parse(text: string): V | undefined;
  compare(a: V, b: V): number;
}

const SCHEMES: Record<Ecosystem, VersionScheme<any>> = {
  npm: { parse: parseNpmVersion, compare: compareNpm },
  PyPI: { parse: parsePep440, compare: comparePep440 },
};

export function versionScheme(ecosystem: Ecosystem): VersionScheme {
  return SCHEMES[ecosystem];
}

/** The name as each ecosystem compares it: npm case-insensitively, PyPI per PEP 503. */
export function normalizePackageName(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return name.toLowerCase();
}
