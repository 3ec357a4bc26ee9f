import type { Command } from 'commander';
import { isBuiltinGate, knownGates } from '../../core/config.js';
import type { RuleInfo } from '../../core/types.js';
import { loadGate } from '../../gates/registry.js';
import { gatesFromFlag, openContext } from '../context.js';

export function registerRules(program: Command, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description("list every gate's rules (id, severity, CWE, title), the configuration's custom gates too")
    .option('--gate <ids>', 'only these gates')
    .option('--json', 'as JSON')
    .option('--config <file>', 'configuration file (default: wfo-gate.config.json or package.json "wfo-gate")')
    .addHelpText('after', '\nExamples:\n  $ wfo-gate rules --gate secrets\n  $ wfo-gate rules --json | jq length')
    .action(async (flags: { gate?: string; json?: boolean; config?: string }) => {
      const { config } = await openContext(process.cwd(), flags.config);
      const known = knownGates(config);
      const ids = gatesFromFlag(flags.gate, () => known, known);
      const rules: RuleInfo[] = [];
      for (const id of ids) {
        if (isBuiltinGate(id)) rules.push(...((await (await loadGate(id)).rules?.()) ?? []));
        else rules.push(...(await import('../../gates/custom/rules.js')).customGateRules(id, config.gates[id] as never));
      }
      if (flags.json) {
        process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
      } else {
        const width = Math.max(...rules.map((r) => `${r.gate}/${r.id}`.length), 10);
        // SAST rules name the CWE their class follows; other gates' rules have none.
        const cwes = rules.map((r) => (r.tags ?? []).filter((t) => t.startsWith('CWE-')).join(','));
        const cweWidth = Math.max(...cwes.map((c) => c.length));
        rules.forEach((r, i) => {
          const cwe = cweWidth > 0 ? `${cwes[i].padEnd(cweWidth)}  ` : '';
          process.stdout.write(`${`${r.gate}/${r.id}`.padEnd(width)}  ${r.severity.padEnd(8)}  ${cwe}${r.title}\n`);
        });
        process.stdout.write(`${rules.length} rule(s)\n`);
      }
      setExit(0);
    });
}
