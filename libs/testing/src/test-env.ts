import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/**
 * The environment every e2e test runs in: its own database and Redis key prefix, so a running demo is never
 * touched. TEST_DATABASE_URL / TEST_REDIS_URL override the servers.
 */
export function testEnv(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dvc_test',
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'dvc-test',
    UNITS_DATA_DIR: process.env.TEST_UNITS_DATA_DIR ?? join(root, '..', 'shared', 'data'),
    DEMO_DATA: 'true',
    DEMO_PASSWORD: 'Test@12345',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE: '10000',
    TRACKING_RATE_LIMIT_PER_MINUTE: '10000',
    PORT: '0',
    // The suites written before VNeID file level-4 dossiers under phone sign-ins; vneid-sign-in.e2e-spec sets 2.
    VNEID_LEVEL4_ASSURANCE: '0',
    // The tests' private CA, apart from the one `npm start` creates under var/pki.
    SIGNING_PKI_DIR: join(root, 'var', 'test-pki'),
  };
}

export const DEMO_PASSWORD_FOR_TESTS = 'Test@12345';
