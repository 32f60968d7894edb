import { refusalOf } from './effect-fixtures';
import { stopEffect } from './stop';

describe('stopEffect (dừng xử lý: a stop notice with its reason, Decree 118/2025)', () => {
  it('records the notice, ends any wait, and tells the applicant why', () => {
    expect(stopEffect({ version: 4, reason: 'Người yêu cầu đã mất' })).toEqual({
      patch: { resumeStatus: null },
      note: 'Người yêu cầu đã mất',
      data: { form: 'stop_notice' },
      variables: { reason: 'Người yêu cầu đã mất' },
    });
  });

  it('without a reason → 422 on reason', () => {
    expect(refusalOf(() => stopEffect({ version: 4 }))).toMatchObject({ code: 'validation_failed', fields: ['reason'] });
  });
});
