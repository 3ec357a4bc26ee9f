import { execFileSync } from 'node:child_process';

// e2e tests run the built CLI as a user would (node dist/cli.js): build once before the suite.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
