// The bin entry. Answers --version without loading anything else, so that a hook or a shell
// prompt calling it pays only for Node itself; everything else is imported on demand.
import { packageVersion } from '../core/package-info.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(args);
}
