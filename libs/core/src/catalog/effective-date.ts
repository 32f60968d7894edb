/** Procedure versions take effect at the start of a calendar day in Hà Nội (UTC+7, no daylight saving). */
const HANOI_OFFSET_MS = 7 * 3600_000;

/** The Hà Nội calendar date (YYYY-MM-DD) of an instant. */
export function hanoiDate(at: Date): string {
  return new Date(at.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 in Hà Nội of that date. */
export function startOfHanoiDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

const isCalendarDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * Why a version may not take effect from `date`, or null. Today is allowed (it is in force at once, from 00:00);
 * a past date is refused, since dossiers were already received that day under the version then in force. A date
 * before the one a version already waits for would reorder what is published; so would one more than five years
 * out (a typing error rather than a plan).
 */
export function effectiveDateProblem(date: unknown, now: Date, scheduledFrom: Date | null): string | null {
  if (typeof date !== 'string' || !isCalendarDate(date)) return 'must be a date YYYY-MM-DD';
  const today = hanoiDate(now);
  if (date < today) return `is in the past (today in Hà Nội is ${today})`;
  if (scheduledFrom && startOfHanoiDay(date) < scheduledFrom) return `is before ${hanoiDate(scheduledFrom)}, when an already published version takes effect`;
  const limit = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
  if (date > limit) return `is more than five years ahead (after ${limit})`;
  return null;
}
