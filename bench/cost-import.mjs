// How long `wfo-gate cost import` takes for 100,000 API calls (the issue asks for under 5 s):
// Codex CLI rollout files, each call a token_count event (cumulative total, repeated once, as
// Codex writes it) among message lines, imported into an empty ledger, then imported again.
// Prints wall and CPU seconds (medians over --runs, default 3) and the load average around
// them: on a shared machine the wall time follows the load, the CPU time much less.
// Usage: node scripts/build.mjs && node bench/cost-import.mjs [calls] [--runs N]   (WFO_BENCH_CLI=path to use another build)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = process.env.WFO_BENCH_CLI ?? resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args.splice(runsAt, 2)[1]) || 1) : 3;
const calls = Number(args[0] ?? 100_000);
const PER_SESSION = 500;
const root = mkdtempSync(join(tmpdir(), 'wfo-bench-import-'));
const repo = join(root, 'repo');
const home = join(root, 'codex');
mkdirSync(repo);
execFileSync('git', ['init', '-q'], { cwd: repo });

const start = Date.now() - 20 * 86_400_000;
const pad = (n) => String(n).padStart(2, '0');
let made = 0;
for (let s = 0; made < calls; s++) {
  const t0 = new Date(start + s * 3_600_000);
  const id = `0199a8b2-${String(s).padStart(4, '0')}-7000-8000-000000000000`;
  const dir = join(home, 'sessions', String(t0.getUTCFullYear()), pad(t0.getUTCMonth() + 1), pad(t0.getUTCDate()));
  mkdirSync(dir, { recursive: true });
  const line = (ts, type, payload) => JSON.stringify({ timestamp: new Date(ts).toISOString(), type, payload });
  const lines = [
    line(t0, 'session_meta', { id, timestamp: t0.toISOString(), cwd: repo, cli_version: '0.46.0', originator: 'codex_cli_rs', model_provider: 'openai', git: { branch: `feat/f${s % 12}`, commit_hash: 'a'.repeat(40), repository_url: 'git@github.com:acme/app.git' } }),
    line(t0, 'turn_context', { turn_id: 't1', model: s % 3 ? 'gpt-5-codex' : 'gpt-5-mini', cwd: repo }),
  ];
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 };
  for (let i = 0; i < PER_SESSION && made < calls; i++, made++) {
    const last = { input_tokens: 20_000 + i, cached_input_tokens: 15_000, output_tokens: 800, reasoning_output_tokens: 300, total_tokens: 20_800 + i };
    for (const k of Object.keys(total)) total[k] += last[k];
    const ts = t0.getTime() + i * 5000;
    lines.push(line(ts, 'response_item', { type: 'function_call_output', call_id: `c${i}`, output: 'x'.repeat(400) }));
    const event = line(ts, 'event_msg', { type: 'token_count', info: { total_token_usage: { ...total }, last_token_usage: last, model_context_window: 272000 }, rate_limits: null });
    lines.push(event, event);
  }
  writeFileSync(join(dir, `rollout-${t0.toISOString().slice(0, 19).replace(/:/g, '-')}-${id}.jsonl`), lines.join('\n') + '\n');
}

function once(label) {
  const t = process.hrtime.bigint();
  // `times` after the run: the CPU the import used, which a busy shared machine does not inflate.
  const result = spawnSync('bash', ['-c', 'node "$0" cost import codex --dir "$1" && times', cli, home], { cwd: repo, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (result.status !== 0) throw new Error(`${label}: exit ${result.status}\n${result.stderr}`);
  const out = result.stdout.trim().split('\n');
  const [user, sys] = (out.at(-1) ?? '').split(/\s+/).map((v) => { const m = /(\d+)m([\d.]+)s/.exec(v); return m ? Number(m[1]) * 60 + Number(m[2]) : 0; });
  return { wall: ms / 1000, cpu: user + sys, summary: out.at(-3) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function timed(label, before) {
  const results = [];
  const loads = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    loads.push(loadavg()[0]);
    results.push(once(label));
  }
  const { summary } = results.at(-1);
  process.stdout.write(
    `${label}: ${median(results.map((r) => r.wall)).toFixed(2)} s wall, ${median(results.map((r) => r.cpu)).toFixed(2)} s CPU` +
      ` (median of ${runs}; 1-min load ${median(loads).toFixed(2)}) — ${summary}\n`,
  );
}

process.stdout.write(`${made} API calls in ${Math.ceil(made / PER_SESSION)} Codex session files; load average ${load()} (${process.env.WFO_BENCH_CLI ? cli : 'dist/cli.js'})\n`);
timed('first import (empty ledger)', () => rmSync(join(repo, 'costs'), { recursive: true, force: true }));
timed('second import (all already there)');
process.stdout.write(`load average after: ${load()}\n`);
if (!process.env.WFO_BENCH_KEEP) rmSync(root, { recursive: true, force: true });
else process.stdout.write(`kept ${root}\n`);
