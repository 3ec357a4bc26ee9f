import { Command, CommanderError } from 'commander';
import { UsageError, errorMessage } from '../core/errors.js';
import { packageVersion } from '../core/package-info.js';
import { redactMessages } from '../core/redact-message.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCost } from './commands/cost.js';
import { registerHooks } from './commands/hooks.js';
import { registerInit } from './commands/init.js';
import { registerMerge } from './commands/merge.js';
import { registerRules } from './commands/rules.js';
import { registerRun } from './commands/run.js';

/** Parses argv, runs the command, and returns the exit code: 0 pass, 1 blocked, 2 usage/config error. */
export async function main(args: string[]): Promise<number> {
  const program = new Command('wfo-gate')
    .description('Stops unsafe changes before they land: secrets, SAST, dependency audit, coverage, .env files and cost budget.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run `wfo-gate --help` for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  program.addHelpText(
    'after',
    `
Examples:
  $ wfo-gate                          check the whole tree with the gates in config "ci"
  $ wfo-gate run --staged             what a pre-commit hook checks
  $ wfo-gate run --base origin/main   what a pull request adds (diff-aware)
  $ wfo-gate run --gate secrets --format sarif --output wfo-gate.sarif
  $ wfo-gate init                     write wfo-gate.config.json and install the git hooks

Exit codes: 0 pass (warnings allowed), 1 a gate blocked, 2 usage or configuration error.`,
  );
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerRun(program, setExit);
  registerInit(program, setExit);
  registerMerge(program, setExit);
  registerBaseline(program, setExit);
  registerRules(program, setExit);
  registerHooks(program, setExit);
  registerCost(program);

  try {
    // No command given: `wfo-gate` means `wfo-gate run`.
    const argv = args.length === 0 || (args[0].startsWith('-') && !['-h', '--help', '-V', '--version'].includes(args[0])) ? ['run', ...args] : args;
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return await handleError(error);
  }
  return Math.max(exitCode, typeof process.exitCode === 'number' ? process.exitCode : 0);
}

async function handleError(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
  }
  // An error message may quote a file or an argument: redact it before it is shown.
  if (error instanceof UsageError) {
    const [message, ...details] = await redactMessages([error.message, ...error.details]);
    process.stderr.write(`wfo-gate: ${message}\n`);
    for (const line of details) process.stderr.write(`  ${line}\n`);
    return 2;
  }
  process.stderr.write(`wfo-gate: ${(await redactMessages([errorMessage(error)]))[0]}\n`);
  if (process.env.WFO_GATE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('  (set WFO_GATE_DEBUG=1 for details, and report it if it looks like a bug in wfo-gate)\n');
  return 2;
}
