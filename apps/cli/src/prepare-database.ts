import { DataSource } from 'typeorm';
import type { LoadedConfig } from '@dvc/config';
import { buildDataSourceOptions, checkPostgres, ensureDatabase, grantAppRole } from '@dvc/database';
import { checkRedis } from '@dvc/redis';
import { ALL_ENTITIES } from './entities';

export async function preflight(config: LoadedConfig): Promise<void> {
  await checkPostgres(config.database);
  await checkRedis(config.redis);
}

/**
 * Creates the database when missing, runs pending migrations and grants the application role (DATABASE_APP_ROLE)
 * its rows; returns an open DataSource connected as the owner (DATABASE_URL's user).
 */
export async function prepareDatabase(config: LoadedConfig, log: (line: string) => void): Promise<DataSource> {
  if (await ensureDatabase(config.database)) log(`created database ${config.database.databaseName}`);
  const db = await new DataSource(buildDataSourceOptions(config.database, ALL_ENTITIES)).initialize();
  const applied = await db.runMigrations({ transaction: 'each' });
  log(applied.length > 0 ? `applied migrations: ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
  await grantAppRole(db, config.database);
  return db;
}
