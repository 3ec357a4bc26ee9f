import type { Command } from 'commander';
import { resolve } from 'node:path';
import { knownGates } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { exitCodeFor, runGates } from '../../core/runner.js';
import type { GateId, Report, ScopeKind } from '../../core/types.js';
import { openContext, openScope, gatesFromFlag, type RunContext } from '../context.js';
import { parseFormat, render, useColor, writeOutput, type Format } from '../outputs.js';
import type { ScopeRequest } from '../../core/scope.js';
import { parseShard } from '../../core/shard.js';

export interface RunFlags {
  all?: boolean;
  staged?: boolean;
  base?: string;
  range?: string;
  files?: string[];
  history?: boolean;
  since?: string;
  gate?: string;
  format: string;
  output?: string;
  json?: string;
  sarif?: string;
  markdown?: string;
  config?: string;
  color: boolean;
  quiet?: boolean;
  maxFileSize?: string;
  baseReport?: string;
  shard?: string;
  /** false with --no-cache (commander's default for a --no- flag is true). */
  cache?: boolean;
}

export function registerRun(program: Command, setExit: (code: number) => void): void {
  program
    .command('run', { isDefault: true })
    .description('run the gates on a scope and print the verdict')
    .argument('[paths...]', 'files to check as they are on disk (same as --files)')
    .option('--all', 'the whole tree: tracked and untracked-not-ignored files, from disk (default)')
    .option('--staged', 'what is staged: content from the index, only added lines block')
    .option('--base <ref>', 'what the branch adds since its merge base with <ref>, as in a pull request')
    .option('--range <from..to>', 'the commits from..to, each commit checked')
    .option('--files <paths...>', 'the given files as they are on disk (for lint-staged)')
    .option('--history', 'every commit of history (secrets), like `gitleaks git`')
    .option('--since <rev>', 'with --history: only commits after <rev>')
    .option('--gate <ids>', 'comma-separated gates to run (default: config "ci"; with --staged, "hooks.pre-commit")')
    .option('--format <format>', 'pretty | json | sarif | markdown', 'pretty')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--json <file>', 'also write the JSON report to <file>')
    .option('--sarif <file>', 'also write SARIF 2.1.0 to <file>')
    .option('--markdown <file>', 'also write markdown to <file>')
    .option('--config <file>', 'configuration file (default: wfo-gate.config.json or package.json "wfo-gate")')
    .option('--no-color', 'no colours (also: NO_COLOR)')
    .option('--quiet', 'only blocking findings and the verdict')
    .option('--max-file-size <bytes>', 'skip (and count) files larger than this')
    .option('--base-report <file>', "coverage: the base branch's coverage report, for the delta")
    .option('--no-cache', 'scan every file again: neither read nor write .wfo-gate/cache/ (config: "cache": false)')
    .option('--shard <i/n>', 'check part i of n (files and commits split by a hash of their name); join the parts with `wfo-gate merge`')
    .addHelpText(
      'after',
      `
Examples:
  $ wfo-gate run                               whole tree, gates from config "ci"
  $ wfo-gate run --staged --gate secrets,env-ignore
  $ wfo-gate run --base origin/main --json report.json --sarif report.sarif
  $ wfo-gate run --range v1.2.0..HEAD --gate secrets
  $ wfo-gate run --history --since v1.0.0 --gate secrets
  $ wfo-gate run --files src/a.ts src/b.ts     (what lint-staged calls)
  $ wfo-gate run --shard 2/4 --json shard-2.json   (one CI matrix job; then: wfo-gate merge shard-*.json)`,
    )
    .action(async (paths: string[], flags: RunFlags) => {
      const report = await executeRun(process.cwd(), flags, paths);
      setExit(exitCodeFor(report.verdict));
    });
}

/** Builds the scope the flags ask for, runs the gates and writes every requested output. */
export async function executeRun(cwd: string, flags: RunFlags, paths: string[] = []): Promise<Report> {
  const format = parseFormat(flags.format);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const maxFileSize = flags.maxFileSize === undefined ? undefined : parsePositiveInt(flags.maxFileSize, '--max-file-size');
  const ctx = await openContext(cwd, flags.config);
  if (flags.baseReport) ctx.config.gates.coverage.baseReport = resolve(cwd, flags.baseReport);
  if (flags.cache === false) ctx.config.cache = false;
  const request = scopeRequest(flags, paths);
  const scope = await openScope(ctx, { ...request, maxFileSize });
  const gates = gatesFromFlag(flags.gate, () => defaultGates(ctx, request.kind), knownGates(ctx.config));
  const report = await runGates(scope, ctx.config, { gates, shard });
  await emit(ctx.cwd, report, format, flags);
  return report;
}

function defaultGates(ctx: RunContext, kind: ScopeKind): GateId[] {
  // A history scan only has commits to look at: the secrets gate is the one that reads them.
  if (kind === 'history') return ['secrets'];
  // Checking what is staged is what the pre-commit hook does: the same gates, the same verdict.
  if (kind === 'staged') return ctx.config.hooks['pre-commit'];
  return ctx.config.ci;
}

function scopeRequest(flags: RunFlags, paths: string[]): Omit<ScopeRequest, 'cwd' | 'maxFileSize'> {
  const files = [...(flags.files ?? []), ...paths];
  const chosen = [
    flags.all && '--all',
    flags.staged && '--staged',
    flags.base !== undefined && '--base',
    flags.range !== undefined && '--range',
    files.length > 0 && '--files',
    flags.history && '--history',
  ].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`choose one scope: ${chosen.join(' and ')} cannot be combined`);
  if (flags.since !== undefined && !flags.history) throw new UsageError('--since goes with --history');
  if (flags.staged) return { kind: 'staged' };
  if (flags.base !== undefined) return { kind: 'base', base: flags.base };
  if (flags.range !== undefined) return { kind: 'range', range: flags.range };
  if (files.length > 0) return { kind: 'files', files };
  if (flags.history) return { kind: 'history', since: flags.since };
  return { kind: 'all' };
}

export interface OutputFlags {
  format: string;
  output?: string;
  json?: string;
  sarif?: string;
  markdown?: string;
  color: boolean;
  quiet?: boolean;
}

/** Writes the report in the main format (stdout or --output) and every extra format asked for. */
export async function emit(cwd: string, report: Report, format: Format, flags: OutputFlags): Promise<void> {
  const color = !flags.output && useColor(!flags.color);
  const main = render(report, format, { color, quiet: flags.quiet });
  if (flags.output) await writeOutput(cwd, flags.output, main);
  else process.stdout.write(main);
  const extra: [string | undefined, Format][] = [
    [flags.json, 'json'],
    [flags.sarif, 'sarif'],
    [flags.markdown, 'markdown'],
  ];
  for (const [file, extraFormat] of extra) {
    if (file) await writeOutput(cwd, file, render(report, extraFormat, { color: false }));
  }
}

function parsePositiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} takes a positive whole number of bytes, got "${text}"`);
  return n;
}
