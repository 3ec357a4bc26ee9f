import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { now } from './clock.js';
import { UsageError } from './errors.js';
import { syntaxErrorMessage } from './redact-message.js';
import type { Finding } from './types.js';

export interface BaselineEntry {
  gate: string;
  ruleId: string;
  file?: string;
}

export interface BaselineFile {
  version: 1;
  createdAt: string;
  /** fingerprint -> what it was, so a reviewer can read the file */
  findings: Record<string, BaselineEntry>;
}

/** Accepted fingerprints, or an empty set when there is no baseline file. */
export async function loadBaseline(root: string, path: string): Promise<Map<string, BaselineEntry>> {
  const full = join(root, path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new UsageError(`${path}: cannot read the baseline (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    const data = JSON.parse(text) as BaselineFile;
    if (data?.version !== 1 || typeof data.findings !== 'object' || data.findings === null) throw new Error('unexpected shape');
    return new Map(Object.entries(data.findings));
  } catch (error) {
    throw new UsageError(`${path}: not a wfo-gate baseline (${syntaxErrorMessage(error, text)})`, [
      'Recreate it with `wfo-gate baseline`, or delete it to stop suppressing.',
    ]);
  }
}

/** Writes every finding's fingerprint as accepted (atomically: temp file, then rename). */
export async function writeBaseline(root: string, path: string, findings: readonly Finding[]): Promise<number> {
  const entries: Record<string, BaselineEntry> = {};
  for (const f of [...findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint))) {
    entries[f.fingerprint] = { gate: f.gate, ruleId: f.ruleId, ...(f.file ? { file: f.file } : {}) };
  }
  const data: BaselineFile = { version: 1, createdAt: now().toISOString(), findings: entries };
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  const temp = `${full}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(data, null, 2) + '\n');
  await rename(temp, full);
  return Object.keys(entries).length;
}
