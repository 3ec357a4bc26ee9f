// The audit gate on a lockfile of 5,000 packages against an offline OSV database of 10,000
// records shaped like GitHub's (ECOSYSTEM ranges, several affected[] entries per package,
// last_affected, `severity: []`, two-part versions, withdrawn ones). Runs the built CLI as a
// user would; beside it, in the same run, the same CLI on an empty database (start-up and
// lockfile reading without matching) and `node -e 0`.
// Usage: node scripts/build.mjs && node bench/audit.mjs [runs]   (WFO_BENCH_CLI=path to use another build)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { interleaved, peakMemory, seededRandom, table } from './lib.mjs';

const cli = process.env.WFO_BENCH_CLI ?? resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 5);
const PACKAGES = 5000;
const RECORDS = 10000;

const random = seededRandom(7);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);
const version = () => `${int(12)}.${int(30)}.${int(20)}`;

const work = mkdtempSync(join(tmpdir(), 'wfo-bench-audit-'));
// The repository holds only the lockfile; the database lives beside it, as a download would.
const root = join(work, 'repo');
mkdirSync(root);
execFileSync('git', ['init', '-q'], { cwd: root });

// package-lock v3: 4,000 hoisted packages and 1,000 nested copies at other versions.
const names = Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? `@scope${i % 50}/pkg-${i}` : `pkg-${i}`));
const packages = { '': { name: 'bench', version: '1.0.0', dependencies: {}, devDependencies: {} } };
names.forEach((name, i) => {
  if (i < 300) packages[''][i % 4 === 0 ? 'devDependencies' : 'dependencies'][name] = '*';
  const deps = {};
  for (let d = 0; d < 3; d++) deps[names[Math.min(names.length - 1, i + 1 + int(200))]] = '*';
  packages[`node_modules/${name}`] = { version: version(), dependencies: deps, ...(i % 4 === 0 ? { dev: true } : {}) };
});
for (let i = 0; i < PACKAGES - names.length; i++) {
  const parent = names[int(names.length)];
  const child = names[int(names.length)];
  packages[`node_modules/${parent}/node_modules/${child}`] = { version: version() };
}
writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ name: 'bench', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2));

// OSV records: 70% name a package of the lockfile (any version), the rest other packages.
const LABELS = ['LOW', 'MODERATE', 'MODERATE', 'HIGH', 'HIGH', 'CRITICAL'];
function rangesFor() {
  const lines = 1 + int(4);
  const out = [];
  for (let l = 0; l < lines; l++) {
    const start = random() < 0.4 ? '0' : random() < 0.1 ? `${int(12)}.${int(30)}` : version();
    const end = random() < 0.1 ? { last_affected: version() } : { fixed: version() };
    out.push([{ introduced: start }, end]);
  }
  return out;
}
const db = join(work, 'osv');
for (const eco of ['npm', 'PyPI']) mkdirSync(join(db, eco), { recursive: true });
for (let r = 0; r < RECORDS; r++) {
  const python = r % 20 === 0;
  const name = python ? `py-${int(3000)}` : random() < 0.7 ? pick(names) : `other-${int(20000)}`;
  const id = `GHSA-${r.toString(36).padStart(4, '0')}-bnch-${int(1e4).toString(36).padStart(4, '0')}`;
  const record = {
    schema_version: '1.4.0',
    id,
    modified: '2024-01-01T00:00:00Z',
    aliases: [`CVE-2024-${10000 + r}`],
    severity: random() < 0.3 ? [] : [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: rangesFor().map((events) => ({ package: { ecosystem: python ? 'PyPI' : 'npm', name: random() < 0.02 ? name.toUpperCase() : name }, ranges: [{ type: 'ECOSYSTEM', events }] })),
    database_specific: { cwe_ids: ['CWE-1321'], severity: pick(LABELS), github_reviewed: true, nvd_published_at: null },
    ...(r % 100 === 0 ? { withdrawn: '2024-02-01T00:00:00Z' } : {}),
  };
  writeFileSync(join(db, python ? 'PyPI' : 'npm', `${id}.json`), JSON.stringify(record, null, 2));
}
const empty = join(work, 'osv-empty');
mkdirSync(empty);
const config = (database) => JSON.stringify({ gates: { audit: { source: 'osv-db', osvDatabase: database, failOn: 'none' } } });

const configs = { full: join(work, 'full.json'), empty: join(work, 'empty.json') };
writeFileSync(configs.full, config(db));
writeFileSync(configs.empty, config(empty));
const gateArgs = (file) => [cli, 'run', '--gate', 'audit', '--format', 'json', '--config', file];
const cases = [
  { name: 'wfo-gate audit, 10k records', command: process.execPath, args: gateArgs(configs.full), options: { cwd: root, maxBuffer: 1 << 28, okCodes: [0, 1] } },
  { name: 'wfo-gate audit, empty db', command: process.execPath, args: gateArgs(configs.empty), options: { cwd: root, maxBuffer: 1 << 28, okCodes: [0, 1] } },
  { name: 'node -e 0', command: process.execPath, args: ['-e', '0'], options: { cwd: root } },
];
const results = interleaved(cases, runs);

const report = JSON.parse(execFileSync(process.execPath, gateArgs(configs.full), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }));
const gate = report.gates[0];
console.log(`lockfile: ${gate.metrics?.packages} packages; database: ${RECORDS} records (1% withdrawn); ${runs} runs, interleaved`);
console.log(`gate: ${gate.status}, ${gate.summary}${gate.error ? `, error: ${gate.error}` : ''}\n`);
console.log(table(
  results.map((r) => ({ case: r.name, 'median ms': r.median.toFixed(0), 'min ms': r.min.toFixed(0), 'peak RSS MB': peakMemory(cases.find((c) => c.name === r.name).command, cases.find((c) => c.name === r.name).args, cases.find((c) => c.name === r.name).options)?.toFixed(0) ?? 'n/a' })),
  ['case', 'median ms', 'min ms', 'peak RSS MB'],
));
// CPU seconds (user + sys) from GNU time: on a shared, loaded machine wall time mostly measures waiting.
function cpuSeconds(c) {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', c.command, ...c.args], { ...c.options, stdio: 'pipe' });
  const [user, sys] = String(r.stderr).trim().split('\n').pop().split(' ').map(Number);
  return user + sys;
}
console.log(`\nCPU s (user+sys, one run): ${cases.map((c) => `${c.name} ${cpuSeconds(c).toFixed(2)}`).join('; ')}`);
const [full, base] = results;
console.log(`\nloading 10k records + matching 5k packages: ${(full.median - base.median).toFixed(0)} ms over the empty-database run`);
if (!process.env.WFO_KEEP_TMP) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
