import { defaultHolidayDates } from '../../calendar/holiday-rules';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { acceptEffect } from './accept';
import { at, dossierState } from './effect-fixtures';

// Office hours 07:30–11:30 and 13:00–17:00; a working day is 480 minutes (domain.md "Deadlines").
const calendar = new WorkingCalendar({ holidays: defaultHolidayDates([2025, 2026, 2027]), workingWeekendDays: [] });
const fresh = dossierState({ status: 'new', stepIndex: 0, currentAgencyCode: '001.35.22.H26', dueAt: null });

describe('acceptEffect (receipt, Form 01: the appointment counted in working time from receipt)', () => {
  it.each([
    // Wed 10:00 + 5 days: Wed 330 min, Thu–Fri and Mon–Tue 4 × 480, 150 min on Wed 2 Dec → 10:00.
    ['5 working days from Wed 25 Nov 10:00', '2026-11-25 10:00', { workingDays: 5 }, '2026-12-02 10:00'],
    // Fri 16:30 is before the 17:00 cut-off: 30 min on Friday, 450 on Monday (240 + 210 from 13:00).
    ['1 working day from Fri 27 Nov 16:30, over the weekend', '2026-11-27 16:30', { workingDays: 1 }, '2026-11-30 16:30'],
    // Past the same-day cut-off (15:00): the clock starts Monday 07:30, and 4 hours end at 11:30.
    ['a same-day procedure received Fri 15:30 counts from Monday morning', '2026-11-27 15:30', { workingHours: 4, sameDay: true }, '2026-11-30 11:30'],
    // Thu 31 Dec 16:00: 60 min that day; Fri 1 Jan is a holiday, then the weekend: 420 min on Mon 4 Jan → 16:00.
    ["across New Year's Day", '2026-12-31 16:00', { workingDays: 1 }, '2027-01-04 16:00'],
  ])('%s', (_case, received, processingTime, due) => {
    const effect = acceptEffect(fresh, { version: 1 }, { calendar, processingTime }, at(received));
    expect(effect.patch.dueAt).toEqual(at(due));
    expect(effect.data).toEqual({ receipt: 'form_01', dueAt: at(due).toISOString() });
  });

  it('enters the ledger now, goes to the first processing step, and keeps the rules in force at receipt', () => {
    const now = at('2026-11-25 10:00');
    expect(acceptEffect(fresh, { version: 1, note: 'Đủ thành phần' }, { calendar, processingTime: { workingDays: 5 } }, now)).toEqual({
      patch: {
        receivedAt: now,
        dueAt: at('2026-12-02 10:00'),
        ruleSet: 'decree_118_2025',
        stepIndex: 1,
        currentAgencyCode: '002.35.22.H26',
        currentScopeCode: '00079',
      },
      note: 'Đủ thành phần',
      data: { receipt: 'form_01', dueAt: at('2026-12-02 10:00').toISOString() },
    });
    // Received on 30 June 2025, the last day of Decree 61/2018.
    expect(acceptEffect(fresh, { version: 1 }, { calendar, processingTime: { workingDays: 1 } }, at('2025-06-30 09:00')).patch.ruleSet).toBe('decree_61_2018');
  });
});
