/** USD rounded to a millionth of a dollar, so sums written to files do not carry float noise. */
export function roundUsd(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/** `$12.40`; amounts under a cent keep more digits so they do not read as zero. */
export function formatUsd(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `$${value.toFixed(4)}`;
  return `$${value.toFixed(2)}`;
}
