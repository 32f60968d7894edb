import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadAllConfig, LoadedConfig } from '@dvc/config';
import { WorkerModule } from './worker.module';

/** The worker as an application context (no HTTP): used by main.ts and by the tests. */
export async function createWorkerApp(config: LoadedConfig = loadAllConfig()): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
