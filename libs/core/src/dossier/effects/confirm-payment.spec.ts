import { confirmPaymentEffect } from './confirm-payment';
import { dossierState, refusalOf } from './effect-fixtures';

const waiting = dossierState({ status: 'payment_requested', resumeStatus: 'received', feeTotalVnd: 24_000, feesPaidVnd: 8_000 });

describe('confirmPaymentEffect (a payment received ends the wait)', () => {
  it('adds the amount to what was paid: 8,000 + 16,000 = 24,000', () => {
    expect(confirmPaymentEffect(waiting, { version: 3, amount: 16_000, paymentId: 'p-1' })).toEqual({
      patch: { resumeStatus: null, feesPaidVnd: 24_000 },
      note: null,
      data: { amountVnd: 16_000, paymentId: 'p-1' },
    });
  });

  it.each([
    ['no amount', undefined],
    ['zero', 0],
    ['negative', -8_000],
    ['a fraction', 0.5],
  ])('%s → 422 on amount', (_case, amount) => {
    expect(refusalOf(() => confirmPaymentEffect(waiting, { version: 3, amount }))).toMatchObject({ code: 'validation_failed', fields: ['amount'] });
  });
});
