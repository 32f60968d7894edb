import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { moveTo, type ActionEffect, type ActionInput, type DossierState } from './action-effect';

export interface ApproveFacts {
  /** The proposal's result files as signed by the approving agency, replacing the uploads; null when nothing was signed. */
  signedResultFileIds: string[] | null;
}

/** The leader approves the proposal: its outcome becomes the dossier's, and the result goes to the desk that returns it. */
export function approveEffect(dossier: DossierState, input: ActionInput, facts: ApproveFacts): ActionEffect {
  const proposal = dossier.proposal;
  if (!proposal) throw new DomainError(DomainErrorCode.TransitionNotAllowed, 'There is no proposal to approve.');
  const signed = facts.signedResultFileIds;
  const signedProposal =
    signed === null || signed === proposal.resultFileIds ? proposal : { ...proposal, resultFileIds: signed, uploadedResultFileIds: proposal.resultFileIds };
  return {
    patch: { outcome: proposal.outcome, proposal: signedProposal, ...moveTo(dossier, dossier.route.length - 1) },
    note: input.note ?? null,
    data: { outcome: proposal.outcome },
  };
}
