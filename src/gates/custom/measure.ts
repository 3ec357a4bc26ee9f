// One measurement of a custom gate in one directory (the repository, or a worktree of the base):
// run the command when there is one, then read its exit code, a number, a file's size or a SARIF log.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { errorMessage } from '../../core/errors.js';
import { CommandError, describeCommand, printed, runCommand, type CommandRun } from './command.js';
import { isSarif, readFileOf, type CustomOptions } from './options.js';
import { ReadError, valueFromText } from './read-value.js';
import { readSarif, type SarifRead } from './sarif-input.js';

export type Measurement = { kind: 'value'; value: number } | { kind: 'sarif'; sarif: SarifRead };

export interface MeasureRequest {
  id: string;
  options: CustomOptions;
  /** The repository root or the base worktree: cwd is resolved against it, SARIF paths made relative to it. */
  root: string;
  /** Epoch ms by which the command must be done. */
  deadline: number;
  signal: AbortSignal;
}

export async function measure(request: MeasureRequest): Promise<Measurement> {
  const { options } = request;
  const cwd = resolve(request.root, options.cwd ?? '.');
  const run = options.run ? await runCommand({ argv: options.run, shell: options.shell, cwd, env: options.env, timeoutMs: request.deadline - Date.now(), signal: request.signal }) : undefined;
  const where = run ? describeCommand(options.run!) : `gates.${request.id}`;
  try {
    const text = await sourceText(options, cwd, run);
    const measurement = await readMeasurement(options, cwd, request.root, text, run);
    checkExit(options, measurement, run);
    return measurement;
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    const exit = run && run.exitCode !== 0 ? ` (it exited with code ${run.exitCode})` : '';
    throw new CommandError(`${where}${exit}: ${error.message}${run ? printed(run.all) : ''}`);
  }
}

/** What `read` reads: stdout, or a file the command wrote (never one left over from an earlier run). */
async function sourceText(options: CustomOptions, cwd: string, run: CommandRun | undefined): Promise<string | undefined> {
  if (options.read === 'exit-code' || (typeof options.read === 'object' && 'size' in options.read)) return undefined;
  const file = readFileOf(options.read);
  if (file === undefined) {
    if (!run) throw new ReadError('reads stdout, but there is no command ("run") to print it');
    return run.stdout;
  }
  const path = resolve(cwd, file);
  await fresh(path, file, run);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ReadError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`);
  }
}

async function readMeasurement(options: CustomOptions, cwd: string, root: string, text: string | undefined, run: CommandRun | undefined): Promise<Measurement> {
  const read = options.read;
  if (read === 'exit-code') {
    if (!run) throw new ReadError('reads the exit code, but there is no command ("run")');
    return { kind: 'value', value: run.exitCode };
  }
  if ('size' in read) {
    const path = resolve(cwd, read.size);
    await fresh(path, read.size, run);
    return { kind: 'value', value: (await stat(path)).size };
  }
  if (isSarif(read)) return { kind: 'sarif', sarif: readSarif(text!, cwd, root) };
  return { kind: 'value', value: valueFromText(read, text!) };
}

/** The file must be there and, when a command was to write it, written by this run. */
async function fresh(path: string, name: string, run: CommandRun | undefined): Promise<void> {
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
  } catch (error) {
    throw new ReadError(`${name} is not there (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`);
  }
  // One second of slack for file systems whose timestamps are coarse.
  if (run && mtimeMs < run.startedAt - 1000) throw new ReadError(`${name} was not written by this run (it is older than the command): a stale file is never judged`);
}

/**
 * A tool may exit non-zero to say it found something (eslint, semgrep --error): that is fine
 * when its output says so. A non-zero exit with nothing found, or a build (size) that failed,
 * is a tool that did not do its work: an error, never a pass.
 */
function checkExit(options: CustomOptions, measurement: Measurement, run: CommandRun | undefined): void {
  if (!run || run.exitCode === 0 || options.read === 'exit-code') return;
  if (typeof options.read === 'object' && 'size' in options.read) throw new ReadError('the command failed, so the file it was to write is not judged');
  const nothing = measurement.kind === 'sarif' ? measurement.sarif.results.length === 0 : measurement.value === 0;
  if (nothing) throw new ReadError(`the command failed, yet its output reports nothing: it did not do its work`);
}
