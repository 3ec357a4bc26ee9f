// One huge single-line JavaScript file (a minified bundle) scanned by each content gate on its
// own, as `wfo-gate run --all --gate <id> --max-file-size …` does: wall time, CPU time (user +
// system: steadier than wall time on a shared machine) and peak resident memory (GNU time's
// maxRSS) of the built CLI, what it found and what it skipped. Memory must not
// grow with a file's line length (issue #14, item 7: under 600 MB per gate for 100 MB).
// The file has a few planted secrets and SAST sinks in the middle of the line, and the secrets
// again near its end; the figures say whether they were found.
//
//   node scripts/build.mjs && node bench/huge-file.mjs [--mb 50,100] [--gates secrets,sast,secrets+sast] [--runs 3]
//   (a+b: both gates in one run, concurrently, as `run --all` does; medians of --runs runs)
//   (WFO_BENCH_CLI=path to use another build)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, seededRandom, table } from './lib.mjs';

const cli = process.env.WFO_BENCH_CLI ?? resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizesMb = option('--mb', '50,100').split(',').map(Number);
const gates = option('--gates', 'secrets,sast,secrets+sast').split(',');
const runs = Number(option('--runs', '1'));

// Assembled at run time so this file holds no scannable secret itself.
const PLANTED = [
  `var awsKey="${'AKIA'}7YVVVG44XUPDSXMI";`,
  `const gh={token:"${'ghp_'}ooIS5nTDVCuel9aU3vGjsWMWQ9uYwD5wbijn"};`,
  'function run(req,res){eval(req.query.code);var cp=require("child_process");cp.exec("ls "+req.body.dir)}',
];

// Minified-bundle-like chunks: short identifiers, object literals with the words a bundle has
// (token, password, secret, key, auth), strings, regexes, nested calls, a little non-ASCII text
// (UTF-8, as bundles carry © and … in strings); no newline anywhere.
const random = seededRandom(11);
const id = () => String.fromCharCode(97 + Math.floor(random() * 26)) + Math.floor(random() * 99);
function chunk() {
  const a = id();
  const b = id();
  return (
    `function ${a}(${b},t){var e=${b}.token||t.password,n={apiKey:e,secret:${b}.secret,auth:"Bearer "+e};` +
    `if(!${b}||typeof ${b}!=="object")return null;for(var r=0;r<${b}.length;r++)n[${b}[r].key]=${b}[r].value;` +
    `return ${b}.map(function(o){return o.id+"-"+o.name}).filter(Boolean).join(",")+/[a-z]+/g.test(t)}` +
    `var ${id()}={name:"${id()}",version:"1.${Math.floor(random() * 9)}.0",headers:{"Content-Type":"application/json"},title:"Weiter …"};`
  );
}

function writeBundle(path, bytes) {
  const fd = openSync(path, 'w');
  const block = [];
  let blockBytes = 0;
  while (blockBytes < 1 << 16) {
    const c = chunk();
    block.push(c);
    blockBytes += c.length;
  }
  const body = block.join('');
  let written = 0;
  // In the middle, and the secrets again near the end of the line (where a column is costliest).
  const plants = [
    { at: bytes / 2, text: PLANTED.join('') },
    { at: bytes * 0.95, text: PLANTED.slice(0, 2).join('').replace('XMI', 'XMJ').replace('ijn', 'ijm') },
  ];
  while (written < bytes) {
    if (plants.length > 0 && written >= plants[0].at) written += writeSync(fd, plants.shift().text);
    // Whole blocks only, so the file stays valid JavaScript (a little over `bytes`).
    written += writeSync(fd, body);
  }
  writeSync(fd, '\n');
  closeSync(fd);
}

function runGate(dir, gate, size) {
  const argv = [cli, 'run', '--all', '--gate', gate.replaceAll('+', ','), '--max-file-size', String(size * 2), '--format', 'json', '--no-color'];
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...argv], { cwd: dir, stdio: 'pipe', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = String(result.stderr).trim().split('\n');
  const [kb, user, system] = stderr[stderr.length - 1].split(' ').map(Number);
  const cpu = user + system;
  let report;
  try {
    report = JSON.parse(String(result.stdout));
  } catch {
    return { wall, cpu, rss: kb / 1024, status: `crashed (exit ${result.status}): ${stderr.slice(-3, -1).join(' ').slice(0, 200)}`, found: '', skipped: '' };
  }
  const skipped = Object.entries(report.skipped.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k}:${n}`).join(' ');
  const found = report.gates.flatMap((g) => g.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).join(' ');
  const status = report.gates.map((g) => g.status).join('+');
  return { wall, cpu, rss: kb / 1024, status, found, skipped, summary: report.gates.map((g) => g.summary).join(' | ') };
}

const rows = [];
for (const mb of sizesMb) {
  const dir = mkdtempSync(join(tmpdir(), 'wfo-bench-huge-'));
  const size = mb * 1_000_000;
  try {
    writeBundle(join(dir, 'bundle.min.js'), size);
    for (const gate of gates) {
      const all = Array.from({ length: runs }, () => runGate(dir, gate, size));
      const r = all[0];
      const wall = median(all.map((x) => x.wall));
      const cpu = median(all.map((x) => x.cpu));
      const rss = median(all.map((x) => x.rss));
      rows.push({ file: `${mb} MB`, gate, wall: `${wall.toFixed(1)} s`, cpu: `${cpu.toFixed(1)} s`, 'peak RSS': `${Math.round(rss)} MB`, status: r.status, findings: r.found || '-', skipped: r.skipped || '-' });
      console.error(`${mb} MB ${gate}: ${r.summary ?? r.status}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(table(rows, ['file', 'gate', 'wall', 'cpu', 'peak RSS', 'status', 'findings', 'skipped']));
console.log(`${runs} run${runs === 1 ? '' : 's'} each (medians); load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}, node ${process.version}`);
