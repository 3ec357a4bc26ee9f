import type { OsvRecord } from '../../../src/gates/audit/osv/record.js';

/**
 * npm's bulk advisory answer for the requested names, built from OSV records the way GitHub
 * publishes them to npm: one advisory per (record, package) with the ranges joined by `||`.
 */
export function bulkAnswer(records: readonly OsvRecord[], requested: Record<string, string[]>): Record<string, unknown[]> {
  const answer: Record<string, unknown[]> = {};
  let id = 1000;
  for (const name of Object.keys(requested)) {
    for (const record of records) {
      const ranges = (record.affected ?? [])
        .filter((a) => a.package?.ecosystem === 'npm' && a.package.name?.toLowerCase() === name.toLowerCase())
        .flatMap((a) => a.ranges ?? [])
        .map((r) => {
          const introduced = r.events.find((e) => e.introduced)?.introduced;
          const fixed = r.events.find((e) => e.fixed)?.fixed;
          const last = r.events.find((e) => e.last_affected)?.last_affected;
          return [introduced && introduced !== '0' ? `>=${introduced}` : '', fixed ? `<${fixed}` : last ? `<=${last}` : ''].filter(Boolean).join(' ') || '*';
        });
      if (ranges.length === 0) continue;
      const label = String(record.database_specific?.severity ?? 'moderate').toLowerCase();
      (answer[name] ??= []).push({
        id: id++,
        url: `https://github.com/advisories/${record.id}`,
        title: `advisory ${record.id}`,
        severity: label,
        vulnerable_versions: ranges.join(' || '),
      });
    }
  }
  return answer;
}
