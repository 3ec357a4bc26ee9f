import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitLines } from '../../core/content.js';
import { fingerprint } from '../../core/fingerprint.js';
import type { SarifResult } from './sarif-input.js';

/**
 * Each result's fingerprint: the tool's own when it gave one, else the rule, file, message and
 * the text of its line, so a result that only moved keeps its identity (as built-in findings do).
 * `dir`: where the files the results point at are read from.
 */
export async function fingerprints(gate: string, results: readonly SarifResult[], dir: string): Promise<Map<SarifResult, string>> {
  const lines = new Map<string, Promise<string[]>>();
  const linesOf = (file: string) => {
    let got = lines.get(file);
    if (!got) {
      got = readFile(join(dir, file), 'utf8').then(splitLines, () => []);
      lines.set(file, got);
    }
    return got;
  };
  const out = new Map<SarifResult, string>();
  for (const result of results) {
    const text = result.file && result.line ? ((await linesOf(result.file))[result.line - 1] ?? '') : '';
    out.set(result, fingerprint(gate, result.ruleId, result.file, result.toolFingerprint ?? `${result.message}\0${text}`));
  }
  return out;
}
