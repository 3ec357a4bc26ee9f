import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE, defaultConfigObject } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { openContext } from '../context.js';

export function registerInit(program: Command, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write wfo-gate.config.json (with $schema, every default spelled out) and install the git hooks')
    .option('--force', 'overwrite an existing wfo-gate.config.json')
    .option('--no-hooks', 'only write the configuration')
    .addHelpText('after', '\nExample:\n  $ wfo-gate init && git add wfo-gate.config.json')
    .action(async (flags: { force?: boolean; hooks: boolean }) => {
      const ctx = await openContext(process.cwd());
      const path = join(ctx.root, CONFIG_FILE);
      if (existsSync(path) && !flags.force) {
        throw new UsageError(`${CONFIG_FILE} already exists; nothing written`, ['Run `wfo-gate init --force` to replace it with the defaults.']);
      }
      const config = defaultConfigObject('./node_modules/wfo-gate/schemas/config.schema.json');
      await writeFile(path, JSON.stringify(config, null, 2) + '\n');
      process.stdout.write(`wrote ${CONFIG_FILE}\n`);
      if (flags.hooks && ctx.repo) {
        const { installHooks } = await import('../../hooks/install.js');
        const outcome = await installHooks(ctx.repo);
        for (const line of outcome.messages) process.stdout.write(`${line}\n`);
      }
      setExit(0);
    });
}
