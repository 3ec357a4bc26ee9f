import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { exitCodeFor } from '../../core/runner.js';
import type { Report } from '../../core/types.js';
import { mergeReports, type ShardReport } from '../../report/merge.js';
import { parseFormat } from '../outputs.js';
import { emit, type OutputFlags } from './run.js';

export function registerMerge(program: Command, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description("join the JSON reports of a run's shards (run --shard i/n) into one report and one verdict")
    .argument('<reports...>', 'the shard reports (JSON)')
    .option('--format <format>', 'pretty | json | sarif | markdown', 'pretty')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--json <file>', 'also write the merged JSON report to <file>')
    .option('--sarif <file>', 'also write SARIF 2.1.0 to <file>')
    .option('--markdown <file>', 'also write markdown to <file>')
    .option('--no-color', 'no colours (also: NO_COLOR)')
    .option('--quiet', 'only blocking findings and the verdict')
    .addHelpText(
      'after',
      `
A missing or duplicate shard, or shards of another commit or configuration, make the verdict
"error" (exit 1), naming the shard: a merge never passes on partial work.

Example:
  $ wfo-gate merge shard-1.json shard-2.json shard-3.json shard-4.json --sarif wfo-gate.sarif`,
    )
    .action(async (files: string[], flags: OutputFlags) => {
      const format = parseFormat(flags.format);
      const report = mergeReports(await readShardReports(process.cwd(), files));
      await emit(process.cwd(), report, format, flags);
      setExit(exitCodeFor(report.verdict));
    });
}

/** Reads each file as a wfo-gate JSON report; a file that is not one is a usage error naming it. */
export async function readShardReports(cwd: string, files: readonly string[]): Promise<ShardReport[]> {
  return Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        text = await readFile(resolve(cwd, file), 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, ['Pass the JSON reports the shards wrote (`run --shard i/n --json <file>`).']);
      }
      let report: Report;
      try {
        report = JSON.parse(text) as Report;
      } catch {
        throw new UsageError(`${file} is not JSON`, ['Pass the JSON reports the shards wrote (`--json <file>` or `--format json`).']);
      }
      if (report?.tool?.name !== 'wfo-gate' || !Array.isArray(report.gates) || typeof report.scope !== 'object') {
        throw new UsageError(`${file} is not a wfo-gate JSON report`, ['Pass the JSON reports the shards wrote (`--json <file>` or `--format json`).']);
      }
      return { source: file, report };
    }),
  );
}
