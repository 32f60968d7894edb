import { createHmac, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpPolicy {
  digits: 6 | 8;
  periodSeconds: number;
  /** Steps accepted either side of the current one, for clock drift between the phone and the server. */
  windowSteps: number;
  algorithm: TotpAlgorithm;
}

/** What authenticator apps assume for an otpauth URI without parameters: SHA-1, 6 digits, 30 s (RFC 6238 §4). */
export const DEFAULT_TOTP_POLICY: TotpPolicy = { digits: 6, periodSeconds: 30, windowSteps: 1, algorithm: 'sha1' };

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/** HOTP (RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation) of a time step (RFC 6238 §4.2). */
export function hotpCode(secret: Uint8Array, counter: number, digits: number, algorithm: TotpAlgorithm): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpCode(secret: Uint8Array, atSeconds: number, policy: TotpPolicy = DEFAULT_TOTP_POLICY): string {
  return hotpCode(secret, Math.floor(atSeconds / policy.periodSeconds), policy.digits, policy.algorithm);
}

/**
 * RFC 6238 check within ±windowSteps. A code of a step already used (`lastUsedStep`) is refused, so a code seen
 * over a shoulder cannot be used a second time (§5.2).
 */
export function checkTotp(secret: Uint8Array, code: string, now: Date, lastUsedStep: number | null, policy: TotpPolicy = DEFAULT_TOTP_POLICY): TotpCheck {
  if (code.length !== policy.digits || !/^\d+$/.test(code)) return { ok: false, reason: 'malformed' };
  const current = Math.floor(now.getTime() / 1000 / policy.periodSeconds);
  for (let offset = -policy.windowSteps; offset <= policy.windowSteps; offset++) {
    const step = current + offset;
    if (step < 0) continue;
    if (timingSafeEqual(Buffer.from(hotpCode(secret, step, policy.digits, policy.algorithm)), Buffer.from(code))) {
      return lastUsedStep !== null && step <= lastUsedStep ? { ok: false, reason: 'replayed' } : { ok: true, step };
    }
  }
  return { ok: false, reason: 'wrong' };
}
