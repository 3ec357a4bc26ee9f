import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { liveOrNotice, type Tool } from '../helpers/tools.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * Runs the real tool (`.ci/run` installs it). Missing under CI: the test fails naming the tool
 * and how to install it. Missing elsewhere: copies the output that same tool wrote here
 * (committed with the command that made it, fixtures/README.md), with a printed, counted notice.
 */
export function fixtureOrLive(tool: Tool, name: string, dir: string, live: () => unknown): void {
  if (liveOrNotice(tool, `the ${name} fixture`)) live();
  else cpSync(join(FIXTURES, name), dir, { recursive: true });
}
