import type { WorkflowStepDefinition } from '../catalog/procedure-definition';
import { approvalStepIndex, planRoute, RoutableAgency, transferTarget } from './plan-route';

const agencies: RoutableAgency[] = [
  { code: '000.00.00.H26', kind: 'people_committee', sectors: ['general'], unitCode: '01', scopeCode: '000.00.00.H26' },
  { code: '000.00.01.H26', kind: 'department', sectors: ['justice'], unitCode: '01', scopeCode: '000.00.01.H26' },
  { code: '000.00.03.H26', kind: 'department', sectors: ['natural_resources'], unitCode: '01', scopeCode: '000.00.03.H26' },
  { code: '000.00.22.H26', kind: 'people_committee', sectors: ['general'], unitCode: '002', scopeCode: '002' },
  { code: '000.01.22.H26', kind: 'one_stop_desk', sectors: ['one_stop'], unitCode: '002', scopeCode: '002' },
  { code: '000.04.22.H26', kind: 'office', sectors: ['natural_resources'], unitCode: '002', scopeCode: '002' },
  { code: '000.35.22.H26', kind: 'people_committee', sectors: ['general'], unitCode: '00079', scopeCode: '00079' },
  { code: '001.35.22.H26', kind: 'one_stop_desk', sectors: ['one_stop'], unitCode: '00079', scopeCode: '00079' },
  { code: '002.35.22.H26', kind: 'office', sectors: ['justice'], unitCode: '00079', scopeCode: '00079' },
  { code: '003.35.22.H26', kind: 'office', sectors: ['natural_resources', 'construction'], unitCode: '00079', scopeCode: '00079' },
];
const byCode = (code: string) => agencies.find((a) => a.code === code)!;
const step = (
  code: string,
  level: WorkflowStepDefinition['level'],
  sector: WorkflowStepDefinition['sector'],
  sharePercent: number,
): WorkflowStepDefinition => ({ code, name: code, level, sector, sharePercent });
const chain = { commune: '00079', district: '002', city: '01' };

describe('planRoute', () => {
  it('keeps a commune procedure inside the commune', () => {
    const route = planRoute(
      [step('r', 'commune', 'one_stop', 10), step('p', 'commune', 'justice', 60), step('a', 'commune', 'general', 20), step('t', 'commune', 'one_stop', 10)],
      chain,
      agencies,
      byCode('001.35.22.H26'),
      'commune',
    );
    expect(route.map((s) => s.agencyCode)).toEqual(['001.35.22.H26', '002.35.22.H26', '000.35.22.H26', '001.35.22.H26']);
    expect(route.every((s) => s.scopeCode === '00079')).toBe(true);
    expect(approvalStepIndex(route)).toBe(2);
  });

  it('routes a liên thông procedure commune → district → back to the commune desk', () => {
    const route = planRoute(
      [
        step('r', 'commune', 'one_stop', 5),
        step('c', 'commune', 'natural_resources', 25),
        step('d', 'district', 'natural_resources', 50),
        step('a', 'district', 'general', 10),
        step('t', 'commune', 'one_stop', 10),
      ],
      chain,
      agencies,
      byCode('001.35.22.H26'),
      'commune',
    );
    expect(route.map((s) => s.agencyCode)).toEqual(['001.35.22.H26', '003.35.22.H26', '000.04.22.H26', '000.00.22.H26', '001.35.22.H26']);
    expect(route.map((s) => s.scopeCode)).toEqual(['00079', '00079', '002', '002', '00079']);
  });

  it('routes district → city department and back', () => {
    const route = planRoute(
      [
        step('r', 'district', 'one_stop', 5),
        step('d', 'district', 'natural_resources', 20),
        step('c', 'city', 'natural_resources', 65),
        step('t', 'district', 'one_stop', 10),
      ],
      { district: '002', city: '01' },
      agencies,
      byCode('000.01.22.H26'),
      'district',
    );
    expect(route.map((s) => s.agencyCode)).toEqual(['000.01.22.H26', '000.04.22.H26', '000.00.03.H26', '000.01.22.H26']);
  });

  it('receives and returns at the city department itself', () => {
    const route = planRoute(
      [step('r', 'city', 'one_stop', 10), step('p', 'city', 'justice', 70), step('a', 'city', 'justice', 10), step('t', 'city', 'one_stop', 10)],
      { city: '01' },
      agencies,
      byCode('000.00.01.H26'),
      'city',
    );
    expect(route.map((s) => s.agencyCode)).toEqual(['000.00.01.H26', '000.00.01.H26', '000.00.01.H26', '000.00.01.H26']);
  });

  it('refuses a step no agency can take (a commune step for a dossier received at a district)', () => {
    expect(() =>
      planRoute(
        [step('r', 'district', 'one_stop', 50), step('c', 'commune', 'justice', 50)],
        { district: '002', city: '01' },
        agencies,
        byCode('000.01.22.H26'),
        'district',
      ),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

describe('planRoute with desk assignments', () => {
  const birth = [
    step('r', 'commune', 'one_stop', 10),
    step('p', 'commune', 'justice', 50),
    step('a', 'commune', 'general', 25),
    step('t', 'commune', 'one_stop', 15),
  ];
  const named = (duty: 'receive' | 'process') => ({ assigned: [duty], restricted: [duty] });
  const elsewhere = (duty: 'receive' | 'process') => ({ assigned: [], restricted: [duty] });
  const extra = (
    code: string,
    sectors: RoutableAgency['sectors'],
    duties?: RoutableAgency['duties'],
    kind: RoutableAgency['kind'] = 'office',
  ): RoutableAgency => ({ code, kind, sectors, unitCode: '00079', scopeCode: '00079', duties });
  const processor = (list: RoutableAgency[]) => planRoute(birth, chain, [...agencies, ...list], byCode('001.35.22.H26'), 'commune')[1].agencyCode;

  it.each<[string, RoutableAgency[], string]>([
    ['no assignment: the office of the sector', [], '002.35.22.H26'],
    ['a second justice office, named for the procedure, takes it', [extra('005.35.22.H26', ['justice'], named('process'))], '005.35.22.H26'],
    ['a second justice office named for other procedures only does not', [extra('007.35.22.H26', ['justice'], elsewhere('process'))], '002.35.22.H26'],
    ['two unrestricted justice offices: the lower identifier', [extra('009.35.22.H26', ['justice'])], '002.35.22.H26'],
    ['an office named for the procedure without the sector is the last resort', [extra('006.35.22.H26', ['culture'], named('process'))], '002.35.22.H26'],
  ])('%s', (_, list, expected) => {
    expect(processor(list)).toBe(expected);
  });

  it('an office named for the procedure without the sector takes it when nobody covers the sector', () => {
    const withoutJustice = agencies.filter((a) => a.code !== '002.35.22.H26');
    const route = planRoute(birth, chain, [...withoutJustice, extra('006.35.22.H26', ['culture'], named('process'))], byCode('001.35.22.H26'), 'commune');
    expect(route[1].agencyCode).toBe('006.35.22.H26');
  });

  it('the restricted office alone cannot take another procedure’s step', () => {
    const onlyRestricted = [...agencies.filter((a) => a.code !== '002.35.22.H26'), extra('005.35.22.H26', ['justice'], elsewhere('process'))];
    expect(() => planRoute(birth, chain, onlyRestricted, byCode('001.35.22.H26'), 'commune')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('a mid-route desk step prefers the desk named to receive the procedure', () => {
    const liaison = [
      step('r', 'commune', 'one_stop', 10),
      step('d', 'district', 'one_stop', 10),
      step('p', 'district', 'natural_resources', 60),
      step('t', 'commune', 'one_stop', 20),
    ];
    const districtDesk2: RoutableAgency = {
      code: '000.08.22.H26',
      kind: 'one_stop_desk',
      sectors: ['one_stop'],
      unitCode: '002',
      scopeCode: '002',
      duties: named('receive'),
    };
    const route = planRoute(liaison, chain, [...agencies, districtDesk2], byCode('001.35.22.H26'), 'commune');
    expect(route[1].agencyCode).toBe('000.08.22.H26');
  });
});

describe('transferTarget', () => {
  const route = planRoute(
    [
      step('r', 'commune', 'one_stop', 5),
      step('c', 'commune', 'natural_resources', 25),
      step('d', 'district', 'natural_resources', 50),
      step('a', 'district', 'general', 10),
      step('t', 'commune', 'one_stop', 10),
    ],
    chain,
    agencies,
    byCode('001.35.22.H26'),
    'commune',
  );
  it.each([
    [1, '000.04.22.H26', 2],
    [2, '000.00.22.H26', 3],
    [2, '003.35.22.H26', 1],
    [3, '000.04.22.H26', 2],
    [1, '001.35.22.H26', 4],
    [1, '000.00.01.H26', null],
  ])('from step %d to %s lands on step %s', (current, agency, expected) => {
    expect(transferTarget(route, current, agency)).toBe(expected);
  });
});

describe('planRoute on the two-level map', () => {
  it('sends the steps of an abolished district to the commune', () => {
    const twoLevel: RoutableAgency[] = [
      { code: '000.10.51.H26', kind: 'people_committee', sectors: ['general'], unitCode: '00070', scopeCode: '000.10.51.H26' },
      { code: '001.10.51.H26', kind: 'one_stop_desk', sectors: ['one_stop'], unitCode: '00070', scopeCode: '000.10.51.H26' },
      { code: '004.10.51.H26', kind: 'office', sectors: ['labour_social', 'culture'], unitCode: '00070', scopeCode: '000.10.51.H26' },
    ];
    const route = planRoute(
      [
        step('r', 'commune', 'one_stop', 5),
        step('c', 'commune', 'labour_social', 40),
        step('d', 'district', 'labour_social', 40),
        step('a', 'district', 'general', 10),
        step('t', 'commune', 'one_stop', 5),
      ],
      { commune: '00070', city: '01' },
      twoLevel,
      twoLevel[1],
      'commune',
    );
    expect(route.map((s) => `${s.level}:${s.agencyCode}`)).toEqual([
      'commune:001.10.51.H26',
      'commune:004.10.51.H26',
      'commune:004.10.51.H26',
      'commune:000.10.51.H26',
      'commune:001.10.51.H26',
    ]);
  });
});
