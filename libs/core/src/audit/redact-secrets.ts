export const REDACTED = '[redacted]';

/**
 * Field names whose values never enter the audit log: passwords and their hashes, TOTP secrets, recovery codes,
 * tokens, keys. Matched on the name lower-cased without separators, so `passwordHash`, `password_hash`,
 * `totpSecret`, `recoveryCodeHashes`, `mfaToken` and `temporaryPassword` are all caught.
 */
const SECRET_NAME = /password|passwd|passphrase|secret|token|totp|recovery|privatekey|apikey|^otp|otp$|otpcode/;

/** An argon2 or bcrypt hash kept under an innocent name is still a password hash. */
const HASH_VALUE = /^\$(argon2(id|i|d)|2[aby])\$/;

const MAX_DEPTH = 20;

export function isSecretField(name: string): boolean {
  return SECRET_NAME.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * A copy of `value` fit for the audit log: every secret field's value replaced by "[redacted]" at any depth (its
 * presence shows that it changed, its value never does). A flag under such a name (`passwordChangeRequired`) or a
 * null (a secret cleared) tells nothing and stays. Dates become ISO strings; undefined fields are dropped.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return HASH_VALUE.test(value) ? REDACTED : value;
  if (typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === undefined) continue;
    out[key] = isSecretField(key) && field !== null && typeof field !== 'boolean' ? REDACTED : redactSecrets(field, depth + 1);
  }
  return out;
}
