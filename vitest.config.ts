import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    // No test reads the machine's clock: "now" is pinned here (src/core/clock.ts reads it, and so
    // does every CLI a test spawns). scripts/test.mjs re-runs the date-sensitive files at other
    // instants and time zones.
    env: { WFO_GATE_NOW: process.env.WFO_GATE_NOW || '2026-11-18T12:00:00.000Z' },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
