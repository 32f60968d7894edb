import { reportReachOf } from './report-reach';

describe('report reach (who reads which processing report)', () => {
  it.each([
    [
      "the administrator (city People's Committee)",
      { roles: ['admin'], agencyKind: 'people_committee', agencyCode: '000.00.00.H26', unitCode: '01', scopeCode: '000.00.00.H26' },
      { kind: 'everything' },
    ],
    [
      "the city People's Committee's leader",
      { roles: ['leader'], agencyKind: 'people_committee', agencyCode: '000.00.00.H26', unitCode: '01', scopeCode: '000.00.00.H26' },
      { kind: 'unit_and_below', unitCode: '01' },
    ],
    [
      "ld.hoankiem (district People's Committee)",
      { roles: ['leader'], agencyKind: 'people_committee', agencyCode: '000.00.22.H26', unitCode: '002', scopeCode: '002' },
      { kind: 'unit_and_below', unitCode: '002' },
    ],
    [
      "ld.trangtien (commune People's Committee)",
      { roles: ['leader'], agencyKind: 'people_committee', agencyCode: '000.35.22.H26', unitCode: '00079', scopeCode: '00079' },
      { kind: 'unit_and_below', unitCode: '00079' },
    ],
    [
      "a district office sharing the district's scope",
      { roles: ['leader'], agencyKind: 'office', agencyCode: '000.03.22.H26', unitCode: '002', scopeCode: '002' },
      { kind: 'unit_and_below', unitCode: '002' },
    ],
    [
      'ld.stp (Department of Justice)',
      { roles: ['leader'], agencyKind: 'department', agencyCode: '000.00.01.H26', unitCode: '01', scopeCode: '000.00.01.H26' },
      { kind: 'agency', agencyCode: '000.00.01.H26' },
    ],
    [
      'ld.sotnmt (Department of Natural Resources)',
      { roles: ['leader'], agencyKind: 'department', agencyCode: '000.00.03.H26', unitCode: '01', scopeCode: '000.00.03.H26' },
      { kind: 'agency', agencyCode: '000.00.03.H26' },
    ],
    [
      'a city-level desk with a scope of its own',
      { roles: ['leader'], agencyKind: 'one_stop_desk', agencyCode: '000.00.99.H26', unitCode: '01', scopeCode: '000.00.99.H26' },
      { kind: 'agency', agencyCode: '000.00.99.H26' },
    ],
  ] as const)('%s', (_label, officer, reach) => {
    expect(reportReachOf(officer)).toEqual(reach);
  });
});
