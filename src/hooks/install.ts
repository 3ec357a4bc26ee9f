// `wfo-gate install`: puts wfo-gate into the pre-commit and pre-push hooks git will really run,
// keeping every hook already there. Idempotent; every change is recorded for `uninstall`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configScope, getConfig, gitPath, type RepoInfo } from '../core/git.js';
import { UsageError } from '../core/errors.js';
import { displayPath, ensureDirectory, placeShim, readIfExists } from './hook-files.js';
import { HOOK_NAMES, isOurShim, shimScript } from './hook-scripts.js';
import { installHusky, isHuskyHooksPath } from './husky.js';
import { readManifest, writeManifest } from './manifest.js';

export interface InstallOptions {
  /** false: never set husky up, use the hooks directory even in a Node repository. */
  husky?: boolean;
}

export type InstallMode = 'husky' | 'hooks-dir';

export interface InstallOutcome {
  mode: InstallMode;
  messages: string[];
}

export async function installHooks(repo: RepoInfo, options: InstallOptions = {}): Promise<InstallOutcome> {
  const changes = (await readManifest(repo.commonDir)) ?? [];
  const recorded = changes.length;
  const hooksPath = await getConfig(repo.root, 'core.hooksPath');
  const hooksDir = await gitPath(repo.root, 'hooks');
  const { mode, why } = await chooseMode(repo.root, hooksPath, hooksDir, options);
  const messages = [`hooks: ${why}`];
  if (mode === 'husky') {
    messages.push(...(await installHusky(repo.root, changes)));
  } else {
    await ensureDirectory(hooksDir, changes);
    const nodeDir = dirname(process.execPath);
    for (const hook of HOOK_NAMES) {
      const result = await placeShim(join(hooksDir, hook), (chained) => shimScript(hook, { chained, nodeDir }), changes);
      const where = displayPath(repo.root, join(hooksDir, hook));
      messages.push(
        result === 'already'
          ? `${where}: already runs wfo-gate`
          : result === 'chained'
            ? `${where}: runs the hook that was there (now ${where}.wfo-gate-chained), then wfo-gate`
            : `${where}: runs wfo-gate`,
      );
    }
  }
  if (changes.length > recorded) await writeManifest(repo.commonDir, changes);
  messages.push(changes.length > recorded ? 'undo with `wfo-gate uninstall`; check with `wfo-gate doctor`' : 'nothing to change: the hooks were already installed');
  return { mode, messages };
}

async function chooseMode(root: string, hooksPath: string | undefined, hooksDir: string, options: InstallOptions): Promise<{ mode: InstallMode; why: string }> {
  if (isHuskyHooksPath(hooksPath)) return { mode: 'husky', why: 'husky manages this repository\'s hooks: adding wfo-gate to them' };
  if (hooksPath) {
    const scope = await configScope(root, 'core.hooksPath');
    if (scope && scope !== 'local' && scope !== 'worktree') {
      // A shim there would run in every repository that shares the setting, most without wfo-gate.
      throw new UsageError(`core.hooksPath (${hooksPath}) comes from your ${scope} git config, so its hooks run in every repository: wfo-gate will not write there`, [
        'Either give this repository its own hooks: `git config --local core.hooksPath .git/hooks && wfo-gate install`',
        `or add \`wfo-gate hook pre-commit\` / \`wfo-gate hook pre-push\` to the hooks in ${hooksPath} yourself, guarded by \`[ -x node_modules/.bin/wfo-gate ]\`.`,
      ]);
    }
    return { mode: 'hooks-dir', why: `core.hooksPath is ${hooksPath}: chaining in that directory` };
  }
  if (options.husky === false) return { mode: 'hooks-dir', why: 'plain git hooks (--no-husky)' };
  if (!existsSync(join(root, 'package.json'))) return { mode: 'hooks-dir', why: 'not a Node project: plain git hooks' };
  for (const hook of HOOK_NAMES) {
    const existing = await readIfExists(join(hooksDir, hook));
    if (existing) {
      // husky would point git elsewhere and silently stop the hooks that are there.
      const why = isOurShim(existing.toString('utf8')) ? 'wfo-gate already has hooks here' : `${hook} hook already in ${displayPath(root, hooksDir)}: chaining, not husky (which would stop it running)`;
      return { mode: 'hooks-dir', why };
    }
  }
  return { mode: 'husky', why: 'Node project: setting up husky' };
}
