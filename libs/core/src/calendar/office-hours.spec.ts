import { DEFAULT_OFFICE_HOURS, OfficeHours, assertValidOfficeHours, parseOfficeHours } from './office-hours';
import { WorkingCalendar } from './working-calendar';

const hours = (sessions: Array<[string, string]>, sameDayCutoff = '15:00', cutoff = '17:00'): OfficeHours => ({
  sessions: sessions.map(([start, end]) => ({ start, end })),
  sameDayCutoff,
  cutoff,
});

describe('office hours', () => {
  it('default: 07:30–11:30, 13:00–17:00, cut-offs 15:00 / 17:00', () => {
    expect(DEFAULT_OFFICE_HOURS).toEqual({
      sessions: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      sameDayCutoff: '15:00',
      cutoff: '17:00',
    });
    expect(parseOfficeHours(DEFAULT_OFFICE_HOURS)).toEqual({
      sessions: [
        { startMinute: 450, endMinute: 690 },
        { startMinute: 780, endMinute: 1020 },
      ],
      sameDayCutoffMinute: 900,
      cutoffMinute: 1020,
      sessionMinutesPerDay: 480,
    });
    expect(Object.isFrozen(DEFAULT_OFFICE_HOURS)).toBe(true);
  });

  it.each([
    [
      'sessions out of order are sorted',
      hours([
        ['13:00', '17:00'],
        ['07:30', '11:30'],
      ]),
      [450, 780],
    ],
    [
      'touching sessions are allowed',
      hours(
        [
          ['08:00', '12:00'],
          ['12:00', '16:00'],
        ],
        '15:00',
        '16:00',
      ),
      [480, 720],
    ],
    ['a single session', hours([['08:00', '16:00']], '12:00', '16:00'), [480]],
  ])('accepts: %s', (_label, input, starts) => {
    expect(parseOfficeHours(input).sessions.map((s) => s.startMinute)).toEqual(starts);
    expect(assertValidOfficeHours(input)).toBe(input);
  });

  it.each([
    ['no sessions', hours([]), /at least one session/],
    ['missing sessions', { sameDayCutoff: '15:00', cutoff: '17:00' } as unknown as OfficeHours, /at least one session/],
    ['not an object', '07:30-17:00' as unknown as OfficeHours, /expected an object/],
    ['H:mm start', hours([['7:30', '11:30']]), /session #1 start "7:30" is not a valid HH:mm/],
    ['24:00 end', hours([['13:00', '24:00']]), /session #1 end "24:00"/],
    ['minute 60', hours([['07:30', '11:60']]), /session #1 end "11:60"/],
    ['seconds', hours([['07:30:00', '11:30']]), /session #1 start "07:30:00"/],
    [
      'garbage',
      hours([
        ['07:30', '11:30'],
        ['abc', '17:00'],
      ]),
      /session #2 start "abc"/,
    ],
    ['end before start', hours([['11:30', '07:30']]), /session #1 \(11:30–07:30\) must end after it starts/],
    ['empty session', hours([['07:30', '07:30']]), /must end after it starts/],
    [
      'overlap',
      hours([
        ['07:30', '12:00'],
        ['11:30', '17:00'],
      ]),
      /sessions 07:30–12:00 and 11:30–17:00 overlap/,
    ],
    [
      'contained',
      hours([
        ['07:00', '17:00'],
        ['13:00', '14:00'],
      ]),
      /overlap/,
    ],
    ['bad cutoff', hours([['07:30', '11:30']], '15:00', '5pm'), /cutoff "5pm"/],
    ['bad same-day cutoff', hours([['07:30', '11:30']], '', '17:00'), /sameDayCutoff ""/],
    ['cut-off before opening', hours([['07:30', '11:30']], '07:00', '17:00'), /after the start of the first session/],
    ['same-day cut-off after cut-off', hours([['07:30', '17:00']], '16:00', '15:00'), /must not be later than cutoff/],
  ])('rejects: %s', (_label, input, message) => {
    expect(() => parseOfficeHours(input)).toThrow(message);
    expect(() => new WorkingCalendar({ officeHours: input, holidays: [] })).toThrow(message);
  });
});
