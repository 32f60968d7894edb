import { DomainError } from '../../errors/domain-error';
import { requiredText, type ActionEffect, type ActionInput } from './action-effect';

export interface AssignFacts {
  /** The officer named by `officerId` when it is an active specialist where the dossier now is; otherwise null. */
  specialist: { id: string; username: string; fullName: string } | null;
}

export function assignEffect(input: ActionInput, facts: AssignFacts): ActionEffect {
  requiredText(input.officerId, 'officerId');
  const officer = facts.specialist;
  if (!officer) throw DomainError.validation([{ field: 'officerId', message: 'is not an active specialist where the dossier now is' }]);
  return {
    patch: { assigneeId: officer.id },
    note: input.note ?? null,
    data: { assignee: { id: officer.id, username: officer.username, fullName: officer.fullName } },
  };
}
