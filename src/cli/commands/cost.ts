import { Option, type Command } from 'commander';
import type { ImportTool } from '../../cost/types.js';

// Light on purpose: the implementation is imported only when a cost command runs, so
// `wfo-gate --version` and the hooks never load it.

/** `wfo-gate cost log | import claude-code | report`. */
export function registerCost(program: Command): void {
  const cost = program.command('cost').description('log, import and report LLM/API spend in the cost ledger (costs/)');

  cost
    .command('log')
    .description('record one spend: tokens of a model (priced from the price table) or an amount in USD')
    .option('--model <id>', 'model id, e.g. claude-sonnet-4-5 or gpt-4.1')
    .option('--input <n>', 'uncached input tokens')
    .option('--output <n>', 'output tokens')
    .option('--cache-read <n>', 'prompt-cache read tokens')
    .option('--cache-write <n>', 'prompt-cache write tokens (5-minute lifetime)')
    .option('--cache-write-1h <n>', 'prompt-cache write tokens with a 1-hour lifetime')
    .option('--amount <usd>', 'an amount in USD instead of tokens')
    .addOption(new Option('--category <category>', 'what the amount paid for').choices(['inference', 'compute', 'storage', 'api']))
    .option('--provider <name>', 'provider key in the daily file (default: from the model, or "other")')
    .option('--feature <name>', 'feature to charge (default: gates.budget.feature, else the current branch)')
    .option('--note <text>', 'free text kept with the entry')
    .option('--date <iso>', 'when it was spent (default: now)')
    .option('--id <id>', 'a unique id: logging the same id again adds nothing')
    .option('--ledger <dir>', 'ledger folder (default: gates.budget.ledger, "costs")')
    .option('--config <file>', 'configuration file')
    .addHelpText('after', '\nExamples:\n  $ wfo-gate cost log --model claude-sonnet-4-5 --input 12000 --output 900\n  $ wfo-gate cost log --amount 0.40 --category compute --provider runpod --note "GPU eval"')
    .action(async (flags: Record<string, string | undefined>) => {
      const { costLog } = await import('../../cost/commands.js');
      await costLog(flags);
    });

  const importCmd = cost.command('import').description('import spend recorded by other tools');
  const tools: [ImportTool, string, string][] = [
    ['claude-code', "Claude Code's transcripts (~/.claude/projects, ~/.config/claude/projects, $CLAUDE_CONFIG_DIR)", 'transcript folder(s)'],
    ['codex', "Codex CLI's sessions ($CODEX_HOME or ~/.codex: sessions/ and archived_sessions/)", 'session folder(s)'],
    ['gemini', "Gemini CLI's chats (~/.gemini/tmp/<project>/chats)", 'folder(s) holding <project>/chats'],
    ['opencode', "OpenCode's message storage ($XDG_DATA_HOME/opencode/storage, ~/.local/share/opencode/storage)", 'storage folder(s)'],
  ];
  for (const [tool, what, dirs] of tools) {
    importCmd
      .command(tool)
      .description(`import ${what}: one entry per API call, de-duplicated; re-running adds nothing twice`)
      .option('--dir <path...>', `${dirs} to read instead of the defaults`)
      .option('--since <date>', 'only calls on or after this date (YYYY-MM-DD or ISO 8601)')
      .option('--all-projects', 'import every project, not only calls whose working directory is in this repository')
      .option('--feature <name>', 'feature to charge calls with no recorded git branch (default: gates.budget.feature, else "(unattributed)")')
      .option('--dry-run', 'show what would be imported, write nothing')
      .option('--ledger <dir>', 'ledger folder (default: gates.budget.ledger, "costs")')
      .option('--config <file>', 'configuration file')
      .action(async (flags: Record<string, string | string[] | boolean | undefined>) => {
        const { costImport } = await import('../../cost/commands.js');
        await costImport(tool, flags);
      });
  }

  cost
    .command('report')
    .description('spend today, this week and month to date against budget, projection (month end, and at 10x/100x/1000x), by model, tool, branch, category and feature, and alerts')
    .addOption(new Option('--period <period>', 'window of the breakdowns').choices(['day', 'week', 'month']).default('month'))
    .option('--month <YYYY-MM>', 'report on that month (as it stood at its end) instead of the current one')
    .option('--since <date>', 'breakdowns from this day (YYYY-MM-DD) on: a window of its own')
    .option('--until <date>', 'breakdowns up to this day (YYYY-MM-DD), default today')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'markdown']).default('pretty'))
    .option('--ledger <dir>', 'ledger folder (default: gates.budget.ledger, "costs")')
    .option('--config <file>', 'configuration file')
    .option('--no-color', 'no colours (also: NO_COLOR)')
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const { costReport } = await import('../../cost/commands.js');
      await costReport(flags);
    });

  cost
    .command('doctor')
    .description('check that the daily and month files agree with by-feature.jsonl (the record) and that it merges with merge=union; --fix rebuilds them')
    .option('--fix', 'rebuild the derived files from the entries and set merge=union')
    .option('--ledger <dir>', 'ledger folder (default: gates.budget.ledger, "costs")')
    .option('--config <file>', 'configuration file')
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const { costDoctor } = await import('../../cost/commands.js');
      await costDoctor(flags);
    });

  cost
    .command('prices')
    .description('list every price (USD per million tokens) with its source and the day it was read; flags prices older than 90 days')
    .option('--from-litellm <file>', "compare with LiteLLM's model_prices_and_context_window.json and print what changed")
    .option('--write', 'with --from-litellm: write the file to gates.budget.pricesFile, dated today')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--config <file>', 'configuration file')
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const { costPrices } = await import('../../cost/commands.js');
      await costPrices(flags);
    });
}
