// What makes a ledger shareable by a team: by-feature.jsonl merged by git's union driver (both
// sides' appended lines kept, no conflict), and the derived daily/month files git-ignored.
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LEDGER_FILES } from './ledger-read.js';

export const GITIGNORE_MARKER = '# Written by wfo-gate:';

const GITIGNORE = `${GITIGNORE_MARKER} by-feature.jsonl is the record; these files are derived from it
# (rebuilt by \`wfo-gate cost log\`, \`cost import\` and \`cost doctor --fix\`), so they are not
# committed and never need a hand merge. Delete this file to keep the daily files by hand.
daily-*.json
mtd.json
mtd-*.json
`;

/** True when wfo-gate created the ledger: its daily and month files are derived from the entries. */
export function isDerivedLedger(dir: string): boolean {
  const path = join(dir, '.gitignore');
  return existsSync(path) && readFileSync(path, 'utf8').includes(GITIGNORE_MARKER);
}

/** For a ledger wfo-gate is creating now: costs/.gitignore, and merge=union for its entries. */
export async function setUpNewLedger(dir: string, repoRoot: string | undefined): Promise<void> {
  await writeFile(join(dir, '.gitignore'), GITIGNORE);
  await ensureUnionMerge(dir, repoRoot);
}

/**
 * `<ledger>/by-feature.jsonl merge=union` in the repository's .gitattributes (or, for a ledger
 * outside the repository, in the ledger's own). Returns the file it wrote to, or undefined when
 * the line was already there. With dryRun, only says which file lacks it.
 */
export async function ensureUnionMerge(dir: string, repoRoot: string | undefined, dryRun = false): Promise<string | undefined> {
  const rel = repoRoot ? relative(repoRoot, dir).replace(/\\/g, '/') : '..';
  const inRepo = repoRoot !== undefined && !rel.startsWith('..');
  const file = inRepo ? join(repoRoot, '.gitattributes') : join(dir, '.gitattributes');
  const pattern = inRepo ? `${rel ? `${rel}/` : ''}${LEDGER_FILES.byFeature}` : LEDGER_FILES.byFeature;
  const line = `${/\s/.test(pattern) ? `"${pattern}"` : pattern} merge=union`;
  const text = await readFile(file, 'utf8').catch(() => '');
  if (text.split('\n').some((l) => l.trim() === line || l.trim() === `/${line}`)) return undefined;
  if (dryRun) return file;
  await appendFile(file, `${text && !text.endsWith('\n') ? '\n' : ''}# wfo-gate: cost entries from every branch are kept on merge\n${line}\n`);
  return file;
}
