/**
 * Rule-based Vietnamese public holidays (Labour Code 2019, art. 112 and 111(3)), used to PRE-FILL the holiday table
 * an administrator maintains. The government still decides some days every year (which days around Tết, the day
 * next to 2 September, swapped working Saturdays), so these rules are a starting point to review:
 *
 * - Lunar dates come from the Vietnamese lunar calendar (UTC+07:00, `vietnamese-lunar-calendar.ts`), not the
 *   Chinese one (UTC+08:00), which differs in some years (Tết 1985, 2007, 2030; Hùng Kings 2037, 2038).
 * - A holiday falling on the weekly rest day (Saturday or Sunday) gives the next working day off
 *   (art. 111(3)): each such holiday its own day, the first weekday after it that is not already off.
 */
import { addDaysYmd, dayOfWeekYmd, formatCivilDate } from './civil-date';
import { lunarToSolarYmd } from './vietnamese-lunar-calendar';

export interface HolidayEntry {
  /** "YYYY-MM-DD" (solar calendar) */
  date: string;
  /** Vietnamese name */
  name: string;
}

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victoryDay: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
} as const;

/** Name of the day off given for `holiday` falling on a Saturday or Sunday, e.g. "Nghỉ bù Ngày Quốc tế Lao động". */
export function compensatoryDayName(holiday: string): string {
  return `Nghỉ bù ${holiday}`;
}

/** First year of the Labour Code 2019 (in force 1 January 2021), which added a day next to 2 September. */
const FIRST_YEAR_WITH_TWO_NATIONAL_DAYS = 2021;

/**
 * The public holidays of solar year `year` pre-filled from the rules, sorted by date:
 * - 1 January — Tết Dương lịch;
 * - Tết Nguyên đán, 5 days: the last day of the previous lunar year (29 or 30 of lunar month 12, computed as
 *   the day before lunar 1/1) and lunar 1/1 to 1/4 of lunar year `year`. Lunar 1/1 always falls between
 *   21 January and 20 February, so all five days belong to solar year `year`;
 * - lunar 10/3 — Giỗ Tổ Hùng Vương;
 * - 30 April — Ngày Chiến thắng; 1 May — Ngày Quốc tế Lao động;
 * - 2 September — Quốc khánh, and from 2021 one adjacent day. The Labour Code says "2/9 and one adjacent day
 *   (1/9 or 3/9)"; the adjacent day is decided yearly, and for pre-filling we always choose 1 September. Edit the
 *   table when a year's decision differs (e.g. 3 September). Before 2021 (Labour Code 2012, art. 115) 2/9 alone;
 * - "Nghỉ bù …": for every holiday above on a Saturday or Sunday, in date order, the first Monday–Friday after it
 *   that is not already off (art. 111(3)); e.g. 2027: 1 May is a Saturday, so Monday 3 May is off.
 */
export function defaultHolidays(year: number): HolidayEntry[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new Error(`Invalid year ${String(year)}: expected an integer between 1900 and 2199`);
  }
  const tet = lunarToSolarYmd(year, 1, 1);
  const holidays: HolidayEntry[] = [
    { date: formatCivilDate(year, 1, 1), name: HOLIDAY_NAMES.newYear },
    ...[-1, 0, 1, 2, 3].map((n) => ({ date: addDaysYmd(tet, n), name: HOLIDAY_NAMES.lunarNewYear })),
    { date: lunarToSolarYmd(year, 3, 10), name: HOLIDAY_NAMES.hungKings },
    { date: formatCivilDate(year, 4, 30), name: HOLIDAY_NAMES.victoryDay },
    { date: formatCivilDate(year, 5, 1), name: HOLIDAY_NAMES.labourDay },
    ...(year >= FIRST_YEAR_WITH_TWO_NATIONAL_DAYS ? [{ date: formatCivilDate(year, 9, 1), name: HOLIDAY_NAMES.nationalDay }] : []),
    { date: formatCivilDate(year, 9, 2), name: HOLIDAY_NAMES.nationalDay },
  ].sort(byDate);
  return [...holidays, ...compensatoryDays(holidays)].sort(byDate);
}

/** The days off art. 111(3) gives for `holidays` (sorted by date) falling on a Saturday or Sunday. */
export function compensatoryDays(holidays: readonly HolidayEntry[]): HolidayEntry[] {
  const off = new Set(holidays.map((h) => h.date));
  const days: HolidayEntry[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDaysYmd(holiday.date, 1);
    while (isWeekend(day) || off.has(day)) day = addDaysYmd(day, 1);
    off.add(day);
    days.push({ date: day, name: compensatoryDayName(holiday.name) });
  }
  return days;
}

function isWeekend(ymd: string): boolean {
  const dow = dayOfWeekYmd(ymd);
  return dow === 0 || dow === 6;
}

function byDate(a: HolidayEntry, b: HolidayEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Convenience: the dates only, for several years, e.g. to build a `WorkingCalendar` in tests or seeds. */
export function defaultHolidayDates(years: Iterable<number>): string[] {
  const dates: string[] = [];
  for (const year of years) {
    for (const entry of defaultHolidays(year)) dates.push(entry.date);
  }
  return dates;
}
