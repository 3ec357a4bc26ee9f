// Runs a custom gate's command: an argv array through execa (a shell only when asked), its
// output captured. A command that cannot start, is killed or times out throws a CommandError
// that names the command and quotes the end of what it printed.
import { execa } from 'execa';
import { quoteUserText } from '../../core/redact-message.js';

export interface CommandRun {
  stdout: string;
  exitCode: number;
  /** stdout and stderr interleaved, for error messages. */
  all: string;
  /** When the command started (epoch ms): files it writes are newer. */
  startedAt: number;
}

export class CommandError extends Error {
  override name = 'CommandError';
}

export interface CommandRequest {
  argv: readonly string[];
  shell: boolean;
  cwd: string;
  env: Record<string, string>;
  /** Time left for this command, in ms. */
  timeoutMs: number;
  signal: AbortSignal;
}

export function describeCommand(argv: readonly string[]): string {
  return `\`${argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}\``;
}

export async function runCommand(request: CommandRequest): Promise<CommandRun> {
  const startedAt = Date.now();
  const [file, ...args] = request.argv;
  const options = {
    cwd: request.cwd,
    env: request.env,
    stdin: 'ignore',
    all: true,
    reject: false,
    timeout: Math.max(100, request.timeoutMs),
    cancelSignal: request.signal,
    maxBuffer: 64 * 1024 * 1024,
    stripFinalNewline: false,
  } as const;
  const result = request.shell ? await execa(request.argv.join(' '), { ...options, shell: true }) : await execa(file!, args, options);
  const all = typeof result.all === 'string' ? result.all : '';
  const what = describeCommand(request.argv);
  if (result.timedOut) throw new CommandError(`${what} timed out after ${formatSeconds(request.timeoutMs)} (raise timeoutMs)${printed(all)}`);
  if (result.isCanceled) throw new CommandError(`${what} was cancelled${printed(all)}`);
  if (result.exitCode === undefined) {
    const why = (result as { code?: string }).code === 'ENOENT' ? `${JSON.stringify(file)} is not installed or not on PATH` : (result.shortMessage ?? 'unknown failure').split('\n')[0];
    throw new CommandError(`${what} could not run: ${why}${printed(all)}`);
  }
  return { stdout: typeof result.stdout === 'string' ? result.stdout : '', exitCode: result.exitCode, all, startedAt };
}

/**
 * `; it printed: …` with the last lines of the output, each a short excerpt of whole words
 * (src/core/redact-message.ts); the runner redacts any secret left in the message.
 */
export function printed(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(-6);
  if (!lines.length) return '; it printed nothing';
  return `; it printed: ${lines.map((l) => quoteUserText(l, 160)).join(' ⏎ ')}`;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
