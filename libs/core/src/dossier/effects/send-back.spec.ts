import { dossierState, refusalOf } from './effect-fixtures';
import { sendBackEffect } from './send-back';

const proposal = { outcome: 'grant' as const, note: 'x', resultFileIds: [], stepIndex: 1, proposedBy: 'o-1', proposedAt: '2026-11-27T02:15:00.000Z' };
const atChairman = dossierState({ status: 'awaiting_approval', stepIndex: 2, currentAgencyCode: '000.35.22.H26', proposal });

describe('sendBackEffect (the leader sends the draft back, with the reason)', () => {
  it.each([
    ['to the step that proposed it', proposal, 1],
    ['without a proposal: the step before approval', null, 1],
  ])('%s', (_case, p, back) => {
    expect(sendBackEffect({ ...atChairman, proposal: p }, { version: 8, reason: 'Thiếu căn cứ' })).toEqual({
      patch: { stepIndex: back, currentAgencyCode: atChairman.route[back].agencyCode, currentScopeCode: '00079' },
      note: 'Thiếu căn cứ',
    });
  });

  it('without a reason → 422 on reason', () => {
    expect(refusalOf(() => sendBackEffect(atChairman, { version: 8 })).fields).toEqual(['reason']);
  });
});
