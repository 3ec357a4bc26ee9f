#!/usr/bin/env node
// The coverage gate on a 50 MB lcov report beside Debian's diff-cover on the same report and the
// same git diff, one run each: wall time and peak memory of the whole tool (report parse, path
// resolution, git diff). The report repeats a real one (node --test on a small module), each copy
// under its own directory, so it holds ~80k distinct source files.
// Usage: npm run build && node bench/coverage.mjs [--mb 50]
// Needs diff-cover (`apt-get install -y diff-cover`) and GNU time (/usr/bin/time) for peak memory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakMemory, table, timeOnce } from './lib.mjs';

const root = new URL('..', import.meta.url).pathname;
const i = process.argv.indexOf('--mb');
const targetBytes = (i === -1 ? 50 : Number(process.argv[i + 1])) * 1e6;
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first: the benchmark measures dist/');

const repo = join(tmpdir(), 'wfo-coverage-bench');
rmSync(repo, { recursive: true, force: true });
mkdirSync(join(repo, 'src'), { recursive: true });
mkdirSync(join(repo, 'test'), { recursive: true });
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b.invalid' } });
const source = (extra) => `export function add(a, b) {\n  return a + b;\n}\n\nexport function clamp(x, lo, hi) {\n  if (x < lo) {\n    return lo;\n  }\n  if (x > hi) {\n    return hi;\n  }\n  return x;\n}\n${extra}`;
writeFileSync(join(repo, 'package.json'), '{"type":"module"}\n');
writeFileSync(join(repo, 'src/math.js'), source(''));
writeFileSync(join(repo, '.gitignore'), '*.info\nreport.json\n');
writeFileSync(join(repo, 'wfo-gate.config.json'), JSON.stringify({ gates: { coverage: { reports: ['big.info'], min: 0, patchMin: 0, maxAgeCheck: false } } }));
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'base');
git('checkout', '-qb', 'feature');
writeFileSync(join(repo, 'src/math.js'), source('\nexport function twice(n) {\n  const t = n * 2;\n  return t;\n}\n'));
writeFileSync(join(repo, 'test/math.test.js'), "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport { add, clamp } from '../src/math.js';\ntest('a', () => { assert.equal(add(1, 2), 3); assert.equal(clamp(9, 0, 5), 5); });\n");
git('add', '-A');
git('commit', '-qm', 'twice');

// A real report, then repeated: copy k names its files copyK/src/math.js; the first copy is the real path.
execFileSync(process.execPath, ['--test', '--experimental-test-coverage', '--test-reporter=lcov', '--test-reporter-destination=real.info', 'test/math.test.js'], { cwd: repo, stdio: 'pipe' });
const real = readFileSync(join(repo, 'real.info'), 'utf8');
const parts = [real];
let size = real.length;
for (let k = 1; size < targetBytes; k++) {
  const copy = real.replace(/^SF:/gm, `SF:copy${k}/`);
  parts.push(copy);
  size += copy.length;
}
writeFileSync(join(repo, 'big.info'), parts.join(''));
const mb = statSync(join(repo, 'big.info')).size / 1e6;

const wfoArgs = [cli, 'run', '--base', 'main', '--gate', 'coverage', '--format', 'json', '--output', 'report.json'];
const dcArgs = ['big.info', '--compare-branch=main', '--json-report', 'report-dc.json', '-q'];
const rows = [];
const wfoMs = timeOnce(process.execPath, wfoArgs, { cwd: repo, okCodes: [0, 1] });
const wfo = JSON.parse(readFileSync(join(repo, 'report.json'), 'utf8')).gates[0];
rows.push({ tool: 'wfo-gate coverage', 'wall s': (wfoMs / 1000).toFixed(2), 'MB/s': (mb / (wfoMs / 1000)).toFixed(1), 'peak MB': peakMemory(process.execPath, wfoArgs, { cwd: repo })?.toFixed(0) ?? 'n/a', patch: `${wfo.metrics?.['coverage.patch']}%` });
const dcMs = timeOnce('diff-cover', dcArgs, { cwd: repo, okCodes: [0, 1] });
const dc = JSON.parse(readFileSync(join(repo, 'report-dc.json'), 'utf8'));
rows.push({ tool: 'diff-cover 7.4', 'wall s': (dcMs / 1000).toFixed(2), 'MB/s': (mb / (dcMs / 1000)).toFixed(1), 'peak MB': peakMemory('diff-cover', dcArgs, { cwd: repo })?.toFixed(0) ?? 'n/a', patch: `${(((dc.total_num_lines - dc.total_num_violations) / dc.total_num_lines) * 100).toFixed(2)}%` });

console.log(`lcov report: ${mb.toFixed(1)} MB, ${parts.length} copies of a real node --test report (${(real.match(/^SF:/gm) ?? []).length} files each), one run per tool`);
console.log(`wfo-gate: ${wfo.status} — ${wfo.summary}`);
console.log(table(rows, ['tool', 'wall s', 'MB/s', 'peak MB', 'patch']));
rmSync(repo, { recursive: true, force: true });
