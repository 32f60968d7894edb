import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConfig } from '@dvc/config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const InjectRedis = () => Inject(REDIS_CLIENT);

/** Commands fail fast instead of queueing forever while Redis is down, so callers can degrade. */
export function createRedisClient(config: RedisConfig, name: string): Redis {
  return new Redis(config.url, { connectionName: `dvc-${name}`, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [{ provide: REDIS_CLIENT, inject: [RedisConfig], useFactory: (config: RedisConfig) => createRedisClient(config, 'app') }, RedisShutdown],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}
