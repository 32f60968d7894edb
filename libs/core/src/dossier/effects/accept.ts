import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { ProcessingTime } from '../../catalog/procedure-definition';
import { ruleSetAt } from '../rule-set';
import { moveTo, type ActionEffect, type ActionInput, type DossierState } from './action-effect';

export interface AcceptFacts {
  calendar: WorkingCalendar;
  processingTime: ProcessingTime;
}

/**
 * Receipt (domain.md "Dossier life cycle" 2): the dossier enters the ledger, Form 01 gives the appointment, the
 * statutory time counts on the receiving unit's working calendar, the rules in force at receipt apply for good, and
 * the dossier goes to the route's first processing step.
 */
export function acceptEffect(dossier: DossierState, input: ActionInput, facts: AcceptFacts, now: Date): ActionEffect {
  const dueAt = facts.calendar.dueDate(now, facts.processingTime);
  return {
    patch: { receivedAt: now, dueAt, ruleSet: ruleSetAt(now), ...moveTo(dossier, 1) },
    note: input.note ?? null,
    data: { receipt: 'form_01', dueAt: dueAt.toISOString() },
  };
}
