import { isPlanDue, lastDueDate, takesEffectAt } from './schedule';

describe('when a reorganisation takes effect', () => {
  it('at 00:00 in Hà Nội (UTC+07:00, no daylight saving) of its effective date', () => {
    expect(takesEffectAt('2025-07-01').toISOString()).toBe('2025-06-30T17:00:00.000Z');
  });

  it.each([
    ['the day before, one second to midnight in Hà Nội', '2025-06-30T16:59:59Z', 'scheduled', false],
    ['its first second', '2025-06-30T17:00:00Z', 'scheduled', true],
    ['months later (everything was down on the day)', '2025-11-02T03:00:00Z', 'scheduled', true],
    ['applied already', '2025-07-02T00:00:00Z', 'applied', false],
  ] as const)('%s: due = %s', (_what, now, status, due) => {
    expect(isPlanDue({ effectiveDate: '2025-07-01', status }, new Date(now))).toBe(due);
  });

  it.each([
    ['2025-06-30T16:59:59Z', '2025-06-30'],
    ['2025-06-30T17:00:00Z', '2025-07-01'],
  ])('at %s the plans due are those of %s and before', (now, ymd) => {
    expect(lastDueDate(new Date(now))).toBe(ymd);
  });
});
