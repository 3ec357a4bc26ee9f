import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { withReference } from '../scripts/config-docs.mjs';
import { PROJECT_ROOT } from './helpers/repo.js';
import { RECIPE_NAMES, RECIPES } from '../src/cli/recipes.js';

describe('README', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  it('has the configuration reference generated from the schemas (run `node scripts/config-docs.mjs --write`)', () => {
    expect(readme).toBe(withReference(readme));
  });
  it('documents every gate and the two set-up commands', () => {
    for (const gate of ['secrets', 'sast', 'audit', 'coverage', 'env-ignore', 'budget']) expect(readme).toContain(`\`${gate}\``);
    expect(readme).toContain('npm ci && npx wfo-gate');
    expect(readme).toContain('npm test');
  });
  it('lists every init recipe', () => {
    for (const name of RECIPE_NAMES) expect(readme).toContain(`| \`${name}\` | \`${RECIPES[name]!.id}\` |`);
  });
});
