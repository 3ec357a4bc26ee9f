import type { Severity } from '../../../core/types.js';
import type { Ecosystem } from '../types.js';
import type { VersionScheme } from '../versions/index.js';
import { cvss3BaseScore, severityFromScore } from './cvss.js';

/** The parts of an OSV record (ossf.github.io/osv-schema) the gate reads. */
export interface OsvRecord {
  id: string;
  aliases?: string[];
  withdrawn?: string;
  summary?: string;
  severity?: { type: string; score: string }[];
  affected?: OsvAffected[];
  database_specific?: { severity?: unknown } & Record<string, unknown>;
}

export interface OsvAffected {
  package?: { ecosystem?: string; name?: string; purl?: string };
  ranges?: { type: string; events: OsvEvent[] }[];
  versions?: string[];
  database_specific?: Record<string, unknown>;
}

export type OsvEvent = { introduced?: string; fixed?: string; last_affected?: string; limit?: string };

const GITHUB_LABELS: Record<string, Severity> = { LOW: 'low', MODERATE: 'medium', MEDIUM: 'medium', HIGH: 'high', CRITICAL: 'critical' };

/**
 * GitHub's label (`database_specific.severity`: LOW/MODERATE/HIGH/CRITICAL) when present, else the
 * highest CVSS v3 base score of `severity[]`; undefined when neither says (real records carry
 * `severity: []`).
 */
export function recordSeverity(record: OsvRecord): Severity | undefined {
  const label = record.database_specific?.severity;
  if (typeof label === 'string' && GITHUB_LABELS[label.toUpperCase()]) return GITHUB_LABELS[label.toUpperCase()];
  let best: number | undefined;
  for (const s of Array.isArray(record.severity) ? record.severity : []) {
    const score = typeof s?.score === 'string' ? cvss3BaseScore(s.score) : undefined;
    if (score !== undefined && (best === undefined || score > best)) best = score;
  }
  return best === undefined ? undefined : severityFromScore(best);
}

/** The ecosystem of an affected entry, when it is one the gate reads (`npm`, `PyPI`). */
export function affectedEcosystem(affected: OsvAffected): Ecosystem | undefined {
  const eco = affected.package?.ecosystem;
  if (eco === 'npm') return 'npm';
  if (eco === 'PyPI') return 'PyPI';
  return undefined;
}

export interface AffectedHit {
  fixed?: string;
  lastAffected?: string;
}

/**
 * Whether `version` lies in one of the entry's explicit `versions` or SEMVER/ECOSYSTEM ranges,
 * evaluated as the OSV schema prescribes: events in version order, `introduced` opens,
 * `fixed` closes at that version, `last_affected` closes after it. GIT ranges are not about
 * package versions and are skipped.
 */
export function affectedHit(affected: OsvAffected, version: string, scheme: VersionScheme): AffectedHit | undefined {
  const parsed = scheme.parse(version);
  for (const range of affected.ranges ?? []) {
    if ((range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') || !Array.isArray(range.events) || !parsed) continue;
    const hit = inRange(range.events, parsed, scheme);
    if (hit) return hit;
  }
  if (Array.isArray(affected.versions)) {
    for (const listed of affected.versions) {
      if (listed === version) return {};
      const p = parsed && scheme.parse(listed);
      if (p && scheme.compare(p, parsed) === 0) return {};
    }
  }
  return undefined;
}

type Bound = { kind: 'introduced' | 'fixed' | 'last_affected'; text: string; version: unknown };

// Parsed and sorted bounds per events array: a record's ranges are checked against many
// installed versions, so each is parsed once. An array's ecosystem never changes.
const parsedBounds = new WeakMap<OsvEvent[], Bound[] | null>();

function sortedBounds(events: OsvEvent[], scheme: VersionScheme): Bound[] | null {
  const cached = parsedBounds.get(events);
  if (cached !== undefined) return cached;
  let bounds: Bound[] | null = [];
  for (const event of events) {
    for (const kind of ['introduced', 'fixed', 'last_affected'] as const) {
      const text = event?.[kind];
      if (typeof text !== 'string') continue;
      // `introduced: "0"` means "from the very first version", below any real one.
      const v = kind === 'introduced' && text === '0' ? MIN : scheme.parse(text);
      if (v === undefined) bounds = null;
      else bounds?.push({ kind, text, version: v });
    }
  }
  bounds?.sort((a, b) => compareBound(a.version, b.version, scheme));
  parsedBounds.set(events, bounds);
  return bounds;
}

function inRange(events: OsvEvent[], version: unknown, scheme: VersionScheme): AffectedHit | undefined {
  // A range with a version this ecosystem cannot parse is not evaluated (rather than guessed).
  const bounds = sortedBounds(events, scheme);
  if (!bounds) return undefined;
  let vulnerable = false;
  for (const bound of bounds) {
    const cmp = compareBound(version, bound.version, scheme);
    if (bound.kind === 'introduced' && cmp >= 0) vulnerable = true;
    else if (bound.kind === 'fixed' && cmp >= 0) vulnerable = false;
    else if (bound.kind === 'last_affected' && cmp > 0) vulnerable = false;
  }
  if (!vulnerable) return undefined;
  // The closing bound of the interval the version sits in: the first one above it.
  for (const bound of bounds) {
    const cmp = compareBound(version, bound.version, scheme);
    if (bound.kind === 'fixed' && cmp < 0) return { fixed: bound.text };
    if (bound.kind === 'last_affected' && cmp <= 0) return { lastAffected: bound.text };
  }
  return {};
}

const MIN = Symbol('min-version');

function compareBound(a: unknown, b: unknown, scheme: VersionScheme): number {
  if (a === MIN || b === MIN) return a === b ? 0 : a === MIN ? -1 : 1;
  return scheme.compare(a, b);
}
