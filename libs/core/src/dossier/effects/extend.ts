import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { formatDdMmYyyy } from '../../calendar/zoned-time';
import type { ActionEffect, ActionInput, DossierState } from './action-effect';

export interface ExtendFacts {
  /** The reference due time (first appointment, moved only by pauses). */
  dueAt: Date | null;
  /** The current new appointment, when an extension was already given. */
  extendedDueAt: Date | null;
}

export interface ExtendEffect {
  extendedDueAt: Date;
  reason: string;
  /** The appointment the applicant held until now. */
  previousDueAt: Date;
}

/**
 * The apology and new appointment (Form 04). It is issued before the due time passes (domain.md "Dossier life
 * cycle" 7, Decree 61/2018): after it the dossier is already late and an extension would only hide that, so it is a
 * conflict. The first appointment stays the reference for timeliness and on Form 01; the new one is kept beside it.
 */
export function decideExtension(facts: ExtendFacts, input: { reason?: string; newDueAt?: string }, now: Date): ExtendEffect {
  const reason = input.reason?.trim();
  if (!reason) throw DomainError.validation([{ field: 'reason', message: 'is required for this action' }]);
  const newDueAt = input.newDueAt ? new Date(input.newDueAt) : null;
  if (!newDueAt || Number.isNaN(newDueAt.getTime())) throw DomainError.validation([{ field: 'newDueAt', message: 'must be an ISO 8601 time' }]);
  if (!facts.dueAt) throw new DomainError(DomainErrorCode.TransitionNotAllowed, 'The dossier has no due date to extend.');
  if (now.getTime() > facts.dueAt.getTime()) {
    throw new DomainError(
      DomainErrorCode.TransitionNotAllowed,
      `The due time ${facts.dueAt.toISOString()} has passed: the apology and new appointment (Form 04) must be issued before it. The dossier stays late.`,
    );
  }
  const previousDueAt = facts.extendedDueAt ?? facts.dueAt;
  if (newDueAt <= previousDueAt || newDueAt <= now) {
    throw DomainError.validation([{ field: 'newDueAt', message: 'must be later than the current appointment and than now' }]);
  }
  return { extendedDueAt: newDueAt, reason, previousDueAt };
}

/** Form 04 as the dossier records it; the applicant's SMS gives the new day. */
export function extendEffect(dossier: DossierState, input: ActionInput, now: Date): ActionEffect {
  const e = decideExtension({ dueAt: dossier.dueAt, extendedDueAt: dossier.extendedDueAt }, input, now);
  return {
    patch: { extendedDueAt: e.extendedDueAt },
    note: e.reason,
    data: { form: 'form_04', firstDueAt: dossier.dueAt!.toISOString(), previousDueAt: e.previousDueAt.toISOString(), newDueAt: e.extendedDueAt.toISOString() },
    variables: { reason: e.reason, newDueDate: formatDdMmYyyy(e.extendedDueAt) },
  };
}
