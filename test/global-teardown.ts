import 'tsconfig-paths/register';
import Redis from 'ioredis';
import { loadAllConfig } from '../libs/config/src';
import { dropDatabase } from '../libs/database/src';
import { testEnv } from '../libs/testing/src/test-env';

/** Leaves nothing behind: the test database and every Redis key under the test prefix. */
export default async function globalTeardown(): Promise<void> {
  const config = loadAllConfig(testEnv());
  if (process.env.KEEP_TEST_DB !== '1') await dropDatabase(config.database);
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
