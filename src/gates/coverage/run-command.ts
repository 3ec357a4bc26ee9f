import { execa } from 'execa';

/**
 * Runs the user's command that writes the coverage report (e.g. `npm test -- --coverage`) in the
 * repo root through the shell, its output streamed to stderr so a JSON report on stdout stays
 * clean. Returns why it failed, or undefined on success.
 */
export async function runReportCommand(command: string, cwd: string, signal: AbortSignal): Promise<string | undefined> {
  const result = await execa(command, {
    shell: true,
    cwd,
    stdin: 'ignore',
    stdout: 2,
    stderr: 2,
    reject: false,
    cancelSignal: signal,
  });
  if (!result.failed) return undefined;
  if (result.isCanceled) return `\`${command}\` was cancelled`;
  if (result.exitCode !== undefined) return `\`${command}\` exited with code ${result.exitCode}`;
  return `\`${command}\` failed: ${result.shortMessage}`;
}
