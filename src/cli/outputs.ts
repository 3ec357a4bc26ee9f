import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderPretty } from '../report/pretty.js';
import { renderSarif } from '../report/sarif.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: Report, format: Format, options: { color: boolean; quiet?: boolean }): string {
  switch (format) {
    case 'pretty':
      return renderPretty(report, options);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}

export function parseFormat(text: string): Format {
  if (!(FORMATS as readonly string[]).includes(text)) throw new UsageError(`--format: unknown format "${text}"`, [`Formats: ${FORMATS.join(', ')}.`]);
  return text as Format;
}

/** Colours only on a terminal, never with --no-color or NO_COLOR (https://no-color.org). */
export function useColor(noColorFlag: boolean, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (noColorFlag || ('NO_COLOR' in process.env && process.env.NO_COLOR !== '')) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export async function writeOutput(cwd: string, file: string, text: string): Promise<void> {
  const path = resolve(cwd, file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, ['Check the path and its permissions.']);
  }
}
