import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadAllConfig } from '@dvc/config';
import { createWorkerApp } from './create-worker';

async function main() {
  const app = await createWorkerApp(loadAllConfig());
  app.get(Logger).log('Worker ready: outbox relay and SMS dispatch running');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Worker failed to start: ${(error as Error).stack ?? String(error)}`}\n`);
  process.exit(1);
});
