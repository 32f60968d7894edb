import type { FeeState } from './fees-due';
import { resultRelease } from './result-release';

const granted: FeeState = { status: 'resolved', outcome: 'grant', feesBeforeVnd: 0, feeTotalVnd: 75_000, feesPaidVnd: 75_000 };

describe('resultRelease', () => {
  it.each([
    ['a paid grant, ready at the desk', granted, 'released'],
    ['a paid grant, returned', { ...granted, status: 'result_returned' as const }, 'released'],
    ['a free grant', { ...granted, feeTotalVnd: 0, feesPaidVnd: 0 }, 'released'],
    ['a denial with fees unpaid', { ...granted, outcome: 'deny' as const, feesPaidVnd: 0 }, 'released'],
    ['a grant waiting for its pay-after fees', { ...granted, status: 'payment_requested' as const, feesPaidVnd: 0 }, 'held_for_fees'],
    ['a grant partly paid', { ...granted, feesPaidVnd: 25_000 }, 'held_for_fees'],
    ['a paid grant with an extra amount asked for', { ...granted, status: 'payment_requested' as const }, 'held_for_fees'],
    ['awaiting approval', { ...granted, status: 'awaiting_approval' as const, outcome: null }, 'pending'],
    ['paying before processing', { ...granted, status: 'payment_requested' as const, outcome: null, feesPaidVnd: 0 }, 'pending'],
    ['processing', { ...granted, status: 'processing' as const, outcome: null }, 'pending'],
    ['refused', { ...granted, status: 'refused' as const, outcome: null }, 'pending'],
    ['withdrawn', { ...granted, status: 'withdrawn' as const, outcome: null }, 'pending'],
  ] as const)('%s → %s', (_name, state, expected) => {
    expect(resultRelease(state)).toBe(expected);
  });
});
