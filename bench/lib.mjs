// Shared by the benchmark scripts: timing child processes, medians, peak memory.
import { spawnSync } from 'node:child_process';

/** mulberry32: a small seeded generator of numbers in [0, 1), good enough to spread test data. */
export function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one run of a command, in ms; throws when it exits with an unexpected code. */
export function timeOnce(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'pipe', ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const ok = options.okCodes ?? [0];
  if (!ok.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)} ${String(result.stdout).slice(0, 1500)}`);
  }
  return ms;
}

/**
 * Runs each case `rounds` times, interleaved so that machine noise hits all alike, and
 * returns the median per case.
 */
export function interleaved(cases, rounds) {
  const times = new Map(cases.map((c) => [c.name, []]));
  for (const c of cases) c.warmup?.() ?? timeOnce(c.command, c.args, c.options);
  for (let i = 0; i < rounds; i++) {
    for (const c of cases) {
      c.before?.();
      times.get(c.name).push(timeOnce(c.command, c.args, c.options));
    }
  }
  return cases.map((c) => ({ name: c.name, median: median(times.get(c.name)), min: Math.min(...times.get(c.name)) }));
}

/** Peak resident memory of a child process (MB), read from GNU time when it is installed. */
export function peakMemory(command, args, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: 'pipe', ...options });
  if (result.error) return undefined;
  const lines = String(result.stderr).trim().split('\n');
  const kb = Number(lines[lines.length - 1]);
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

export function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
}
