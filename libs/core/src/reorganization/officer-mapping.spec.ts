import { grantedUsername, planOfficerTransfers, refuseBadOfficerMapping, type OfficerAtClosingAgency } from './officer-mapping';

const officers: OfficerAtClosingAgency[] = [
  { id: 'a', username: 'tn.trangtien', roles: ['receiving_officer'], agencyCode: '001.35.22.H26', unitCode: '00079', active: true },
  { id: 'b', username: 'ld.trangtien', roles: ['leader', 'unit_admin'], agencyCode: '000.35.22.H26', unitCode: '00079', active: true },
  { id: 'c', username: 'old.trangtien', roles: ['specialist'], agencyCode: '002.35.22.H26', unitCode: '00079', active: false },
  { id: 'd', username: 'tn.hoankiem', roles: ['receiving_officer'], agencyCode: '000.01.22.H26', unitCode: '002', active: true },
  { id: 'e', username: 'x.nowhere', roles: ['specialist'], agencyCode: '999.99.22.H26', unitCode: '999', active: true },
];
const successorOf = new Map([
  ['001.35.22.H26', { agencyCode: '001.10.51.H26', unitCode: '00070' }],
  ['000.35.22.H26', { agencyCode: '000.10.51.H26', unitCode: '00070' }],
  ['002.35.22.H26', { agencyCode: '002.10.51.H26', unitCode: '00070' }],
  ['000.01.22.H26', { agencyCode: '001.10.51.H26', unitCode: '00070' }],
]);

describe('officers of closing agencies', () => {
  it('by default move to the successor agency with all their roles; no successor, no move', () => {
    expect(planOfficerTransfers(officers, successorOf, {})).toEqual([
      { officerId: 'a', username: 'tn.trangtien', mode: 'move', fromAgencyCode: '001.35.22.H26', toAgencyCode: '001.10.51.H26', roles: ['receiving_officer'] },
      {
        officerId: 'b',
        username: 'ld.trangtien',
        mode: 'move',
        fromAgencyCode: '000.35.22.H26',
        toAgencyCode: '000.10.51.H26',
        roles: ['leader', 'unit_admin'],
      },
      { officerId: 'c', username: 'old.trangtien', mode: 'move', fromAgencyCode: '002.35.22.H26', toAgencyCode: '002.10.51.H26', roles: ['specialist'] },
      { officerId: 'd', username: 'tn.hoankiem', mode: 'move', fromAgencyCode: '000.01.22.H26', toAgencyCode: '001.10.51.H26', roles: ['receiving_officer'] },
    ]);
  });

  it('a unit set to grant: its active officers get a second account named for the new unit, the inactive none', () => {
    const out = planOfficerTransfers(officers, successorOf, { units: { '00079': 'grant' } });
    expect(out.map((t) => [t.username, t.mode, t.grantedUsername])).toEqual([
      ['tn.trangtien', 'grant', 'tn.trangtien.00070'],
      ['ld.trangtien', 'grant', 'ld.trangtien.00070'],
      ['tn.hoankiem', 'move', undefined],
    ]);
  });

  it('the default applies to units not listed', () => {
    const out = planOfficerTransfers(officers, successorOf, { default: 'grant', units: { '00079': 'move' } });
    expect(out.map((t) => [t.username, t.mode])).toEqual([
      ['tn.trangtien', 'move'],
      ['ld.trangtien', 'move'],
      ['old.trangtien', 'move'],
      ['tn.hoankiem', 'grant'],
    ]);
  });

  it.each([
    [{ units: { '12345': 'move' } }, 'officers.units.12345', 'is not a unit'],
    [{ units: { '00079': 'copy' } }, 'officers.units.00079', 'must be move or grant'],
    [{ default: 'keep' }, 'officers.default', 'must be move or grant'],
  ])('refuses %j (%s)', (mapping, field, message) => {
    expect(() => refuseBadOfficerMapping(mapping as never, new Set(['00079', '002']))).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field, message: expect.stringContaining(message) })] }),
    );
  });
});

it.each([
  ['tn.trangtien', '00070', 'tn.trangtien.00070'],
  ['a'.repeat(64), '00070', `${'a'.repeat(58)}.00070`],
])('the account granted to %s in %s is %s', (username, unit, expected) => {
  expect(grantedUsername(username, unit)).toBe(expected);
  expect(expected.length).toBeLessThanOrEqual(64);
});
