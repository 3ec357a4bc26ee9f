import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { applyNpmAdvisories, type NpmAdvisory } from './npm-advisories.js';
import { type AdvisorySource, SourceError } from './source.js';

const gzipAsync = promisify(gzip);

/**
 * npm's bulk advisory endpoint asked directly, for pnpm-lock.yaml and yarn.lock: it is the
 * endpoint `npm audit`, `yarn npm audit` (yarn 4) and pnpm 12 call, so the answer is theirs
 * without needing those tools installed. The body is `{"name": ["version", …]}`, gzipped as
 * npm sends it. The registry is the `registry` option, else npm's configured one.
 */
export function npmBulkSource(registry: string | undefined): AdvisorySource {
  return {
    name: 'npm bulk advisory endpoint',
    async audit(lockfile, signal) {
      const base = (registry ?? (await npmConfiguredRegistry(signal))).replace(/\/+$/, '');
      const url = `${base}/-/npm/v1/security/advisories/bulk`;
      const versions: Record<string, string[]> = {};
      for (const p of lockfile.packages) {
        const list = (versions[p.name] ??= []);
        if (!list.includes(p.version)) list.push(p.version);
      }
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: await gzipAsync(JSON.stringify(versions)),
          signal,
        });
      } catch (error) {
        throw new SourceError(`cannot reach ${url} (${String((error as { cause?: unknown }).cause ?? (error as Error).message)})`);
      }
      if (!response.ok) throw new SourceError(`${url} answered HTTP ${response.status}`);
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        throw new SourceError(`${url} answered something that is not JSON`);
      }
      return applyNpmAdvisories(parseBulkAnswer(answer, url), lockfile.packages);
    },
  };
}

/** `{"name": [{id, url, title, severity, vulnerable_versions}, …]}` to advisories. */
export function parseBulkAnswer(answer: unknown, url: string): NpmAdvisory[] {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new SourceError(`${url} answered JSON that is not an advisory map`);
  const advisories: NpmAdvisory[] = [];
  for (const [name, list] of Object.entries(answer)) {
    if (!Array.isArray(list)) throw new SourceError(`${url} answered a non-list for ${name}`);
    for (const a of list) {
      if (typeof a?.vulnerable_versions !== 'string') throw new SourceError(`${url} answered an advisory for ${name} without vulnerable_versions`);
      advisories.push({ name, range: a.vulnerable_versions, severity: String(a.severity ?? 'info'), url: a.url, title: a.title, source: a.id });
    }
  }
  return advisories;
}

async function npmConfiguredRegistry(signal: AbortSignal): Promise<string> {
  const { execa } = await import('execa');
  const result = await execa('npm', ['config', 'get', 'registry'], { reject: false, cancelSignal: signal });
  const registry = result.stdout.trim();
  if (result.failed || !/^https?:\/\//.test(registry)) {
    throw new SourceError(`cannot tell npm's registry (npm config get registry: ${result.shortMessage ?? registry}); set gates.audit.registry`);
  }
  return registry;
}
