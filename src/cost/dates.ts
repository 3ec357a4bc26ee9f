// Ledger days are local calendar days, as the workflow's `date +%Y-%m-%d` names its files.

export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The local day of an ISO timestamp or date; undefined when it does not parse. */
export function dayOf(iso: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : dayKey(date);
}

/**
 * dayOf for many timestamps: a UTC timestamp's local day is the same for every instant of its
 * minute (time zones differ from UTC by whole minutes), so each minute is computed once.
 */
export function cachedDayOf(): (iso: string) => string | undefined {
  const byMinute = new Map<string, string>();
  return (iso) => {
    if (iso.length < 17 || iso.charCodeAt(iso.length - 1) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return dayOf(iso);
    const minute = iso.slice(0, 16);
    const held = byMinute.get(minute);
    if (held !== undefined) return held;
    const day = dayOf(iso);
    if (day !== undefined) byMinute.set(minute, day);
    return day;
  };
}

/** Monday of the week that holds `date`, as a day key. */
export function weekStartKey(date: Date): string {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return dayKey(monday);
}

export function daysInMonth(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
