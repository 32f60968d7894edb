import { approveEffect } from './approve';
import { dossierState, refusalOf } from './effect-fixtures';

const proposal = {
  outcome: 'grant' as const,
  note: 'Đủ điều kiện',
  resultFileIds: ['f-1'],
  stepIndex: 1,
  proposedBy: 'o-1',
  proposedAt: '2026-11-27T02:15:00.000Z',
};
const atChairman = dossierState({ status: 'awaiting_approval', stepIndex: 2, currentAgencyCode: '000.35.22.H26', proposal });
const toDesk = { stepIndex: 3, currentAgencyCode: '001.35.22.H26', currentScopeCode: '00079' };

describe("approveEffect (the leader signs: the proposal's outcome becomes the dossier's, the result goes to the desk)", () => {
  it('the signed copies replace the uploads in the proposal, which keeps the uploads beside them', () => {
    expect(approveEffect(atChairman, { version: 7 }, { signedResultFileIds: ['f-1-signed'] })).toEqual({
      patch: { outcome: 'grant', proposal: { ...proposal, resultFileIds: ['f-1-signed'], uploadedResultFileIds: ['f-1'] }, ...toDesk },
      note: null,
      data: { outcome: 'grant' },
    });
  });

  it('nothing signed (no PDF, or the system approving): the proposal stays as it was', () => {
    const denial = { ...proposal, outcome: 'deny' as const, resultFileIds: [] };
    expect(approveEffect({ ...atChairman, proposal: denial }, { version: 7, note: 'Đồng ý' }, { signedResultFileIds: null })).toEqual({
      patch: { outcome: 'deny', proposal: denial, ...toDesk },
      note: 'Đồng ý',
      data: { outcome: 'deny' },
    });
  });

  it('without a proposal there is nothing to approve (409)', () => {
    expect(refusalOf(() => approveEffect({ ...atChairman, proposal: null }, { version: 7 }, { signedResultFileIds: null })).code).toBe(
      'transition_not_allowed',
    );
  });
});
