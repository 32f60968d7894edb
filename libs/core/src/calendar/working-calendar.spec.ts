import { addDaysYmd } from './civil-date';
import { defaultHolidayDates } from './holiday-rules';
import { OfficeHours } from './office-hours';
import { MINUTES_PER_WORKING_DAY, StatutoryTime, WorkingCalendar } from './working-calendar';
import { formatYmd, fromLocal, toIsoWithOffset } from './zoned-time';

/** "YYYY-MM-DD HH:mm[:ss]" Asia/Ho_Chi_Minh → instant */
const at = (local: string): Date => {
  const [ymd, hhmm] = local.split(' ');
  return fromLocal(ymd, hhmm);
};
/** instant → "YYYY-MM-DD HH:mm[:ss]" Asia/Ho_Chi_Minh (seconds only when non-zero) */
const local = (date: Date): string => {
  const iso = toIsoWithOffset(date);
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return text.endsWith(':00') ? text.slice(0, 16) : text;
};

const HOLIDAYS = defaultHolidayDates([2025, 2026, 2027]);
const cal = new WorkingCalendar({ holidays: HOLIDAYS, workingWeekendDays: [] });

// Reference week: Fri 2026-11-20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    ['2026-11-25', true, 'Wednesday'],
    ['2026-11-20', true, 'Friday'],
    ['2026-11-21', false, 'Saturday'],
    ['2026-11-22', false, 'Sunday'],
    ['2026-01-01', false, 'Tết Dương lịch (Thursday)'],
    ['2026-01-02', true, 'Friday after New Year'],
    ['2026-02-16', false, 'last day of lunar year Ất Tỵ'],
    ['2026-02-17', false, 'Tết lunar 1/1'],
    ['2026-02-20', false, 'Tết lunar 1/4'],
    ['2026-02-23', true, 'Monday after Tết'],
    ['2026-04-26', false, 'Hùng Kings on a Sunday'],
    ['2026-04-27', false, 'Monday after Hùng Kings on Sunday: compensatory day off (Labour Code 2019 art. 111(3); the government gave it too)'],
    ['2026-04-30', false, '30 April'],
    ['2026-05-01', false, '1 May'],
    ['2026-09-01', false, 'day adjacent to National Day'],
    ['2026-09-02', false, 'National Day'],
    ['2026-09-03', true, 'day after National Day'],
    ['2025-01-28', false, 'Tết 2025 eve'],
    ['2027-02-09', false, 'Tết 2027 lunar 1/4'],
  ])('%s → %p (%s)', (ymd, expected) => {
    expect(cal.isWorkingDay(ymd)).toBe(expected);
  });

  it('a Saturday declared a working day counts; a listed day wins over the holiday list', () => {
    const swapped = new WorkingCalendar({ holidays: ['2026-11-21'], workingWeekendDays: ['2026-11-21'] });
    expect(swapped.isWorkingDay('2026-11-21')).toBe(true);
    expect(swapped.isWorkingDay('2026-11-22')).toBe(false);
  });

  it.each([
    ['2026-11-20', '2026-11-23'],
    ['2026-02-13', '2026-02-23'],
    ['2026-04-29', '2026-05-04'],
    ['2025-12-31', '2026-01-02'],
  ])('nextWorkingDay(%s) = %s', (ymd, expected) => {
    expect(cal.nextWorkingDay(ymd)).toBe(expected);
  });

  it.each(['2026-02-30', '2026/11/25', 'tomorrow'])('rejects malformed date %p', (ymd) => {
    expect(() => cal.isWorkingDay(ymd)).toThrow(/Invalid date/);
  });

  it('rejects malformed holiday entries at construction', () => {
    expect(() => new WorkingCalendar({ holidays: ['2026-13-01'], workingWeekendDays: [] })).toThrow(/Invalid date/);
    expect(() => new WorkingCalendar({ holidays: [], workingWeekendDays: ['21/11/2026'] })).toThrow(/Invalid date/);
  });
});

describe('WorkingCalendar.startOfClock', () => {
  it.each([
    // receivedAt (local), sameDay, expected start (local), case
    ['2026-11-25 08:00', false, '2026-11-25 08:00', 'during the morning session'],
    ['2026-11-25 00:00', false, '2026-11-25 07:30', 'midnight'],
    ['2026-11-25 06:45', false, '2026-11-25 07:30', 'before opening'],
    ['2026-11-25 07:30', false, '2026-11-25 07:30', 'exactly at opening'],
    ['2026-11-25 11:29', false, '2026-11-25 11:29', 'end of the morning session'],
    ['2026-11-25 11:30', false, '2026-11-25 13:00', 'exactly at the morning session end'],
    ['2026-11-25 12:15', false, '2026-11-25 13:00', 'lunch break'],
    ['2026-11-25 13:00', false, '2026-11-25 13:00', 'exactly at the afternoon start'],
    ['2026-11-25 16:59', false, '2026-11-25 16:59', 'just before closing'],
    ['2026-11-25 17:00', false, '2026-11-26 07:30', 'exactly at the cut-off (nothing left of the day)'],
    ['2026-11-25 17:30', false, '2026-11-26 07:30', 'after hours → next working morning'],
    ['2026-11-25 23:59', false, '2026-11-26 07:30', 'late evening'],
    ['2026-11-25 14:59', true, '2026-11-25 14:59', 'same-day before 15:00'],
    ['2026-11-25 15:00', true, '2026-11-25 15:00', 'same-day exactly at the 15:00 cut-off'],
    ['2026-11-25 15:00:01', true, '2026-11-26 07:30', 'same-day just after the 15:00 cut-off'],
    ['2026-11-25 16:00', true, '2026-11-26 07:30', 'same-day after the cut-off'],
    ['2026-11-25 16:00', false, '2026-11-25 16:00', 'same time, ordinary procedure'],
    ['2026-11-25 12:00', true, '2026-11-25 13:00', 'same-day lunch break'],
    ['2026-11-20 16:00', false, '2026-11-20 16:00', 'Friday before the cut-off'],
    ['2026-11-20 17:30', false, '2026-11-23 07:30', 'Friday after hours → Monday'],
    ['2026-11-20 15:30', true, '2026-11-23 07:30', 'Friday after the same-day cut-off → Monday'],
    ['2026-11-21 10:00', false, '2026-11-23 07:30', 'Saturday'],
    ['2026-11-22 06:00', false, '2026-11-23 07:30', 'Sunday'],
    ['2026-04-30 09:00', false, '2026-05-04 07:30', 'holiday 30/4 (then 1/5, weekend)'],
    ['2026-09-01 09:00', false, '2026-09-03 07:30', 'holiday 1/9'],
    ['2026-02-13 17:30', false, '2026-02-23 07:30', 'Friday evening before Tết 2026'],
    ['2026-02-18 10:00', false, '2026-02-23 07:30', 'during Tết 2026'],
    ['2025-12-31 17:01', false, '2026-01-02 07:30', 'New Year eve after hours'],
  ])('%s (sameDay=%p) → %s [%s]', (received, sameDay, expected) => {
    expect(local(cal.startOfClock(at(received), { sameDay }))).toBe(expected);
  });

  it('defaults to the ordinary cut-off', () => {
    expect(local(cal.startOfClock(at('2026-11-25 16:00')))).toBe('2026-11-25 16:00');
  });

  it('works on instants, independent of how they were written', () => {
    // 00:30Z = 07:30 in Hà Nội; 10:30Z = 17:30 in Hà Nội
    expect(cal.startOfClock(new Date('2026-11-25T00:30:00Z'), {}).toISOString()).toBe('2026-11-25T00:30:00.000Z');
    expect(cal.startOfClock(new Date('2026-11-25T10:30:00Z'), {}).toISOString()).toBe('2026-11-26T00:30:00.000Z');
  });

  it('honours custom office hours', () => {
    const custom: OfficeHours = {
      sessions: [
        { start: '08:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
      sameDayCutoff: '15:30',
      cutoff: '17:30',
    };
    const c = new WorkingCalendar({ officeHours: custom, holidays: [], workingWeekendDays: [] });
    expect(local(c.startOfClock(at('2026-11-25 07:45'), {}))).toBe('2026-11-25 08:00');
    expect(local(c.startOfClock(at('2026-11-25 12:30'), {}))).toBe('2026-11-25 13:30');
    expect(local(c.startOfClock(at('2026-11-25 17:15'), {}))).toBe('2026-11-25 17:15');
    expect(local(c.startOfClock(at('2026-11-25 17:45'), {}))).toBe('2026-11-26 08:00');
    expect(local(c.addWorkingTime(at('2026-11-25 08:00'), 480))).toBe('2026-11-25 17:30');
  });

  it('rejects an invalid Date', () => {
    expect(() => cal.startOfClock(new Date('nope'), {})).toThrow(/Invalid receivedAt/);
  });
});

describe('WorkingCalendar.addWorkingTime', () => {
  it.each([
    // start (local), working minutes, expected (local), case
    ['2026-11-25 08:00', 0, '2026-11-25 08:00', 'zero minutes'],
    ['2026-11-25 12:00', 0, '2026-11-25 12:00', 'zero minutes outside a session: unchanged'],
    ['2026-11-25 08:00', 60, '2026-11-25 09:00', 'within a session'],
    ['2026-11-25 08:00', 210, '2026-11-25 11:30', 'ends exactly at the morning session end'],
    ['2026-11-25 08:00', 211, '2026-11-25 13:01', 'skips lunch'],
    ['2026-11-25 07:30', 480, '2026-11-25 17:00', 'one full day ends at 17:00, not the next morning'],
    ['2026-11-25 07:30', 481, '2026-11-26 07:31', 'one day and a minute'],
    ['2026-11-25 12:00', 30, '2026-11-25 13:30', 'starting in the lunch break'],
    ['2026-11-25 06:00', 30, '2026-11-25 08:00', 'starting before opening'],
    ['2026-11-25 18:00', 30, '2026-11-26 08:00', 'starting after hours'],
    ['2026-11-20 16:00', 60, '2026-11-20 17:00', 'Friday: up to closing'],
    ['2026-11-20 16:00', 61, '2026-11-23 07:31', 'Friday: weekend skipped'],
    ['2026-11-20 16:00', 480, '2026-11-23 16:00', 'Friday 16:00 + 1 day → Monday 16:00'],
    ['2026-11-21 09:00', 30, '2026-11-23 08:00', 'starting on a Saturday'],
    ['2026-11-20 07:30', 5 * 480, '2026-11-26 17:00', 'five days across a weekend'],
    ['2026-02-13 07:30', 960, '2026-02-23 17:00', 'two days across Tết 2026'],
    ['2026-02-13 16:00', 480, '2026-02-23 16:00', 'extension by one day across Tết 2026'],
    ['2026-04-29 16:00', 120, '2026-05-04 08:30', 'across 30/4, 1/5 and a weekend'],
    ['2026-11-25 08:00', 0.5, '2026-11-25 08:00:30', 'fractional minutes'],
  ])('%s + %d min → %s [%s]', (start, minutes, expected) => {
    expect(local(cal.addWorkingTime(at(start), minutes))).toBe(expected);
  });

  it.each([-1, -0.001, NaN, Infinity])('rejects %p minutes', (minutes) => {
    expect(() => cal.addWorkingTime(at('2026-11-25 08:00'), minutes)).toThrow(/Invalid workingMinutes/);
  });

  it('returns a new Date for 0 minutes', () => {
    const start = at('2026-11-25 08:00');
    const result = cal.addWorkingTime(start, 0);
    expect(result).not.toBe(start);
    expect(result.getTime()).toBe(start.getTime());
  });

  it.each([1, 7, 25, 100, 250])('%i working days from a Wednesday morning end on the N-th working day at 17:00', (days) => {
    // Reference computed day by day with isWorkingDay only.
    let ymd = '2026-11-25';
    for (let counted = 1; counted < days;) {
      ymd = addDaysYmd(ymd, 1);
      if (cal.isWorkingDay(ymd)) counted++;
    }
    expect(local(cal.addWorkingTime(at('2026-11-25 07:30'), days * MINUTES_PER_WORKING_DAY))).toBe(`${ymd} 17:00`);
  });

  it('is fast for long spans', () => {
    const started = Date.now();
    const tenYears = 10 * 250 * MINUTES_PER_WORKING_DAY;
    const end = cal.addWorkingTime(at('2026-01-02 07:30'), tenYears);
    expect(cal.workingMinutesBetween(at('2026-01-02 07:30'), end)).toBe(tenYears);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops with an Error when the table has no working day for over a year', () => {
    const allOff: string[] = [];
    for (let d = '2026-01-01'; d < '2027-12-31'; d = addDaysYmd(d, 1)) allOff.push(d);
    const broken = new WorkingCalendar({ holidays: allOff, workingWeekendDays: [] });
    expect(() => broken.addWorkingTime(at('2026-01-01 08:00'), 60)).toThrow(/consecutive non-working days/);
    expect(() => broken.startOfClock(at('2026-01-01 08:00'), {})).toThrow(/consecutive non-working days/);
  });
});

describe('WorkingCalendar.dueDate', () => {
  it.each<[string, StatutoryTime, string, string]>([
    // receivedAt (local), statutory, expected due (local), case
    ['2026-11-20 16:00', { workingDays: 1 }, '2026-11-23 16:00', 'Friday 16:00 + 1 day → Monday 16:00'],
    ['2026-11-20 17:30', { workingDays: 1 }, '2026-11-23 17:00', 'Friday after hours + 1 day → Monday 17:00'],
    ['2026-11-25 17:30', { workingDays: 1 }, '2026-11-26 17:00', 'after hours counts from next morning'],
    ['2026-11-25 07:30', { workingDays: 3 }, '2026-11-27 17:00', 'three days from opening'],
    ['2026-11-25 10:00', { workingDays: 0.5 }, '2026-11-25 15:30', 'half a day'],
    ['2026-11-25 12:00', { workingDays: 0.5 }, '2026-11-25 17:00', 'lunch-break receipt, half a day'],
    ['2026-11-25 08:00', { workingDays: 1, workingHours: 2 }, '2026-11-26 10:00', 'days and hours add up'],
    ['2026-11-25 14:00', { workingHours: 4, sameDay: true }, '2026-11-26 08:30', 'same-day before 15:00'],
    ['2026-11-25 15:30', { workingHours: 4, sameDay: true }, '2026-11-26 11:30', 'same-day after 15:00'],
    ['2026-11-25 15:30', { workingHours: 4 }, '2026-11-26 10:00', 'ordinary procedure at 15:30'],
    ['2026-11-25 17:30', { workingDays: 0 }, '2026-11-26 07:30', 'zero time = start of the clock'],
    ['2026-04-30 09:00', { workingDays: 2 }, '2026-05-05 17:00', 'received on a holiday'],
    ['2026-02-12 10:00', { workingDays: 3 }, '2026-02-24 10:00', 'span across Tết 2026'],
    ['2025-12-31 14:00', { workingDays: 1 }, '2026-01-02 14:00', 'span across New Year'],
    ['2026-08-31 16:00', { workingDays: 1 }, '2026-09-03 16:00', 'span across National Day'],
    ['2026-04-24 15:00', { workingDays: 1 }, '2026-04-28 15:00', 'Hùng Kings on Sunday: Monday 27/4 is off (art. 111(3))'],
  ])('%s %j → %s [%s]', (received, statutory, expected) => {
    expect(local(cal.dueDate(at(received), statutory))).toBe(expected);
  });

  it('counts a Saturday declared a working day (swapped working day)', () => {
    const swapped = new WorkingCalendar({ holidays: HOLIDAYS, workingWeekendDays: ['2026-11-21'] });
    expect(local(swapped.dueDate(at('2026-11-20 16:00'), { workingDays: 1 }))).toBe('2026-11-21 16:00');
    expect(local(swapped.dueDate(at('2026-11-20 17:30'), { workingDays: 2 }))).toBe('2026-11-23 17:00');
    expect(local(swapped.startOfClock(at('2026-11-21 09:00'), {}))).toBe('2026-11-21 09:00');
    expect(local(cal.dueDate(at('2026-11-20 17:30'), { workingDays: 2 }))).toBe('2026-11-24 17:00');
  });

  it('applies an extra day off entered in the table', () => {
    // Suppose the government grants Monday 23/11/2026 off: Friday 15–17 h, then Tuesday 07:30–11:30 and 13–15 h.
    const withExtraDay = new WorkingCalendar({ holidays: [...HOLIDAYS, '2026-11-23'], workingWeekendDays: [] });
    expect(local(withExtraDay.dueDate(at('2026-11-20 15:00'), { workingDays: 1 }))).toBe('2026-11-24 15:00');
  });

  it.each<[StatutoryTime, RegExp]>([
    [{}, /workingDays or workingHours is required/],
    [{ sameDay: true }, /workingDays or workingHours is required/],
    [{ workingDays: -1 }, /Invalid workingDays/],
    [{ workingHours: -0.5 }, /Invalid workingHours/],
    [{ workingDays: NaN }, /Invalid workingDays/],
  ])('rejects %j', (statutory, message) => {
    expect(() => cal.dueDate(at('2026-11-25 08:00'), statutory)).toThrow(message);
  });
});

describe('WorkingCalendar.workingMinutesBetween', () => {
  it.each([
    ['2026-11-25 08:00', '2026-11-25 09:00', 60, 'within a session'],
    ['2026-11-25 07:00', '2026-11-25 18:00', 480, 'a whole working day'],
    ['2026-11-25 11:00', '2026-11-25 13:30', 60, 'across lunch'],
    ['2026-11-20 16:00', '2026-11-23 08:00', 90, 'across a weekend'],
    ['2026-11-21 08:00', '2026-11-22 17:00', 0, 'weekend only'],
    ['2026-11-25 17:00', '2026-11-26 07:30', 0, 'overnight'],
    ['2026-11-25 09:00', '2026-11-25 09:00', 0, 'empty interval'],
    ['2026-11-25 10:00', '2026-11-25 09:00', 0, 'reversed interval'],
    ['2026-02-13 07:30', '2026-02-23 17:00', 960, 'across Tết 2026'],
    ['2026-11-25 08:00', '2026-11-25 08:00:30', 0.5, 'fractional'],
    ['2026-11-16 00:00', '2026-11-23 00:00', 5 * 480, 'a whole week'],
  ])('%s → %s = %d [%s]', (from, to, expected) => {
    expect(cal.workingMinutesBetween(at(from), at(to))).toBe(expected);
  });

  it.each([0, 1, 59.5, 210, 480, 481, 2400, 10_000])('inverts addWorkingTime for %d minutes', (minutes) => {
    const start = at('2026-02-12 10:17');
    expect(cal.workingMinutesBetween(start, cal.addWorkingTime(start, minutes))).toBe(minutes);
  });
});

describe('WorkingCalendar.extendByPause', () => {
  // Hùng Kings 2026 falls on Sunday 26/4, so Monday 27/4 is a compensatory day off (in HOLIDAYS).
  const hungKingsBridge = cal;

  it.each([
    // due, pausedAt, resumedAt, expected new due, case
    [
      '2026-04-29 10:00',
      '2026-04-24 15:00',
      '2026-04-28 09:00',
      '2026-04-29 15:00',
      'pause Friday → Tuesday over a Monday holiday: only Fri 15–17 and Tue 07:30–09:00 (210 min) count',
    ],
    ['2026-04-29 16:00', '2026-04-24 15:00', '2026-04-28 09:00', '2026-05-04 10:00', 'the extension itself skips 30/4, 1/5 and the weekend'],
    ['2026-11-25 10:00', '2026-11-21 08:00', '2026-11-22 18:00', '2026-11-25 10:00', 'pause over a weekend only'],
    ['2026-11-25 10:00', '2026-11-23 17:00', '2026-11-24 07:30', '2026-11-25 10:00', 'pause overnight only'],
    ['2026-11-25 10:00', '2026-11-23 09:00', '2026-11-23 09:00', '2026-11-25 10:00', 'zero-length pause'],
    ['2026-11-25 17:00', '2026-11-23 09:00', '2026-11-23 09:30', '2026-11-26 08:00', 'due at 17:00 continues next morning'],
    ['2026-11-25 16:00', '2026-11-23 09:00', '2026-11-23 10:00', '2026-11-25 17:00', 'extension ends exactly at 17:00'],
    ['2026-11-25 10:00', '2026-11-26 09:00', '2026-11-26 10:00', '2026-11-25 11:00', 'pause after the due date still moves it'],
  ])('due %s, paused %s → %s ⇒ %s [%s]', (due, paused, resumed, expected) => {
    expect(local(hungKingsBridge.extendByPause(at(due), at(paused), at(resumed)))).toBe(expected);
  });

  it('pause across National Day 2025 (Mon 1/9 and Tue 2/9 off) counts only the working minutes waited', () => {
    // Fri 29/8 16:00 → Wed 3/9 08:00: 60 + 30 = 90 working minutes.
    expect(cal.workingMinutesBetween(at('2025-08-29 16:00'), at('2025-09-03 08:00'))).toBe(90);
    // due Thu 4/9 10:00 + 90 min = 11:30 exactly (a session end: stays 11:30, not 13:00).
    expect(local(cal.extendByPause(at('2025-09-04 10:00'), at('2025-08-29 16:00'), at('2025-09-03 08:00')))).toBe('2025-09-04 11:30');
  });

  it('successive pauses equal one extension by the summed waiting time', () => {
    const due = at('2026-11-27 10:00');
    const first = cal.extendByPause(due, at('2026-11-23 09:00'), at('2026-11-23 16:00')); // 150 + 180 = 330 min
    const both = cal.extendByPause(first, at('2026-11-24 16:30'), at('2026-11-25 08:00')); // 30 + 30 = 60 min
    expect(local(both)).toBe(local(cal.addWorkingTime(due, 330 + 60)));
    expect(local(both)).toBe('2026-11-30 08:30');
  });

  it('rejects resumedAt before pausedAt', () => {
    expect(() => cal.extendByPause(at('2026-11-25 10:00'), at('2026-11-23 10:00'), at('2026-11-23 09:00'))).toThrow(/resumedAt is before pausedAt/);
  });

  it('extension (gia hạn) by whole working days is addWorkingTime(due, days × 480)', () => {
    expect(local(cal.addWorkingTime(at('2026-02-13 16:00'), 2 * MINUTES_PER_WORKING_DAY))).toBe('2026-02-24 16:00');
    expect(formatYmd(cal.addWorkingTime(at('2026-11-27 17:00'), 3 * MINUTES_PER_WORKING_DAY))).toBe('2026-12-02');
  });
});
