// A loopback npm registry serving packages packed from this project's node_modules, so a test
// that makes npm install something (the Action's native-addon install) never needs the network.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoopbackServer, startLoopbackServer } from '../audit/helpers/registry-server.js';
import { PROJECT_ROOT, tempDir } from '../helpers/repo.js';

export interface PackRegistry extends LoopbackServer {
  /** Environment for a process that runs npm: this registry, an empty cache, no user config. */
  npmEnv: Record<string, string>;
  /** Names of the packages it serves, sorted. */
  packages: string[];
  /** Names of the packages npm fetched a tarball of, sorted. */
  tarballsServed(): string[];
}

interface Packed {
  name: string;
  version: string;
  filename: string;
  integrity: string;
  shasum: string;
}

/**
 * Packs each named package as installed in node_modules (`npm pack <folder>`) and serves it.
 * `scopes` adds every installed package of those scopes (e.g. the platform binary of a native
 * addon, whatever this machine's platform). A package asked for that is not here gets a 404,
 * which npm tolerates for the other platforms' optional dependencies.
 */
export async function startPackRegistry(names: readonly string[], scopes: readonly string[] = []): Promise<PackRegistry> {
  const fromScopes = scopes.flatMap((scope) => readdirSync(join(PROJECT_ROOT, 'node_modules', scope)).map((name) => `${scope}/${name}`));
  const all = [...new Set([...names, ...fromScopes])];
  const folders = all.map((name) => join(PROJECT_ROOT, 'node_modules', name));
  for (const folder of folders) if (!existsSync(join(folder, 'package.json'))) throw new Error(`${folder} is missing: run npm ci first`);
  const out = tempDir('wfo-npm-pack-');
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out, ...folders], { cwd: out, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } }),
  ) as Packed[];
  const byName = new Map(packed.map((p) => [p.name, p]));
  const served: string[] = [];
  let url = '';
  const server = await startLoopbackServer((req) => {
    const path = decodeURIComponent(req.url.split('?')[0]).slice(1);
    const tarball = /^(.+)\/-\/[^/]+\.tgz$/.exec(path);
    if (tarball) {
      const p = byName.get(tarball[1]);
      if (!p) return undefined;
      served.push(p.name);
      return { status: 200, body: readFileSync(join(out, p.filename)), contentType: 'application/octet-stream' };
    }
    const p = byName.get(path);
    if (!p) return undefined;
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', p.name, 'package.json'), 'utf8')) as Record<string, unknown>;
    const dist = { tarball: `${url}/${p.name}/-/${p.filename}`, integrity: p.integrity, shasum: p.shasum };
    return { status: 200, body: { name: p.name, 'dist-tags': { latest: p.version }, versions: { [p.version]: { ...manifest, dist } } } };
  });
  url = server.url;
  const userconfig = join(tempDir('wfo-npmrc-'), 'npmrc');
  writeFileSync(userconfig, '');
  return {
    ...server,
    npmEnv: {
      npm_config_registry: `${url}/`,
      npm_config_cache: tempDir('wfo-npm-cache-'),
      npm_config_userconfig: userconfig,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_fetch_retries: '0',
    },
    packages: [...byName.keys()].sort(),
    tarballsServed: () => [...served].sort(),
  };
}
