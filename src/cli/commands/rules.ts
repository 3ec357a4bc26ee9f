import type { Command } from 'commander';
import { loadGate } from '../../gates/registry.js';
import { GATE_IDS, type RuleInfo } from '../../core/types.js';
import { parseGateList } from '../context.js';

export function registerRules(program: Command, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description("list every gate's rules (id, severity, CWE, title)")
    .option('--gate <ids>', 'only these gates')
    .option('--json', 'as JSON')
    .addHelpText('after', '\nExamples:\n  $ wfo-gate rules --gate secrets\n  $ wfo-gate rules --json | jq length')
    .action(async (flags: { gate?: string; json?: boolean }) => {
      const ids = flags.gate ? parseGateList(flags.gate) : [...GATE_IDS];
      const rules: RuleInfo[] = [];
      for (const id of ids) rules.push(...((await (await loadGate(id)).rules?.()) ?? []));
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
