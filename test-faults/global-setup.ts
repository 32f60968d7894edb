import e2eGlobalSetup from '../test/global-setup';

/** The drills' own database and Redis prefix (dvc_faults_<pid>), migrated and seeded like the e2e run's. */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_DATABASE_URL ??= `postgres://postgres@127.0.0.1:5432/dvc_faults_${process.pid}`;
  process.env.TEST_REDIS_PREFIX ??= `dvc-faults-${process.pid}`;
  await e2eGlobalSetup();
}
