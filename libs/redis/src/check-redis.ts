import { connect } from 'node:net';
import Redis from 'ioredis';
import type { RedisConfig } from '@dvc/config';
import { ServiceDownError } from '@dvc/database';

const REDIS_HINT =
  'start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no   (or: docker compose -f docker/compose.yml up -d redis)';

function probePort(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => done());
    socket.once('error', (error) => done(error));
  });
}

/** A TCP probe first (a refused port fails at once), then PING through ioredis (which handles AUTH and TLS). */
export async function checkRedis(config: RedisConfig, timeoutMs = 3000): Promise<void> {
  const u = new URL(config.url);
  const fail = (error: Error) => new ServiceDownError(`Redis at ${u.protocol}//${u.host} does not answer (${error.message}); ${REDIS_HINT}`);
  try {
    await probePort(u.hostname.replace(/^\[|\]$/g, ''), Number(u.port || 6379), timeoutMs);
  } catch (error) {
    throw fail(error as Error);
  }
  const redis = new Redis(config.url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => (cause = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw fail(cause ?? (error as Error));
  } finally {
    redis.disconnect();
  }
}
