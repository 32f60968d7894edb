import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadAllConfig } from '@dvc/config';
import { createApiApp } from '../../../apps/api/src/create-app';
import { testEnv } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  close: () => Promise<void>;
}

/** A fully configured API in this process, on the test database; `overrides` are extra environment variables. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = loadAllConfig({ ...testEnv(), ...overrides });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
    db: app.get(DataSource),
    close: () => app.close(),
  };
}
