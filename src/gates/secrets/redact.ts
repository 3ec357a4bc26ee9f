/**
 * The only form in which a secret leaves the scanner: at most 4 leading characters, never more
 * than a quarter of it, and its length — `AKIA…(20 chars)`.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}
