// The text wfo-gate puts in hook files: shims for a hooks directory, chaining shims that run
// the hook that was there first, and the one line husky hooks gain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-info.js';

export const HOOK_NAMES = ['pre-commit', 'pre-push'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** Marks a file wfo-gate wrote, so install is idempotent and uninstall removes only its own. */
export const SHIM_MARKER = 'installed by `wfo-gate install`';
/** Where a chained hook's original waits, beside the shim that runs it. */
export const CHAINED_SUFFIX = '.wfo-gate-chained';

/**
 * The line a husky hook gains. Husky's runner puts node_modules/.bin on PATH, so the bin is
 * called directly: going through `npx --no --` would add about a second of npm start-up to
 * every commit, for the same resolution.
 */
export function huskyLine(hook: HookName): string {
  // pre-push: git's arguments (the remote's name and URL) reach husky's script as "$@".
  return hook === 'pre-push' ? `wfo-gate hook ${hook} "$@"` : `wfo-gate hook ${hook}`;
}

/** The command line of the shipped `hooks/<name>` script: resolve wfo-gate and node, exec it. */
export function shippedHookLine(hook: HookName): string {
  const text = readFileSync(join(packageRoot(), 'hooks', hook), 'utf8');
  const line = text.split('\n').find((l) => l.includes(`hook ${hook}`) && !l.startsWith('#'));
  if (!line) throw new Error(`wfo-gate: ${join(packageRoot(), 'hooks', hook)} has no command line; reinstall the package`);
  return line;
}

function shellSingleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A hook file for a hooks directory. With `chained`, the hook that was there (moved to
 * `<name>.wfo-gate-chained`) runs first with the same arguments and, for pre-push, the same
 * stdin; a failure stops there with its exit status, as before the install. `nodeDir` is where
 * node was at install time: a GUI client's thin PATH may not have it.
 */
export function shimScript(hook: HookName, options: { chained: boolean; nodeDir: string }): string {
  const line = shippedHookLine(hook);
  const lines = [
    '#!/bin/sh',
    `# wfo-gate ${hook} hook, ${SHIM_MARKER} (\`wfo-gate uninstall\` ${options.chained ? 'puts the original back' : 'removes it'}).`,
    `WFO_GATE_NODE_DIR=${shellSingleQuote(options.nodeDir)}`,
  ];
  if (!options.chained) return [...lines, line, ''].join('\n');
  lines.push('# The hook that was here runs first, as before; its exit status still counts.', `h="\${0%/*}/${hook}${CHAINED_SUFFIX}"`);
  if (hook === 'pre-push') {
    // git writes the refs once; both hooks read them.
    lines.push(
      'i=$(cat)',
      `if [ -x "$h" ]; then printf '%s\\n' "$i" | "$h" "$@" || exit $?; fi`,
      `printf '%s\\n' "$i" | { ${line}; }`,
    );
  } else {
    lines.push(`if [ -x "$h" ]; then "$h" "$@" || exit $?; fi`, line);
  }
  return lines.join('\n') + '\n';
}

export function isOurShim(text: string): boolean {
  return text.includes(SHIM_MARKER);
}
