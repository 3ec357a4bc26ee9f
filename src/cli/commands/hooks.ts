import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { RepoInfo } from '../../core/git.js';

const HOOKS = ['pre-commit', 'pre-push'];

/** `hook`, `install`, `uninstall`, `doctor`: the git-hook side. Work modules load only for the command run. */
export function registerHooks(program: Command, setExit: (code: number) => void): void {
  program
    .command('hook')
    .description('what the git hooks run: pre-commit checks the index, pre-push every pushed commit (gates from config "hooks")')
    .argument('<name>', HOOKS.join(' | '))
    .argument('[git-args...]', "what git passes the hook (pre-push: the remote's name and URL; the refs come on stdin)")
    .option('--config <file>', 'configuration file (default: wfo-gate.config.json or package.json "wfo-gate")')
    .option('--no-color', 'no colours (also: NO_COLOR)')
    .addHelpText(
      'after',
      `
Skip once: git commit --no-verify, or WFO_GATE_SKIP=secrets,env-ignore git commit … (prints a warning).
Examples:
  $ wfo-gate hook pre-commit
  $ echo "refs/heads/main $(git rev-parse HEAD) refs/heads/main $(git rev-parse origin/main)" | wfo-gate hook pre-push origin`,
    )
    .action(async (name: string, gitArgs: string[], flags: { config?: string; color: boolean }) => {
      if (!HOOKS.includes(name)) throw new UsageError(`hook: unknown hook "${name}"`, [`Hooks: ${HOOKS.join(', ')}.`]);
      const [{ runPreCommit, runPrePush }, { useColor }] = await Promise.all([import('../../hooks/run-hook.js'), import('../outputs.js')]);
      const options = { cwd: process.cwd(), config: flags.config, skip: process.env.WFO_GATE_SKIP, color: useColor(!flags.color, process.stderr) };
      const result = name === 'pre-commit' ? await runPreCommit(options) : await runPrePush({ ...options, ...(await pushInput(gitArgs)) });
      // Git shows a hook's stderr in terminals and GUI clients alike.
      process.stderr.write(result.output);
      setExit(result.exitCode);
    });

  program
    .command('install')
    .description('add wfo-gate to the pre-commit and pre-push hooks (husky in a Node project; chains existing hooks)')
    .option('--no-husky', 'plain git hooks even in a Node project')
    .action(async (flags: { husky: boolean }) => {
      const { installHooks } = await import('../../hooks/install.js');
      const outcome = await installHooks(await requireRepo('install'), { husky: flags.husky });
      for (const line of outcome.messages) process.stdout.write(`${line}\n`);
      setExit(0);
    });

  program
    .command('uninstall')
    .description('remove exactly what `wfo-gate install` added, restoring the hooks that were there')
    .action(async () => {
      const { uninstallHooks } = await import('../../hooks/uninstall.js');
      const outcome = await uninstallHooks(await requireRepo('uninstall'));
      for (const line of outcome.messages) process.stdout.write(`${line}\n`);
      setExit(0);
    });

  program
    .command('doctor')
    .description('say whether the hooks will really run here, and the command that fixes each problem (exit 1 on a problem)')
    .action(async () => {
      const { diagnose, renderDoctor } = await import('../../hooks/doctor.js');
      const checks = await diagnose(await requireRepo('doctor'));
      process.stdout.write(renderDoctor(checks));
      setExit(checks.every((c) => c.ok) ? 0 : 1);
    });
}

async function requireRepo(command: string): Promise<RepoInfo> {
  const { repoInfo } = await import('../../core/git.js');
  const repo = await repoInfo(process.cwd());
  if (!repo) throw new UsageError(`${command}: ${process.cwd()} is not inside a git repository`, ['Run it in the repository whose hooks you mean (`git init` first for a new one).']);
  return repo;
}

/** Git's stdin refs and remote name; the pre-commit framework passes them in PRE_COMMIT_* variables instead. */
async function pushInput(gitArgs: string[]): Promise<{ remote: string; refs: string }> {
  const { refsFromPreCommitFramework } = await import('../../hooks/push-refs.js');
  const framework = refsFromPreCommitFramework(process.env);
  if (framework) return { remote: framework.remote ?? gitArgs[0] ?? 'origin', refs: framework.refs };
  return { remote: gitArgs[0] ?? 'origin', refs: await readStdin() };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError('hook pre-push reads the refs being pushed from stdin, as git sends them', [
      'It runs from `git push` once installed (`wfo-gate install`); to try it by hand, pipe "<local ref> <local sha> <remote ref> <remote sha>" lines into it.',
    ]);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
