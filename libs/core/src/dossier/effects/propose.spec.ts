import { at, dossierState, refusalOf } from './effect-fixtures';
import { proposeEffect } from './propose';

const now = at('2026-11-27 09:15');
const assigned = dossierState({ assigneeId: 'o-1' });
const own = { officerId: 'o-1', ownFileIds: new Set(['f-1']) };

describe('proposeEffect (the assigned specialist drafts the result: grant, or a refusal with its grounds)', () => {
  it("the draft goes to the chairman's step (the one before the return) with its files", () => {
    expect(proposeEffect(assigned, { version: 6, outcome: 'grant', note: 'Đủ điều kiện cấp', resultFileIds: ['f-1'] }, own, now)).toEqual({
      patch: {
        proposal: {
          outcome: 'grant',
          note: 'Đủ điều kiện cấp',
          resultFileIds: ['f-1'],
          stepIndex: 1,
          proposedBy: 'o-1',
          proposedAt: '2026-11-27T02:15:00.000Z',
        },
        stepIndex: 2,
        currentAgencyCode: '000.35.22.H26',
        currentScopeCode: '00079',
      },
      note: 'Đủ điều kiện cấp',
      data: { outcome: 'grant' },
    });
  });

  it.each([
    ['another specialist', { ...own, officerId: 'o-2' }, { outcome: 'grant' as const, note: 'x' }, 'forbidden', []],
    ['not an officer', { ...own, officerId: null }, { outcome: 'grant' as const, note: 'x' }, 'forbidden', []],
    ['no grounds', own, { outcome: 'deny' as const }, 'validation_failed', ['note']],
    ['neither grant nor deny', own, { outcome: 'maybe' as never, note: 'x' }, 'validation_failed', ['outcome']],
    ['a file someone else uploaded', own, { outcome: 'grant' as const, note: 'x', resultFileIds: ['f-1', 'f-9'] }, 'validation_failed', ['resultFileIds[1]']],
  ])('%s → refused', (_case, facts, input, code, fields) => {
    expect(refusalOf(() => proposeEffect(assigned, { version: 6, ...input }, facts, now))).toMatchObject({ code, fields });
  });
});
