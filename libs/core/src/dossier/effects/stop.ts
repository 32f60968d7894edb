import { requiredText, type ActionEffect, type ActionInput } from './action-effect';

/** Processing stopped (dừng xử lý) with a notice stating why; the applicant is sent the reason. */
export function stopEffect(input: ActionInput): ActionEffect {
  const reason = requiredText(input.reason, 'reason');
  return { patch: { resumeStatus: null }, note: reason, data: { form: 'stop_notice' }, variables: { reason } };
}
