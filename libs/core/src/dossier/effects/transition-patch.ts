import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { TransitionDecision } from '../decide-transition';
import { isClosedStatus, isProcessingEnded, isRefundableStatus } from '../dossier-status';
import type { DossierPatch, DossierState } from './action-effect';

type Allowed = Extract<TransitionDecision, { ok: true }>;

/**
 * The columns every transition sets besides its action's own: the status, the legal clock (paused while waiting
 * for the applicant; on resuming, the due dates move by the working time waited, Decree 61/2018 art. 15–16), when
 * processing ended (timeliness is judged then) and when the dossier closed. `calendar` is needed only when the
 * transition resumes the clock.
 */
export function transitionPatch(dossier: DossierState, decision: Allowed, own: DossierPatch, now: Date, calendar: WorkingCalendar | null): DossierPatch {
  const patch: DossierPatch = { status: decision.to, ...own };
  if (decision.pausesClock && (patch.dueAt ?? dossier.dueAt)) patch.pausedAt = now;
  if (decision.resumesClock && dossier.pausedAt && dossier.dueAt) {
    if (!calendar) throw new Error('transitionPatch: resuming the clock needs the working calendar');
    patch.dueAt = calendar.extendByPause(patch.dueAt ?? dossier.dueAt, dossier.pausedAt, now);
    if (dossier.extendedDueAt) patch.extendedDueAt = calendar.extendByPause(dossier.extendedDueAt, dossier.pausedAt, now);
    patch.pausedAt = null;
  }
  if (isProcessingEnded(decision.to) && !dossier.finishedAt) patch.finishedAt = now;
  // Withdrawn, refused or stopped while waiting: the wait ends with the dossier.
  if (isProcessingEnded(decision.to) && dossier.pausedAt && patch.pausedAt === undefined) patch.pausedAt = null;
  if (isClosedStatus(decision.to) && !dossier.closedAt) patch.closedAt = now;
  return patch;
}

/** A transition needs the working calendar when it sets a due date or moves one after a wait. */
export function needsCalendar(action: string, decision: Allowed, dossier: Pick<DossierState, 'pausedAt' | 'dueAt'>): boolean {
  return action === 'accept' || (decision.resumesClock && dossier.pausedAt !== null && dossier.dueAt !== null);
}

/** Fees paid are refunded when the dossier ends without a result (refused, withdrawn, stopped) (domain.md "Fees"). */
export function refundFallsDue(before: Pick<DossierState, 'status'>, after: Pick<DossierState, 'status' | 'feesPaidVnd'>): boolean {
  return isRefundableStatus(after.status) && after.feesPaidVnd > 0 && !isRefundableStatus(before.status);
}
