import { cpSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * Runs the real tool when it is installed (`.ci/run` installs it); otherwise copies the output
 * that same tool wrote here, committed with the command that made it (fixtures/README.md).
 */
export function fixtureOrLive(installed: boolean, name: string, dir: string, live: () => unknown): void {
  if (installed) live();
  else cpSync(join(FIXTURES, name), dir, { recursive: true });
}
