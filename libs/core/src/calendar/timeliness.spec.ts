import { defaultHolidayDates } from './holiday-rules';
import { Timeliness, classifyTimeliness, isDueWithin } from './timeliness';
import { WorkingCalendar } from './working-calendar';
import { fromLocal } from './zoned-time';

const at = (local: string): Date => {
  const [ymd, hhmm] = local.split(' ');
  return fromLocal(ymd, hhmm);
};
const cal = new WorkingCalendar({ holidays: defaultHolidayDates([2026]), workingWeekendDays: [] });

describe('classifyTimeliness', () => {
  type Row = [string, string | null, string | null, string | null, Timeliness];
  it.each<Row>([
    // case, dueAt, finishedAt, now, expected — Thu 2026-11-26 16:00 is the usual due date
    ['resolved the working day before the due day', '2026-11-26 16:00', '2026-11-25 10:00', null, 'early'],
    ['resolved days before', '2026-11-26 16:00', '2026-11-23 07:30', null, 'early'],
    ['resolved late on the previous evening', '2026-11-26 16:00', '2026-11-25 23:59', null, 'early'],
    ['resolved on the due day, in the morning', '2026-11-26 16:00', '2026-11-26 07:30', null, 'on_time'],
    ['resolved just after local midnight of the due day', '2026-11-26 16:00', '2026-11-26 00:10', null, 'on_time'],
    ['resolved exactly at dueAt', '2026-11-26 16:00', '2026-11-26 16:00', null, 'on_time'],
    ['resolved 1 s after dueAt', '2026-11-26 16:00', '2026-11-26 16:00:01', null, 'late'],
    ['resolved the next day', '2026-11-26 16:00', '2026-11-27 09:00', null, 'late'],
    ['resolved on a Sunday before a Monday due day', '2026-11-23 10:00', '2026-11-22 10:00', null, 'on_time'],
    ['resolved on the Friday before a Monday due day', '2026-11-23 10:00', '2026-11-20 16:00', null, 'early'],
    ['resolved on a holiday before the due day', '2026-05-04 10:00', '2026-05-01 09:00', null, 'on_time'],
    ['resolved, no due date', null, '2026-11-27 09:00', null, 'on_time'],
    ['in progress, before dueAt', '2026-11-26 16:00', null, '2026-11-26 15:59', 'within_deadline'],
    ['in progress, exactly at dueAt', '2026-11-26 16:00', null, '2026-11-26 16:00', 'within_deadline'],
    ['in progress, 1 s after dueAt', '2026-11-26 16:00', null, '2026-11-26 16:00:01', 'overdue'],
    ['in progress, days after', '2026-11-26 16:00', null, '2026-12-03 08:00', 'overdue'],
    ['in progress, no due date', null, null, '2026-12-03 08:00', 'within_deadline'],
  ])('%s → %s', (_case, due, finished, now, expected) => {
    expect(
      classifyTimeliness({
        dueAt: due ? at(due) : null,
        finishedAt: finished ? at(finished) : null,
        now: now ? at(now) : undefined,
        calendar: cal,
      }),
    ).toBe(expected);
  });

  it('compares Asia/Ho_Chi_Minh calendar days, not UTC days', () => {
    // due Thu 26/11 07:30 (+07) = Thu 00:30Z; finished Thu 00:10 (+07) = Wed 17:10Z — same local day → on_time
    expect(
      classifyTimeliness({
        dueAt: new Date('2026-11-26T00:30:00Z'),
        finishedAt: new Date('2026-11-25T17:10:00Z'),
        calendar: cal,
      }),
    ).toBe('on_time');
    // finished Wed 23:00 (+07) = Wed 16:00Z → the day before → early
    expect(classifyTimeliness({ dueAt: new Date('2026-11-26T00:30:00Z'), finishedAt: new Date('2026-11-25T16:00:00Z') })).toBe('early');
  });

  it('without a calendar, Mon–Fri are working days (holidays unknown)', () => {
    const input = { dueAt: at('2026-05-04 10:00'), finishedAt: at('2026-05-01 09:00') };
    expect(classifyTimeliness(input)).toBe('early');
    expect(classifyTimeliness({ ...input, calendar: cal })).toBe('on_time');
    expect(classifyTimeliness({ dueAt: at('2026-11-23 10:00'), finishedAt: at('2026-11-21 10:00') })).toBe('on_time');
  });

  it('treats undefined like null and defaults now to the current time', () => {
    const future = new Date(Date.now() + 86_400_000);
    const past = new Date(Date.now() - 86_400_000);
    expect(classifyTimeliness({ dueAt: future, finishedAt: undefined })).toBe('within_deadline');
    expect(classifyTimeliness({ dueAt: past, finishedAt: undefined })).toBe('overdue');
    expect(classifyTimeliness({ dueAt: undefined, finishedAt: undefined })).toBe('within_deadline');
  });

  it('rejects invalid dates', () => {
    expect(() => classifyTimeliness({ dueAt: new Date(NaN), finishedAt: at('2026-11-26 10:00') })).toThrow(/dueAt/);
    expect(() => classifyTimeliness({ dueAt: null, finishedAt: new Date(NaN) })).toThrow(/finishedAt/);
  });
});

describe('isDueWithin', () => {
  it.each<[string, string | null, string, number, boolean]>([
    // case, dueAt, now, workingMinutes, expected
    ['390 min left, threshold 480', '2026-11-26 16:00', '2026-11-26 08:00', 480, true],
    ['390 min left, threshold 390', '2026-11-26 16:00', '2026-11-26 08:00', 390, true],
    ['390 min left, threshold 389', '2026-11-26 16:00', '2026-11-26 08:00', 389, false],
    ['450 min left (overnight not counted), threshold 480', '2026-11-26 16:00', '2026-11-25 16:00', 480, true],
    ['450 min left, threshold 449', '2026-11-26 16:00', '2026-11-25 16:00', 449, false],
    ['90 min left over a weekend, threshold 120', '2026-11-23 08:00', '2026-11-20 16:00', 120, true],
    ['90 min left over a weekend, threshold 60', '2026-11-23 08:00', '2026-11-20 16:00', 60, false],
    ['exactly at dueAt', '2026-11-26 16:00', '2026-11-26 16:00', 0, true],
    ['overdue', '2026-11-26 16:00', '2026-11-26 16:01', 480, false],
    ['no due date', null, '2026-11-26 16:00', 480, false],
    ['due after Tết, now before it: only 1 working day left', '2026-02-23 17:00', '2026-02-13 17:00', 480, true],
  ])('%s → %p', (_case, due, now, minutes, expected) => {
    expect(isDueWithin(due ? at(due) : null, at(now), minutes, cal)).toBe(expected);
  });

  it.each([-1, NaN])('rejects %p minutes', (minutes) => {
    expect(() => isDueWithin(at('2026-11-26 16:00'), at('2026-11-26 08:00'), minutes, cal)).toThrow(/workingMinutes/);
  });
});

describe('classifyTimeliness: the clock that waits and the once rule (domain.md "Calendar facts that are law")', () => {
  // Due Thu 2026-11-26 16:00. A dossier waiting for the applicant is never overdue, whatever the time (Decree 61/2018
  // art. 15: the time waited does not count); supplementation asked more than once is late (Decision 766/QĐ-TTg).
  type Row = [string, string | null, string | null, string, string, number, Timeliness];
  it.each<Row>([
    ['waiting for a supplement long after the due time', '2026-11-26 16:00', null, '2026-12-10 09:00', 'supplement_requested', 1, 'paused'],
    ['waiting for a payment after the due time', '2026-11-26 16:00', null, '2026-11-27 09:00', 'payment_requested', 0, 'paused'],
    ['waiting, before the due time', '2026-11-26 16:00', null, '2026-11-20 09:00', 'supplement_requested', 1, 'paused'],
    ['running again after a wait, past due', '2026-11-26 16:00', null, '2026-11-27 09:00', 'processing', 1, 'overdue'],
    ['running, before due', '2026-11-26 16:00', null, '2026-11-26 15:00', 'awaiting_approval', 0, 'within_deadline'],
    ['resolved early but supplementation asked twice', '2026-11-26 16:00', '2026-11-23 09:00', '2026-11-30 09:00', 'resolved', 2, 'late'],
    ['resolved on time with one supplementation request', '2026-11-26 16:00', '2026-11-26 09:00', '2026-11-30 09:00', 'result_returned', 1, 'on_time'],
    ['resolved early with one supplementation request', '2026-11-26 16:00', '2026-11-24 09:00', '2026-11-30 09:00', 'resolved', 1, 'early'],
    ['asked three times, no due date', null, '2026-11-24 09:00', '2026-11-30 09:00', 'resolved', 3, 'late'],
  ])('%s → %s', (_case, due, finished, now, status, requests, expected) => {
    expect(
      classifyTimeliness({
        dueAt: due ? at(due) : null,
        finishedAt: finished ? at(finished) : null,
        now: at(now),
        status: status as 'processing',
        supplementRequests: requests,
        calendar: cal,
      }),
    ).toBe(expected);
  });

  it('a dossier waiting for the applicant is never nearly due', () => {
    expect(isDueWithin(at('2026-11-26 16:00'), at('2026-11-26 15:00'), 480, cal, 'processing')).toBe(true);
    expect(isDueWithin(at('2026-11-26 16:00'), at('2026-11-26 15:00'), 480, cal, 'supplement_requested')).toBe(false);
    expect(isDueWithin(at('2026-11-26 16:00'), at('2026-11-26 15:00'), 480, cal, 'payment_requested')).toBe(false);
  });
});
