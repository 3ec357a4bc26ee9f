import { execFileSync } from 'node:child_process';

// e2e tests run the built CLI as a user would (node dist/cli.js): build once before the suite.
// WFO_SKIP_BUILD=1 reuses an existing dist/ (handy while iterating on unit tests).
export default function setup(): void {
  if (process.env.WFO_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
