import { DomainError } from '../../errors/domain-error';
import type { ActionEffect, ActionInput, DossierState } from './action-effect';

/** A payment received (at the desk, or the gateway's confirmed IPN) ends the wait and adds to what was paid. */
export function confirmPaymentEffect(dossier: DossierState, input: ActionInput): ActionEffect {
  const amount = input.amount ?? 0;
  if (!Number.isInteger(amount) || amount <= 0) throw DomainError.validation([{ field: 'amount', message: 'must be the positive whole VND amount received' }]);
  return {
    patch: { resumeStatus: null, feesPaidVnd: dossier.feesPaidVnd + amount },
    note: input.note ?? null,
    data: { amountVnd: amount, paymentId: input.paymentId ?? null },
  };
}
