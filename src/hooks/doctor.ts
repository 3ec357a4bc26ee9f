// `wfo-gate doctor`: will the hooks really run here, and if not, the one command that fixes it.
// Hooks silently not running is the most common complaint about hook managers, so each check
// names a cause seen in the field.
import { constants, existsSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { getConfig, gitPath, type RepoInfo } from '../core/git.js';
import { displayPath, readIfExists } from './hook-files.js';
import { HOOK_NAMES, huskyLine, isOurShim, type HookName } from './hook-scripts.js';
import { HUSKY_HOOKS_PATH, isHuskyHooksPath } from './husky.js';

export interface Check {
  ok: boolean;
  what: string;
  /** The one command that fixes it (problems only). */
  fix?: string;
}

/** What a GUI git client (or a cron job) typically gives a hook. */
export const THIN_PATH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];

export async function diagnose(repo: RepoInfo, env: NodeJS.ProcessEnv = process.env): Promise<Check[]> {
  const root = repo.root;
  const hooksPath = await getConfig(root, 'core.hooksPath');
  const hooksDir = await gitPath(root, 'hooks');
  const husky = isHuskyHooksPath(hooksPath);
  const checks: Check[] = [];
  for (const hook of HOOK_NAMES) checks.push(husky ? await huskyHook(root, hooksDir, hook) : await plainHook(root, hooksDir, hooksPath, hook));
  checks.push(await binaryOnThinPath(root));
  checks.push(husky ? await nodeOnThinPath(env) : await nodeForShims(hooksDir));
  if (husky) checks.push(...(await installScripts(root, env)));
  if (env.HUSKY === '0' && husky) checks.push({ ok: false, what: 'HUSKY=0 is set in this environment: husky skips every hook', fix: 'unset HUSKY' });
  return checks;
}

async function huskyHook(root: string, hooksDir: string, hook: HookName): Promise<Check> {
  if (!existsSync(join(hooksDir, hook))) {
    return {
      ok: false,
      what: `${hook}: core.hooksPath is ${HUSKY_HOOKS_PATH} but ${displayPath(root, hooksDir)}/${hook} does not exist (husky's generated, git-ignored folder is missing: a new linked worktree, or install scripts did not run), so no hook runs`,
      fix: 'npx husky',
    };
  }
  const script = (await readIfExists(join(root, '.husky', hook)))?.toString('utf8') ?? '';
  if (!script.split('\n').some((l) => l.includes('wfo-gate hook'))) {
    return { ok: false, what: `${hook}: .husky/${hook} does not call wfo-gate`, fix: 'npx wfo-gate install' };
  }
  return { ok: true, what: `${hook}: husky runs .husky/${hook}, which calls \`${huskyLine(hook)}\`` };
}

async function plainHook(root: string, hooksDir: string, hooksPath: string | undefined, hook: HookName): Promise<Check> {
  const path = join(hooksDir, hook);
  const where = displayPath(root, path);
  const via = hooksPath ? ` (core.hooksPath is ${hooksPath})` : '';
  const text = (await readIfExists(path))?.toString('utf8');
  if (text === undefined && (await readIfExists(join(root, '.husky', hook)))?.toString('utf8').includes('wfo-gate hook')) {
    // The repository is set up for husky, but husky was never turned on in this clone.
    return {
      ok: false,
      what: `${hook}: .husky/${hook} calls wfo-gate, but husky is not active here (core.hooksPath is not set: install scripts did not run), so nothing runs on git ${hook.slice(4)}`,
      fix: 'npx husky',
    };
  }
  if (text === undefined) return { ok: false, what: `${hook}: no hook at ${where}${via}, so nothing runs on git ${hook.slice(4)}`, fix: 'npx wfo-gate install' };
  if (!(await isExecutable(path))) return { ok: false, what: `${hook}: ${where} is not executable, so git skips it`, fix: `chmod +x ${shellArg(where)}` };
  if (!isOurShim(text) && !text.includes('wfo-gate hook')) {
    return { ok: false, what: `${hook}: ${where}${via} does not call wfo-gate`, fix: 'npx wfo-gate install' };
  }
  return { ok: true, what: `${hook}: ${where} runs wfo-gate` };
}

/** The hook scripts look in ./node_modules/.bin first, then PATH, which may be thin. */
async function binaryOnThinPath(root: string): Promise<Check> {
  const local = join(root, 'node_modules', '.bin', 'wfo-gate');
  if (await isExecutable(local)) return { ok: true, what: 'wfo-gate: found at node_modules/.bin/wfo-gate (needs no PATH)' };
  const found = await findOnPath('wfo-gate', THIN_PATH);
  if (found) return { ok: true, what: `wfo-gate: found at ${found}, on a GUI client's PATH too` };
  return {
    ok: false,
    what: `wfo-gate: not in node_modules/.bin, nor on the PATH a GUI git client gives hooks (${THIN_PATH.join(':')}), so the hooks stop with "wfo-gate: not found"`,
    fix: 'npm install --save-dev wfo-gate',
  };
}

/**
 * husky puts node_modules/.bin on PATH, but wfo-gate's bin still needs `node`; a GUI client's
 * PATH may lack it (nvm, Homebrew).
 */
async function nodeOnThinPath(env: NodeJS.ProcessEnv): Promise<Check> {
  if (await findOnPath('node', THIN_PATH)) return { ok: true, what: `node: on a GUI client's PATH (${THIN_PATH.join(':')})` };
  const init = join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'husky', 'init.sh');
  const text = (await readIfExists(init))?.toString('utf8');
  if (text?.includes('PATH')) return { ok: true, what: `node: ${displayPath(homedir(), init)} sets PATH for husky hooks` };
  const dir = dirname(process.execPath);
  return {
    ok: false,
    what: `node: not on the PATH a GUI git client gives hooks (${THIN_PATH.join(':')}); husky hooks run from one fail with "command not found"`,
    fix: `mkdir -p "${dirname(init)}" && echo 'export PATH="${dir}:$PATH"' >> "${init}"`,
  };
}

/** The shims add WFO_GATE_NODE_DIR (node's folder at install time) to a thin PATH. */
async function nodeForShims(hooksDir: string): Promise<Check> {
  if (await findOnPath('node', THIN_PATH)) return { ok: true, what: `node: on a GUI client's PATH (${THIN_PATH.join(':')})` };
  const text = (await readIfExists(join(hooksDir, 'pre-commit')))?.toString('utf8') ?? '';
  const recorded = /^WFO_GATE_NODE_DIR='([^']*)'/m.exec(text)?.[1];
  if (recorded && (await isExecutable(join(recorded, 'node')))) return { ok: true, what: `node: the hooks fall back to ${recorded}/node` };
  return {
    ok: false,
    what: `node: not on the PATH a GUI git client gives hooks${recorded ? `, and ${recorded}/node (recorded at install) is gone` : ''}`,
    fix: 'npx wfo-gate uninstall && npx wfo-gate install',
  };
}

/** husky is turned on by the `prepare` script; a package manager that skips scripts leaves fresh clones without hooks. */
async function installScripts(root: string, env: NodeJS.ProcessEnv): Promise<Check[]> {
  const blockers: string[] = [];
  if (/^(?:1|true)$/i.test(env.npm_config_ignore_scripts ?? '')) blockers.push('npm_config_ignore_scripts is set in the environment');
  for (const npmrc of [join(root, '.npmrc'), join(homedir(), '.npmrc')]) {
    const text = (await readIfExists(npmrc))?.toString('utf8') ?? '';
    if (/^\s*ignore-scripts\s*=\s*true\s*$/m.test(text)) blockers.push(`${displayPath(root, npmrc)} has ignore-scripts=true`);
  }
  const yarnrc = (await readIfExists(join(root, '.yarnrc.yml')))?.toString('utf8') ?? '';
  if (/^\s*enableScripts:\s*false\s*$/m.test(yarnrc)) blockers.push('.yarnrc.yml has enableScripts: false');
  const pkg = await readFile(join(root, 'package.json'), 'utf8').catch(() => '');
  const prepareRunsHusky = /"prepare"\s*:\s*"[^"]*\bhusky\b/.test(pkg);
  const checks: Check[] = [];
  if (blockers.length) {
    checks.push({
      ok: false,
      what: `install scripts are blocked (${blockers.join('; ')}): the prepare script that turns husky on will not run after a fresh clone or npm install`,
      fix: 'npx husky',
    });
  }
  if (!prepareRunsHusky) checks.push({ ok: false, what: 'package.json "prepare" does not run husky: a fresh clone gets no hooks', fix: 'npx wfo-gate install' });
  return checks;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findOnPath(name: string, dirs: readonly string[]): Promise<string | undefined> {
  for (const dir of dirs) {
    if (await isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function shellArg(text: string): string {
  return /^[\w./@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function renderDoctor(checks: readonly Check[]): string {
  const lines = ['wfo-gate doctor: will the git hooks run here?'];
  for (const check of checks) {
    lines.push(`  ${check.ok ? '✔' : '✖'} ${check.what}`);
    if (!check.ok && check.fix) lines.push(`      fix: ${check.fix}`);
  }
  const problems = checks.filter((c) => !c.ok).length;
  lines.push(problems ? `${problems} problem(s): the hooks will not block what they should until fixed` : 'all good: the hooks will run');
  return lines.join('\n') + '\n';
}
