// bench/regex-compile: what compiling the secrets rules' regexes costs, with V8's regex
// tier-up (bytecode on the first run, machine code again on the second: V8's default) and
// without it (machine code at once: what the CLI turns on, src/cli/main.ts).
// Each child process compiles every built-in rule's regex and runs it twice on a short line,
// as a scan does with a rule it meets; the cases run interleaved.
//   node bench/regex-compile.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleaved, table } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 9);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wfo-bench-regex-'));
const entry = join(dir, 'compile.ts');
writeFileSync(
  entry,
  `import { builtinRules } from ${JSON.stringify(join(root, 'src/gates/secrets/rules/index.ts'))};
for (const rule of builtinRules) {
  const regex = new RegExp(rule.regex, (rule.flags ?? '') + 'y');
  regex.exec('token = "abc" and some more text');
  regex.lastIndex = 0;
  regex.exec('key: value');
}
`,
);
const bundle = join(dir, 'compile.mjs');
execFileSync(join(root, 'node_modules/.bin/esbuild'), [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=error']);

const node = process.execPath;
const results = interleaved(
  [
    { name: 'node -e 0 (start-up alone)', command: node, args: ['-e', '0'] },
    { name: 'every rule, tier-up (V8 default)', command: node, args: ['--regexp-tier-up', bundle] },
    { name: 'every rule, no tier-up (the CLI)', command: node, args: ['--no-regexp-tier-up', bundle] },
  ],
  rounds,
);
rmSync(dir, { recursive: true, force: true });
const [start, tierUp, direct] = results.map((r) => r.median);
console.log(`regex compile, ${rounds} interleaved rounds, node ${process.version}`);
console.log(table(results.map((r) => ({ case: r.name, 'median ms': r.median.toFixed(0), 'min ms': r.min.toFixed(0) })), ['case', 'median ms', 'min ms']));
console.log(`compiling (start-up subtracted): ${(tierUp - start).toFixed(0)} ms with tier-up, ${(direct - start).toFixed(0)} ms without (${((1 - (direct - start) / (tierUp - start)) * 100).toFixed(0)} % less)`);
