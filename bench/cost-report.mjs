// How long `wfo-gate cost report` takes on a ledger of a year of daily entries (the issue asks
// for under a second), beside `node -e 0` measured in the same run.
// Usage: node scripts/build.mjs && node bench/cost-report.mjs [runs]   (WFO_BENCH_CLI=path to use another build)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = process.env.WFO_BENCH_CLI ?? resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 7);
const LINES_PER_DAY = 20;
const MODELS = [
  ['claude-sonnet-4-5-20250929', 'claude', 3, 15],
  ['claude-opus-4-1-20250805', 'claude', 15, 75],
  ['gpt-4.1', 'openai', 2, 8],
  ['deepseek-chat', 'deepseek', 0.28, 0.42],
];

const root = mkdtempSync(join(tmpdir(), 'wfo-bench-cost-'));
const ledger = join(root, 'costs');
mkdirSync(ledger);
execFileSync('git', ['init', '-q'], { cwd: root });

// A year of days ending today, each with its daily file and LINES_PER_DAY by-feature lines.
const lines = [];
const pad = (n) => String(n).padStart(2, '0');
const dayKey = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const now = new Date();
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let back = 364; back >= 0; back--) {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12);
  const daily = { date: dayKey(day), total: 0, inference: {}, compute: { runpod: 0 }, entries: 0, models: {} };
  for (let i = 0; i < LINES_PER_DAY; i++) {
    const [model, provider, inRate, outRate] = MODELS[i % MODELS.length];
    const tokens = { input: Math.round(random() * 20000), output: Math.round(random() * 4000), cacheWrite5m: 0, cacheWrite1h: Math.round(random() * 8000), cacheRead: Math.round(random() * 80000) };
    const cost = Math.round(((tokens.input + tokens.cacheRead * 0.1 + tokens.cacheWrite1h * 2) * inRate + tokens.output * outRate)) / 1e6;
    lines.push(JSON.stringify({ id: `bench-${back}-${i}`, feature: `feat/f${i % 12}`, date: day.toISOString(), category: 'inference', provider, cost, model, tokens, source: 'bench' }));
    daily.inference[provider] = Math.round(((daily.inference[provider] ?? 0) + cost) * 1e6) / 1e6;
    daily.total = Math.round((daily.total + cost) * 1e6) / 1e6;
    daily.entries++;
    const m = (daily.models[model] ??= { cost: 0, input: 0, output: 0, cacheWrite: 0, cacheRead: 0 });
    m.cost = Math.round((m.cost + cost) * 1e6) / 1e6;
    m.input += tokens.input;
    m.output += tokens.output;
    m.cacheWrite += tokens.cacheWrite1h;
    m.cacheRead += tokens.cacheRead;
  }
  writeFileSync(join(ledger, `daily-${daily.date}.json`), JSON.stringify(daily, null, 2) + '\n');
}
writeFileSync(join(ledger, 'by-feature.jsonl'), lines.join('\n') + '\n');
writeFileSync(join(ledger, 'budget-config.json'), JSON.stringify({ budgets: { daily: { soft_limit: 20, hard_limit: 40 }, weekly: { soft_limit: 100, hard_limit: 150 }, monthly: { soft_limit: 400, hard_limit: 600 } }, alert_threshold: 0.8, cost_controls: { block_on_limit: false } }));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(label, args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}): ${result.stderr}`);
  }
  return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const size = statSync(join(ledger, 'by-feature.jsonl')).size;
const rows = [
  time('node -e 0 (peer: Node start-up)', ['-e', '0']),
  time('wfo-gate --version', [cli, '--version']),
  time('wfo-gate cost report', [cli, 'cost', 'report']),
  time('wfo-gate cost report --format json', [cli, 'cost', 'report', '--format', 'json']),
  time('wfo-gate cost report --period week --format markdown', [cli, 'cost', 'report', '--period', 'week', '--format', 'markdown']),
];
console.log(`ledger: 365 daily files, ${lines.length} by-feature lines (${(size / 1024 / 1024).toFixed(1)} MB); ${runs} runs each; wall time in ms`);
console.log(`${'command'.padEnd(56)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
for (const r of rows) console.log(`${r.label.padEnd(56)} ${r.median.toFixed(0).padStart(8)} ${r.min.toFixed(0).padStart(8)} ${r.max.toFixed(0).padStart(8)}`);
rmSync(root, { recursive: true, force: true });
