import type { Command } from 'commander';
import { knownGates } from '../../core/config.js';
import { writeBaseline } from '../../core/baseline.js';
import { runGates } from '../../core/runner.js';
import { openContext, openScope, gatesFromFlag } from '../context.js';

export function registerBaseline(program: Command, setExit: (code: number) => void): void {
  program
    .command('baseline')
    .description("accept today's findings: record their fingerprints so later runs report them as baselined, not blocking")
    .option('--gate <ids>', 'comma-separated gates (default: config "ci")')
    .option('--config <file>', 'configuration file')
    .addHelpText('after', '\nExample:\n  $ wfo-gate baseline && git add .wfo-gate/baseline.json')
    .action(async (flags: { gate?: string; config?: string }) => {
      const ctx = await openContext(process.cwd(), flags.config);
      const scope = await openScope(ctx, { kind: 'all' });
      const gates = gatesFromFlag(flags.gate, () => ctx.config.ci, knownGates(ctx.config));
      // Start from an empty baseline so entries for fixed findings fall away.
      const report = await runGates(scope, ctx.config, { gates, baseline: new Map() });
      const findings = report.gates.flatMap((g) => g.findings);
      const count = await writeBaseline(ctx.root, ctx.config.baseline, findings);
      process.stdout.write(`wrote ${ctx.config.baseline}: ${count} finding(s) accepted\n`);
      const failed = report.gates.filter((g) => g.status === 'error');
      for (const g of failed) process.stderr.write(`wfo-gate: ${g.gate} could not decide (${g.error ?? g.summary}); its findings are not in the baseline\n`);
      setExit(failed.length ? 1 : 0);
    });
}
