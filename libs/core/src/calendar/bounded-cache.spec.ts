import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('keeps at most `capacity` entries, dropping the least recently used', () => {
    const cache = new BoundedCache<number, string>(3);
    const computed: number[] = [];
    const get = (year: number) => cache.get(year, (y) => (computed.push(y), `days of ${y}`));
    expect([2023, 2024, 2025].map(get)).toEqual(['days of 2023', 'days of 2024', 'days of 2025']);
    expect(get(2023)).toBe('days of 2023'); // a hit: 2023 becomes the most recently used
    get(2031); // over capacity: 2024, the least recently used, goes
    expect(cache.size).toBe(3);
    expect([cache.has(2023), cache.has(2024), cache.has(2025), cache.has(2031)]).toEqual([true, false, true, true]);
    get(2024);
    expect(computed).toEqual([2023, 2024, 2025, 2031, 2024]);
  });

  it('stays bounded whatever is asked', () => {
    const cache = new BoundedCache<number, number>(16);
    for (let year = 1900; year <= 2199; year++) cache.get(year, (y) => y);
    expect(cache.size).toBe(16);
  });

  it('forgets on delete and clear', () => {
    const cache = new BoundedCache<number, number>(2);
    cache.get(1, () => 1);
    cache.get(2, () => 2);
    cache.delete(1);
    expect([cache.has(1), cache.has(2)]).toEqual([false, true]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it.each([0, -1, 1.5, NaN])('refuses capacity %p', (capacity) => {
    expect(() => new BoundedCache(capacity)).toThrow(/Invalid cache capacity/);
  });
});
