import { addDaysYmd, dayOfWeekYmd } from './civil-date';
import { defaultHolidayDates, defaultHolidays, HOLIDAY_NAMES, lunarToSolarYmd } from './holiday-rules';

const TET = HOLIDAY_NAMES.lunarNewYear;

describe('lunarToSolarYmd', () => {
  it.each([
    ['Tết 2025', 2025, 1, 1, '2025-01-29'],
    ['Tết 2026', 2026, 1, 1, '2026-02-17'],
    ['Tết 2027', 2027, 1, 1, '2027-02-06'],
    ['Hùng Kings 2025', 2025, 3, 10, '2025-04-07'],
    ['Hùng Kings 2026', 2026, 3, 10, '2026-04-26'],
    ['Hùng Kings 2027', 2027, 3, 10, '2027-04-16'],
  ])('%s', (_label, y, m, d, expected) => {
    expect(lunarToSolarYmd(y, m, d)).toBe(expected);
  });
});

describe('defaultHolidays', () => {
  it.each([
    [
      2025,
      [
        ['2025-01-01', HOLIDAY_NAMES.newYear],
        ['2025-01-28', TET], // 29 tháng Chạp Giáp Thìn (lunar month 12 had 29 days)
        ['2025-01-29', TET],
        ['2025-01-30', TET],
        ['2025-01-31', TET],
        ['2025-02-01', TET],
        ['2025-04-07', HOLIDAY_NAMES.hungKings],
        ['2025-04-30', HOLIDAY_NAMES.victoryDay],
        ['2025-05-01', HOLIDAY_NAMES.labourDay],
        ['2025-09-01', HOLIDAY_NAMES.nationalDay],
        ['2025-09-02', HOLIDAY_NAMES.nationalDay],
      ],
    ],
    [
      2026,
      [
        ['2026-01-01', HOLIDAY_NAMES.newYear],
        ['2026-02-16', TET],
        ['2026-02-17', TET],
        ['2026-02-18', TET],
        ['2026-02-19', TET],
        ['2026-02-20', TET],
        ['2026-04-26', HOLIDAY_NAMES.hungKings], // a Sunday: not moved by the rules
        ['2026-04-30', HOLIDAY_NAMES.victoryDay],
        ['2026-05-01', HOLIDAY_NAMES.labourDay],
        ['2026-09-01', HOLIDAY_NAMES.nationalDay],
        ['2026-09-02', HOLIDAY_NAMES.nationalDay],
      ],
    ],
    [
      2027,
      [
        ['2027-01-01', HOLIDAY_NAMES.newYear],
        ['2027-02-05', TET],
        ['2027-02-06', TET],
        ['2027-02-07', TET],
        ['2027-02-08', TET],
        ['2027-02-09', TET],
        ['2027-04-16', HOLIDAY_NAMES.hungKings],
        ['2027-04-30', HOLIDAY_NAMES.victoryDay],
        ['2027-05-01', HOLIDAY_NAMES.labourDay],
        ['2027-09-01', HOLIDAY_NAMES.nationalDay],
        ['2027-09-02', HOLIDAY_NAMES.nationalDay],
      ],
    ],
  ])('%i', (year, expected) => {
    expect(defaultHolidays(year)).toEqual(expected.map(([date, name]) => ({ date, name })));
  });

  it('uses Vietnamese names', () => {
    expect(HOLIDAY_NAMES).toEqual({
      newYear: 'Tết Dương lịch',
      lunarNewYear: 'Tết Nguyên đán',
      hungKings: 'Giỗ Tổ Hùng Vương',
      victoryDay: 'Ngày Chiến thắng',
      labourDay: 'Ngày Quốc tế Lao động',
      nationalDay: 'Quốc khánh',
    });
  });

  it('does not move holidays falling on a weekend (2026: Hùng Kings on Sunday, 2027: 1 May on Saturday)', () => {
    expect(dayOfWeekYmd('2026-04-26')).toBe(0);
    expect(defaultHolidays(2026).map((h) => h.date)).not.toContain('2026-04-27');
    expect(dayOfWeekYmd('2027-05-01')).toBe(6);
    expect(defaultHolidays(2027).map((h) => h.date)).not.toContain('2027-05-03');
  });

  it.each([2020, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2035, 2040])('invariants for %i', (year) => {
    const holidays = defaultHolidays(year);
    const dates = holidays.map((h) => h.date);
    expect(holidays).toHaveLength(11);
    expect(new Set(dates).size).toBe(11);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    const tet = lunarToSolarYmd(year, 1, 1);
    const tetDays = holidays.filter((h) => h.name === TET).map((h) => h.date);
    expect(tetDays).toEqual([-1, 0, 1, 2, 3].map((n) => addDaysYmd(tet, n)));
    expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
    expect(holidays.filter((h) => h.name === HOLIDAY_NAMES.nationalDay).map((h) => h.date)).toEqual([
      `${year}-09-01`,
      `${year}-09-02`,
    ]);
  });

  it.each([2024.5, NaN, 1800, 3000])('rejects year %p', (year) => {
    expect(() => defaultHolidays(year)).toThrow(/Invalid year/);
  });

  it('defaultHolidayDates concatenates several years', () => {
    const dates = defaultHolidayDates([2025, 2026]);
    expect(dates).toHaveLength(22);
    expect(dates).toContain('2025-01-28');
    expect(dates).toContain('2026-02-20');
  });
});
