import { inProgressAsOf, reportPeriodBound } from './report-period';

describe('reportPeriodBound: a bare date is a local day in Hà Nội (UTC+7), both ends included', () => {
  it.each([
    ['2026-12-02', 'from', '2026-12-01T17:00:00.000Z'],
    ['2026-12-02', 'to', '2026-12-02T17:00:00.000Z'],
    ['2026-12-31', 'to', '2026-12-31T17:00:00.000Z'],
    ['2024-02-29', 'to', '2024-02-29T17:00:00.000Z'],
    ['2026-12-02T00:00:00+07:00', 'to', '2026-12-01T17:00:00.000Z'],
    ['2026-12-02T08:30:00Z', 'from', '2026-12-02T08:30:00.000Z'],
  ] as const)('%s as %s → %s', (value, end, iso) => {
    expect(reportPeriodBound(value, end).toISOString()).toBe(iso);
  });
});

describe('inProgressAsOf: in-progress figures as of min(now, to)', () => {
  const now = new Date('2026-12-02T03:00:00Z');
  it('a period that has not ended is judged now', () => {
    expect(inProgressAsOf(new Date('2026-12-02T17:00:00Z'), now)).toEqual({ asOf: now, live: true });
  });
  it('a past period is judged at its end', () => {
    const to = new Date('2026-12-01T17:00:00Z');
    expect(inProgressAsOf(to, now)).toEqual({ asOf: to, live: false });
    expect(inProgressAsOf(now, now)).toEqual({ asOf: now, live: false });
  });
});
