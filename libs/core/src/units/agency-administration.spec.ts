import { agencyDraftErrors, agencyOpenOn, closedFromOf, decideClosure, scopeCodeFor, type AgencyDraft, type AgencyUnit } from './agency-administration';
import { dutyFit, receivesProcedure } from './agency-duties';

const TRANG_TIEN: AgencyUnit = { code: '00079', level: 'commune', peopleCommitteeCode: '000.35.22.H26' };
const HOAN_KIEM: AgencyUnit = { code: '002', level: 'district', peopleCommitteeCode: '000.00.22.H26' };
const CITY: AgencyUnit = { code: '01', level: 'city', peopleCommitteeCode: '000.00.00.H26' };
const office: AgencyDraft = {
  code: '005.35.22.H26',
  name: 'Công chức Tư pháp - Hộ tịch 2',
  kind: 'office',
  sectors: ['justice'],
  receives: false,
  receivesProcedures: [],
};
const fields = (draft: Partial<AgencyDraft>, unit = TRANG_TIEN, isNew = true) =>
  agencyDraftErrors({ ...office, ...draft }, unit, { isNew, provinceGroup: 'H26' }).map((e) => e.field);

describe('agencyDraftErrors', () => {
  it.each<[string, Partial<AgencyDraft>, AgencyUnit, string[]]>([
    ['a commune office numbered under its People’s Committee', {}, TRANG_TIEN, []],
    [
      'a second commune desk',
      { code: '006.35.22.H26', kind: 'one_stop_desk', sectors: ['one_stop'], receives: true, receivesProcedures: ['1.001193'] },
      TRANG_TIEN,
      [],
    ],
    ['a district office', { code: '000.08.22.H26' }, HOAN_KIEM, []],
    ['a city department', { code: '000.00.08.H26', kind: 'department', sectors: ['economy'] }, CITY, []],
    ['a malformed identifier', { code: '5.35.22.H26' }, TRANG_TIEN, ['code']],
    ['another province', { code: '005.35.22.H27' }, TRANG_TIEN, ['code']],
    ['numbered under another commune', { code: '005.36.22.H26' }, TRANG_TIEN, ['code']],
    ['the People’s Committee’s own level', { code: '000.35.22.H26' }, TRANG_TIEN, ['code']],
    ['a commune numbered as a district office', { code: '000.08.22.H26' }, TRANG_TIEN, ['code']],
    ['a People’s Committee', { kind: 'people_committee', sectors: ['general'] }, TRANG_TIEN, ['kind']],
    ['a department outside the city', { kind: 'department' }, TRANG_TIEN, ['kind']],
    ['an empty name', { name: '   ' }, TRANG_TIEN, ['name']],
    ['no sector', { sectors: [] }, TRANG_TIEN, ['sectors']],
    ['the People’s Committee’s sector', { sectors: ['general'] }, TRANG_TIEN, ['sectors']],
    ['a desk without one_stop', { kind: 'one_stop_desk', sectors: ['justice'] }, TRANG_TIEN, ['sectors']],
    ['an office with one_stop', { sectors: ['one_stop', 'justice'] }, TRANG_TIEN, ['sectors']],
    ['named to receive but not receiving', { receivesProcedures: ['1.001193'] }, TRANG_TIEN, ['procedures.receives']],
    [
      'everything wrong at once',
      { code: 'x', kind: 'people_committee', name: '', receivesProcedures: ['1.001193'] },
      TRANG_TIEN,
      ['code', 'kind', 'name', 'procedures.receives'],
    ],
  ])('%s → %j', (_, draft, unit, expected) => {
    expect(fields(draft, unit)).toEqual(expected);
  });

  it('does not re-check the identifier and kind of an existing agency', () => {
    expect(fields({ code: '000.35.22.H26', kind: 'people_committee', sectors: ['general'] }, TRANG_TIEN, false)).toEqual([]);
  });
});

describe('scopeCodeFor', () => {
  it.each([
    ['005.35.22.H26', TRANG_TIEN, '00079'],
    ['000.08.22.H26', HOAN_KIEM, '002'],
    ['000.00.08.H26', CITY, '000.00.08.H26'],
  ])('%s shares the worklist %s', (code, unit, scope) => expect(scopeCodeFor(code, unit)).toBe(scope));
});

describe('closures', () => {
  const open = { validFrom: '2008-08-01', validTo: null };
  it.each<[string, string | null, string, { validTo: string | null } | RegExp]>([
    ['closed from tomorrow: today is its last day', '2026-12-04', '2026-12-03', { validTo: '2026-12-03' }],
    ['closed from today: yesterday was its last day', '2026-12-03', '2026-12-03', { validTo: '2026-12-02' }],
    ['a closure in a month', '2027-01-01', '2026-12-03', { validTo: '2026-12-31' }],
    ['back-dated', '2026-12-02', '2026-12-03', /back-dated/],
    ['no closure', null, '2026-12-03', { validTo: null }],
  ])('%s', (_, closedFrom, today, expected) => {
    if (expected instanceof RegExp)
      expect(() => decideClosure(open, closedFrom, today)).toThrow(
        expect.objectContaining({
          code: 'validation_failed',
          fieldErrors: [expect.objectContaining({ field: 'closedFrom', message: expect.stringMatching(expected) })],
        }),
      );
    else expect(decideClosure(open, closedFrom, today)).toEqual(expected);
  });

  it('closes an agency opened today from today (made by mistake), never from before its first day', () => {
    const opened = { validFrom: '2026-12-03', validTo: null };
    expect(decideClosure(opened, '2026-12-03', '2026-12-03')).toEqual({ validTo: '2026-12-02' });
    const scheduled = { validFrom: '2026-12-10', validTo: null };
    expect(() => decideClosure(scheduled, '2026-12-05', '2026-12-03')).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'closedFrom', message: expect.stringMatching(/first day 2026-12-10/) })] }),
    );
  });

  it('moves or withdraws a closure that has not begun, never one that has', () => {
    const scheduled = { validFrom: '2008-08-01', validTo: '2026-12-31' };
    expect(decideClosure(scheduled, null, '2026-12-31')).toEqual({ validTo: null });
    expect(decideClosure(scheduled, '2026-12-10', '2026-12-03')).toEqual({ validTo: '2026-12-09' });
    expect(() => decideClosure(scheduled, null, '2027-01-01')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => decideClosure(scheduled, '2027-02-01', '2027-01-01')).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it.each([
    ['2026-12-03', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
    ['2008-07-31', false],
  ])('an agency whose last day is 2026-12-31 is open on %s: %s', (day, expected) => {
    expect(agencyOpenOn({ validFrom: '2008-08-01', validTo: '2026-12-31' }, day)).toBe(expected);
  });

  it('names the first day closed', () => {
    expect(closedFromOf('2026-12-31')).toBe('2027-01-01');
    expect(closedFromOf('2028-02-28')).toBe('2028-02-29');
    expect(closedFromOf(null)).toBeNull();
  });
});

describe('desk assignments', () => {
  it.each([
    [undefined, 'receive', 1],
    [{ assigned: [], restricted: [] }, 'receive', 1],
    [{ assigned: ['receive'], restricted: ['receive'] }, 'receive', 0],
    [{ assigned: [], restricted: ['receive'] }, 'receive', 2],
    [{ assigned: [], restricted: ['receive'] }, 'process', 1],
    [{ assigned: ['process'], restricted: ['process'] }, 'process', 0],
  ] as const)('%j, %s → %d', (duties, duty, fit) => {
    expect(dutyFit(duties, duty)).toBe(fit);
  });

  it.each([
    [true, undefined, true],
    [false, undefined, false],
    [true, { assigned: ['receive'], restricted: ['receive'] }, true],
    [true, { assigned: [], restricted: ['receive'] }, false],
    [true, { assigned: [], restricted: ['process'] }, true],
  ] as const)('receives %s with %j → %s', (receives, duties, expected) => {
    expect(receivesProcedure({ receives, duties })).toBe(expected);
  });
});
