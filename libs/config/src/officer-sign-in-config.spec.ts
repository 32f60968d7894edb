import { loadAllConfig } from './app-config.module';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(40),
  OTP_SECRET: 'o'.repeat(40),
  TOTP_SECRET_KEY: 't'.repeat(40),
  VNPAY_HASH_SECRET: 'v'.repeat(40),
  VNEID_CLIENT_SECRET: 's'.repeat(40),
  VNEID_ISSUER: 'https://sso.vneid.example',
  VNEID_REDIRECT_URI: 'https://dvc.example/api/v1/auth/citizens/vneid/callback',
  VNEID_POST_LOGOUT_REDIRECT_URI: 'https://dvc.example/',
};

describe('officer sign-in settings', () => {
  it.each([
    ['development', {}, false],
    ['development, asked for', { MFA_ENFORCE: 'true' }, true],
    ['production', PRODUCTION, true],
    ['production, turned off on purpose', { ...PRODUCTION, MFA_ENFORCE: 'false' }, false],
  ])('MFA_ENFORCE in %s → %s', (_label, env, enforce) => {
    expect(loadAllConfig(env).auth.mfaEnforce).toBe(enforce);
  });

  it('defaults: 12 characters, 10 failures lock for 15 minutes, 20 sign-ins per address and username, 300 per address', () => {
    const config = loadAllConfig({});
    expect(config.auth).toMatchObject({ passwordMinLength: 12, officerLockoutMaxFailures: 10, officerLockoutSeconds: 900 });
    expect(config.auth.mfaRoles).toEqual(['admin', 'unit_admin', 'leader']);
    expect(config.http).toMatchObject({ authRateLimitPerMinute: 20, authAddressRateLimitPerMinute: 300 });
  });

  it.each([
    [{ MFA_REQUIRED_ROLES: 'admin,root' }, 'MFA_REQUIRED_ROLES must be a comma-separated list'],
    [{ PASSWORD_MIN_LENGTH: '6' }, 'PASSWORD_MIN_LENGTH'],
    [{ OFFICER_LOCKOUT_MAX_FAILURES: '1' }, 'OFFICER_LOCKOUT_MAX_FAILURES'],
  ])('%j is refused naming the variable', (env, message) => {
    expect(() => loadAllConfig(env)).toThrow(message);
  });
});
