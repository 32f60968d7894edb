import { requiredText, type ActionEffect, type ActionInput } from './action-effect';

/** Form 03: a refusal always gives its reason, which the applicant is sent (domain.md "Dossier life cycle" 2). */
export function refuseEffect(input: ActionInput): ActionEffect {
  const reason = requiredText(input.reason, 'reason');
  return { patch: {}, note: reason, data: { form: 'form_03' }, variables: { reason } };
}
