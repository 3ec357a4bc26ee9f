/**
 * Offsets to 1-based line and column, counting newlines only as far as the offsets asked for:
 * findings come in increasing order, so a file costs one partial pass, and a file without
 * findings costs nothing. An offset before the previous one restarts from the top.
 */
export class LineIndex {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  /** The text, or its bytes read as latin1 (one char per byte: the same offsets). */
  constructor(private readonly text: string | Buffer) {}

  position(offset: number): { line: number; column: number } {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.lineStart = 0;
    }
    const text = this.text;
    const next = typeof text === 'string' ? (from: number) => text.indexOf('\n', from) : (from: number) => text.indexOf(10, from);
    for (let i = next(this.offset); i !== -1 && i < offset; i = next(i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  /** Offset where the line holding the last position asked for starts. */
  get currentLineStart(): number {
    return this.lineStart;
  }
}
