// The built-in rules' prefilter keywords (data, not measured code), bundled from source with
// esbuild so the benchmark can hand them to ripgrep.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function builtinRules(root) {
  const outfile = join(mkdtempSync(join(tmpdir(), 'wfo-rules-')), 'rules.mjs');
  await build({ entryPoints: [join(root, 'src/gates/secrets/rules/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  return (await import(outfile)).builtinRules;
}

export async function ruleKeywords(root) {
  return [...new Set((await builtinRules(root)).flatMap((r) => r.keywords))];
}
