import { defaultHolidays } from './holiday-rules';
import { WorkingCalendar } from './working-calendar';
import { BoundedCache, fixedYearDays, yearDaysDates, yearDaysOf, type YearDays } from './year-days';
import { fromLocal } from './zoned-time';

describe('BoundedCache', () => {
  it('keeps at most `capacity` entries, dropping the least recently used', () => {
    const cache = new BoundedCache<number, string>(3);
    const computed: number[] = [];
    const get = (year: number) => cache.get(year, (y) => (computed.push(y), `days of ${y}`));
    expect([2023, 2024, 2025].map(get)).toEqual(['days of 2023', 'days of 2024', 'days of 2025']);
    expect(get(2023)).toBe('days of 2023'); // a hit: 2023 becomes the most recently used
    get(2031); // over capacity: 2024, the least recently used, goes
    expect(cache.size).toBe(3);
    expect([cache.has(2023), cache.has(2024), cache.has(2025), cache.has(2031)]).toEqual([true, false, true, true]);
    get(2024);
    expect(computed).toEqual([2023, 2024, 2025, 2031, 2024]);
  });

  it('stays bounded whatever is asked', () => {
    const cache = new BoundedCache<number, number>(16);
    for (let year = 1900; year <= 2199; year++) cache.get(year, (y) => y);
    expect(cache.size).toBe(16);
  });

  it('forgets on delete and clear', () => {
    const cache = new BoundedCache<number, number>(2);
    cache.get(1, () => 1);
    cache.get(2, () => 2);
    cache.delete(1);
    expect([cache.has(1), cache.has(2)]).toEqual([false, true]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it.each([0, -1, 1.5, NaN])('refuses capacity %p', (capacity) => {
    expect(() => new BoundedCache(capacity)).toThrow(/Invalid cache capacity/);
  });
});

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
