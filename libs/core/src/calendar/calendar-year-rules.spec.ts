import { validateCalendarYear } from './calendar-year-rules';

describe('validateCalendarYear', () => {
  const tet = { date: '2026-02-17', name: 'Tết Nguyên đán' };
  it('accepts a proper year', () => {
    expect(validateCalendarYear(2026, [tet, { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' }], [{ date: '2026-02-28', name: 'Làm bù' }])).toEqual([]);
  });

  it.each([
    [[{ date: '2026-02-30', name: 'x' }], [], 'holidays[0].date', 'must be a date'],
    [[{ date: '2025-12-31', name: 'x' }], [], 'holidays[0].date', 'must be in 2026'],
    [[tet, tet], [], 'holidays[1].date', 'listed twice'],
    [[{ date: '2026-01-01', name: ' ' }], [], 'holidays[0].name', 'must name the day'],
    [[], [{ date: '2026-02-25', name: 'Làm bù' }], 'workingWeekendDays[0].date', 'not a Saturday or Sunday'],
    [[{ date: '2026-02-28', name: 'Nghỉ' }], [{ date: '2026-02-28', name: 'Làm bù' }], 'workingWeekendDays[0].date', 'also a holiday'],
  ])('%j / %j → %s %s', (holidays, working, field, message) => {
    const errors = validateCalendarYear(2026, holidays, working);
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(message) })]));
  });
});
