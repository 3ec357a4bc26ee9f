import { now } from '../../core/clock.js';
import { fingerprint } from '../../core/fingerprint.js';
import type { Finding } from '../../core/types.js';
import type { AllowEntry } from './options.js';

export interface Allowlist {
  /** The live entry that accepts this advisory (by its id or an alias), if any. */
  find(ids: readonly string[]): AllowEntry | undefined;
  /** One non-blocking warning per expired entry: it no longer suppresses. */
  expiredWarnings(configFile: string | undefined): Finding[];
}

/** `today` is a YYYY-MM-DD date in UTC; an entry suppresses up to and including its `until` day. */
export function makeAllowlist(entries: readonly AllowEntry[], today: string): Allowlist {
  const live = new Map<string, AllowEntry>();
  const expired: AllowEntry[] = [];
  for (const entry of entries) {
    if (entry.until !== undefined && entry.until < today) expired.push(entry);
    else live.set(entry.id.toUpperCase(), entry);
  }
  return {
    find(ids) {
      for (const id of ids) {
        const entry = live.get(id.toUpperCase());
        if (entry) return entry;
      }
      return undefined;
    },
    expiredWarnings(configFile) {
      return expired.map((entry) => ({
        gate: 'audit',
        ruleId: 'audit/allowlist-expired',
        severity: 'low',
        blocking: false,
        message: `allowlist entry ${entry.id} expired on ${entry.until} and no longer suppresses it (reason was: ${entry.reason})`,
        fix: `fix ${entry.id}, or renew the entry in gates.audit.allow with a new "until" date`,
        ...(configFile ? { file: configFile } : {}),
        fingerprint: fingerprint('audit', 'audit/allowlist-expired', configFile, `${entry.id}@${entry.until}`),
      }));
    },
  };
}

export function todayUtc(at: Date = now()): string {
  return at.toISOString().slice(0, 10);
}
