import { dossierState, refusalOf } from './effect-fixtures';
import { transferEffect } from './transfer';

// Route: 0 desk 001 → 1 justice 002 → 2 chairman 000 → 3 desk 001.
describe('transferEffect (liên thông along the route: a line of the control slip)', () => {
  it.each([
    ['forward to the chairman', 1, '000.35.22.H26', 2, 'approve'],
    ['forward to the desk that returns the result', 2, '001.35.22.H26', 3, 'return'],
    ['back to the justice officer', 2, '002.35.22.H26', 1, 'process'],
  ])('%s', (_case, stepIndex, to, target, stepCode) => {
    const dossier = dossierState({ stepIndex, currentAgencyCode: dossierState().route[stepIndex].agencyCode, assigneeId: 'o-1' });
    expect(transferEffect(dossier, { version: 5, toAgencyCode: to })).toEqual({
      patch: { stepIndex: target, currentAgencyCode: to, currentScopeCode: '00079', assigneeId: null },
      note: null,
      data: { controlSlip: true, toStep: stepCode },
    });
  });

  it.each([
    ['an agency the route never visits', '003.35.22.H26', ['toAgencyCode']],
    ['the agency it is already at', '002.35.22.H26', ['toAgencyCode']],
    ['no agency', undefined, ['toAgencyCode']],
  ])('%s → 422', (_case, to, fields) => {
    expect(refusalOf(() => transferEffect(dossierState(), { version: 5, toAgencyCode: to }))).toMatchObject({ code: 'validation_failed', fields });
  });
});
