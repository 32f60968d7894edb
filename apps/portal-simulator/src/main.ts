/**
 * Standalone National Public Service Portal simulator for development.
 *
 * Env: PORTAL_SIMULATOR_PORT (3200), PORTAL_SIMULATOR_HOST (127.0.0.1),
 * PORTAL_SIMULATOR_TOKEN (dvc-portal-token), PORTAL_SIMULATOR_SEED (1, the failRate PRNG seed).
 * Prints one JSON line with the port once listening; SIGINT/SIGTERM stop it.
 */
import { createPortalSimulator } from './portal-simulator';

async function main(): Promise<void> {
  const env = process.env;
  const portText = env.PORTAL_SIMULATOR_PORT || '3200';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`PORTAL_SIMULATOR_PORT must be a port number, got "${portText}"`);
  const seedText = env.PORTAL_SIMULATOR_SEED;
  if (seedText && !/^-?\d+$/.test(seedText)) throw new Error(`PORTAL_SIMULATOR_SEED must be an integer, got "${seedText}"`);
  const simulator = createPortalSimulator({
    port,
    host: env.PORTAL_SIMULATOR_HOST || '127.0.0.1',
    token: env.PORTAL_SIMULATOR_TOKEN || 'dvc-portal-token',
    seed: seedText ? Number(seedText) : undefined,
  });
  const { port: actual, url } = await simulator.start();
  process.stdout.write(`${JSON.stringify({ service: 'portal-simulator', port: actual, url, apiUrl: `${url}/api` })}\n`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Portal simulator failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
