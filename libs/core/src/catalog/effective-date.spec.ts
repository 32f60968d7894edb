import { effectiveDateProblem, hanoiDate, startOfHanoiDay } from './effective-date';

// 2026-12-03 08:00 UTC is 15:00 in Hà Nội; 2026-12-03 18:00 UTC is already 2026-12-04 01:00 there.
const afternoon = new Date('2026-12-03T08:00:00Z');
const pastMidnight = new Date('2026-12-03T18:00:00Z');

describe('effectiveDateProblem: a version takes effect from today or a later day', () => {
  it.each<[string, unknown, Date, Date | null, RegExp | null]>([
    ['today', '2026-12-03', afternoon, null, null],
    ['tomorrow', '2026-12-04', afternoon, null, null],
    ['yesterday', '2026-12-02', afternoon, null, /in the past \(today in Hà Nội is 2026-12-03\)/],
    ['the UTC date once Hà Nội is past midnight', '2026-12-03', pastMidnight, null, /in the past \(today in Hà Nội is 2026-12-04\)/],
    ['not a date', '03/12/2026', afternoon, null, /YYYY-MM-DD/],
    ['a day that does not exist', '2026-02-30', afternoon, null, /YYYY-MM-DD/],
    ['a number', 20261204, afternoon, null, /YYYY-MM-DD/],
    ['before the date a published version waits for', '2026-12-10', afternoon, startOfHanoiDay('2026-12-15'), /before 2026-12-15/],
    ['the date a published version waits for', '2026-12-15', afternoon, startOfHanoiDay('2026-12-15'), null],
    ['five years ahead', '2031-12-03', afternoon, null, null],
    ['more than five years ahead', '2031-12-04', afternoon, null, /more than five years/],
  ])('%s', (_name, date, now, scheduled, expected) => {
    const problem = effectiveDateProblem(date, now, scheduled);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });

  it('a date starts at 00:00 in Hà Nội (17:00 UTC the day before)', () => {
    expect(startOfHanoiDay('2026-12-04').toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(hanoiDate(new Date('2026-12-03T16:59:59Z'))).toBe('2026-12-03');
    expect(hanoiDate(new Date('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
  });
});
