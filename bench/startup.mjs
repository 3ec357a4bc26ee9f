// bench/startup: how much a hook or a shell pays to start wfo-gate.
// Prints, in one interleaved run, the median wall time of `node -e 0`, `wfo-gate --version`
// and `wfo-gate run --staged` with nothing staged. Run `npm run build` first.
//   node bench/startup.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleaved, table } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 30);
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const repo = mkdtempSync(join(tmpdir(), 'wfo-bench-startup-'));
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
git('init', '-q', '-b', 'main');
git('-c', 'user.email=b@e.invalid', '-c', 'user.name=bench', 'commit', '-q', '--allow-empty', '-m', 'init');

const node = process.execPath;
const results = interleaved(
  [
    { name: 'node -e 0', command: node, args: ['-e', '0'] },
    { name: 'wfo-gate --version', command: node, args: [cli, '--version'] },
    { name: 'wfo-gate run --staged (nothing staged)', command: node, args: [cli, 'run', '--staged', '--quiet'], options: { cwd: repo } },
  ],
  rounds,
);
rmSync(repo, { recursive: true, force: true });
const base = results[0].median;
console.log(`startup, ${rounds} interleaved rounds, node ${process.version}, ${new Date().toISOString()}`);
console.log(
  table(
    results.map((r) => ({ case: r.name, 'median ms': r.median.toFixed(1), 'min ms': r.min.toFixed(1), 'vs node -e 0': `${(r.median / base).toFixed(2)}x` })),
    ['case', 'median ms', 'min ms', 'vs node -e 0'],
  ),
);
