import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from '../helpers/repo.js';

// The Action runs the committed dist/action.js; the precompiled validators are committed too
// (the Action has no node_modules to compile schemas with). This file builds src/ afresh into a
// temp directory, whatever WFO_SKIP_BUILD says, and compares that build with what is committed:
// any difference means the committed bundle is stale.
let fresh: string;
beforeAll(() => {
  fresh = join(tempDir('wfo-dist-fresh-'), 'dist');
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.mjs'), '--outdir', fresh], { cwd: PROJECT_ROOT, stdio: 'pipe' });
});

describe.each(['dist/action.js', 'dist/config-validator.cjs', 'dist/ledger-validators.cjs'])('%s', (file) => {
  it('is committed and identical to a fresh build (run `npm run build` and commit it)', () => {
    const tracked = execFileSync('git', ['ls-files', '--', file], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    expect(tracked).toBe(file);
    const committed = execFileSync('git', ['show', `HEAD:${file}`], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const built = readFileSync(join(fresh, file.slice('dist/'.length)), 'utf8');
    expect(firstDifference(committed, built), `the committed ${file} differs from a fresh build of src/: run \`npm run build\` and commit it`).toBeUndefined();
  });
});

/** The first line where the two texts part, with its number (a whole bundle is too long to diff in a message). */
function firstDifference(committed: string, built: string): string | undefined {
  if (committed === built) return undefined;
  const a = committed.split('\n');
  const b = built.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}: committed ${JSON.stringify((a[at] ?? '<end of file>').slice(0, 200))}, fresh ${JSON.stringify((b[at] ?? '<end of file>').slice(0, 200))}`;
}
