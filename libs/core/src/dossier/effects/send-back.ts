import { approvalStepIndex } from '../../workflow/plan-route';
import { moveTo, requiredText, type ActionEffect, type ActionInput, type DossierState } from './action-effect';

/** The leader sends the draft back, with the reason, to the step that proposed it (or the one before approval). */
export function sendBackEffect(dossier: DossierState, input: ActionInput): ActionEffect {
  const reason = requiredText(input.reason, 'reason');
  const back = dossier.proposal?.stepIndex ?? Math.max(1, approvalStepIndex(dossier.route) - 1);
  return { patch: { ...moveTo(dossier, back) }, note: reason };
}
