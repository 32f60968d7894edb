import { clearedOfficerSessionCookie, cookieValue, csrfTokenFor, csrfTokenMatches, needsCsrfToken, officerSessionCookie } from './officer-session-cookie';

describe('officer session cookie (OWASP: HttpOnly, SameSite=Strict, double-submit CSRF token)', () => {
  it('is HttpOnly and SameSite=Strict, Secure only over TLS, and cleared with Max-Age=0', () => {
    expect(officerSessionCookie('a.b.c', 28800, false)).toBe('dvc_officer_session=a.b.c; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict');
    expect(officerSessionCookie('a.b.c', 28800, true)).toBe('dvc_officer_session=a.b.c; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure');
    expect(clearedOfficerSessionCookie(false)).toBe('dvc_officer_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
  });

  it.each([
    [undefined, null],
    ['', null],
    ['dvc_officer_session=a.b.c', 'a.b.c'],
    ['theme=dark; dvc_officer_session=a.b.c; x=1', 'a.b.c'],
    ['dvc_officer_session_old=zzz; dvc_officer_session=a.b.c', 'a.b.c'],
    ['dvc_officer_session=', null],
    ['xdvc_officer_session=a.b.c', null],
  ])('cookie header %p → %p', (header, value) => {
    expect(cookieValue(header, 'dvc_officer_session')).toBe(value);
  });

  it('the CSRF token belongs to its access token and secret', () => {
    const token = csrfTokenFor('a.b.c', 'secret-1');
    expect(csrfTokenMatches('a.b.c', 'secret-1', token)).toBe(true);
    expect(csrfTokenMatches('a.b.d', 'secret-1', token)).toBe(false);
    expect(csrfTokenMatches('a.b.c', 'secret-2', token)).toBe(false);
    expect(csrfTokenMatches('a.b.c', 'secret-1', `${token}x`)).toBe(false);
    expect(csrfTokenMatches('a.b.c', 'secret-1', undefined)).toBe(false);
    expect(csrfTokenMatches('a.b.c', 'secret-1', ['x'])).toBe(false);
  });

  it.each([
    ['GET', false],
    ['HEAD', false],
    ['OPTIONS', false],
    ['POST', true],
    ['PUT', true],
    ['PATCH', true],
    ['DELETE', true],
    ['post', true],
  ])('%s needs a CSRF token: %p', (method, needs) => {
    expect(needsCsrfToken(method)).toBe(needs);
  });
});
