import { feesDueAfter, type FeeState } from './fees-due';

const base: FeeState = { status: 'received', outcome: null, feesBeforeVnd: 16_000, feeTotalVnd: 116_000, feesPaidVnd: 0 };

describe('feesDueAfter', () => {
  it.each([
    ['accept', base, 16_000],
    ['accept', { ...base, feesPaidVnd: 16_000 }, 0],
    ['accept', { ...base, feesBeforeVnd: 0 }, 0],
    ['accept', { ...base, status: 'payment_requested' as const }, 0],
    ['approve', { ...base, status: 'resolved' as const, outcome: 'grant' as const, feesPaidVnd: 16_000 }, 100_000],
    ['approve', { ...base, status: 'resolved' as const, outcome: 'deny' as const, feesPaidVnd: 16_000 }, 0],
    ['approve', { ...base, status: 'resolved' as const, outcome: 'grant' as const, feesPaidVnd: 116_000 }, 0],
    // a supplement raising the copies of 2.000635 from 2 to 20 after 16,000 was paid: 20 × 8,000 − 16,000
    ['supplement', { ...base, feesBeforeVnd: 160_000, feeTotalVnd: 160_000, feesPaidVnd: 16_000 }, 144_000],
    ['supplement', { ...base, status: 'processing' as const, feesBeforeVnd: 160_000, feeTotalVnd: 160_000, feesPaidVnd: 16_000 }, 144_000],
    ['supplement', { ...base, feesPaidVnd: 16_000 }, 0],
    // not received yet: the fees are asked for on acceptance
    ['supplement', { ...base, status: 'new' as const }, 0],
    ['assign', base, 0],
    ['transfer', base, 0],
  ] as const)('after %s with %j → %d', (action, state, owed) => {
    expect(feesDueAfter(action, state)).toBe(owed);
  });
});
