import { loadAllConfig } from './app-config.module';
import { DatabaseConfig } from './database.config';
import { HttpConfig } from './http.config';
import { loadConfig } from './load-config';

const PRODUCTION_VNEID = {
  VNEID_CLIENT_SECRET: 's'.repeat(40),
  VNEID_ISSUER: 'https://sso.vneid.example',
  VNEID_REDIRECT_URI: 'https://dichvucong.hanoi.gov.vn/api/v1/auth/citizens/vneid/callback',
  VNEID_POST_LOGOUT_REDIRECT_URI: 'https://dichvucong.hanoi.gov.vn/',
};

describe('loadConfig', () => {
  it('runs locally with no environment at all', () => {
    const config = loadAllConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/dvc');
    expect(config.http.port).toBe(3000);
    expect(config.data.demoData).toBe(true);
  });

  it('converts numbers and booleans by the declared type', () => {
    const http = loadConfig(HttpConfig, { PORT: '8080', TRUST_PROXY: 'true' });
    expect(http.port).toBe(8080);
    expect(http.trustProxy).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a number'],
    [{ PORT: '70000' }, 'PORT must not be greater than 65535'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ REDIS_URL: 'localhost' }, 'REDIS_URL must be a redis:// URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, test, production'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters (got (hidden))'],
    [{ SMS_QUIET_HOURS: '9pm-7am' }, 'SMS_QUIET_HOURS must look like 21:00-07:00'],
    [{ VNPAY_COMMISSION_RATE: '0.9' }, 'VNPAY_COMMISSION_RATE must not be greater than 0.25'],
  ])('%j stops the boot with a message naming the variable', (env, message) => {
    expect(() => loadAllConfig(env)).toThrow(message);
  });

  it('refuses the development secrets in production and turns demo data off', () => {
    expect(() => loadAllConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET, OTP_SECRET, TOTP_SECRET_KEY, VNPAY_HASH_SECRET, VNEID_CLIENT_SECRET must be set/,
    );
    const config = loadAllConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      OTP_SECRET: 'y'.repeat(40),
      TOTP_SECRET_KEY: 't'.repeat(40),
      VNPAY_HASH_SECRET: 'z'.repeat(40),
      ...PRODUCTION_VNEID,
      DEMO_DATA: 'true',
    });
    expect(config.data.demoData).toBe(false);
    expect(config.auth.citizenOtpEnabled).toBe(false);
  });

  it('keeps phone OTP on outside production and where a production deployment switches it on', () => {
    expect(loadAllConfig({}).auth.citizenOtpEnabled).toBe(true);
    const secrets = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      OTP_SECRET: 'y'.repeat(40),
      TOTP_SECRET_KEY: 't'.repeat(40),
      VNPAY_HASH_SECRET: 'z'.repeat(40),
      ...PRODUCTION_VNEID,
    };
    expect(loadAllConfig({ ...secrets, CITIZEN_OTP_ENABLED: 'true' }).auth.citizenOtpEnabled).toBe(true);
    expect(loadAllConfig({ ...secrets, CITIZEN_OTP_ENABLED: 'false' }).auth.citizenOtpEnabled).toBe(false);
  });

  it('refuses plain-http VNeID addresses in production', () => {
    const secrets = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      OTP_SECRET: 'y'.repeat(40),
      TOTP_SECRET_KEY: 't'.repeat(40),
      VNPAY_HASH_SECRET: 'z'.repeat(40),
      ...PRODUCTION_VNEID,
    };
    expect(() => loadAllConfig({ ...secrets, VNEID_ISSUER: 'http://vneid.example' })).toThrow(/VNEID_ISSUER must be https:\/\/ URLs/);
  });

  it('derives the maintenance URL and database name', () => {
    const db = loadConfig(DatabaseConfig, { DATABASE_URL: 'postgres://root@127.0.0.1:5432/dvc_test' });
    expect(db.databaseName).toBe('dvc_test');
    expect(db.maintenanceUrl).toBe('postgres://root@127.0.0.1:5432/postgres');
  });

  it("the API and the worker connect as the application role, on the owner URL's server and database", () => {
    expect(loadConfig(DatabaseConfig, { DATABASE_URL: 'postgres://owner:s3cret@db.internal:6432/dvc?sslmode=require' }).appUrl).toBe(
      'postgres://dvc_app@db.internal:6432/dvc?sslmode=require',
    );
    const db = loadConfig(DatabaseConfig, { DATABASE_URL: 'postgres://owner@db/dvc', DATABASE_APP_ROLE: 'portal_rw', DATABASE_APP_PASSWORD: 'p@ss:w/rd%' });
    expect(db.appUrl).toBe('postgres://portal_rw:p%40ss%3Aw%2Frd%25@db/dvc');
    expect(decodeURIComponent(new URL(db.appUrl).password)).toBe('p@ss:w/rd%');
    expect(() => loadConfig(DatabaseConfig, { DATABASE_APP_ROLE: 'Robert"; DROP' })).toThrow(/DATABASE_APP_ROLE must be a PostgreSQL role name/);
  });
});
