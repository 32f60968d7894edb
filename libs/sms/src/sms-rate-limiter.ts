import type Redis from 'ioredis';

/**
 * Grants up to `wanted` sends within the current one-second window, shared by every worker through one Redis key
 * per provider (the window starts with its first grant and expires with it). Returns how many were granted and,
 * when that is fewer than wanted, how long until the window ends.
 */
const TAKE = `
local used = redis.call('INCRBY', KEYS[1], ARGV[1])
if used == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], 1000) end
local granted = math.max(0, math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - (used - tonumber(ARGV[1]))))
if granted < tonumber(ARGV[1]) then redis.call('DECRBY', KEYS[1], tonumber(ARGV[1]) - granted) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], 1000); ttl = 1000 end
return { granted, ttl }`;

/**
 * Messages per second per provider, counted in messages (a job may carry many). One Redis call per grant; waits
 * for the next window when the current one is used up.
 */
export class SmsRateLimiter {
  private readonly redis: Redis & { dvcSmsRateTake(key: string, wanted: number, perSecond: number): Promise<[number, number]> };

  constructor(
    redis: Redis,
    private readonly key: string,
    private readonly perSecond: number,
  ) {
    // defineCommand sends the script once and then calls it by its hash (EVALSHA).
    redis.defineCommand('dvcSmsRateTake', { numberOfKeys: 1, lua: TAKE });
    this.redis = redis as SmsRateLimiter['redis'];
  }

  /** Resolves with between 1 and `wanted` permits, waiting for a window that still has room. */
  async take(wanted: number): Promise<number> {
    if (wanted <= 0) return 0;
    for (;;) {
      const [granted, ttl] = await this.redis.dvcSmsRateTake(this.key, wanted, this.perSecond);
      if (granted > 0) return granted;
      await new Promise((resolve) => setTimeout(resolve, Math.max(5, Math.min(ttl, 1000))));
    }
  }
}
