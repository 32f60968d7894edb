import { defaultHolidayDates } from '../../calendar/holiday-rules';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { decideTransition } from '../decide-transition';
import type { DossierAction, ActorRole } from '../dossier-actions';
import type { DossierStatus } from '../dossier-status';
import type { DossierState } from './action-effect';
import { at, dossierState } from './effect-fixtures';
import { needsCalendar, refundFallsDue, transitionPatch } from './transition-patch';

const calendar = new WorkingCalendar({ holidays: defaultHolidayDates([2026]), workingWeekendDays: [] });

function allowed(d: DossierState, action: DossierAction, role: ActorRole) {
  const decision = decideTransition({ status: d.status, action, role, resumeStatus: d.resumeStatus });
  if (!decision.ok) throw decision.error;
  return decision;
}

describe('transitionPatch: the legal clock and the end of a dossier, for every action', () => {
  it('asking the applicant for something pauses the clock at that instant', () => {
    const d = dossierState({ status: 'processing' });
    const now = at('2026-11-25 10:00');
    expect(transitionPatch(d, allowed(d, 'request_supplement', 'specialist'), { resumeStatus: 'processing' }, now, null)).toEqual({
      status: 'supplement_requested',
      resumeStatus: 'processing',
      pausedAt: now,
    });
  });

  it.each([
    // Wed 10:00 → Thu 10:00 is 330 + 150 = 480 working minutes: both appointments move one working day.
    ['a day waited', '2026-11-25 10:00', '2026-11-26 10:00', '2026-12-03 10:00', '2026-12-07 16:00'],
    // Fri 16:00 → Mon 08:30: 60 + 60 minutes; the weekend adds nothing. Wed 10:00 + 120 → 13:30 (lunch skipped);
    // Fri 4 Dec 16:00 + 120 → Mon 7 Dec 08:30.
    ['over a weekend', '2026-11-27 16:00', '2026-11-30 08:30', '2026-12-02 13:30', '2026-12-07 08:30'],
    // Sat → Sun: no working time waited, nothing moves.
    ['outside working time', '2026-11-28 09:00', '2026-11-29 09:00', '2026-12-02 10:00', '2026-12-04 16:00'],
  ])('resuming after %s moves the due dates by the working time waited', (_case, paused, resumed, due, extended) => {
    const d = dossierState({
      status: 'supplement_requested',
      resumeStatus: 'processing',
      pausedAt: at(paused),
      dueAt: at('2026-12-02 10:00'),
      extendedDueAt: at('2026-12-04 16:00'),
    });
    const patch = transitionPatch(d, allowed(d, 'supplement', 'applicant'), { resumeStatus: null }, at(resumed), calendar);
    expect(patch).toEqual({ status: 'processing', resumeStatus: null, dueAt: at(due), extendedDueAt: at(extended), pausedAt: null });
  });

  it.each<[string, DossierStatus, DossierAction, ActorRole, boolean, boolean]>([
    ['approved: processing ended, the dossier still open until returned', 'awaiting_approval', 'approve', 'leader', true, false],
    ['returned: closed', 'resolved', 'return_result', 'receiving_officer', false, true],
    ['refused: ended and closed', 'received', 'refuse', 'receiving_officer', true, true],
    ['stopped: ended and closed', 'processing', 'stop', 'leader', true, true],
  ])('%s', (_case, status, action, role, ends, closes) => {
    const now = at('2026-12-01 09:00');
    const d = dossierState({ status });
    const patch = transitionPatch(d, allowed(d, action, role), {}, now, null);
    expect(patch.finishedAt).toEqual(ends ? now : undefined);
    expect(patch.closedAt).toEqual(closes ? now : undefined);
  });

  it('a dossier withdrawn while waiting ends its wait with it; times already set are kept', () => {
    const d = dossierState({ status: 'payment_requested', resumeStatus: 'received', pausedAt: at('2026-11-25 10:00'), finishedAt: at('2026-11-20 10:00') });
    expect(transitionPatch(d, allowed(d, 'withdraw', 'applicant'), { resumeStatus: null }, at('2026-11-26 10:00'), null)).toEqual({
      status: 'withdrawn',
      resumeStatus: null,
      pausedAt: null,
      closedAt: at('2026-11-26 10:00'),
    });
  });

  it('a wait before receipt (no due date yet) does not pause a clock', () => {
    const d = dossierState({ status: 'processing', dueAt: null });
    expect(transitionPatch(d, allowed(d, 'request_payment', 'specialist'), {}, at('2026-11-25 10:00'), null).pausedAt).toBeUndefined();
  });

  it('the calendar is read only to set a due date or move one after a wait', () => {
    const waiting = dossierState({ status: 'supplement_requested', resumeStatus: 'processing', pausedAt: at('2026-11-25 10:00') });
    expect(needsCalendar('supplement', allowed(waiting, 'supplement', 'applicant'), waiting)).toBe(true);
    const fresh = dossierState({ status: 'new', dueAt: null });
    expect(needsCalendar('accept', allowed(fresh, 'accept', 'receiving_officer'), fresh)).toBe(true);
    const d = dossierState();
    expect(needsCalendar('request_supplement', allowed(d, 'request_supplement', 'specialist'), d)).toBe(false);
  });
});

describe('refundFallsDue (fees paid come back when no result will: refused, withdrawn, stopped)', () => {
  it.each<[DossierStatus, DossierStatus, number, boolean]>([
    ['received', 'refused', 16_000, true],
    ['payment_requested', 'withdrawn', 8_000, true],
    ['processing', 'stopped', 16_000, true],
    ['received', 'refused', 0, false],
    ['awaiting_approval', 'resolved', 16_000, false],
    ['refused', 'refused', 16_000, false],
  ])('%s → %s with %d paid: %s', (from, to, paid, due) => {
    expect(refundFallsDue({ status: from }, { status: to, feesPaidVnd: paid })).toBe(due);
  });
});
