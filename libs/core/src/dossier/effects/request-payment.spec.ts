import { dossierState, refusalOf } from './effect-fixtures';
import { requestPaymentEffect } from './request-payment';

// 2.000635, 3 copies at 8,000 VND paid before processing: 24,000 assessed.
const received = dossierState({ status: 'received', feeTotalVnd: 24_000, feesBeforeVnd: 24_000, feesPaidVnd: 0 });
const specialist = { role: 'specialist' as const, holdsLeaderRole: false };

describe('requestPaymentEffect (a financial obligation: the dossier waits for the amount asked)', () => {
  it("by default the assessment's unpaid part, 3 × 8,000 = 24,000 VND; the wait remembers the status to resume", () => {
    expect(requestPaymentEffect(received, { version: 2 }, specialist)).toEqual({
      patch: { resumeStatus: 'received', feesRequestedVnd: 24_000 },
      note: null,
      data: { amountVnd: 24_000 },
      variables: { amount: '24.000 đồng' },
    });
  });

  it.each([
    ['what one copy more would cost, within the assessment', specialist, 8_000, 8_000],
    ['a leader above the assessment (an extra charge)', { role: 'leader' as const, holdsLeaderRole: true }, 50_000, 50_000],
    ['an officer who also holds the leader role, acting as specialist', { role: 'specialist' as const, holdsLeaderRole: true }, 50_000, 50_000],
    ['the system, which asks only what the rules compute', { role: 'system' as const, holdsLeaderRole: false }, 50_000, 50_000],
  ])('%s', (_case, facts, amount, asked) => {
    expect(requestPaymentEffect(received, { version: 2, amount }, facts).patch.feesRequestedVnd).toBe(asked);
  });

  it.each([
    ['a specialist above the 24,000 left unpaid', specialist, 24_001, 'forbidden', []],
    ['nothing', specialist, 0, 'validation_failed', ['amount']],
    ['a fraction of a dong', specialist, 10.5, 'validation_failed', ['amount']],
    ['past the 1,000,000,000 VND a dossier may come to', { role: 'leader' as const, holdsLeaderRole: true }, 1_000_000_001, 'validation_failed', ['amount']],
  ])('%s → refused', (_case, facts, amount, code, fields) => {
    expect(refusalOf(() => requestPaymentEffect(received, { version: 2, amount }, facts))).toMatchObject({ code, fields });
  });

  it('after 16,000 paid a leader may ask at most 999,984,000 more', () => {
    const paid = { ...received, feesPaidVnd: 16_000 };
    const leader = { role: 'leader' as const, holdsLeaderRole: true };
    expect(requestPaymentEffect(paid, { version: 2, amount: 999_984_000 }, leader).patch.feesRequestedVnd).toBe(999_984_000);
    expect(refusalOf(() => requestPaymentEffect(paid, { version: 2, amount: 999_984_001 }, leader)).fields).toEqual(['amount']);
  });
});
