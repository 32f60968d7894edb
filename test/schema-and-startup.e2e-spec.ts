import { DataSource } from 'typeorm';
import { DatabaseConfig, loadAllConfig, loadConfig } from '@dvc/config';
import { buildDataSourceOptions, checkPostgres } from '@dvc/database';
import { checkRedis } from '@dvc/redis';
import { testEnv } from '@dvc/testing';
import { ALL_ENTITIES } from '../apps/cli/src/entities';

describe('schema', () => {
  it('the migrations create exactly what the entities describe (no drift)', async () => {
    const db = await new DataSource(buildDataSourceOptions(loadConfig(DatabaseConfig, testEnv()), ALL_ENTITIES)).initialize();
    try {
      const pending = await db.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await db.showMigrations()).toBe(false);
    } finally {
      await db.destroy();
    }
  });
});

describe('start-up checks', () => {
  it('names the PostgreSQL URL and how to start it when nothing answers', async () => {
    const config = loadAllConfig({ ...testEnv(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/dvc' });
    await expect(checkPostgres(config.database, 500)).rejects.toThrow(/^PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1 does not answer .*start it with: pg_ctlcluster/);
  });

  it('names the Redis URL and how to start it when nothing answers', async () => {
    const config = loadAllConfig({ ...testEnv(), REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(checkRedis(config.redis, 500)).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:1 does not answer .*start it with: redis-server/);
  });
});
