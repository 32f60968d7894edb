import { addDaysYmd, dayOfWeekYmd, isValidYmd, parseYmd, ymdToDayNumber, dayNumberToYmd } from './civil-date';

describe('civil-date', () => {
  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-02-17', -1, '2026-02-16'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDaysYmd(%s, %i) = %s', (ymd, days, expected) => {
    expect(addDaysYmd(ymd, days)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-11-20', 5],
    ['2026-11-21', 6],
    ['2026-11-22', 0],
    ['2026-11-23', 1],
    ['2026-04-26', 0],
  ])('dayOfWeekYmd(%s) = %i', (ymd, expected) => {
    expect(dayOfWeekYmd(ymd)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '26-01-01', '2026/01/01', '', '2026-00-10', '2025-02-29'])('rejects %p', (ymd) => {
    expect(isValidYmd(ymd)).toBe(false);
    expect(() => parseYmd(ymd)).toThrow(/Invalid date/);
  });

  it('round-trips day numbers', () => {
    for (const ymd of ['1970-01-01', '1969-12-31', '2026-11-25', '2100-03-01']) {
      expect(dayNumberToYmd(ymdToDayNumber(ymd))).toBe(ymd);
    }
  });
});
