import type { ActionEffect, ActionInput } from './action-effect';

/** The applicant withdraws before the result (domain.md "Dossier life cycle" 8); a reason is theirs to give or not. */
export function withdrawEffect(input: ActionInput): ActionEffect {
  return { patch: { resumeStatus: null }, note: input.reason ?? null };
}
