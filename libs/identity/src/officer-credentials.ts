import { createHash, randomBytes, randomInt } from 'node:crypto';
import { base32Encode } from '@dvc/core';

// No 0/O, 1/l/I: read aloud over the phone or copied from paper.
const READABLE = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an administrator hands over: 16 readable characters (about 93 bits). */
export function temporaryPassword(): string {
  return Array.from({ length: 16 }, () => READABLE[randomInt(READABLE.length)]).join('');
}

/** 160-bit TOTP secret (RFC 4226 §4 recommends at least 128), base32 for the otpauth URI. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** Ten recovery codes of 50 random bits each, `xxxxx-xxxxx` in base32; kept only as SHA-256 hashes. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const code = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** High-entropy codes need no slow hash: SHA-256 of the normalised code. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(
      code
        .trim()
        .toLowerCase()
        .replace(/[^a-z2-7]/g, ''),
    )
    .digest('hex');
}

/** A short fingerprint of the password hash: step tokens die when the password changes. */
export function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}
