/**
 * The real API for a benchmark, in a process of its own (so its RSS can be read), configured by the environment
 * the harness passes. The harness adds one bench-only route on the same Fastify instance, GET /bench/hello: the
 * hello-world ceiling measured in the same process. Prints "listening <port>" when ready.
 */
import 'reflect-metadata';
import { loadAllConfig } from '@dvc/config';
import { createApiApp } from '../../apps/api/src/create-app';

async function main() {
  const app = await createApiApp(loadAllConfig());
  app
    .getHttpAdapter()
    .getInstance()
    .get('/bench/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
