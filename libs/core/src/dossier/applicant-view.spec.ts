import { applicantEventDetail } from './applicant-view';

describe('what an applicant reads of an event', () => {
  it.each([
    ['propose', 'Đề xuất cấp', { outcome: 'grant', resultFileIds: ['f1'] }, null, null],
    ['send_back', 'Thiếu chữ ký', { reason: 'Thiếu chữ ký' }, null, null],
    ['assign', null, { officerId: 'o1' }, null, null],
    ['transfer', 'Chuyển phòng', { toAgencyCode: 'x' }, null, null],
    ['accept', 'Đã tiếp nhận', null, 'Đã tiếp nhận', null],
    ['request_supplement', 'Thiếu giấy tờ', { components: ['TK'] }, 'Thiếu giấy tờ', { components: ['TK'] }],
    ['refuse', 'Không thuộc thẩm quyền', null, 'Không thuộc thẩm quyền', null],
    ['approve', null, { outcome: 'grant' }, null, { outcome: 'grant' }],
  ])('%s: note %p → %p', (action, note, data, wantNote, wantData) => {
    expect(applicantEventDetail(action, note, data)).toEqual({ note: wantNote, data: wantData });
  });
});
