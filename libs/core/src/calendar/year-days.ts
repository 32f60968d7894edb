/**
 * The days off and swapped working days of one solar year, as a working calendar asks for them: lazily, a year at
 * a time, so a calendar honours any year (a due date in 2031, a report on 2023) without loading them all.
 */
import { dayNumberToYmd, ymdToDayNumber } from './civil-date';

export interface YearDays {
  /** Day numbers (days since 1970-01-01) of the days off. */
  readonly holidays: ReadonlySet<number>;
  /** Day numbers of Saturdays/Sundays declared working days. */
  readonly workingWeekendDays: ReadonlySet<number>;
}

/** Returns the days of solar year `year`; called at most once per year a calculation touches, per calendar. */
export type YearDaysProvider = (year: number) => YearDays;

export const NO_DAYS: YearDays = { holidays: new Set(), workingWeekendDays: new Set() };

export function yearDaysOf(holidays: Iterable<string>, workingWeekendDays: Iterable<string> = []): YearDays {
  return {
    holidays: new Set([...holidays].map(ymdToDayNumber)),
    workingWeekendDays: new Set([...workingWeekendDays].map(ymdToDayNumber)),
  };
}

/** The dates back as "YYYY-MM-DD", sorted (e.g. for SQL). */
export function yearDaysDates(days: YearDays): { holidays: string[]; workingWeekendDays: string[] } {
  const dates = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b).map(dayNumberToYmd);
  return { holidays: dates(days.holidays), workingWeekendDays: dates(days.workingWeekendDays) };
}

/** A provider over fixed lists of dates of any years (tests, seeds): groups them by year once. */
export function fixedYearDays(holidays: Iterable<string>, workingWeekendDays: Iterable<string> = []): YearDaysProvider {
  const byYear = new Map<number, { holidays: string[]; working: string[] }>();
  const entry = (ymd: string) => {
    const year = Number(ymd.slice(0, 4));
    let e = byYear.get(year);
    if (!e) byYear.set(year, (e = { holidays: [], working: [] }));
    return e;
  };
  for (const ymd of holidays) {
    ymdToDayNumber(ymd);
    entry(ymd).holidays.push(ymd);
  }
  for (const ymd of workingWeekendDays) {
    ymdToDayNumber(ymd);
    entry(ymd).working.push(ymd);
  }
  const years = new Map([...byYear].map(([year, e]) => [year, yearDaysOf(e.holidays, e.working)]));
  return (year) => years.get(year) ?? NO_DAYS;
}
