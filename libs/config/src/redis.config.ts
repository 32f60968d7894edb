import { Matches } from 'class-validator';
import { EnvVar } from './env-var';

export class RedisConfig {
  @EnvVar('REDIS_URL')
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  url: string = 'redis://127.0.0.1:6379';

  /** Prefix of every key and queue, so several systems (or test runs) can share one Redis. */
  @EnvVar('REDIS_PREFIX')
  @Matches(/^[A-Za-z0-9_:-]{1,40}$/, { message: 'must be 1–40 letters, digits, _ : or -' })
  prefix: string = 'dvc';
}
