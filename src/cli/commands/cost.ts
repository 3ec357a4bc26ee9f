import type { Command } from 'commander';

/** `wfo-gate cost …` — registered here; the work is imported lazily when the command runs. */
export function registerCost(program: Command): void {
  program.command('cost').description('log, import and report LLM/API spend (not implemented yet)');
}
