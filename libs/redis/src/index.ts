export * from './redis.module';
export * from './check-redis';
