import { at, dossierState, refusalOf } from './effect-fixtures';
import { returnResultEffect } from './return-result';

const now = at('2026-12-01 14:00');
const resolved = (outcome: 'grant' | 'deny', feeTotalVnd: number, feesPaidVnd: number) =>
  dossierState({ status: 'resolved', stepIndex: 3, outcome, feeTotalVnd, feesPaidVnd });

describe('returnResultEffect (handed over at the desk, by post or online; a grant is held until paid)', () => {
  it.each([
    ['at the desk, paid in full', resolved('grant', 24_000, 24_000), { method: 'desk' as const }, null, { method: 'desk' }],
    ['online, nothing to pay', resolved('grant', 0, 0), { method: 'online' as const }, null, { method: 'online' }],
    // EE123456785VN: check digit of 12345678 by the S10 weights 8 6 4 2 3 5 9 7 is 5.
    [
      'by post, the item number upper-cased',
      resolved('grant', 0, 0),
      { method: 'post' as const, postalItemNumber: 'ee123456785vn' },
      'EE123456785VN',
      { method: 'post', postalItemNumber: 'EE123456785VN' },
    ],
    ['a denial, whatever was paid', resolved('deny', 24_000, 0), { method: 'desk' as const }, null, { method: 'desk' }],
  ])('%s', (_case, dossier, input, itemNumber, data) => {
    expect(returnResultEffect(dossier, { version: 9, ...input }, now)).toEqual({
      patch: { returnedAt: now, resultPostalItemNumber: itemNumber },
      note: null,
      data,
    });
  });

  it('a grant with 24,000 − 8,000 = 16,000 VND outstanding is held (409)', () => {
    const held = refusalOf(() => returnResultEffect(resolved('grant', 24_000, 8_000), { version: 9, method: 'desk' }, now));
    expect(held).toMatchObject({ code: 'transition_not_allowed' });
    expect(held.message).toContain('16.000 đồng outstanding');
  });

  it.each([
    ['no method', {}, ['method']],
    ['by post without the item number', { method: 'post' as const }, ['postalItemNumber']],
    ['by post with a wrong check digit', { method: 'post' as const, postalItemNumber: 'EE123456784VN' }, ['postalItemNumber']],
    ['an item number for a desk return', { method: 'desk' as const, postalItemNumber: 'EE123456785VN' }, ['postalItemNumber']],
  ])('%s → 422', (_case, input, fields) => {
    expect(refusalOf(() => returnResultEffect(resolved('grant', 0, 0), { version: 9, ...input }, now))).toMatchObject({ code: 'validation_failed', fields });
  });
});
