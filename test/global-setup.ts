import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// e2e tests run the built CLI as a user would (node dist/cli.js): build once before the suite.
// WFO_SKIP_BUILD=1 reuses an existing dist/ (handy while iterating on unit tests).
export default function setup(): void {
  // Where tests record a fallback from a missing tool (test/helpers/tools.ts); the summary
  // reporter counts them. Set here, before the workers start, so every worker inherits it.
  if (!process.env.WFO_TOOL_NOTICES) {
    process.env.WFO_TOOL_NOTICES = join(mkdtempSync(join(tmpdir(), 'wfo-tool-notices-')), 'notices.txt');
    writeFileSync(process.env.WFO_TOOL_NOTICES, '');
  }
  if (process.env.WFO_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
