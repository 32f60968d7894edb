import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Binds a started VNeID sign-in to the browser that started it: without this, someone could start a sign-in, stop at
 * the callback URL and get a victim to open it (login CSRF), signing the victim in as them. SameSite=Lax lets it ride
 * along on VNeID's top-level redirect back; only the hash is kept with the pending login.
 */
export const VNEID_LOGIN_COOKIE = 'dvc_vneid_login';
const COOKIE_PATH = '/api/v1/auth/citizens/vneid';

export function vneidLoginCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${VNEID_LOGIN_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedVneidLoginCookie = (secure: boolean) => vneidLoginCookie('', 0, secure);

export const browserBindingHash = (value: string) => createHash('sha256').update(`vneid-login:${value}`).digest('base64url');

export function browserBindingMatches(expectedHash: string, presented: string | null): boolean {
  if (!presented) return false;
  const a = Buffer.from(browserBindingHash(presented));
  const b = Buffer.from(expectedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
