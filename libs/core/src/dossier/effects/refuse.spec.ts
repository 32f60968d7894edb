import { refusalOf } from './effect-fixtures';
import { refuseEffect } from './refuse';

describe('refuseEffect (Form 03: a refusal states its reason, and the applicant is told it)', () => {
  it('the reason, trimmed, is the note and the SMS variable', () => {
    expect(refuseEffect({ version: 3, reason: '  Không thuộc thẩm quyền  ' })).toEqual({
      patch: {},
      note: 'Không thuộc thẩm quyền',
      data: { form: 'form_03' },
      variables: { reason: 'Không thuộc thẩm quyền' },
    });
  });

  it.each([
    ['no reason', undefined],
    ['a blank reason', '   '],
  ])('%s → 422 on reason', (_case, reason) => {
    expect(refusalOf(() => refuseEffect({ version: 3, reason }))).toMatchObject({ code: 'validation_failed', fields: ['reason'] });
  });
});
