import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A TOTP secret at rest: AES-256-GCM under a key derived from TOTP_SECRET_KEY, bound to the officer's id (a sealed
 * secret copied onto another account does not open). A copy of the database alone does not give anyone's codes.
 */
const FORMAT = 'v1';
const IV_BYTES = 12;

export class TotpSecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, Buffer.alloc(0), 'dvc officer totp secret', 32));
  }

  seal(officerId: string, base32Secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(officerId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(base32Secret, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
  }

  /** The base32 secret, or null when the value is not one this key sealed for this officer. */
  open(officerId: string, stored: string): string | null {
    const [format, iv, tag, sealed, ...rest] = stored.split('.');
    if (format !== FORMAT || !iv || !tag || !sealed || rest.length > 0) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(officerId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
