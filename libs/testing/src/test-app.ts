import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { loadAllConfig } from '@dvc/config';
import { createApiApp } from '../../../apps/api/src/create-app';
import { testEnv } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  /** Set when started with `listen: true` (for callers outside the process, e.g. a gateway's IPN). */
  baseUrl: string | null;
  http: ReturnType<typeof request>;
  db: DataSource;
  close: () => Promise<void>;
}

/** A fully configured API in this process, on the test database; `overrides` are extra environment variables. */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: { listen?: boolean; port?: number; logStream?: DestinationStream } = {},
): Promise<TestApp> {
  const config = loadAllConfig({ ...testEnv(), ...overrides });
  const app = await createApiApp(config, { logStream: options.logStream });
  let baseUrl: string | null = null;
  if (options.listen) {
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
    baseUrl = baseUrl.replace('[::1]', '127.0.0.1');
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }
  return {
    app,
    baseUrl,
    http: request(app.getHttpServer()),
    db: app.get(DataSource),
    close: () => app.close(),
  };
}
