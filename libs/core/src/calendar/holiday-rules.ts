/// <reference path="./lunar-javascript.d.ts" />
/**
 * Rule-based Vietnamese public holidays (Labour Code 2019, art. 112), used to PRE-FILL the holiday table an
 * administrator maintains. The government decides the actual days off every year (moving Tết days, granting
 * compensatory days, swapping working Saturdays), so these rules are a starting point, not the truth:
 *
 * - Holidays falling on a Saturday/Sunday are NOT moved here. Compensatory days off (ngày nghỉ bù) are
 *   decided each year and must be entered in the editable table.
 * - Lunar dates are converted with `lunar-javascript`, which implements the Chinese calendar (computed for
 *   UTC+08:00). The Vietnamese calendar is computed for UTC+07:00 and, in rare years, starts a lunar month one
 *   day earlier (e.g. Tết 2007: 17 Feb in Viet Nam, 18 Feb in China). For 2025–2027 both agree; always review
 *   the pre-filled table against the government's announcement.
 */
import { Lunar } from 'lunar-javascript';
import { addDaysYmd, formatCivilDate } from './civil-date';

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

/** Solar "YYYY-MM-DD" of a (non-leap-month) lunar date. */
export function lunarToSolarYmd(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  const solar = Lunar.fromYmd(lunarYear, lunarMonth, lunarDay).getSolar();
  return formatCivilDate(solar.getYear(), solar.getMonth(), solar.getDay());
}

/**
 * The public holidays of solar year `year` pre-filled from the rules, sorted by date:
 * - 1 January — Tết Dương lịch;
 * - Tết Nguyên đán, 5 days: the last day of the previous lunar year (29 or 30 of lunar month 12, computed as
 *   the day before lunar 1/1) and lunar 1/1 to 1/4 of lunar year `year`. Lunar 1/1 always falls between
 *   21 January and 20 February, so all five days belong to solar year `year`;
 * - lunar 10/3 — Giỗ Tổ Hùng Vương;
 * - 30 April — Ngày Chiến thắng; 1 May — Ngày Quốc tế Lao động;
 * - 2 September — Quốc khánh, plus one adjacent day. The Labour Code says "2/9 and one adjacent day (1/9 or
 *   3/9)"; the adjacent day is decided yearly, and for pre-filling we always choose 1 September. Edit the
 *   table when a year's decision differs (e.g. 3 September).
 */
export function defaultHolidays(year: number): HolidayEntry[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new Error(`Invalid year ${String(year)}: expected an integer between 1900 and 2199`);
  }
  const tet = lunarToSolarYmd(year, 1, 1);
  const entries: HolidayEntry[] = [
    { date: formatCivilDate(year, 1, 1), name: HOLIDAY_NAMES.newYear },
    { date: addDaysYmd(tet, -1), name: HOLIDAY_NAMES.lunarNewYear },
    { date: tet, name: HOLIDAY_NAMES.lunarNewYear },
    { date: addDaysYmd(tet, 1), name: HOLIDAY_NAMES.lunarNewYear },
    { date: addDaysYmd(tet, 2), name: HOLIDAY_NAMES.lunarNewYear },
    { date: addDaysYmd(tet, 3), name: HOLIDAY_NAMES.lunarNewYear },
    { date: lunarToSolarYmd(year, 3, 10), name: HOLIDAY_NAMES.hungKings },
    { date: formatCivilDate(year, 4, 30), name: HOLIDAY_NAMES.victoryDay },
    { date: formatCivilDate(year, 5, 1), name: HOLIDAY_NAMES.labourDay },
    { date: formatCivilDate(year, 9, 1), name: HOLIDAY_NAMES.nationalDay },
    { date: formatCivilDate(year, 9, 2), name: HOLIDAY_NAMES.nationalDay },
  ];
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Convenience: the dates only, for several years, e.g. to build a `WorkingCalendar` in tests or seeds. */
export function defaultHolidayDates(years: Iterable<number>): string[] {
  const dates: string[] = [];
  for (const year of years) {
    for (const entry of defaultHolidays(year)) dates.push(entry.date);
  }
  return dates;
}
