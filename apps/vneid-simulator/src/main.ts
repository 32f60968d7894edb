/**
 * Standalone VNeID identity-provider simulator for development (an OpenID provider; see vneid-simulator.ts).
 *
 * Env: VNEID_SIMULATOR_PORT (3330), VNEID_SIMULATOR_HOST (127.0.0.1), VNEID_SIMULATOR_ISSUER (the server's own
 * URL), VNEID_CLIENT_ID (dvc-hanoi), VNEID_CLIENT_SECRET (the development secret), VNEID_REDIRECT_URI and
 * VNEID_POST_LOGOUT_REDIRECT_URI (comma-separated; the API's callback and the portal's page on port 3000),
 * VNEID_SIMULATOR_KEYS_DIR (none: fresh signing keys per run).
 * Prints one JSON line with the port once listening; SIGINT/SIGTERM stop it.
 */
import { portFromEnv, runSimulator } from '@dvc/simulator-kit';
import { createVneidSimulator } from './vneid-simulator';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

runSimulator({
  async start() {
    const env = process.env;
    const simulator = createVneidSimulator({
      port: portFromEnv('VNEID_SIMULATOR_PORT', env.VNEID_SIMULATOR_PORT || '3330'),
      host: env.VNEID_SIMULATOR_HOST || '127.0.0.1',
      issuer: env.VNEID_SIMULATOR_ISSUER || undefined,
      clientId: env.VNEID_CLIENT_ID || 'dvc-hanoi',
      clientSecret: env.VNEID_CLIENT_SECRET || 'dev-only-vneid-client-secret-0123456789',
      redirectUris: list(
        env.VNEID_REDIRECT_URI || 'http://127.0.0.1:3000/api/v1/auth/citizens/vneid/callback,http://localhost:3000/api/v1/auth/citizens/vneid/callback',
      ),
      postLogoutRedirectUris: list(env.VNEID_POST_LOGOUT_REDIRECT_URI || 'http://127.0.0.1:3000/,http://localhost:3000/'),
      keysDir: env.VNEID_SIMULATOR_KEYS_DIR || undefined,
    });
    const { port, url, issuer } = await simulator.start();
    process.stdout.write(`${JSON.stringify({ service: 'vneid-simulator', port, url, issuer })}\n`);
    return simulator;
  },
  startFailure: (error) => `VNeID simulator failed to start: ${(error as Error).message}`,
  secondSignal: 'wait',
});
