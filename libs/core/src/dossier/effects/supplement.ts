import { feesForChannel } from '../../catalog/channel-fees';
import type { NationalDetails } from '../../catalog/national/national-procedure';
import type { FeeRule } from '../../catalog/procedure-definition';
import { DomainError, DomainErrorCode, type FieldError } from '../../errors/domain-error';
import { computeFees, deriveFeeTotals } from '../../fees/compute-fees';
import type { ActionEffect, ActionInput, DossierComponent, DossierState } from './action-effect';

export interface SupplementFacts {
  /** A supplement is brought by a person (the applicant online, an officer at the desk), never by the system. */
  byPerson: boolean;
  procedure: { fees: FeeRule[]; national: NationalDetails | null };
  /** The problems of the components brought (unknown, listed twice, someone else's files). */
  componentErrors: FieldError[];
  /** The e-form's problems, judged on `supplementedForm`; none when the form is not changed. */
  formErrors: FieldError[];
}

/** The form after the supplement: the changes over the stored form, with the totals the fee rules derive. */
export function supplementedForm(
  procedure: { fees: FeeRule[] },
  dossier: Pick<DossierState, 'form'>,
  input: Pick<ActionInput, 'form'>,
): Record<string, unknown> {
  return input.form ? deriveFeeTotals(procedure.fees, { ...dossier.form, ...input.form }) : dossier.form;
}

/**
 * The applicant's supplement ends the wait (the clock resumes): files are added to their components, and a changed
 * form is assessed again; more owed before processing is then asked for by the system (feesDueAfter).
 */
export function supplementEffect(dossier: DossierState, input: ActionInput, facts: SupplementFacts): ActionEffect {
  if (!facts.byPerson) throw new DomainError(DomainErrorCode.Forbidden, 'Only a person can bring a supplement.');
  const components = (input.components ?? []) as DossierComponent[];
  const errors = [...facts.componentErrors];
  if (input.form) errors.push(...facts.formErrors);
  if (components.length === 0 && !input.form) errors.push({ field: 'components', message: 'bring at least one component or form change' });
  if (errors.length > 0) throw DomainError.validation(errors);
  const merged = new Map(dossier.components.map((x) => [x.code, x.fileIds]));
  for (const x of components) merged.set(x.code, [...new Set([...(merged.get(x.code) ?? []), ...x.fileIds])]);
  const form = supplementedForm(facts.procedure, dossier, input);
  const fees = input.form ? computeFees(feesForChannel(facts.procedure, dossier.channel), form) : null;
  return {
    patch: {
      resumeStatus: null,
      form,
      components: [...merged].map(([code, fileIds]) => ({ code, fileIds })),
      ...(fees ? { fees: fees.lines, feeTotalVnd: fees.totalVnd, feesBeforeVnd: fees.beforeVnd } : {}),
    },
    note: null,
    data: {
      components: components.map((x) => x.code),
      formChanged: Boolean(input.form),
      ...(fees && fees.totalVnd !== dossier.feeTotalVnd ? { feeTotalVnd: { from: dossier.feeTotalVnd, to: fees.totalVnd } } : {}),
    },
  };
}
