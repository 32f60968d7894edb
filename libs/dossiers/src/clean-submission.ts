import { cleanText, cleanTextDeep, type FieldError } from '@dvc/core';
import type { ActionInput } from './action-inputs';
import type { DossierApplicant } from './dossier.entity';

/** Text lengths the DTO checks on what was typed, checked again on what is kept. */
const MIN_LENGTH: Partial<Record<keyof DossierApplicant, number>> = { fullName: 2, address: 5 };

/**
 * The applicant's details and the e-form as kept and shown: the one text rule of libs/core (NFC, no invisible
 * or control characters), names and addresses trimmed. A field that was only invisible characters is an error.
 */
export function cleanApplicant(raw: DossierApplicant): { applicant: DossierApplicant; errors: FieldError[] } {
  const applicant = { ...raw };
  const errors: FieldError[] = [];
  for (const key of ['fullName', 'idNumber', 'phone', 'email', 'address', 'birthDate'] as const) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    applicant[key] = cleanText(value).trim();
    const min = MIN_LENGTH[key];
    if (min !== undefined && Array.from(applicant[key]!).length < min) {
      errors.push({ field: `applicant.${key}`, message: `must be at least ${min} visible characters` });
    }
  }
  return { applicant, errors };
}

export const cleanForm = (form: Record<string, unknown>): Record<string, unknown> => cleanTextDeep(form);

/** The free text of an action (it reaches officers, the applicant and the printed forms) and its form. */
export function cleanActionInput(input: ActionInput): ActionInput {
  const out: ActionInput = { ...input };
  for (const key of ['note', 'reason', 'repeatReason'] as const) {
    if (typeof out[key] === 'string') out[key] = cleanText(out[key]);
  }
  if (out.form) out.form = cleanForm(out.form);
  return out;
}
