#!/usr/bin/env node
// `npm test`: the one test command, on a fresh machine too.
//  1. The Debian tools the suite drives (.ci/test-tools) are there, or are installed (as root,
//     with apt-get), or the run stops naming the command that installs them.
//  2. Type-check, then the whole vitest suite (the clock pinned by vitest.config.ts).
//  3. The clock matrix: the date-sensitive test files again at instants where calendars turn
//     (month, year, leap day, week) and in time zones far from UTC.
//  4. One closing line `N passed, N failed, N skipped` over all of it.
// `node scripts/test.mjs --clock-matrix` runs step 3 alone (after a build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** [TZ, WFO_GATE_NOW, what it checks]. */
const CLOCK_MATRIX = [
  ['UTC', '2026-11-30T23:59:59.000Z', 'last second of a month'],
  ['UTC', '2026-12-01T00:00:00.000Z', 'first second of a month'],
  ['UTC', '2026-12-31T23:59:59.000Z', '31 December'],
  ['UTC', '2027-01-01T00:00:00.000Z', '1 January'],
  ['UTC', '2028-02-29T12:00:00.000Z', 'leap day'],
  ['UTC', '2026-11-16T00:00:00.000Z', 'first second of a Monday'],
  ['UTC', '2026-11-22T23:59:59.000Z', 'last second of a Sunday'],
  ['Pacific/Kiritimati', '2026-11-30T10:00:00.000Z', 'UTC+14: already 1 December there'],
  ['America/Adak', '2027-01-01T09:59:59.000Z', 'UTC-10: still 31 December there'],
];

/** Test files whose expectations involve today, a week or a month (they use the suite's clock), and the ledger's. */
const CLOCK_WORDS = /\b(testNow|localDay|localDayOf|localMonthOf|todayUtc)\b/;

function main() {
  const args = process.argv.slice(2);
  const totals = { passed: 0, failed: 0, skipped: 0, data: 0 };
  let ok = true;
  if (!args.includes('--clock-matrix')) {
    ensureTools();
    ok = step('type-check', [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit']) && ok;
    ok = vitest('the suite', [], {}, totals) && ok;
  }
  const files = clockSensitiveFiles();
  process.stdout.write(`\nclock matrix: ${files.length} date-sensitive test files at ${CLOCK_MATRIX.length} instants\n`);
  for (const [tz, instant, what] of CLOCK_MATRIX) {
    ok = vitest(`clock ${instant} TZ=${tz} (${what})`, files, { TZ: tz, WFO_GATE_NOW: instant, WFO_SKIP_BUILD: '1' }, totals) && ok;
  }
  const all = totals.passed + totals.failed + totals.skipped;
  process.stdout.write(`\nsuite and clock matrix: ${totals.data} per-rule data tests, ${all - totals.data} behaviour tests\n`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

function vitest(title, files, env, totals) {
  const dir = mkdtempSync(join(tmpdir(), 'wfo-test-counts-'));
  const countsFile = join(dir, 'counts.json');
  try {
    const passed = step(title, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files], { ...env, WFO_TEST_COUNTS: countsFile });
    if (!existsSync(countsFile)) {
      totals.failed++;
      process.stderr.write(`${title}: vitest ended without a summary\n`);
      return false;
    }
    const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
    return passed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function step(title, argv, env = {}) {
  process.stdout.write(`\n── ${title}\n`);
  const result = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.stderr.write(`── ${title}: failed (exit ${result.status ?? result.signal})\n`);
  return result.status === 0;
}

function clockSensitiveFiles() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.test.ts') && (path.includes('/test/cost/') || CLOCK_WORDS.test(readFileSync(path, 'utf8')))) found.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'test'));
  return found.sort();
}

function ensureTools() {
  const tools = readFileSync(join(ROOT, '.ci/test-tools'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
  const missing = tools.filter(([, probe]) => !present(probe)).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() === 0 && present('apt-get')) {
    process.stdout.write(`npm test needs Debian packages that are missing: ${missing.join(', ')}; installing them (${install})\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const done = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status === 0;
    if (done && tools.every(([, probe]) => present(probe))) return;
  }
  process.stderr.write(`npm test needs these Debian packages, which are not installed: ${missing.join(', ')}\nInstall them with: sudo apt-get update && sudo ${install}\n`);
  process.exit(1);
}

function present(probe) {
  if (probe.startsWith('/')) return existsSync(probe);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, probe)));
}

main();
