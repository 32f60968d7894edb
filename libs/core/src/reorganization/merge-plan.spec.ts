import { deriveTwoLevelAgencies, districtStepTarget, planMerges, type MergeRow } from './merge-plan';

const rows: MergeRow[] = [
  { newCode: '00070', newName: 'Phường Hoàn Kiếm', oldCode: '00079', oldName: 'Phường Tràng Tiền', mergeType: 'partial' },
  { newCode: '00070', newName: 'Phường Hoàn Kiếm', oldCode: '00070', oldName: 'Phường Hàng Bạc', mergeType: 'full' },
  { newCode: '00082', newName: 'Phường Cửa Nam', oldCode: '00079', oldName: 'Phường Tràng Tiền', mergeType: 'partial' },
  { newCode: '00082', newName: 'Phường Cửa Nam', oldCode: '00082', oldName: 'Phường Cửa Nam', mergeType: 'full' },
];

describe('planMerges', () => {
  it('groups new units in file order and sends a split commune to the first listed new unit', () => {
    const plan = planMerges(rows);
    expect(plan.newUnits.map((u) => [u.code, u.olds.map((o) => o.code)])).toEqual([
      ['00070', ['00079', '00070']],
      ['00082', ['00079', '00082']],
    ]);
    expect(plan.successorOf.get('00079')).toBe('00070');
    expect(plan.successorOf.get('00082')).toBe('00082');
  });

  it("an override picks another of the commune's new units", () => {
    expect(planMerges(rows, { '00079': '00082' }).successorOf.get('00079')).toBe('00082');
  });

  it.each([
    [{ '00079': '00004' }, 'overrides.00079', 'must be one of its new units'],
    [{ '99999': '00070' }, 'overrides.99999', 'is not an old commune'],
  ])('override %j is refused (%s)', (overrides, field, message) => {
    expect(() => planMerges(rows, overrides)).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field, message: expect.stringContaining(message) })] }),
    );
  });

  it('refuses malformed rows', () => {
    expect(() => planMerges([{ ...rows[0], mergeType: 'most' as 'full' }])).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

describe('two-level agencies and step remapping', () => {
  const agencies = deriveTwoLevelAgencies([
    { code: '00070', name: 'Phường Hoàn Kiếm' },
    { code: '00082', name: 'Phường Cửa Nam' },
  ]);
  it("gives new communes identifiers outside the three-level ranges, scoped by their People's Committee", () => {
    expect(agencies.filter((a) => a.unitCode === '00070').map((a) => a.code)).toEqual([
      '000.10.51.H26',
      '001.10.51.H26',
      '002.10.51.H26',
      '003.10.51.H26',
      '004.10.51.H26',
    ]);
    expect(new Set(agencies.filter((a) => a.unitCode === '00070').map((a) => a.scopeCode))).toEqual(new Set(['000.10.51.H26']));
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
  });

  it.each([
    ['labour_social', 'commune'],
    ['natural_resources', 'commune'],
    ['general', 'commune'],
    ['culture', 'city'],
    ['one_stop', 'commune'],
  ] as const)('a district %s step goes to the %s', (sector, level) => {
    expect(districtStepTarget(sector)).toBe(level);
  });
});
