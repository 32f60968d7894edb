import { commissionVnd } from './commission';

describe('commissionVnd (half up, exact)', () => {
  it.each<[number, number | string, number]>([
    [100_000, 0.005, 500],
    [150_000, '0.005', 750],
    [100_100, 0.005, 501], // 500.5 → 501
    [100_099, 0.005, 500], // 500.495 → 500
    [100, 0.005, 1], // 0.5 → 1
    [99, 0.005, 0], // 0.495 → 0
    [0, 0.005, 0],
    [10, 0.25, 3], // 2.5 → 3
    [1_234_567, 0.25, 308_642], // 308641.75
    [1_000_000_000, 1e-7, 100],
    [3, 0.1, 0], // 0.30000000000000004 in floating point, 0.3 exactly → 0
    [5, 0.1, 1], // 0.5 → 1
    [1_000, 0, 0],
    [1_000, 1, 1_000],
    [Number.MAX_SAFE_INTEGER, 0.005, 45_035_996_273_705],
  ])('%d × %s = %d', (amount, rate, expected) => {
    expect(commissionVnd(amount, rate)).toBe(expected);
  });

  it.each<[number, unknown]>([
    [-1, 0.005],
    [1.5, 0.005],
    [NaN, 0.005],
    [100, -0.005],
    [100, 1.5],
    [100, NaN],
    [100, Infinity],
    [100, 'abc'],
    [100, ''],
  ])('rejects (%d, %j)', (amount, rate) => {
    expect(() => commissionVnd(amount, rate as number)).toThrow(RangeError);
  });
});
