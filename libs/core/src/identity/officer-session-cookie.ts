import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The web portal keeps an officer's access token in an HttpOnly cookie, out of reach of the page's scripts (and so
 * of injected ones), instead of localStorage. SameSite=Strict keeps other sites from sending it; writes made with it
 * must also carry the CSRF token the login answered (double submit, derived from the token, so nothing is stored).
 * API clients keep sending `Authorization: Bearer`, which needs no CSRF token.
 */
export const OFFICER_SESSION_COOKIE = 'dvc_officer_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const needsCsrfToken = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

export function csrfTokenFor(accessToken: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${accessToken}`).digest('base64url');
}

export function csrfTokenMatches(accessToken: string, secret: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(accessToken, secret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `Set-Cookie` value for the session; Secure when the answer goes over TLS. */
export function officerSessionCookie(accessToken: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${OFFICER_SESSION_COOKIE}=${accessToken}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedOfficerSessionCookie(secure: boolean): string {
  return officerSessionCookie('', 0, secure);
}

/** The value of one cookie in a `Cookie` header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value.length > 0 ? value : null;
    }
  }
  return null;
}
