import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  endsAt: number;
  blockedUntil: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * One counter per client and window for @nestjs/throttler. The library's in-memory store keeps a timestamp per
 * request and copies the list on every request, which costs milliseconds per check once a busy kiosk network shares
 * one address; a fixed window costs the same at any rate. A client may land up to twice its limit across a window
 * boundary: the limits here slow abuse down, while the OTP lock (five wrong codes) is what stops guessing.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep = Date.now();

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<{ totalHits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number }> {
    const now = Date.now();
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || (now >= w.endsAt && now >= w.blockedUntil)) {
      w = { hits: 0, endsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(key, w);
    }
    const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
    if (w.blockedUntil > now)
      return { totalHits: w.hits, timeToExpire: seconds(w.endsAt - now), isBlocked: true, timeToBlockExpire: seconds(w.blockedUntil - now) };
    w.hits += 1;
    if (w.hits > limit) w.blockedUntil = now + (blockDuration > 0 ? blockDuration : w.endsAt - now);
    const isBlocked = w.hits > limit;
    return { totalHits: w.hits, timeToExpire: seconds(w.endsAt - now), isBlocked, timeToBlockExpire: isBlocked ? seconds(w.blockedUntil - now) : 0 };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now >= w.endsAt && now >= w.blockedUntil) this.windows.delete(key);
  }
}
