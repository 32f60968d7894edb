import { browserBindingHash, browserBindingMatches, vneidLoginCookie } from './vneid-login-cookie';

describe('VNeID login cookie', () => {
  it("is HttpOnly, Lax (it must come back on the provider's redirect), scoped to the VNeID routes, Secure over TLS", () => {
    expect(vneidLoginCookie('abc', 600, true)).toBe('dvc_vneid_login=abc; Path=/api/v1/auth/citizens/vneid; Max-Age=600; HttpOnly; SameSite=Lax; Secure');
    expect(vneidLoginCookie('abc', 600, false)).not.toContain('Secure');
  });

  it.each([
    ['the same value', 'browser-1', 'browser-1', true],
    ['another browser', 'browser-1', 'browser-2', false],
    ['no cookie', 'browser-1', null, false],
    ['an empty cookie', 'browser-1', '', false],
  ])('%s', (_label, started, presented, expected) => {
    expect(browserBindingMatches(browserBindingHash(started), presented)).toBe(expected);
  });
});
