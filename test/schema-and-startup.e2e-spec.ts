import { DataSource } from 'typeorm';
import { DatabaseConfig, loadAllConfig, loadConfig } from '@dvc/config';
import { buildDataSourceOptions, checkPostgres, dropDatabase, ensureDatabase, grantAppRole } from '@dvc/database';
import { checkRedis } from '@dvc/redis';
import { startTestApp, testEnv } from '@dvc/testing';
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

describe('the application role', () => {
  it('DATABASE_MIGRATE_ON_BOOT migrates an empty database as the owner, then the API connects as the role that owns nothing', async () => {
    const env = { DATABASE_URL: `${testEnv().DATABASE_URL}_boot`, DATABASE_MIGRATE_ON_BOOT: 'true', DEMO_DATA: 'false' };
    const config = loadConfig(DatabaseConfig, { ...testEnv(), ...env });
    await dropDatabase(config);
    await ensureDatabase(config);
    try {
      const t = await startTestApp(env);
      try {
        expect((await t.db.query('SELECT current_user AS u'))[0].u).toBe('dvc_app');
        expect(Number((await t.db.query(`SELECT count(*) FROM schema_migrations`))[0].count)).toBeGreaterThan(10);
        await t.http.get('/health/ready').expect(200);
        await expect(t.db.query(`INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'forged')`)).rejects.toThrow(/permission denied/);
      } finally {
        await t.close();
      }
    } finally {
      await dropDatabase(config);
    }
  });

  it('refuses an application role that is the owner', async () => {
    const config = loadConfig(DatabaseConfig, { ...testEnv(), DATABASE_APP_ROLE: 'postgres' });
    const db = await new DataSource(buildDataSourceOptions(config)).initialize();
    try {
      await expect(grantAppRole(db, config)).rejects.toThrow(/DATABASE_APP_ROLE \(postgres\) is DATABASE_URL's user/);
    } finally {
      await db.destroy();
    }
  });
});

describe('start-up checks', () => {
  it('names the PostgreSQL URL and how to start it when nothing answers', async () => {
    const config = loadAllConfig({ ...testEnv(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/dvc' });
    await expect(checkPostgres(config.database, 500)).rejects.toThrow(
      /^PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1 does not answer .*start it with: pg_ctlcluster/,
    );
  });

  it('names the Redis URL and how to start it when nothing answers', async () => {
    const config = loadAllConfig({ ...testEnv(), REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(checkRedis(config.redis, 500)).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:1 does not answer .*start it with: redis-server/);
  });
});
