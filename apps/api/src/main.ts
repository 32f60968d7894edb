import 'reflect-metadata';
import { ConfigError, loadAllConfig } from '@dvc/config';
import { createApiApp } from './create-app';

async function main() {
  const config = loadAllConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
}

main().catch((error: unknown) => {
  // Before the logger exists (bad configuration, no database) one plain line is the clearest answer.
  process.stderr.write(`${error instanceof ConfigError ? error.message : `API failed to start: ${(error as Error).stack ?? String(error)}`}\n`);
  process.exit(1);
});
