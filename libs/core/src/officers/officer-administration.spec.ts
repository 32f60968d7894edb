import { DomainErrorCode } from '../errors/domain-error';
import { adminReachOf, refuseOfficerChange, type OfficerChange } from './officer-administration';

// Units: Hà Nội 01 → Quận Hoàn Kiếm 002 → Phường Tràng Tiền 00079; Quận Ba Đình 001 → Phường Phúc Xá 00001.
const TRANG_TIEN = ['00079', '002', '01'];
const HOAN_KIEM = ['002', '01'];
const PHUC_XA = ['00001', '001', '01'];
const CITY = ['01'];
const admin = { id: 'a', roles: ['admin'] as const, unitCode: '01' };
const hoanKiemAdmin = { id: 'u', roles: ['unit_admin'] as const, unitCode: '002' };
const leader = { id: 'l', roles: ['leader'] as const, unitCode: '002' };
const officer = (roles: OfficerChange['next']['roles'], unitChain: string[], id = 't') => ({ id, roles: roles!, unitChain, active: true, agencyCode: 'X' });

describe('adminReachOf', () => {
  it.each([
    [['admin'], { kind: 'everything' }],
    [['unit_admin'], { kind: 'unit_tree', unitCode: '002' }],
    [['leader', 'unit_admin'], { kind: 'unit_tree', unitCode: '002' }],
    [['leader'], { kind: 'none' }],
  ] as const)('%j → %j', (roles, reach) => {
    expect(adminReachOf({ roles, unitCode: '002' })).toEqual(reach);
  });
});

describe('refuseOfficerChange', () => {
  it.each<[string, OfficerChange, null | [DomainErrorCode, string?]]>([
    ['an administrator creates an admin anywhere', { actor: admin, next: { roles: ['admin'], unitChain: CITY } }, null],
    [
      'a unit administrator creates a receiving officer in a ward below',
      { actor: hoanKiemAdmin, next: { roles: ['receiving_officer'], unitChain: TRANG_TIEN } },
      null,
    ],
    ['… or at the district itself', { actor: hoanKiemAdmin, next: { roles: ['specialist', 'leader'], unitChain: HOAN_KIEM } }, null],
    ['… or a unit administrator for the ward', { actor: hoanKiemAdmin, next: { roles: ['unit_admin'], unitChain: TRANG_TIEN } }, null],
    ['… but not an administrator', { actor: hoanKiemAdmin, next: { roles: ['admin'], unitChain: TRANG_TIEN } }, [DomainErrorCode.Forbidden, 'roles']],
    [
      '… nor an auditor (the audit log is city-wide)',
      { actor: hoanKiemAdmin, next: { roles: ['auditor'], unitChain: HOAN_KIEM } },
      [DomainErrorCode.Forbidden, 'roles'],
    ],
    ['an administrator makes an auditor', { actor: admin, next: { roles: ['auditor'], unitChain: CITY } }, null],
    ['… nor in another district', { actor: hoanKiemAdmin, next: { roles: ['specialist'], unitChain: PHUC_XA } }, [DomainErrorCode.Forbidden, 'agencyCode']],
    ['… nor at the city', { actor: hoanKiemAdmin, next: { roles: ['specialist'], unitChain: CITY } }, [DomainErrorCode.Forbidden, 'agencyCode']],
    [
      'an account in another district does not exist for him',
      { actor: hoanKiemAdmin, target: officer(['specialist'], PHUC_XA), next: { active: false } },
      [DomainErrorCode.NotFound],
    ],
    [
      'he may not move an officer out of his unit',
      { actor: hoanKiemAdmin, target: officer(['specialist'], TRANG_TIEN), next: { unitChain: PHUC_XA, agencyCode: 'Y' } },
      [DomainErrorCode.Forbidden, 'agencyCode'],
    ],
    [
      'he may not touch an administrator seated in his unit',
      { actor: hoanKiemAdmin, target: officer(['admin'], HOAN_KIEM), next: { active: false } },
      [DomainErrorCode.Forbidden],
    ],
    ['he deactivates a ward officer', { actor: hoanKiemAdmin, target: officer(['leader'], TRANG_TIEN), next: { active: false } }, null],
    ['a leader administers nobody', { actor: leader, next: { roles: ['specialist'], unitChain: TRANG_TIEN } }, [DomainErrorCode.Forbidden]],
    ['nobody deactivates himself', { actor: admin, target: officer(['admin'], CITY, 'a'), next: { active: false } }, [DomainErrorCode.Forbidden]],
    [
      'nobody changes his own roles',
      { actor: admin, target: officer(['admin'], CITY, 'a'), next: { roles: ['admin', 'leader'] } },
      [DomainErrorCode.Forbidden],
    ],
    [
      'but the same roles in another order are no change',
      { actor: admin, target: officer(['admin', 'leader'], CITY, 'a'), next: { roles: ['leader', 'admin'], active: true } },
      null,
    ],
  ])('%s', (_label, change, expected) => {
    const error = refuseOfficerChange(change);
    if (expected === null) return expect(error).toBeNull();
    expect(error?.code).toBe(expected[0]);
    if (expected[1]) expect(error?.fieldErrors.map((e) => e.field)).toEqual([expected[1]]);
  });
});
