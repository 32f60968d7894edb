import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { approvalStepIndex } from '../../workflow/plan-route';
import { moveTo, requiredText, type ActionEffect, type ActionInput, type DossierState } from './action-effect';

export interface ProposeFacts {
  /** The officer proposing, or null when the actor is not an officer. */
  officerId: string | null;
  /** Of `input.resultFileIds`, the files that officer uploaded. */
  ownFileIds: ReadonlySet<string>;
}

/** The assigned specialist drafts the result, grant or deny with its grounds, and it goes to the leader's step. */
export function proposeEffect(dossier: DossierState, input: ActionInput, facts: ProposeFacts, now: Date): ActionEffect {
  if (facts.officerId === null || dossier.assigneeId !== facts.officerId) {
    throw new DomainError(DomainErrorCode.Forbidden, 'Only the specialist the dossier is assigned to may propose its result.');
  }
  const note = requiredText(input.note, 'note');
  const outcome = input.outcome;
  if (outcome !== 'grant' && outcome !== 'deny') throw DomainError.validation([{ field: 'outcome', message: 'must be grant or deny' }]);
  const resultFileIds = input.resultFileIds ?? [];
  const foreign = resultFileIds.map((id, i) => ({ id, i })).filter(({ id }) => !facts.ownFileIds.has(id));
  if (foreign.length > 0) throw DomainError.validation(foreign.map(({ i }) => ({ field: `resultFileIds[${i}]`, message: 'is not a file you uploaded' })));
  const proposal = { outcome, note, resultFileIds, stepIndex: dossier.stepIndex, proposedBy: facts.officerId, proposedAt: now.toISOString() };
  return { patch: { proposal, ...moveTo(dossier, approvalStepIndex(dossier.route)) }, note, data: { outcome } };
}
