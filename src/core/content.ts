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

/**
 * The lines of a file's content, read from its bytes: newlines are indexed on first use (one
 * number a line) and a line is decoded only up to `maxChars`, so looking at a line of a 100 MB
 * minified file costs that many characters, not a decode of the whole file. Lines are those of
 * `splitLines(content.toString('utf8'))`.
 */
export class ContentLines {
  private starts: Float64Array | undefined;

  constructor(private readonly content: Buffer) {}

  /** 1-based line `n` without its terminator, cut to `maxChars` UTF-16 units; undefined past the end. */
  line(n: number, maxChars = Infinity): string | undefined {
    const starts = (this.starts ??= lineStarts(this.content));
    if (!Number.isInteger(n) || n < 1 || n > starts.length) return undefined;
    const start = starts[n - 1];
    let end = n < starts.length ? starts[n] - 1 : this.content.length;
    if (n < starts.length && end > start && this.content[end - 1] === 13) end--;
    // A UTF-16 unit takes at most 4 bytes, and a cut character at the end falls past maxChars.
    const text = this.content.toString('utf8', start, Math.min(end, start + 4 * maxChars));
    return text.length > maxChars ? text.slice(0, maxChars) : text;
  }

  /** Lines `n - 1` and `n` at their usual indexes (n - 2, n - 1) of a sparse array, for inline markers. */
  around(n: number, maxChars = Infinity): string[] {
    const lines: string[] = [];
    for (const k of [n - 1, n]) {
      const text = this.line(k, maxChars);
      if (text !== undefined) lines[k - 1] = text;
    }
    return lines;
  }
}

function lineStarts(content: Buffer): Float64Array {
  let count = 1;
  for (let i = content.indexOf(10); i !== -1; i = content.indexOf(10, i + 1)) count++;
  const starts = new Float64Array(count);
  let k = 1;
  for (let i = content.indexOf(10); i !== -1; i = content.indexOf(10, i + 1)) starts[k++] = i + 1;
  return starts;
}

/** True when the 1-based `line` lies in one of the ranges. */
export function inRanges(line: number, ranges: readonly { start: number; end: number }[]): boolean {
  for (const r of ranges) if (line >= r.start && line <= r.end) return true;
  return false;
}
