import type { FeeRule } from '../catalog/procedure-definition';
import { computeFees, deriveFeeTotals } from './compute-fees';

const fixed: FeeRule = { code: 'LP', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: 100_000, payment: 'before' };
const perCopy: FeeRule = { code: 'PC', kind: 'charge', name: 'Bản sao', basis: 'per_copy', amountVnd: 8_000, copiesField: 'soBanSao', payment: 'before' };
const after: FeeRule = { code: 'GCN', kind: 'charge', name: 'Cấp giấy', basis: 'fixed', amountVnd: 75_000, payment: 'after' };
const exempt: FeeRule = {
  code: 'LLTP',
  kind: 'fee',
  name: 'Phí LLTP',
  basis: 'fixed',
  amountVnd: 200_000,
  payment: 'before',
  exemptions: [{ code: 'TRE_EM', description: 'Trẻ em' }],
  exemptionField: 'doiTuongMienPhi',
};
// Thông tư 226/2016/TT-BTC art. 4(2), certified copies from the original: 2,000 VND a page, 1,000 VND a page from
// the third, at most 200,000 VND a copy.
const byPage: FeeRule = {
  code: 'CT',
  kind: 'fee',
  name: 'Chứng thực bản sao',
  basis: 'per_copy',
  amountVnd: 2_000,
  copiesField: 'soBanSao',
  payment: 'before',
  pages: { field: 'soTrangMoiBan', firstPages: 2, laterPageAmountVnd: 1_000, maxPerCopyVnd: 200_000, totalField: 'tongSoTrang' },
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
    // by page (hand-computed from the circular's scale)
    ['1 copy of 1 page', [byPage], { soBanSao: 1, soTrangMoiBan: 1 }, 2_000, 2_000, 0],
    ['1 copy of 2 pages', [byPage], { soBanSao: 1, soTrangMoiBan: 2 }, 4_000, 4_000, 0],
    ['1 copy of 3 pages: 2×2,000 + 1×1,000', [byPage], { soBanSao: 1, soTrangMoiBan: 3 }, 5_000, 5_000, 0],
    ['2 copies of 10 pages: 2×(4,000 + 8×1,000)', [byPage], { soBanSao: 2, soTrangMoiBan: 10 }, 24_000, 24_000, 0],
    ['1 copy of 198 pages reaches the cap exactly', [byPage], { soBanSao: 1, soTrangMoiBan: 198 }, 200_000, 200_000, 0],
    ['1 copy of 199 pages is capped', [byPage], { soBanSao: 1, soTrangMoiBan: 199 }, 200_000, 200_000, 0],
    [
      '100 copies of 500 pages: 100 × the 200,000 cap; the typed total of 1 page is not read',
      [byPage],
      { soBanSao: 100, soTrangMoiBan: 500, tongSoTrang: 1 },
      20_000_000,
      20_000_000,
      0,
    ],
    ['pages missing', [byPage], { soBanSao: 3, tongSoTrang: 30 }, 0, 0, 0],
  ])('%s', (_label, rules, form, total, before, afterVnd) => {
    const result = computeFees(rules, form);
    expect(result).toMatchObject({ totalVnd: total, beforeVnd: before, afterVnd });
    for (const line of result.lines) expect(Number.isInteger(line.amountVnd)).toBe(true);
  });

  it('records the exemption on the line', () => {
    const [line] = computeFees([exempt], { doiTuongMienPhi: 'TRE_EM' }).lines;
    expect(line).toMatchObject({ amountVnd: 0, exemption: { code: 'TRE_EM' }, unitAmountVnd: 200_000 });
  });

  it('a by-page line shows the amount of one copy and the number of copies', () => {
    expect(computeFees([byPage], { soBanSao: 2, soTrangMoiBan: 10 }).lines[0]).toMatchObject({ unitAmountVnd: 12_000, quantity: 2, amountVnd: 24_000 });
  });
});

describe('deriveFeeTotals', () => {
  it.each([
    ['replaces a typed total', { soBanSao: 100, soTrangMoiBan: 500, tongSoTrang: 1 }, { soBanSao: 100, soTrangMoiBan: 500, tongSoTrang: 50_000 }],
    ['fills a missing total', { soBanSao: 3, soTrangMoiBan: 4 }, { soBanSao: 3, soTrangMoiBan: 4, tongSoTrang: 12 }],
    ['leaves it when a count is missing', { soBanSao: 3, tongSoTrang: 7 }, { soBanSao: 3, tongSoTrang: 7 }],
    ['leaves it when a count is not a whole number', { soBanSao: 2.5, soTrangMoiBan: 4, tongSoTrang: 7 }, { soBanSao: 2.5, soTrangMoiBan: 4, tongSoTrang: 7 }],
  ])('%s', (_label, form, expected) => {
    expect(deriveFeeTotals([byPage], form)).toEqual(expected);
  });

  it('changes nothing for rules without a derived total', () => {
    const form = { soBanSao: 2, tongSoTrang: 1 };
    expect(deriveFeeTotals([perCopy, fixed], form)).toBe(form);
  });
});
