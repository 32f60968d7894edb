import type { INestApplicationContext } from '@nestjs/common';
import { loadAllConfig } from '@dvc/config';
import { createWorkerApp } from '../../../apps/worker/src/create-worker';
import { testEnv } from './test-env';

/** The worker (outbox relay + processors) in this process, on the test database. */
export async function startTestWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  return createWorkerApp(loadAllConfig({ ...testEnv(), ...overrides }));
}
