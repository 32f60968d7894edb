import { chance, mulberry32, mulberry32Uint32, seedFromText, type Random } from './prng';

const take = (next: () => number, n: number) => Array.from({ length: n }, () => next());

describe('mulberry32', () => {
  // The first draws the simulators have always produced: seeded fault runs replay the same way.
  it.each([
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
    [1, [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]],
    [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]],
    [-7, [0.43306733411736786, 0.32539576734416187, 0.5442695003002882]],
    [2 ** 32 + 5, [0.6897749109193683, 0.7727432732935995, 0.21976301027461886]],
  ])('seed %p starts with %p', (seed, expected) => {
    expect(take(mulberry32(seed), 3)).toEqual(expected);
  });

  it.each([0, 1, 42, -7, 123_456_789])('seed %p gives the same sequence twice', (seed) => {
    expect(take(mulberry32(seed), 100)).toEqual(take(mulberry32(seed), 100));
  });

  it.each([
    [0, 1],
    [1, 2],
    [42, 43],
    [-1, 1],
  ])('seeds %p and %p give different sequences', (a, b) => {
    expect(take(mulberry32(a), 20)).not.toEqual(take(mulberry32(b), 20));
  });

  it.each([0, 1, 42, 0xffffffff])('seed %p stays in [0, 1) and spreads over it', (seed) => {
    const draws = take(mulberry32(seed), 10_000);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(Math.min(...draws)).toBeLessThan(0.01);
    expect(Math.max(...draws)).toBeGreaterThan(0.99);
  });

  it.each([0, 7, 42])('seed %p as whole numbers: integers in [0, 2^32), the same draws × 2^32', (seed) => {
    const whole = take(mulberry32Uint32(seed), 1000);
    for (const n of whole) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(2 ** 32);
    }
    expect(whole.map((n) => n / 2 ** 32)).toEqual(take(mulberry32(seed), 1000));
  });
});

describe('seedFromText', () => {
  // As the payment gateway simulator seeded itself from PAYMENT_SIMULATOR_SEED (first three transaction draws).
  it.each([
    ['abc', [2218960489, 2833055473, 8073077]],
    ['7', [2541301646, 3027835980, 2217983242]],
    ['seed-1', [3490405299, 2254090093, 2418907795]],
    ['', [2625274932, 2119670693, 3324411561]],
  ])('%p seeds the whole-number stream %p', (text, expected) => {
    expect(take(mulberry32Uint32(seedFromText(text)), 3)).toEqual(expected);
  });

  it.each([
    ['a', 'b'],
    ['seed-1', 'seed-2'],
    ['ắ', 'a'],
  ])('%p and %p give different seeds', (a, b) => {
    expect(seedFromText(a)).not.toBe(seedFromText(b));
  });
});

describe('chance', () => {
  const counting = (value: number): Random & { calls: number } => {
    const random = Object.assign(
      () => {
        random.calls += 1;
        return value;
      },
      { calls: 0 },
    );
    return random;
  };

  it.each([
    // rate, draw, outcome, draws taken
    [0, 0, false, 0],
    [-0.5, 0, false, 0],
    [1, 0.999, true, 0],
    [1.5, 0.999, true, 0],
    [0.3, 0.29, true, 1],
    [0.3, 0.3, false, 1],
    [0.3, 0.9, false, 1],
  ])('rate %p with draw %p is %p after %p draws', (rate, draw, outcome, draws) => {
    const random = counting(draw);
    expect(chance(random, rate)).toBe(outcome);
    expect(random.calls).toBe(draws);
  });
});
