/** A report that cannot be read as its format: names the file and the line, never a stack. */
export class ReportParseError extends Error {
  override name = 'ReportParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}
