import type { PackageVulnerability } from '../osv/match.js';
import { vulnerabilityOf } from '../osv/match.js';
import { affectedEcosystem, affectedHit, type OsvRecord } from '../osv/record.js';
import type { LockedPackage } from '../types.js';
import { normalizePackageName, versionScheme } from '../versions/index.js';
import { type AdvisorySource, SourceError } from './source.js';

const BATCH = 1000;
const PARALLEL_FETCHES = 8;

/**
 * The OSV API: `POST /v1/querybatch` says which vulnerability ids affect each package version,
 * `GET /v1/vulns/{id}` gives each record once (severity, fixed version).
 */
export function osvApiSource(baseUrl: string): AdvisorySource {
  const base = baseUrl.replace(/\/+$/, '');
  const records = new Map<string, Promise<OsvRecord>>();
  const record = (id: string, signal: AbortSignal): Promise<OsvRecord> => {
    let found = records.get(id);
    if (!found) records.set(id, (found = requestJson<OsvRecord>(`${base}/v1/vulns/${encodeURIComponent(id)}`, undefined, signal)));
    return found;
  };
  return {
    name: `OSV API ${base}`,
    async audit(lockfile, signal) {
      const packages = lockfile.packages;
      const idsPer: string[][] = [];
      for (let start = 0; start < packages.length; start += BATCH) {
        const chunk = packages.slice(start, start + BATCH);
        const body = { queries: chunk.map((p) => ({ package: { name: p.name, ecosystem: p.ecosystem }, version: p.version })) };
        const answer = await requestJson<{ results?: { vulns?: { id: string }[] }[] }>(`${base}/v1/querybatch`, body, signal);
        if (!Array.isArray(answer.results) || answer.results.length !== chunk.length) {
          throw new SourceError(`${base}/v1/querybatch answered ${answer.results?.length ?? 'no'} results for ${chunk.length} queries`);
        }
        for (const result of answer.results) idsPer.push((result.vulns ?? []).map((v) => v.id));
      }
      const unique = [...new Set(idsPer.flat())];
      for (let i = 0; i < unique.length; i += PARALLEL_FETCHES) {
        await Promise.all(unique.slice(i, i + PARALLEL_FETCHES).map((id) => record(id, signal)));
      }
      const out: PackageVulnerability[] = [];
      for (const [i, ids] of idsPer.entries()) {
        for (const id of ids) out.push({ pkg: packages[i]!, vuln: withBounds(await record(id, signal), packages[i]!) });
      }
      return out;
    },
  };
}

/** The record's severity and the fixed version of the range the package's version falls in. */
function withBounds(record: OsvRecord, pkg: LockedPackage) {
  const vuln = vulnerabilityOf(record);
  const name = normalizePackageName(pkg.ecosystem, pkg.name);
  for (const affected of record.affected ?? []) {
    if (affectedEcosystem(affected) !== pkg.ecosystem || normalizePackageName(pkg.ecosystem, affected.package?.name ?? '') !== name) continue;
    const hit = affectedHit(affected, pkg.version, versionScheme(pkg.ecosystem));
    if (hit) return { ...vuln, ...hit };
  }
  return vuln;
}

async function requestJson<T>(url: string, body: unknown, signal: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    throw new SourceError(`cannot reach ${url} (${(error as Error).cause ? String((error as { cause: unknown }).cause) : (error as Error).message})`);
  }
  if (!response.ok) throw new SourceError(`${url} answered HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new SourceError(`${url} answered something that is not JSON`);
  }
}
