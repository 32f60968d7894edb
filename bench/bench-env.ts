import os from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadAllConfig, type LoadedConfig } from '@dvc/config';
import { dropDatabase } from '@dvc/database';
import { preflight, prepareDatabase } from '../apps/cli/src/prepare-database';
import { seedAll } from '../apps/cli/src/seed';

/** Benchmarks run on their own database and Redis prefix, never the demo's or the tests'. */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dvc_bench',
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: 'dvc-bench',
    UNITS_DATA_DIR: process.env.BENCH_UNITS_DATA_DIR ?? join(__dirname, '..', '..', 'shared', 'data'),
    DEMO_PASSWORD: 'Bench@12345',
    ...overrides,
  };
}

/**
 * A database and Redis prefix of one benchmark run alone (dvc_bench_<name>_<pid>), created fresh and dropped by
 * `dropBenchDatabase`: runs of different benchmarks, or a generated dvc_bench kept for the report, never meet.
 */
export function ownBenchEnv(name: string, overrides: Record<string, string> = {}): Record<string, string> {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  return benchEnv({ DATABASE_URL: `${server}/dvc_bench_${name}_${process.pid}`, REDIS_PREFIX: `dvc-bench-${name}-${process.pid}`, ...overrides });
}

export async function dropBenchDatabase(config: LoadedConfig): Promise<void> {
  await dropDatabase(config.database);
}

export async function freshBenchDatabase(config: LoadedConfig): Promise<DataSource> {
  await preflight(config);
  await dropDatabase(config.database);
  const db = await prepareDatabase(config, () => undefined);
  await seedAll(db, config.data);
  return db;
}

/** The bench database as it is (migrated, nothing dropped). */
export async function openBenchDatabase(config: LoadedConfig): Promise<DataSource> {
  await preflight(config);
  return prepareDatabase(config, () => undefined);
}

/** Whether the bench database exists and holds exactly `n` dossiers. */
export async function benchDatabaseHolds(config: LoadedConfig, n: number): Promise<boolean> {
  const db = await openBenchDatabase(config).catch(() => null);
  if (!db) return false;
  try {
    const [{ count }] = await db.query('SELECT count(*)::bigint AS count FROM dossiers');
    return Number(count) === n;
  } finally {
    await db.destroy();
  }
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export { loadAllConfig };
