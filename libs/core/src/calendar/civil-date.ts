/**
 * Calendar-date ("YYYY-MM-DD") arithmetic with no time and no time zone. Everything goes through
 * `Date.UTC`, so the result never depends on the machine's TZ.
 */

const DAY_MS = 86_400_000;
const YMD_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Parses a strict "YYYY-MM-DD" calendar date; throws on malformed text or an impossible date (2026-02-30). */
export function parseYmd(ymd: string): CivilDate {
  const match = typeof ymd === 'string' ? YMD_PATTERN.exec(ymd) : null;
  if (!match) {
    throw new Error(`Invalid date "${String(ymd)}": expected YYYY-MM-DD`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new Error(`Invalid date "${ymd}": no such calendar day`);
  }
  return { year, month, day };
}

export function isValidYmd(ymd: string): boolean {
  try {
    parseYmd(ymd);
    return true;
  } catch {
    return false;
  }
}

/** Builds "YYYY-MM-DD" from numeric parts (month 1–12). */
export function formatCivilDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 (the "day number"), for cheap comparison and iteration. */
export function ymdToDayNumber(ymd: string): number {
  const { year, month, day } = parseYmd(ymd);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dayNumberToYmd(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return formatCivilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Adds (or with a negative `days`, subtracts) whole calendar days. */
export function addDaysYmd(ymd: string, days: number): string {
  return dayNumberToYmd(ymdToDayNumber(ymd) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeekOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeekYmd(ymd: string): number {
  return dayOfWeekOfDayNumber(ymdToDayNumber(ymd));
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
