import type { PlannedStep } from '../workflow/plan-route';
import { deriveTwoLevelAgencies, planMerges, type MergeRow } from './merge-plan';
import { agencyForSector, districtSuccessors, rerouteSteps, successorUnitOf } from './successors';

const rows: MergeRow[] = [
  { newCode: '00070', newName: 'Phường Hoàn Kiếm', oldCode: '00079', oldName: 'Phường Tràng Tiền', mergeType: 'partial' },
  { newCode: '00070', newName: 'Phường Hoàn Kiếm', oldCode: '00070', oldName: 'Phường Hàng Bạc', mergeType: 'full' },
  { newCode: '00082', newName: 'Phường Cửa Nam', oldCode: '00079', oldName: 'Phường Tràng Tiền', mergeType: 'partial' },
  { newCode: '00082', newName: 'Phường Cửa Nam', oldCode: '00082', oldName: 'Phường Cửa Nam', mergeType: 'full' },
  { newCode: '00004', newName: 'Phường Ba Đình', oldCode: '00001', oldName: 'Phường Phúc Xá', mergeType: 'full' },
];
const plan = planMerges(rows);
// Identifiers by the rule of deriveTwoLevelAgencies: unit r (1-based) is 0NN.(9+r).51.H26.
const created = deriveTwoLevelAgencies(plan.newUnits);
const districtOf = new Map([
  ['00079', '002'],
  ['00070', '002'],
  ['00082', '002'],
  ['00001', '001'],
]);

describe('successors of old units', () => {
  it('a district goes to the successor of its first commune in the file', () => {
    expect(districtSuccessors(plan, districtOf)).toEqual(
      new Map([
        ['002', '00070'],
        ['001', '00004'],
      ]),
    );
  });

  it.each([
    ['a split commune: the first new unit listed for it', '00079', '00070'],
    ['a commune that carries on', '00082', '00082'],
    ['a district', '001', '00004'],
    ['a unit outside the plan', '99999', undefined],
  ])('%s', (_what, unit, successor) => {
    expect(successorUnitOf(unit, plan, districtSuccessors(plan, districtOf))).toBe(successor);
  });

  it.each([
    ['one_stop', '001.10.51.H26'],
    ['justice', '002.10.51.H26'],
    ['urban_management', '003.10.51.H26'],
    ['culture', '004.10.51.H26'],
    ['general', '000.10.51.H26'],
  ] as const)("the new unit's agency for %s is %s", (sector, code) => {
    expect(agencyForSector(created, '00070', sector)?.code).toBe(code);
  });
});

describe('rerouting a dossier', () => {
  const step = (index: number, level: PlannedStep['level'], sector: PlannedStep['sector'], agencyCode: string, scopeCode: string): PlannedStep => ({
    index,
    code: `s${index}`,
    name: `step ${index}`,
    level,
    sector,
    sharePercent: 25,
    agencyCode,
    scopeCode,
  });
  const route = [
    step(0, 'commune', 'one_stop', '001.35.22.H26', '00079'),
    step(1, 'commune', 'justice', '002.35.22.H26', '00079'),
    step(2, 'district', 'labour_social', '000.07.22.H26', '002'),
    step(3, 'district', 'culture', '000.09.22.H26', '002'),
    step(4, 'city', 'natural_resources', '000.00.03.H26', '000.00.03.H26'),
    step(5, 'commune', 'one_stop', '001.35.22.H26', '00079'),
  ];
  const departments = [{ code: '000.00.11.H26', kind: 'department' as const, sectors: ['culture' as const], unitCode: '01', scopeCode: '000.00.11.H26' }];
  const ctx = { closing: new Set(['001.35.22.H26', '002.35.22.H26', '000.07.22.H26', '000.09.22.H26']), home: '00070', created, departments };

  it('keeps done steps, moves the rest to the home unit (district steps down to it, culture up to the city)', () => {
    const out = rerouteSteps(route, 1, ctx);
    expect(out.map((s) => [s.level, s.agencyCode, s.scopeCode])).toEqual([
      ['commune', '001.35.22.H26', '00079'],
      ['commune', '002.10.51.H26', '000.10.51.H26'],
      ['commune', '004.10.51.H26', '000.10.51.H26'],
      ['city', '000.00.11.H26', '000.00.11.H26'],
      ['city', '000.00.03.H26', '000.00.03.H26'],
      ['commune', '001.10.51.H26', '000.10.51.H26'],
    ]);
  });

  it('a route that never meets a closing agency is unchanged', () => {
    expect(rerouteSteps(route, 1, { ...ctx, closing: new Set(['000.00.99.H26']) })).toEqual(route);
  });
});
