/** Git's own rule: a NUL byte in the first 8 KiB makes a file binary. */
export function isBinary(content: Buffer): boolean {
  const end = Math.min(content.length, 8000);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}

/** Splits text into lines without the line terminators (\n or \r\n). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** True when the 1-based `line` lies in one of the ranges. */
export function inRanges(line: number, ranges: readonly { start: number; end: number }[]): boolean {
  for (const r of ranges) if (line >= r.start && line <= r.end) return true;
  return false;
}
