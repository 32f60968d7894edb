import { addDaysYmd, dayOfWeekYmd } from './civil-date';
import { compensatoryDayName, defaultHolidayDates, defaultHolidays, HOLIDAY_NAMES } from './holiday-rules';
import { lunarToSolarYmd } from './vietnamese-lunar-calendar';

const TET = HOLIDAY_NAMES.lunarNewYear;
const BU = compensatoryDayName;

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
        ['2025-02-01', TET], // mùng 4, a Saturday
        ['2025-02-03', BU(TET)],
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
        ['2026-04-26', HOLIDAY_NAMES.hungKings], // a Sunday
        ['2026-04-27', BU(HOLIDAY_NAMES.hungKings)], // as the government gave it (holidays-2015-2026.csv)
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
        ['2027-02-10', BU(TET)], // for Saturday 6 February (mùng 1)
        ['2027-02-11', BU(TET)], // for Sunday 7 February (mùng 2)
        ['2027-04-16', HOLIDAY_NAMES.hungKings],
        ['2027-04-30', HOLIDAY_NAMES.victoryDay],
        ['2027-05-01', HOLIDAY_NAMES.labourDay], // a Saturday
        ['2027-05-03', BU(HOLIDAY_NAMES.labourDay)],
        ['2027-09-01', HOLIDAY_NAMES.nationalDay],
        ['2027-09-02', HOLIDAY_NAMES.nationalDay],
      ],
    ],
    [
      2030, // Tết on 2 February in Việt Nam (3 February in the Chinese calendar)
      [
        ['2030-01-01', HOLIDAY_NAMES.newYear],
        ['2030-02-01', TET],
        ['2030-02-02', TET], // Saturday
        ['2030-02-03', TET], // Sunday
        ['2030-02-04', TET],
        ['2030-02-05', TET],
        ['2030-02-06', BU(TET)],
        ['2030-02-07', BU(TET)],
        ['2030-04-12', HOLIDAY_NAMES.hungKings],
        ['2030-04-30', HOLIDAY_NAMES.victoryDay],
        ['2030-05-01', HOLIDAY_NAMES.labourDay],
        ['2030-09-01', HOLIDAY_NAMES.nationalDay], // Sunday
        ['2030-09-02', HOLIDAY_NAMES.nationalDay],
        ['2030-09-03', BU(HOLIDAY_NAMES.nationalDay)],
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

  // Labour Code 2019 art. 111(3): a holiday on the weekly rest day gives the next working day off; each its own day.
  it.each([
    [
      '2016: last day of Ất Mùi 7/2 Sunday (Tết until 11/2), Giỗ Tổ 16/4 Saturday, 30/4 Saturday, 1/5 Sunday',
      2016,
      ['2016-02-12', '2016-04-18', '2016-05-02', '2016-05-03'],
    ],
    ['2022: 1/1 Saturday, Giỗ Tổ 10/4 Sunday, 30/4 Saturday, 1/5 Sunday', 2022, ['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']],
    [
      '2023: 1/1 Sunday, Tết 21/1 Saturday and 22/1 Sunday (Tết until 25/1), Giỗ Tổ 29/4 Saturday, 30/4 Sunday (1/5 already off), 2/9 Saturday',
      2023,
      ['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04'],
    ],
    ['2024: Tết 10/2 Saturday and 11/2 Sunday (Tết until 13/2), 1/9 Sunday (2/9 already off)', 2024, ['2024-02-14', '2024-02-15', '2024-09-03']],
    ['2027: Tết 6/2 Saturday and 7/2 Sunday (Tết until 9/2), 1/5 Saturday', 2027, ['2027-02-10', '2027-02-11', '2027-05-03']],
    ['2029: 1/9 Saturday, 2/9 Sunday', 2029, ['2029-09-03', '2029-09-04']],
  ])('compensatory days, %s', (_label, year, expected) => {
    expect(
      defaultHolidays(year)
        .filter((h) => h.name.startsWith('Nghỉ bù '))
        .map((h) => h.date),
    ).toEqual(expected);
  });

  it('names each compensatory day after its holiday', () => {
    expect(defaultHolidays(2023).filter((h) => h.name.startsWith('Nghỉ bù '))).toEqual([
      { date: '2023-01-02', name: 'Nghỉ bù Tết Dương lịch' },
      { date: '2023-01-26', name: 'Nghỉ bù Tết Nguyên đán' },
      { date: '2023-01-27', name: 'Nghỉ bù Tết Nguyên đán' },
      { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng' },
      { date: '2023-09-04', name: 'Nghỉ bù Quốc khánh' },
    ]);
  });

  it('2/9 alone before 2021 (Labour Code 2012, art. 115), with a day next to it from 2021 (Labour Code 2019, art. 112)', () => {
    const national = (year: number) =>
      defaultHolidays(year)
        .filter((h) => h.name === HOLIDAY_NAMES.nationalDay)
        .map((h) => h.date);
    expect(national(2020)).toEqual(['2020-09-02']);
    expect(national(2021)).toEqual(['2021-09-01', '2021-09-02']);
  });

  it.each([2020, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2035, 2040, 2100])('invariants for %i', (year) => {
    const holidays = defaultHolidays(year);
    const dates = holidays.map((h) => h.date);
    const statutory = holidays.filter((h) => !h.name.startsWith('Nghỉ bù '));
    const weekend = (d: string) => [0, 6].includes(dayOfWeekYmd(d));
    expect(statutory).toHaveLength(year >= 2021 ? 11 : 10);
    expect(holidays).toHaveLength(statutory.length + statutory.filter((h) => weekend(h.date)).length);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect(holidays.filter((h) => h.name.startsWith('Nghỉ bù ')).every((h) => !weekend(h.date))).toBe(true);
    const tet = lunarToSolarYmd(year, 1, 1);
    const tetDays = holidays.filter((h) => h.name === TET).map((h) => h.date);
    expect(tetDays).toEqual([-1, 0, 1, 2, 3].map((n) => addDaysYmd(tet, n)));
    // 5 Tết days off (art. 112(1)(b)) cost 5 working days, wherever the weekend falls
    expect([...tetDays, ...holidays.filter((h) => h.name === BU(TET)).map((h) => h.date)].filter((d) => !weekend(d))).toHaveLength(5);
  });

  it.each([2024.5, NaN, 1800, 3000])('rejects year %p', (year) => {
    expect(() => defaultHolidays(year)).toThrow(/Invalid year/);
  });

  it('defaultHolidayDates concatenates several years', () => {
    const dates = defaultHolidayDates([2025, 2026]);
    expect(dates).toHaveLength(24);
    expect(dates).toContain('2025-01-28');
    expect(dates).toContain('2026-02-20');
  });
});
