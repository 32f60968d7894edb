import type { FeeRule } from '../catalog/procedure-definition';
import { computeFees } from './compute-fees';

const fixed: FeeRule = { code: 'LP', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: 100_000, payment: 'before' };
const perCopy: FeeRule = { code: 'PC', kind: 'charge', name: 'Bản sao', basis: 'per_copy', amountVnd: 8_000, copiesField: 'soBanSao', payment: 'before' };
const after: FeeRule = { code: 'GCN', kind: 'charge', name: 'Cấp giấy', basis: 'fixed', amountVnd: 75_000, payment: 'after' };
const exempt: FeeRule = {
  code: 'LLTP', kind: 'fee', name: 'Phí LLTP', basis: 'fixed', amountVnd: 200_000, payment: 'before',
  exemptions: [{ code: 'TRE_EM', description: 'Trẻ em' }], exemptionField: 'doiTuongMienPhi',
};
const free: FeeRule = { code: 'KS', kind: 'charge', name: 'Khai sinh đúng hạn', basis: 'fixed', amountVnd: 0, payment: 'before' };

describe('computeFees', () => {
  it.each([
    ['a fixed charge', [fixed], {}, 100_000, 100_000, 0],
    ['per copy × 3', [perCopy], { soBanSao: 3 }, 24_000, 24_000, 0],
    ['per copy with no copies asked', [perCopy], {}, 0, 0, 0],
    ['per copy with a bad count', [perCopy], { soBanSao: '3' }, 0, 0, 0],
    ['pay after', [after], {}, 75_000, 0, 75_000],
    ['exempted', [exempt], { doiTuongMienPhi: 'TRE_EM' }, 0, 0, 0],
    ['an unknown exemption claim', [exempt], { doiTuongMienPhi: 'KHAC' }, 200_000, 200_000, 0],
    ['free of charge', [free], {}, 0, 0, 0],
    ['everything together', [fixed, perCopy, after, exempt], { soBanSao: 2, doiTuongMienPhi: 'TRE_EM' }, 191_000, 116_000, 75_000],
    ['no rules', [], {}, 0, 0, 0],
  ])('%s', (_label, rules, form, total, before, afterVnd) => {
    const result = computeFees(rules, form);
    expect(result).toMatchObject({ totalVnd: total, beforeVnd: before, afterVnd });
    for (const line of result.lines) expect(Number.isInteger(line.amountVnd)).toBe(true);
  });

  it('records the exemption on the line', () => {
    const [line] = computeFees([exempt], { doiTuongMienPhi: 'TRE_EM' }).lines;
    expect(line).toMatchObject({ amountVnd: 0, exemption: { code: 'TRE_EM' }, unitAmountVnd: 200_000 });
  });
});
