import { ACTION_NAMES_VI, actionNameVi, actorNameForApplicant } from './action-names';
import { DOSSIER_ACTIONS } from './dossier-actions';
import { PORTAL_ACTION_LABELS } from '../national-portal';

describe('Vietnamese action names', () => {
  it('names every action of the state machine, and the events intake and reorganisation write', () => {
    for (const action of [...DOSSIER_ACTIONS, 'submit', 'reorganize']) expect(ACTION_NAMES_VI[action]).toMatch(/^\p{Lu}/u);
  });

  it.each([
    ['accept', 'Tiếp nhận hồ sơ'],
    ['request_supplement', 'Yêu cầu bổ sung hồ sơ'],
    ['transfer', 'Chuyển hồ sơ'],
    ['return_result', 'Trả kết quả'],
    ['something_new', 'something_new'],
  ])('%s → %s', (action, name) => {
    expect(actionNameVi(action)).toBe(name);
  });

  it('is the table the national-portal pushes use', () => {
    expect(PORTAL_ACTION_LABELS).toBe(ACTION_NAMES_VI);
  });
});

describe('actorNameForApplicant', () => {
  const authority = 'UBND Phường Tràng Tiền';
  it.each([
    [
      { kind: 'officer', name: 'Nguyễn Thị Lan', title: 'Công chức Bộ phận Một cửa', role: 'receiving_officer' },
      authority,
      'Công chức Bộ phận Một cửa — UBND Phường Tràng Tiền',
    ],
    [{ kind: 'officer', name: 'Lê Quang Huy', title: 'Chủ tịch UBND phường', role: 'leader' }, authority, 'Chủ tịch UBND phường — UBND Phường Tràng Tiền'],
    [{ kind: 'officer', name: 'tn.trangtien', title: null, role: 'receiving_officer' }, authority, 'Công chức tiếp nhận hồ sơ — UBND Phường Tràng Tiền'],
    [{ kind: 'officer', name: 'x', title: '  ', role: 'specialist' }, 'Sở Tư pháp Hà Nội', 'Công chức xử lý hồ sơ — Sở Tư pháp Hà Nội'],
    [{ kind: 'officer', name: 'x', title: null, role: null }, null, 'Cán bộ, công chức'],
    [{ kind: 'system', name: 'vnpay', title: null, role: 'system' }, authority, 'Hệ thống — UBND Phường Tràng Tiền'],
    [{ kind: 'citizen', name: 'Nguyễn Văn An', title: null, role: 'applicant' }, authority, 'Nguyễn Văn An'],
  ] as const)('%j at %s → %s', (actor, authorityName, expected) => {
    expect(actorNameForApplicant(actor, authorityName)).toBe(expected);
  });
});
