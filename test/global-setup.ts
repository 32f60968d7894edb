import 'tsconfig-paths/register';
import 'reflect-metadata';
import { loadAllConfig } from '../libs/config/src';
import { dropDatabase } from '../libs/database/src';
import { preflight, prepareDatabase } from '../apps/cli/src/prepare-database';
import { seedAll } from '../apps/cli/src/seed';
import { testEnv } from '../libs/testing/src/test-env';

/** A fresh test database, migrated and seeded exactly as `npm start` does it. */
export default async function globalSetup(): Promise<void> {
  // Each run gets its own database and key prefix, so two runs on one machine never drop each other's data.
  // The Jest workers start after this and inherit the variables.
  const run = `${process.pid}`;
  process.env.TEST_DATABASE_URL ??= `postgres://postgres@127.0.0.1:5432/dvc_test_${run}`;
  process.env.TEST_REDIS_PREFIX ??= `dvc-test-${run}`;
  const config = loadAllConfig(testEnv());
  await preflight(config);
  await dropDatabase(config.database);
  const db = await prepareDatabase(config, () => undefined);
  try {
    await seedAll(db, config.data);
  } finally {
    await db.destroy();
  }
}
