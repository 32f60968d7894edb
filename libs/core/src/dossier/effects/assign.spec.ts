import { assignEffect } from './assign';
import { refusalOf } from './effect-fixtures';

const specialist = { id: 'o-1', username: 'cv.trangtien', fullName: 'Trần Văn Minh' };

describe('assignEffect (the competent specialist where the dossier now is)', () => {
  it('assigns that specialist and names them in the event', () => {
    expect(assignEffect({ version: 2, officerId: 'o-1', note: 'Xử lý trong tuần' }, { specialist })).toEqual({
      patch: { assigneeId: 'o-1' },
      note: 'Xử lý trong tuần',
      data: { assignee: specialist },
    });
  });

  it.each([
    ['no officer named', undefined, null],
    ['not an active specialist of this scope', 'o-2', null],
  ])('%s → 422 on officerId', (_case, officerId, found) => {
    expect(refusalOf(() => assignEffect({ version: 2, officerId }, { specialist: found }))).toMatchObject({ code: 'validation_failed', fields: ['officerId'] });
  });
});
