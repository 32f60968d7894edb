import { birthRegistrationForm, citizenToken, DESKS, DEMO_PASSWORD_FOR_TESTS, startTestApp, submissionFor, TestApp } from '@dvc/testing';

/** Officer tokens stay out of the page: the portal signs in with an HttpOnly cookie, and its writes need the CSRF token. */
describe('officer session cookie', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    proxied = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await proxied?.close();
    await t?.close();
  });

  const signIn = async (app: TestApp, headers: Record<string, string> = {}) => {
    const res = await app.http
      .post('/api/v1/auth/officers/login')
      .set(headers)
      .send({ username: 'tn.trangtien', password: DEMO_PASSWORD_FOR_TESTS })
      .expect(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = setCookie.find((c) => c.startsWith('dvc_officer_session='))!;
    return { body: res.body, setCookie: session, cookie: session.split(';')[0] };
  };

  it('the sign-in sets an HttpOnly, SameSite=Strict cookie (Secure behind TLS) and answers a CSRF token', async () => {
    const { body, setCookie } = await signIn(t);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await signIn(proxied, { 'X-Forwarded-Proto': 'https' })).setCookie).toMatch(/; Secure/);
  });

  it('reads with the cookie alone; a write needs the CSRF token of that session', async () => {
    const { body, cookie } = await signIn(t);
    await t.http.get('/api/v1/dossiers?limit=1').set('Cookie', cookie).expect(200);
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const submission = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const code = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(submission).expect(201)).body.code;
    const accept = () => t.http.post(`/api/v1/dossiers/${code}/accept`).set('Cookie', cookie).send({ version: 1 });
    const missing = await accept().expect(403);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    await accept().set('X-CSRF-Token', 'forged').expect(403);
    const other = await signIn(t);
    await accept()
      .set('X-CSRF-Token', other.body.csrfToken === body.csrfToken ? 'same-token-twice' : other.body.csrfToken)
      .expect(403);
    expect((await t.http.get(`/api/v1/dossiers/${code}`).set('Cookie', cookie).expect(200)).body.status).toBe('new');
    await accept().set('X-CSRF-Token', body.csrfToken).expect(200);
  });

  it('API clients keep the bearer header without a CSRF token; a citizen token in the cookie is not a session', async () => {
    const { body } = await signIn(t);
    await t.http.get('/api/v1/dossiers?limit=1').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
    const citizen = await citizenToken(t.http, t.db);
    await t.http.get('/api/v1/dossiers?limit=1').set('Cookie', `dvc_officer_session=${citizen.token}`).expect(401);
    await t.http.get('/api/v1/dossiers?limit=1').set('Cookie', 'dvc_officer_session=not.a.token').expect(401);
  });

  it('sign-out clears the cookie', async () => {
    const res = await t.http.post('/api/v1/auth/officers/logout').expect(204);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? [])).toContainEqual(expect.stringMatching(/^dvc_officer_session=; .*Max-Age=0; HttpOnly/));
  });
});
