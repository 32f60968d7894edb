import e2eGlobalTeardown from '../test/global-teardown';

/** Drops the drills' database and their Redis keys (the variables were set by global-setup.ts in this process). */
export default async function globalTeardown(): Promise<void> {
  await e2eGlobalTeardown();
}
