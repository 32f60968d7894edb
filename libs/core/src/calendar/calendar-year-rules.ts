import type { FieldError } from '../errors/domain-error';
import { dayOfWeekYmd, isValidYmd } from './civil-date';

/** The years an administrator may confirm (`/api/v1/admin/calendar/{year}`); every calculation honours them all. */
export const EDITABLE_CALENDAR_YEARS = { first: 2000, last: 2100 } as const;

export interface CalendarDayInput {
  date: string;
  name: string;
}

/**
 * What an administrator may save for a year: real dates inside that year, named, no duplicates, holidays never
 * also declared working days, and swapped working days only on a Saturday or Sunday.
 */
export function validateCalendarYear(year: number, holidays: CalendarDayInput[], workingWeekendDays: CalendarDayInput[]): FieldError[] {
  const errors: FieldError[] = [];
  const check = (list: CalendarDayInput[], field: string) => {
    const seen = new Set<string>();
    list.forEach((day, i) => {
      const at = `${field}[${i}]`;
      if (!isValidYmd(day.date)) errors.push({ field: `${at}.date`, message: 'must be a date YYYY-MM-DD' });
      else if (!day.date.startsWith(`${year}-`)) errors.push({ field: `${at}.date`, message: `must be in ${year}` });
      else if (seen.has(day.date)) errors.push({ field: `${at}.date`, message: `${day.date} is listed twice` });
      seen.add(day.date);
      if (!day.name || !day.name.trim()) errors.push({ field: `${at}.name`, message: 'must name the day' });
    });
    return seen;
  };
  const off = check(holidays, 'holidays');
  check(workingWeekendDays, 'workingWeekendDays');
  workingWeekendDays.forEach((day, i) => {
    if (!isValidYmd(day.date)) return;
    const dow = dayOfWeekYmd(day.date);
    if (dow !== 0 && dow !== 6) errors.push({ field: `workingWeekendDays[${i}].date`, message: `${day.date} is not a Saturday or Sunday` });
    if (off.has(day.date)) errors.push({ field: `workingWeekendDays[${i}].date`, message: `${day.date} is also a holiday` });
  });
  return errors;
}
