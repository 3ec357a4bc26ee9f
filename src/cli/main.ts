// The bin entry. Answers --version without loading anything else, so that a hook or a shell
// prompt calling it pays only for Node itself; everything else is imported on demand.
import module from 'node:module';
import { packageVersion } from '../core/package-info.js';
import { compileRegexesOnce } from '../core/regex-tier.js';

// A reader that went away (`wfo-gate rules | head -1`) is not an error: what is left unwritten
// is dropped without a word, and the process still ends with the exit code its command earned
// (a blocked run stays 1: a closed pipe is never a pass).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  // Node 22.1+ keeps V8's compiled code of the modules loaded next on disk (in the system's
  // temporary directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a hook runs on every
  // commit, and compiling ~1.7 MB of JavaScript is a fifth of its start-up. Absent on Node 20.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  compileRegexesOnce();
  const { main } = await import('./program.js');
  process.exitCode = await main(args);
}
