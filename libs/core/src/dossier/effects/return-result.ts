import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { resultReturnErrors } from '../../postal/postal-intake';
import { parseS10 } from '../../postal/s10';
import { formatVnd } from '../../sms/templates';
import type { ActionEffect, ActionInput, DossierState } from './action-effect';

/**
 * The result handed over at the desk, by post (with the item's UPU S10 number) or online. A grant is held until its
 * fees are paid in full; a denial is returned whatever was paid.
 */
export function returnResultEffect(dossier: DossierState, input: ActionInput, now: Date): ActionEffect {
  const method = input.method;
  if (method !== 'desk' && method !== 'post' && method !== 'online')
    throw DomainError.validation([{ field: 'method', message: 'must be desk, post or online' }]);
  const postalErrors = resultReturnErrors(method, input.postalItemNumber);
  if (postalErrors.length > 0) throw DomainError.validation(postalErrors);
  const postal = method === 'post' ? parseS10(input.postalItemNumber!) : null;
  const itemNumber = postal?.ok ? postal.value : null;
  if (dossier.outcome === 'grant' && dossier.feesPaidVnd < dossier.feeTotalVnd) {
    throw new DomainError(
      DomainErrorCode.TransitionNotAllowed,
      `The result is held until the fees are paid (${formatVnd(dossier.feeTotalVnd - dossier.feesPaidVnd)} outstanding).`,
    );
  }
  return {
    patch: { returnedAt: now, resultPostalItemNumber: itemNumber },
    note: input.note ?? null,
    data: itemNumber ? { method, postalItemNumber: itemNumber } : { method },
  };
}
