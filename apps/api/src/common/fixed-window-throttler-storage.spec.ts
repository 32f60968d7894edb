import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';

describe('fixed-window throttler storage', () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    // limit, requests in the window, blocked after
    [3, 3, false],
    [3, 4, true],
    [1, 1, false],
    [1, 2, true],
  ])('limit %p, %p requests → blocked %p', async (limit, requests, blocked) => {
    const store = new FixedWindowThrottlerStorage();
    let last = { isBlocked: false, totalHits: 0 };
    for (let i = 0; i < requests; i++) last = await store.increment('client', 60_000, limit, 60_000);
    expect(last.isBlocked).toBe(blocked);
    expect(last.totalHits).toBe(requests);
  });

  it('keeps clients apart, blocks for the block duration, then opens a fresh window', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T09:00:00Z') });
    const store = new FixedWindowThrottlerStorage();
    for (let i = 0; i < 3; i++) await store.increment('a', 60_000, 2, 120_000);
    expect((await store.increment('b', 60_000, 2, 120_000)).isBlocked).toBe(false);
    jest.setSystemTime(new Date('2026-11-25T09:01:30Z'));
    const stillBlocked = await store.increment('a', 60_000, 2, 120_000);
    expect(stillBlocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    jest.setSystemTime(new Date('2026-11-25T09:02:01Z'));
    expect(await store.increment('a', 60_000, 2, 120_000)).toMatchObject({ isBlocked: false, totalHits: 1, timeToExpire: 60 });
  });

  it('costs the same at any number of earlier requests', async () => {
    const store = new FixedWindowThrottlerStorage();
    for (let i = 0; i < 50_000; i++) await store.increment('kiosk', 60_000, 1e9, 60_000);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) await store.increment('kiosk', 60_000, 1e9, 60_000);
    expect((performance.now() - t0) / 1000).toBeLessThan(0.05);
  });
});
