// The system under test for the browser journeys: its own database, Redis prefix and ports, so it runs beside
// a developer's `npm start` and the e2e suite.
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export const WEB_TEST = {
  baseUrl: 'http://127.0.0.1:3300',
  smsInbox: 'http://127.0.0.1:3376',
  databaseName: 'dvc_web_test',
  adminDatabaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  pidFile: join(tmpdir(), 'dvc-web-test.pid'),
  logFile: join(tmpdir(), 'dvc-web-test.log'),
  env: {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/dvc_web_test',
    REDIS_PREFIX: 'dvc-web-test',
    PORT: '3300',
    HOST: '127.0.0.1',
    SMPP_PORT: '3375',
    SMS_SIMULATOR_SMPP_PORT: '3375',
    SMS_SIMULATOR_HTTP_PORT: '3376',
    VNPAY_PAY_URL: 'http://127.0.0.1:3310/paymentv2/vpcpay.html',
    VNPAY_API_URL: 'http://127.0.0.1:3310/merchant_webapi/api/transaction',
    NATIONAL_PORTAL_URL: 'http://127.0.0.1:3320',
    VNEID_ISSUER: 'http://127.0.0.1:3340',
    VNEID_REDIRECT_URI: 'http://127.0.0.1:3300/api/v1/auth/citizens/vneid/callback',
    VNEID_POST_LOGOUT_REDIRECT_URI: 'http://127.0.0.1:3300/',
    // The citizen journeys sign in by phone and file level-4 dossiers.
    VNEID_LEVEL4_ASSURANCE: '0',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3300',
    AUTH_RATE_LIMIT_PER_MINUTE: '200',
    TRACKING_RATE_LIMIT_PER_MINUTE: '200',
  } as Record<string, string>,
};
