// Husky, set up as `husky init` would: devDependency, `prepare` script, `.husky/<hook>` files
// (each gaining the wfo-gate line, existing lines kept), and husky's own `.husky/_` activation.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { getConfig, setConfig } from '../core/git.js';
import { readProject } from '../core/project.js';
import { UsageError } from '../core/errors.js';
import { appendLine, editFile, ensureDirectory, readIfExists } from './hook-files.js';
import { HOOK_NAMES, huskyLine } from './hook-scripts.js';
import type { Change } from './manifest.js';

export const HUSKY_RANGE = '^9.1.7';
/** husky 9 points core.hooksPath here; husky 4-8 used `.husky` itself. */
export const HUSKY_HOOKS_PATH = '.husky/_';

export function isHuskyHooksPath(hooksPath: string | undefined): boolean {
  return hooksPath !== undefined && /^(?:\.\/)?\.husky\/?(?:_\/?)?$/.test(hooksPath);
}

/** husky's bin.js as the repository resolves it, or undefined when husky is not installed there. */
export function resolveHuskyBin(root: string): string | undefined {
  try {
    return join(dirname(createRequire(join(root, 'package.json')).resolve('husky')), 'bin.js');
  } catch {
    return undefined;
  }
}

export async function installHusky(root: string, changes: Change[]): Promise<string[]> {
  const messages: string[] = [];
  if (await addToPackageJson(root, changes)) {
    const manager = readProject(root).packageManager ?? 'npm';
    messages.push(
      `package.json: husky (${HUSKY_RANGE}) in devDependencies, \`husky\` in the prepare script` +
        (resolveHuskyBin(root) ? '' : ` (run \`${manager} install\` once so your lockfile records it; the hooks work already)`),
    );
  }
  const dir = join(root, '.husky');
  await ensureDirectory(dir, changes);
  for (const hook of HOOK_NAMES) {
    const result = await appendLine(join(dir, hook), huskyLine(hook), changes);
    messages.push(result === 'already' ? `.husky/${hook}: already runs wfo-gate` : `.husky/${hook}: ${result === 'created' ? 'created with' : 'added'} \`${huskyLine(hook)}\``);
  }
  messages.push(...(await activateHusky(root, changes)));
  return messages;
}

/**
 * Turns husky on now, so the hooks block from the first commit whatever the package manager
 * does with install scripts: the repository's husky when it is installed (what `npm install`
 * does through `prepare`), otherwise wfo-gate writes what husky 9 writes itself. Either way the
 * setting and the generated folder are recorded, so uninstall puts back the state before.
 */
async function activateHusky(root: string, changes: Change[]): Promise<string[]> {
  const before = await getConfig(root, 'core.hooksPath');
  if (isHuskyHooksPath(before) && (existsSync(join(root, HUSKY_HOOKS_PATH, 'h')) || before === '.husky')) return ['husky: active'];
  if (process.env.HUSKY === '0') {
    throw new UsageError('HUSKY=0 is set in this environment, so husky would skip every hook: the hooks were not turned on', [
      'Unset HUSKY and run `wfo-gate install` again.',
    ]);
  }
  const generated = join(root, HUSKY_HOOKS_PATH);
  const existed = existsSync(generated);
  const bin = resolveHuskyBin(root);
  if (bin) {
    const result = await execa(process.execPath, [bin], { cwd: root, reject: false });
    if ((await getConfig(root, 'core.hooksPath')) !== HUSKY_HOOKS_PATH) {
      throw new UsageError(`husky did not turn the hooks on: ${(result.stdout + result.stderr).trim() || `exit ${result.exitCode}`}`, [
        'Run `npx husky` in the repository and look at what it says (HUSKY=0 in the environment skips it).',
      ]);
    }
  } else {
    await writeHuskyRunner(generated);
    await setConfig(root, 'core.hooksPath', HUSKY_HOOKS_PATH);
  }
  if (before !== HUSKY_HOOKS_PATH) changes.push({ kind: 'git-config', key: 'core.hooksPath', value: HUSKY_HOOKS_PATH, ...(before === undefined ? {} : { before }) });
  if (!existed) changes.push({ kind: 'directory', path: generated });
  return [
    bin
      ? `husky: active (core.hooksPath=${HUSKY_HOOKS_PATH})`
      : `husky: active (core.hooksPath=${HUSKY_HOOKS_PATH}, written as husky ${HUSKY_RANGE.slice(1)} writes it; husky itself comes with your next install)`,
  ];
}

/** The hooks husky 9 generates in `.husky/_`, each one sourcing its runner `h`. */
export const HUSKY_GENERATED_HOOKS = [
  'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'applypatch-msg', 'pre-applypatch',
  'post-applypatch', 'pre-rebase', 'post-rewrite', 'post-checkout', 'post-merge', 'pre-push', 'pre-auto-gc',
] as const;

/**
 * husky 9.1.7's runner (`node_modules/husky/husky`, MIT), byte for byte: it runs `.husky/<hook>`
 * with node_modules/.bin on PATH. A test compares it with the installed husky's.
 */
export const HUSKY_RUNNER = `#!/usr/bin/env sh
[ "$HUSKY" = "2" ] && set -x
n=$(basename "$0")
s=$(dirname "$(dirname "$0")")/$n

[ ! -f "$s" ] && exit 0

if [ -f "$HOME/.huskyrc" ]; then
	echo "husky - '~/.huskyrc' is DEPRECATED, please move your code to ~/.config/husky/init.sh"
fi
i="\${XDG_CONFIG_HOME:-$HOME/.config}/husky/init.sh"
[ -f "$i" ] && . "$i"

[ "\${HUSKY-}" = "0" ] && exit 0

export PATH="node_modules/.bin:$PATH"
sh -e "$s" "$@"
c=$?

[ $c != 0 ] && echo "husky - $n script failed (code $c)"
[ $c = 127 ] && echo "husky - command not found in PATH=$PATH"
exit $c
`;

/** husky 9's `.husky/_/husky.sh`: what a husky 4-8 style hook that still sources it prints. */
const HUSKY_DEPRECATED_SH = `echo "husky - DEPRECATED

Please remove the following two lines from $0:

#!/usr/bin/env sh
. \\"\\$(dirname -- \\"\\$0\\")/_/husky.sh\\"

They WILL FAIL in v10.0.0
"`;

/** What `husky` (9) writes into `.husky/_`; running husky later rewrites the same files. */
async function writeHuskyRunner(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, '.gitignore'), '*');
  await writeFile(join(dir, 'h'), HUSKY_RUNNER, { mode: 0o644 });
  for (const hook of HUSKY_GENERATED_HOOKS) await writeFile(join(dir, hook), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"', { mode: 0o755 });
  await writeFile(join(dir, 'husky.sh'), HUSKY_DEPRECATED_SH);
}

/** Adds husky to devDependencies and to the prepare script, as `husky init` does; false when both were there. */
async function addToPackageJson(root: string, changes: Change[]): Promise<boolean> {
  const path = join(root, 'package.json');
  const before = await readIfExists(path);
  if (!before) return false;
  const text = before.toString('utf8');
  let pkg: Record<string, any>;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`package.json is not valid JSON (${(error as Error).message}), so husky cannot be added to it`, [
      'Fix package.json, or install plain git hooks instead: `wfo-gate install --no-husky`.',
    ]);
  }
  let changed = false;
  if (!pkg.devDependencies?.husky && !pkg.dependencies?.husky) {
    const devDependencies = { ...(pkg.devDependencies ?? {}), husky: HUSKY_RANGE };
    pkg.devDependencies = Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    changed = true;
  }
  const prepare: unknown = pkg.scripts?.prepare;
  if (typeof prepare !== 'string' || !/\bhusky\b/.test(prepare)) {
    pkg.scripts = { ...(pkg.scripts ?? {}), prepare: typeof prepare === 'string' && prepare.trim() ? `${prepare} && husky` : 'husky' };
    changed = true;
  }
  if (!changed) return false;
  await editFile(path, before, JSON.stringify(pkg, null, indentOf(text)) + (text.endsWith('\n') ? '\n' : ''), changes);
  return true;
}

function indentOf(text: string): string | number {
  const m = /^[{[]\s*\n([ \t]+)/.exec(text);
  return m ? m[1] : 2;
}
