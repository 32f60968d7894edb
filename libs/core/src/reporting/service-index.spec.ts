import { SERVICE_INDEX_INDICATORS, SERVICE_INDEX_MAX_SCORE, scoreServiceIndex, type IndicatorCount, type ServiceIndexIndicatorCode } from './service-index';

const counts = (c: Partial<Record<ServiceIndexIndicatorCode, IndicatorCount>>) =>
  Object.fromEntries(SERVICE_INDEX_INDICATORS.map((i) => [i.code, c[i.code] ?? { met: 0, of: 0 }])) as Record<ServiceIndexIndicatorCode, IndicatorCount>;

describe('service index scoring', () => {
  it('the weights make a 100-point scale', () => {
    expect(SERVICE_INDEX_MAX_SCORE).toBe(100);
    expect(new Set(SERVICE_INDEX_INDICATORS.map((i) => i.code)).size).toBe(SERVICE_INDEX_INDICATORS.length);
  });

  // weight × met/of, 2 decimals; value 4 decimals.
  it.each([
    ['sync_rate', { met: 3, of: 4 }, 0.75, 13.5], // 18 × 0.75
    ['on_time_rate', { met: 2, of: 3 }, 0.6667, 13.33], // 20 × 0.6666… = 13.333…
    ['online_share', { met: 1, of: 3 }, 0.3333, 4], // 12 / 3
    ['online_payment_share', { met: 1, of: 2 }, 0.5, 5], // 10 × 0.5
    ['digitised_result_share', { met: 1, of: 3 }, 0.3333, 7.33], // 22 / 3 = 7.333…
    ['satisfaction', { met: 5, of: 7 }, 0.7143, 12.86], // 18 × 5/7 = 12.857…
    ['sync_rate', { met: 0, of: 5 }, 0, 0],
    ['sync_rate', { met: 5, of: 5 }, 1, 18],
  ] as const)('%s %o → value %p, points %p', (code, count, value, points) => {
    const got = scoreServiceIndex(counts({ [code]: count })).indicators.find((i) => i.code === code)!;
    expect({ value: got.value, points: got.points, met: got.met, of: got.of }).toEqual({ value, points, ...count });
  });

  it('nothing to measure: value null and no points, still out of its weight', () => {
    const s = scoreServiceIndex(counts({}));
    expect(s.indicators.map((i) => [i.value, i.points, i.maxPoints])).toEqual(SERVICE_INDEX_INDICATORS.map((i) => [null, 0, i.weight]));
    expect([s.score, s.maxScore]).toEqual([0, 100]);
  });

  it('the score is the sum of the rounded points', () => {
    const s = scoreServiceIndex(
      counts({
        sync_rate: { met: 3, of: 4 },
        on_time_rate: { met: 2, of: 3 },
        online_share: { met: 1, of: 3 },
        online_payment_share: { met: 1, of: 2 },
        digitised_result_share: { met: 1, of: 3 },
        satisfaction: { met: 5, of: 7 },
      }),
    );
    // 13.5 + 13.33 + 4 + 5 + 7.33 + 12.86 = 56.02
    expect(s.score).toBe(56.02);
  });

  it.each([[{ met: 2, of: 1 }], [{ met: -1, of: 1 }]])('refuses an impossible count %o', (c) => {
    expect(() => scoreServiceIndex(counts({ satisfaction: c }))).toThrow(RangeError);
  });
});
