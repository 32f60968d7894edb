import { formatCompact, formatDdMmYyyy, formatYmd, fromLocal, parseTimeOfDay, toIsoWithOffset, toLocalParts } from './zoned-time';

describe('zoned-time (Asia/Ho_Chi_Minh, fixed UTC+07:00)', () => {
  it.each([
    ['2026-11-25T01:00:00.000Z', { year: 2026, month: 11, day: 25, hour: 8, minute: 0, second: 0, dayOfWeek: 3 }],
    ['2026-11-24T17:00:00.000Z', { year: 2026, month: 11, day: 25, hour: 0, minute: 0, second: 0, dayOfWeek: 3 }],
    ['2026-11-24T16:59:59.999Z', { year: 2026, month: 11, day: 24, hour: 23, minute: 59, second: 59, dayOfWeek: 2 }],
    ['2026-12-31T17:00:00.000Z', { year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0, dayOfWeek: 5 }],
    ['2026-03-08T07:30:15.000Z', { year: 2026, month: 3, day: 8, hour: 14, minute: 30, second: 15, dayOfWeek: 0 }],
  ])('toLocalParts(%s)', (iso, expected) => {
    expect(toLocalParts(new Date(iso))).toMatchObject(expected);
  });

  it.each([
    ['2026-11-25', '08:00', '2026-11-25T01:00:00.000Z'],
    ['2026-11-25', '00:00', '2026-11-24T17:00:00.000Z'],
    ['2026-01-01', '06:59', '2025-12-31T23:59:00.000Z'],
    ['2026-11-25', '23:59:30', '2026-11-25T16:59:30.000Z'],
    ['2024-02-29', '12:00', '2024-02-29T05:00:00.000Z'],
  ])('fromLocal(%s, %s) = %s', (ymd, hhmm, iso) => {
    expect(fromLocal(ymd, hhmm).toISOString()).toBe(iso);
  });

  it('fromLocal defaults to local midnight', () => {
    expect(fromLocal('2026-11-25').toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it.each([
    ['2026-02-30', '08:00', /Invalid date/],
    ['2026-2-3', '08:00', /Invalid date/],
    ['2026-11-25', '24:00', /Invalid time/],
    ['2026-11-25', '7:30', /Invalid time/],
    ['2026-11-25', '07:60', /Invalid time/],
    ['2026-11-25', '0730', /Invalid time/],
  ])('fromLocal(%s, %s) throws', (ymd, hhmm, message) => {
    expect(() => fromLocal(ymd, hhmm)).toThrow(message);
  });

  it('rejects an invalid Date', () => {
    expect(() => toLocalParts(new Date(NaN))).toThrow(/Invalid date/);
  });

  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['23:59', 1439],
    ['13:00:30', 780.5],
  ])('parseTimeOfDay(%s) = %d', (hhmm, minutes) => {
    expect(parseTimeOfDay(hhmm)).toBe(minutes);
  });

  it.each([
    // instant, formatYmd, formatDdMmYyyy, formatCompact, toIsoWithOffset
    ['2026-11-25T01:00:00.000Z', '2026-11-25', '25/11/2026', '20261125080000', '2026-11-25T08:00:00+07:00'],
    ['2026-11-25T16:59:59.999Z', '2026-11-25', '25/11/2026', '20261125235959', '2026-11-25T23:59:59+07:00'],
    ['2026-11-25T17:00:00.000Z', '2026-11-26', '26/11/2026', '20261126000000', '2026-11-26T00:00:00+07:00'],
    ['2026-01-04T20:05:09.000Z', '2026-01-05', '05/01/2026', '20260105030509', '2026-01-05T03:05:09+07:00'],
  ])('formats %s', (iso, ymd, ddmmyyyy, compact, withOffset) => {
    const date = new Date(iso);
    expect(formatYmd(date)).toBe(ymd);
    expect(formatDdMmYyyy(date)).toBe(ddmmyyyy);
    expect(formatCompact(date)).toBe(compact);
    expect(toIsoWithOffset(date)).toBe(withOffset);
  });

  it.each(['2026-11-25T08:00:00+07:00', '2026-02-16T23:59:59+07:00', '2027-01-01T00:00:00+07:00'])(
    'round-trips %s through toLocalParts/fromLocal/toIsoWithOffset',
    (text) => {
      const date = new Date(text);
      const p = toLocalParts(date);
      const hms = [p.hour, p.minute, p.second].map((n) => String(n).padStart(2, '0')).join(':');
      expect(fromLocal(p.ymd, hms).getTime()).toBe(date.getTime());
      expect(toIsoWithOffset(date)).toBe(text);
    },
  );
});
