import { DomainError } from '../../errors/domain-error';
import { transferTarget } from '../../workflow/plan-route';
import { moveTo, requiredText, type ActionEffect, type ActionInput, type DossierState } from './action-effect';

/**
 * A hand-over along the workflow (liên thông), forward or back, to an agency the route visits; it is a line of the
 * control slip, and the new agency assigns its own specialist.
 */
export function transferEffect(dossier: DossierState, input: ActionInput): ActionEffect {
  const to = requiredText(input.toAgencyCode, 'toAgencyCode');
  const target = transferTarget(dossier.route, dossier.stepIndex, to);
  if (target === null || to === dossier.currentAgencyCode) {
    throw DomainError.validation([{ field: 'toAgencyCode', message: `the workflow of ${dossier.procedureCode} does not pass the dossier to ${to} from here` }]);
  }
  return { patch: { ...moveTo(dossier, target), assigneeId: null }, note: input.note ?? null, data: { controlSlip: true, toStep: dossier.route[target].code } };
}
