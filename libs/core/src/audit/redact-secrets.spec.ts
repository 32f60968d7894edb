import { isSecretField, REDACTED, redactSecrets } from './redact-secrets';

describe('isSecretField', () => {
  it.each([
    ['password', true],
    ['passwordHash', true],
    ['password_hash', true],
    ['temporaryPassword', true],
    ['totpSecret', true],
    ['totp_last_step', true],
    ['recoveryCodeHashes', true],
    ['mfaToken', true],
    ['accessToken', true],
    ['p12Passphrase', true],
    ['otp', true],
    ['otpCode', true],
    ['apiKey', true],
    ['username', false],
    ['fullName', false],
    ['roles', false],
    ['secondFactor', false],
    ['passwordChangeRequired', true],
    ['footprint', false],
    ['active', false],
    ['agencyCode', false],
    ['body', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretField(name)).toBe(secret);
  });
});

describe('redactSecrets', () => {
  it('replaces secret values at any depth and keeps the rest', () => {
    const input = {
      username: 'cv.trangtien',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def',
      roles: ['specialist'],
      nested: { totpSecret: 'JBSWY3DPEHPK3PXP', list: [{ recoveryCodes: ['abcde-fghij'], name: 'x' }] },
      createdAt: new Date('2026-12-01T01:02:03.000Z'),
      skipped: undefined,
    };
    expect(redactSecrets(input)).toEqual({
      username: 'cv.trangtien',
      passwordHash: REDACTED,
      roles: ['specialist'],
      nested: { totpSecret: REDACTED, list: [{ recoveryCodes: REDACTED, name: 'x' }] },
      createdAt: '2026-12-01T01:02:03.000Z',
    });
  });

  it('catches an argon2 or bcrypt hash under any name', () => {
    expect(redactSecrets({ h: '$argon2id$v=19$m=1$x$y', b: '$2b$10$abcdefghijk', plain: '$5 fee' })).toEqual({ h: REDACTED, b: REDACTED, plain: '$5 fee' });
  });

  it('a flag or a null under a secret name is no secret', () => {
    expect(redactSecrets({ passwordChangeRequired: true, totpEnabled: false, password: 'x', totpSecret: null })).toEqual({
      passwordChangeRequired: true,
      totpEnabled: false,
      password: REDACTED,
      totpSecret: null,
    });
  });

  it('null and undefined become null, numbers and booleans stay', () => {
    expect(redactSecrets(undefined)).toBeNull();
    expect(redactSecrets({ a: 1, b: false, c: null })).toEqual({ a: 1, b: false, c: null });
  });
});
