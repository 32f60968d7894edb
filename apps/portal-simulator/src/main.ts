/**
 * Standalone National Public Service Portal simulator for development.
 *
 * Env: PORTAL_SIMULATOR_PORT (3200), PORTAL_SIMULATOR_HOST (127.0.0.1),
 * PORTAL_SIMULATOR_TOKEN (dvc-portal-token), PORTAL_SIMULATOR_SEED (1, the failRate PRNG seed).
 * Prints one JSON line with the port once listening; SIGINT/SIGTERM stop it.
 */
import { portFromEnv, runSimulator } from '@dvc/simulator-kit';
import { createPortalSimulator } from './portal-simulator';

runSimulator({
  async start() {
    const env = process.env;
    const port = portFromEnv('PORTAL_SIMULATOR_PORT', env.PORTAL_SIMULATOR_PORT || '3200');
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
    return simulator;
  },
  startFailure: (error) => `Portal simulator failed to start: ${(error as Error).message}`,
  secondSignal: 'wait',
});
