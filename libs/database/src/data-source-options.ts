import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { DatabaseConfig } from '@dvc/config';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TypeOrmLogger } from './typeorm-logger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * One definition for the apps, the CLI and the tests: same naming, same migrations, never synchronize. `as: 'app'`
 * (the API, the worker) connects as the application role, which owns nothing; the CLI migrates as the owner.
 */
export function buildDataSourceOptions(config: DatabaseConfig, entities: EntityList = [], as: 'owner' | 'app' = 'owner'): DataSourceOptions {
  return {
    type: 'postgres',
    url: as === 'app' ? config.appUrl : config.url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logger: new TypeOrmLogger(config.logQueries),
    logging: config.logQueries ? ['query', 'error', 'warn', 'migration'] : ['error', 'warn'],
    maxQueryExecutionTime: 1000,
    extra: { max: config.poolSize, idleTimeoutMillis: config.poolIdleSeconds * 1000, connectionTimeoutMillis: 5000, application_name: 'dvc' },
  };
}
