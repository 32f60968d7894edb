import { defaultHolidays } from './holiday-rules';
import { WorkingCalendar } from './working-calendar';
import { fixedYearDays, yearDaysDates, yearDaysOf, type YearDays } from './year-days';
import { fromLocal } from './zoned-time';

describe('WorkingCalendar over a year provider', () => {
  it('asks for a year only when a calculation reaches it, and honours any year', () => {
    const asked: number[] = [];
    const provider = (year: number): YearDays => {
      asked.push(year);
      return yearDaysOf(defaultHolidays(year).map((h) => h.date));
    };
    const calendar = new WorkingCalendar({ yearDays: provider });
    expect(asked).toEqual([]);
    // Tết 2031: lunar 1/1 is Thursday 23 January, so 22–26 January are Tết and 27–28 make up Sat 25 and Sun 26;
    // Tue 21 from 08:00 gives 7.5 h, Wed 29 and Thu 30 8 h each, the last half hour is Fri 31 07:30–08:00

    const due = calendar.dueDate(fromLocal('2031-01-21', '08:00'), { workingDays: 3 });
    expect(due).toEqual(fromLocal('2031-01-31', '08:00'));
    expect(new Set(asked)).toEqual(new Set([2031]));
    // A due date running from December into January asks for both years
    calendar.dueDate(fromLocal('2023-12-29', '08:00'), { workingDays: 2 });
    expect(new Set(asked)).toEqual(new Set([2031, 2023, 2024]));
  });

  it('fixedYearDays groups dates of several years and gives them back', () => {
    const provider = fixedYearDays(['2031-01-22', '2023-05-02', '2031-09-02'], ['2031-01-18']);
    expect(yearDaysDates(provider(2031))).toEqual({ holidays: ['2031-01-22', '2031-09-02'], workingWeekendDays: ['2031-01-18'] });
    expect(yearDaysDates(provider(2023))).toEqual({ holidays: ['2023-05-02'], workingWeekendDays: [] });
    expect(yearDaysDates(provider(2040))).toEqual({ holidays: [], workingWeekendDays: [] });
    expect(() => fixedYearDays(['2031-02-30'])).toThrow(/no such calendar day/);
  });
});
