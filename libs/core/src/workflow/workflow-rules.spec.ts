import { stepHours, workflowProblems } from './workflow-rules';

const step = (code: string, sector: string, sharePercent: number, level = 'commune') => ({ code, name: `Bước ${code}`, level, sector, sharePercent });
const fields = (steps: unknown) => workflowProblems(steps).map((e) => e.field);

describe('workflowProblems: who does each step and its share of the time', () => {
  it.each<[string, unknown, string[]]>([
    [
      'reception 10 + processing 60 + approval 20 + return 10 = 100',
      [step('TN', 'one_stop', 10), step('XL', 'justice', 60), step('PD', 'general', 20), step('TKQ', 'one_stop', 10)],
      [],
    ],
    ['decimal shares 33.33 + 33.33 + 33.34 = 100', [step('TN', 'one_stop', 33.33), step('XL', 'general', 33.33), step('TKQ', 'one_stop', 33.34)], []],
    ['shares 10 + 60 + 10 = 80 fall short of the whole', [step('TN', 'one_stop', 10), step('XL', 'general', 60), step('TKQ', 'one_stop', 10)], ['workflow']],
    ['shares 50 + 50 + 10 = 110 exceed the whole', [step('TN', 'one_stop', 50), step('XL', 'general', 50), step('TKQ', 'one_stop', 10)], ['workflow']],
    ['a zero share', [step('TN', 'one_stop', 0), step('XL', 'general', 90), step('TKQ', 'one_stop', 10)], ['workflow[0].sharePercent']],
    ['a share as text', [step('TN', 'one_stop', '50' as never), step('TKQ', 'one_stop', 50)], ['workflow[0].sharePercent']],
    ['an unknown level', [step('TN', 'one_stop', 50, 'province'), step('TKQ', 'one_stop', 50)], ['workflow[0].level']],
    ['an unknown sector', [step('TN', 'one_stop', 10), step('XL', 'police', 80), step('TKQ', 'one_stop', 10)], ['workflow[1].sector']],
    ['the first step not at the desk', [step('XL', 'general', 90), step('TKQ', 'one_stop', 10)], ['workflow[0].sector']],
    ['the last step not at the desk', [step('TN', 'one_stop', 10), step('PD', 'general', 90)], ['workflow[1].sector']],
    ['a repeated step code', [step('TN', 'one_stop', 50), step('TN', 'one_stop', 50)], ['workflow[1].code']],
    ['one step only', [step('TN', 'one_stop', 100)], ['workflow']],
    ['not a list', { TN: 100 }, ['workflow']],
  ])('%s', (_name, steps, expected) => {
    expect(fields(steps)).toEqual(expected);
  });

  it('names the sum it found', () => {
    expect(workflowProblems([step('TN', 'one_stop', 10), step('XL', 'general', 60), step('TKQ', 'one_stop', 10)])[0].message).toMatch(
      /add up to 80 %, not 100 %/,
    );
  });
});

describe("stepHours: each step's working hours of the statutory time", () => {
  it.each<[string, number[], number, number[]]>([
    // 3 working days = 24 h: 10 % = 2.4 h, 60 % = 14.4 h, 20 % = 4.8 h, the rest 2.4 h
    ['3 days split 10/60/20/10', [10, 60, 20, 10], 24, [2.4, 14.4, 4.8, 2.4]],
    // 1 day = 8 h in thirds: 2.67 h, 2.67 h, the rest 2.66 h
    ['1 day in thirds, the rounding on the last step', [33.33, 33.33, 33.34], 8, [2.67, 2.67, 2.66]],
  ])('%s', (_name, shares, total, expected) => {
    expect(
      stepHours(
        shares.map((s, i) => ({ code: `S${i}`, sharePercent: s })),
        total,
      ).map((s) => s.hours),
    ).toEqual(expected);
  });
});
