import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { aboveAssessmentProblem, requestedAmountProblem } from '../../fees/fee-limits';
import { formatVnd } from '../../sms/templates';
import type { ActorRole } from '../dossier-actions';
import type { ActionEffect, ActionInput, DossierState } from './action-effect';

export interface RequestPaymentFacts {
  /** The role the actor takes the action in. */
  role: ActorRole;
  /** An officer who holds the leader role, whichever role the rules let them act in here. */
  holdsLeaderRole: boolean;
}

/**
 * A financial obligation (Decree 61/2018 art. 16): the dossier waits, the clock paused, for the amount asked; by
 * default what the assessment leaves unpaid. Asking above the assessment is a leader's decision (fee-limits.ts).
 */
export function requestPaymentEffect(dossier: DossierState, input: ActionInput, facts: RequestPaymentFacts): ActionEffect {
  const amount = input.amount ?? dossier.feeTotalVnd - dossier.feesPaidVnd;
  const problem = requestedAmountProblem(amount, dossier.feesPaidVnd);
  if (problem) throw DomainError.validation([{ field: 'amount', message: problem }]);
  const aboveAssessment = aboveAssessmentProblem(amount, dossier, facts.holdsLeaderRole ? 'leader' : facts.role);
  if (aboveAssessment) throw new DomainError(DomainErrorCode.Forbidden, aboveAssessment);
  return {
    patch: { resumeStatus: dossier.status, feesRequestedVnd: amount },
    note: input.note ?? null,
    data: { amountVnd: amount },
    variables: { amount: formatVnd(amount) },
  };
}
