import { DomainError } from '../errors/domain-error';
import { isUrgentSmsKind, parseQuietHours, quietHoursRelease } from './quiet-hours';

/** An instant given as Hà Nội wall-clock time (UTC+7), independent of the machine's TZ. */
const hn = (local: string) => new Date(`${local}+07:00`);

describe('parseQuietHours', () => {
  it.each([
    ['21:00-07:00', { start: '21:00', end: '07:00', startMinute: 1260, endMinute: 420, crossesMidnight: true }],
    ['12:00-13:00', { start: '12:00', end: '13:00', startMinute: 720, endMinute: 780, crossesMidnight: false }],
    ['00:00-06:30', { start: '00:00', end: '06:30', startMinute: 0, endMinute: 390, crossesMidnight: false }],
    ['22:15-23:59', { start: '22:15', end: '23:59', startMinute: 1335, endMinute: 1439, crossesMidnight: false }],
  ])('%s', (text, expected) => {
    expect(parseQuietHours(text)).toEqual(expected);
  });

  it.each(['9pm-7am', '21:00', '21:00-7:00', '24:00-07:00', '21:60-07:00', '21:00 - 07:00', '', '07:00-07:00'])('rejects %j', (text) => {
    expect(() => parseQuietHours(text)).toThrow(DomainError);
  });
});

describe('quietHoursRelease', () => {
  describe('21:00-07:00 (crosses midnight)', () => {
    const window = parseQuietHours('21:00-07:00');
    it.each([
      ['2026-11-23T20:59:00', null],
      ['2026-11-23T20:59:59.999', null],
      ['2026-11-23T21:00:00', '2026-11-24T07:00:00'],
      ['2026-11-23T23:59:59', '2026-11-24T07:00:00'],
      ['2026-11-24T00:00:00', '2026-11-24T07:00:00'],
      ['2026-11-24T03:00:00', '2026-11-24T07:00:00'],
      ['2026-11-24T06:59:59.999', '2026-11-24T07:00:00'],
      ['2026-11-24T07:00:00', null],
      ['2026-11-24T12:00:00', null],
      // across month and year ends
      ['2026-12-31T22:30:00', '2027-01-01T07:00:00'],
      ['2026-02-28T21:00:00', '2026-03-01T07:00:00'],
    ])('%s (Hà Nội) → %s', (now, release) => {
      const result = quietHoursRelease(hn(now), window);
      expect(result).toEqual(release === null ? null : hn(release));
    });

    it('03:00 Hà Nội is 20:00 UTC the day before: still released the same Hà Nội day', () => {
      const now = new Date('2026-11-23T20:00:00Z'); // 2026-11-24 03:00 in Hà Nội
      expect(quietHoursRelease(now, window)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    });

    it('21:00 Hà Nội is 14:00 UTC / 09:00 New York: released at next-day 07:00 Hà Nội = 00:00 UTC', () => {
      expect(quietHoursRelease(new Date('2026-11-23T14:00:00Z'), window)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    });

    it('accepts the window as text', () => {
      expect(quietHoursRelease(hn('2026-11-23T22:00:00'), '21:00-07:00')).toEqual(hn('2026-11-24T07:00:00'));
    });
  });

  describe('12:00-13:00 (within one day)', () => {
    const window = parseQuietHours('12:00-13:00');
    it.each([
      ['2026-11-23T11:59:59', null],
      ['2026-11-23T12:00:00', '2026-11-23T13:00:00'],
      ['2026-11-23T12:45:00', '2026-11-23T13:00:00'],
      ['2026-11-23T13:00:00', null],
      ['2026-11-23T23:00:00', null],
      ['2026-11-23T03:00:00', null],
    ])('%s (Hà Nội) → %s', (now, release) => {
      expect(quietHoursRelease(hn(now), window)).toEqual(release === null ? null : hn(release));
    });
  });

  describe('00:00-06:00 (starts at midnight)', () => {
    const window = parseQuietHours('00:00-06:00');
    it.each([
      ['2026-11-23T23:59:59', null],
      ['2026-11-24T00:00:00', '2026-11-24T06:00:00'],
      ['2026-11-24T05:00:00', '2026-11-24T06:00:00'],
      ['2026-11-24T06:00:00', null],
    ])('%s (Hà Nội) → %s', (now, release) => {
      expect(quietHoursRelease(hn(now), window)).toEqual(release === null ? null : hn(release));
    });
  });

  it('throws on an invalid Date', () => {
    expect(() => quietHoursRelease(new Date(Number.NaN), parseQuietHours('21:00-07:00'))).toThrow();
  });
});

describe('isUrgentSmsKind', () => {
  it.each([
    ['otp', true],
    ['dossier_received', false],
    ['supplement_requested', false],
    ['payment_requested', false],
    ['dossier_refused', false],
    ['result_ready', false],
    ['apology_new_date', false],
    ['dossier_stopped', false],
    ['dossier_moved', false],
  ])('%s → %s', (kind, urgent) => {
    expect(isUrgentSmsKind(kind)).toBe(urgent);
  });
});
