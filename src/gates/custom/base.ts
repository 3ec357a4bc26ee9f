// The base of a change, measured the same way: from a report the user points to, or by running
// the command on a git worktree of the base commit (node_modules linked in, so `npx tool` works).
import { existsSync, symlinkSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addWorktree, removeWorktree } from '../../core/git.js';
import { errorMessage } from '../../core/errors.js';
import { fingerprints } from './fingerprints.js';
import { CommandError } from './command.js';
import { measure } from './measure.js';
import { isSarif, type CustomOptions } from './options.js';
import { ReadError, parseJson, valueFromText } from './read-value.js';
import { readSarif } from './sarif-input.js';

export type BaseMeasurement = { kind: 'value'; value: number } | { kind: 'fingerprints'; fingerprints: Set<string> };

export interface BaseRequest {
  id: string;
  options: CustomOptions;
  root: string;
  /** The base commit. */
  commit: string;
  deadline: number;
  signal: AbortSignal;
}

export async function measureBase(request: BaseRequest): Promise<BaseMeasurement> {
  const { options } = request;
  if (options.base.report) return fromReport(request, options.base.report);
  if (!options.run) throw new CommandError(`gates.${request.id}: comparing with the base needs "base.report" or a command ("run") to measure the base with`);
  const parent = await mkdtemp(join(tmpdir(), 'wfo-gate-base-'));
  const tree = join(parent, 'tree');
  try {
    await addWorktree(request.root, tree, request.commit);
    linkDependencies(request.root, tree, options.cwd);
    const measured = await measure({ id: request.id, options, root: tree, deadline: request.deadline, signal: request.signal }).catch((error) => {
      throw new CommandError(`on the base ${request.commit.slice(0, 12)}: ${errorMessage(error)}`);
    });
    if (measured.kind === 'value') return measured;
    return { kind: 'fingerprints', fingerprints: new Set((await fingerprints(request.id, measured.sarif.results, tree)).values()) };
  } finally {
    await removeWorktree(request.root, tree).catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
  }
}

/** The base commit's checkout has no installed dependencies: it borrows the repository's. */
function linkDependencies(root: string, tree: string, cwd: string | undefined): void {
  for (const dir of new Set(['.', cwd ?? '.'])) {
    const from = resolve(root, dir, 'node_modules');
    const to = resolve(tree, dir, 'node_modules');
    if (existsSync(from) && !existsSync(to) && existsSync(resolve(tree, dir))) symlinkSync(from, to, 'dir');
  }
}

async function fromReport(request: BaseRequest, file: string): Promise<BaseMeasurement> {
  const { id, options, root } = request;
  const path = resolve(root, file);
  const fail = (why: string) => new CommandError(`gates.${id}.base.report ${file}: ${why}`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fail(`cannot read it (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`);
  }
  try {
    const report = looksLikeReport(text);
    if (report) {
      const gate = report.gates?.find((g) => g?.gate === id);
      if (!gate) throw new ReadError(`a wfo-gate report without the gate "${id}"`);
      if (isSarif(options.read)) return { kind: 'fingerprints', fingerprints: new Set([...(gate.findings ?? []), ...(gate.suppressed ?? [])].map((f) => String(f.fingerprint))) };
      if (typeof gate.measure?.value !== 'number') throw new ReadError(`its "${id}" gate has no measured value (status ${String(gate.status)})`);
      return { kind: 'value', value: gate.measure.value };
    }
    const read = options.read;
    if (read === 'exit-code') throw new ReadError('an exit code cannot be read from a file: point base.report at a wfo-gate JSON report of the base');
    if ('size' in read) return { kind: 'value', value: (await stat(path)).size };
    if (isSarif(read)) return { kind: 'fingerprints', fingerprints: new Set((await fingerprints(id, readSarif(text, root, root).results, root)).values()) };
    return { kind: 'value', value: valueFromText(read, text) };
  } catch (error) {
    if (error instanceof ReadError) throw fail(error.message);
    throw error;
  }
}

interface ReportShape {
  gates?: { gate?: string; status?: string; measure?: { value?: unknown }; findings?: { fingerprint?: unknown }[]; suppressed?: { fingerprint?: unknown }[] }[];
}

function looksLikeReport(text: string): ReportShape | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch {
    return undefined;
  }
  const tool = (doc as { tool?: { name?: unknown } }).tool;
  return tool?.name === 'wfo-gate' ? (doc as ReportShape) : undefined;
}
