import request from 'supertest';
import {
  citizenToken,
  DESKS,
  freePort,
  officerToken,
  startProgram,
  startTestApp,
  submissionFor,
  testEnv,
  transcriptForm,
  type ProgramProcess,
  type TestApp,
} from '@dvc/testing';
import { Browser } from './vneid-browser';
import { TamperingProxy, type Forgery } from './vneid-tampering-proxy';

const SECRET = 'e2e-vneid-client-secret-0123456789';
const PROBLEM = 'https://dvc.hanoi.gov.vn/problems/vneid-sign-in-refused';

/**
 * The citizens' VNeID sign-in against the real simulator (oidc-provider) in a process of its own, behind a proxy that
 * forges id_tokens on demand, and the API in a process of its own (openid-client is ESM-only: real Node loads it).
 */
describe('VNeID sign-in (OpenID Connect, code + PKCE)', () => {
  jest.setTimeout(120_000);
  let simulator: ProgramProcess;
  let api: ProgramProcess;
  let proxy: TamperingProxy;
  let issuer: string;
  let apiUrl: string;
  let http: ReturnType<typeof request>;
  let local: TestApp;

  beforeAll(async () => {
    proxy = new TamperingProxy();
    issuer = await proxy.listen();
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const client = {
      VNEID_CLIENT_ID: 'dvc-e2e',
      VNEID_CLIENT_SECRET: SECRET,
      VNEID_REDIRECT_URI: `${apiUrl}/api/v1/auth/citizens/vneid/callback`,
      VNEID_POST_LOGOUT_REDIRECT_URI: `${apiUrl}/`,
    };
    simulator = await startProgram('apps/vneid-simulator/src/main.ts', { ...client, VNEID_SIMULATOR_PORT: '0', VNEID_SIMULATOR_ISSUER: issuer }, (o) =>
      o.includes('"service":"vneid-simulator"'),
    );
    proxy.pointAt(
      JSON.parse(
        simulator
          .output()
          .split('\n')
          .find((l) => l.includes('"service":"vneid-simulator"'))!,
      ).url,
    );
    [api, local] = await Promise.all([
      startProgram(
        'apps/api/src/main.ts',
        { ...testEnv(), ...client, LOG_LEVEL: 'info', PORT: String(apiPort), VNEID_ISSUER: issuer, VNEID_LEVEL4_ASSURANCE: '2' },
        (o) => /Nest application successfully started|"msg":"Server listening/.test(o) || o.includes('Listening'),
      ),
      startTestApp(),
    ]).catch(async (error: unknown) => {
      await simulator?.stop();
      throw error;
    });
    http = request(apiUrl);
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), simulator?.stop(), proxy?.close(), local?.close()]);
  });

  afterEach(() => {
    proxy.forgery = 'none';
  });

  /** Start → the provider's login page → pick the identity → back at our callback: the callback's URL. */
  async function toCallback(browser: Browser, sub: string): Promise<string> {
    const started = await browser.get(`${apiUrl}/api/v1/auth/citizens/vneid/start?returnTo=/ho-so`);
    expect(started.status).toBe(302);
    const authorize = new URL(started.headers.get('location')!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const atLogin = await browser.follow(authorize.href, apiUrl);
    if (atLogin.url.startsWith(apiUrl)) return atLogin.url;
    expect(await atLogin.response.text()).toContain('Đăng nhập bằng tài khoản định danh điện tử VNeID');
    const loggedIn = await browser.postForm(`${atLogin.url}/login`, { sub });
    const back = await browser.follow(atLogin.url, apiUrl, loggedIn);
    expect(back.url.startsWith(`${apiUrl}/api/v1/auth/citizens/vneid/callback?`)).toBe(true);
    return back.url;
  }

  /** The browser's request to our callback (with its cookies: the sign-in is bound to the browser that started it). */
  async function callback(url: string, browser: Browser) {
    return http.get(url.slice(apiUrl.length)).set('Cookie', browser.cookieHeader(apiUrl)).redirects(0);
  }

  async function signIn(sub: string, browser = new Browser()) {
    const answer = await callback(await toCallback(browser, sub), browser);
    expect(answer.status).toBe(302);
    const ticket = /^\/ho-so#vneid=([\w-]+)$/.exec(answer.headers.location)![1];
    const session = await http.post('/api/v1/auth/citizens/vneid/session').send({ ticket }).expect(200);
    await http.post('/api/v1/auth/citizens/vneid/session').send({ ticket }).expect(401);
    return { browser, token: session.body.accessToken as string, citizen: session.body.citizen };
  }

  async function citizenRows() {
    return Number((await local.db.query(`SELECT count(*) AS n FROM citizens`))[0].n);
  }

  it('signs a level-2 person in: the identity from VNeID, keyed by the ID number', async () => {
    const first = await signIn('001090012345');
    expect(first.citizen).toMatchObject({ idNumber: '001090012345', fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', phone: '84912345678', assurance: 2 });
    const me = await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${first.token}`).expect(200);
    expect(me.body).toMatchObject({
      id: first.citizen.id,
      idNumber: '001090012345',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-17',
      phone: '84912345678',
      assurance: 2,
    });
    const again = await signIn('001090012345');
    expect(again.citizen.id).toBe(first.citizen.id);
  });

  it('makes one applicant of a phone sign-in before and a VNeID sign-in now (the verified phone links them)', async () => {
    const byPhone = await citizenToken(local.http, local.db, '0977001122');
    const before = (await local.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${byPhone.token}`).expect(200)).body;
    expect(before).toMatchObject({ idNumber: null, assurance: 0 });
    const byVneid = await signIn('001188007788');
    expect(byVneid.citizen).toMatchObject({ id: before.id, idNumber: '001188007788', assurance: 2 });
  });

  it('signs an organisation account in by its tax code', async () => {
    const org = await signIn('0101234567');
    expect(org.citizen).toMatchObject({ idNumber: null, taxCode: '0101234567', fullName: 'Công ty TNHH Phở Tràng Tiền', assurance: 2 });
  });

  it('refuses an unknown state, and the same state twice', async () => {
    const browser = new Browser();
    const url = new URL(await toCallback(browser, '001195001234'));
    const wrong = new URL(url);
    wrong.searchParams.set('state', 'not-a-state-we-issued');
    const refused = await callback(wrong.href, browser);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ type: PROBLEM, status: 401 });
    expect(refused.headers.location).toBeUndefined();
    const fresh = new URL(await toCallback(browser, '001195001234'));
    expect((await callback(fresh.href, browser)).status).toBe(302);
    const replayed = await callback(fresh.href, browser);
    expect(replayed.status).toBe(401);
    expect(replayed.body.detail).toMatch(/state/);
  });

  it('refuses a callback opened in another browser than the one that started (login CSRF)', async () => {
    const attacker = new Browser();
    const url = await toCallback(attacker, '001195001234');
    const victim = new Browser();
    const refused = await callback(url, victim);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/another browser/);
  });

  it('refuses a code used before, even under a fresh state', async () => {
    const browser = new Browser();
    const used = new URL(await toCallback(browser, '001195001234'));
    expect((await callback(used.href, browser)).status).toBe(302);
    const fresh = new URL(await toCallback(browser, '001195001234'));
    fresh.searchParams.set('code', used.searchParams.get('code')!);
    const refused = await callback(fresh.href, browser);
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe(PROBLEM);
    expect(refused.body.detail).toMatch(/invalid_grant/);
  });

  it('accepts an id_token the proxy re-signed with a key the JWKS lists, so each forgery below fails on its own claim', async () => {
    proxy.forgery = 'resigned';
    await signIn('001195001234');
  });

  it.each<[Forgery, RegExp]>([
    ['bad-signature', /signature/i],
    ['other-issuer', /"iss"/],
    ['other-audience', /"aud"/],
    ['expired', /"exp"/],
    ['not-yet-valid', /"iat"|"nbf"/],
    ['wrong-nonce', /"nonce"/],
  ])('refuses an id_token with %s, with a problem and no session', async (forgery, reason) => {
    const rowsBefore = await citizenRows();
    proxy.forgery = forgery;
    const browser = new Browser();
    const refused = await callback(await toCallback(browser, '001203004567'), browser);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ type: PROBLEM, status: 401 });
    expect(refused.body.detail).toMatch(reason);
    expect(refused.headers.location).toBeUndefined();
    expect(await citizenRows()).toBe(rowsBefore);
  });

  it('refuses a level-4 submission by a level-1 account (403) and takes it from a level-2 one', async () => {
    const low = await signIn('001203004567');
    expect(low.citizen.assurance).toBe(1);
    const lowPhone = `0${low.citizen.phone.slice(2)}`;
    const lowBody = await submissionFor(http, low.token, lowPhone, {
      code: '2.000635',
      agencyCode: DESKS.trangTien,
      form: transcriptForm(lowPhone, 1),
      components: ['TK', 'GTTT'],
    });
    const refused = await http.post('/api/v1/dossiers').set('Authorization', `Bearer ${low.token}`).send(lowBody).expect(403);
    expect(refused.body.type).toBe('https://dvc.hanoi.gov.vn/problems/assurance-too-low');
    const high = await signIn('001090012345');
    const phone = `0${high.citizen.phone.slice(2)}`;
    const body = await submissionFor(http, high.token, phone, {
      code: '2.000635',
      agencyCode: DESKS.trangTien,
      form: transcriptForm(phone, 1),
      components: ['TK', 'GTTT'],
    });
    await http.post('/api/v1/dossiers').set('Authorization', `Bearer ${high.token}`).send(body).expect(201);
  });

  it('signs out at both ends: our token stops working and the provider asks for the identity again', async () => {
    const session = await signIn('001195001234');
    const out = await http.post('/api/v1/auth/citizens/logout').set('Authorization', `Bearer ${session.token}`).expect(200);
    await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${session.token}`).expect(401);
    const endSession = new URL(out.body.endSessionUrl);
    expect(endSession.origin).toBe(issuer);
    const page = await session.browser.get(endSession.href);
    const html = await page.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const action = /action="([^"]+)"/.exec(html)![1];
    const confirmed = await session.browser.postForm(new URL(action, issuer).href, { xsrf, logout: 'yes' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${apiUrl}/`);
    // Without the provider's session the next start shows the login page again instead of coming straight back.
    const started = await session.browser.get(`${apiUrl}/api/v1/auth/citizens/vneid/start`);
    const next = await session.browser.follow(started.headers.get('location')!, apiUrl);
    expect(next.url.startsWith(`${issuer}/interaction/`)).toBe(true);
  });

  it('lets an administrator set the level a procedure needs, and shows it with the procedure', async () => {
    const admin = await officerToken(local.http, 'admin');
    const put = (level: unknown) => local.http.put('/api/v1/admin/procedures/1.000656/assurance').set('Authorization', `Bearer ${admin}`).send({ level });
    expect((await put(2).expect(200)).body.requiredAssurance).toBe(2);
    expect((await local.http.get('/api/v1/procedures/1.000656').expect(200)).body.requiredAssurance).toBe(2);
    await put(3).expect(422);
    await put('2').expect(422);
    const desk = await officerToken(local.http, 'tn.trangtien');
    await local.http.put('/api/v1/admin/procedures/1.000656/assurance').set('Authorization', `Bearer ${desk}`).send({ level: 0 }).expect(403);
    expect((await put(null).expect(200)).body.requiredAssurance).toBe(0);
  });

  it('keeps returnTo on this site', async () => {
    const started = await http.get('/api/v1/auth/citizens/vneid/start?returnTo=//evil.example/x').redirects(0).expect(302);
    expect(new URL(started.headers.location).origin).toBe(issuer);
  });
});

describe('phone OTP switched off (CITIZEN_OTP_ENABLED=false)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CITIZEN_OTP_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it.each([
    ['/api/v1/auth/citizens/otp', { phone: '0912345678' }],
    ['/api/v1/auth/citizens/verify', { phone: '0912345678', code: '123456' }],
  ])('%s answers 403 sign-in-method-disabled', async (path, body) => {
    const res = await t.http.post(path).send(body).expect(403);
    expect(res.body).toMatchObject({ type: 'https://dvc.hanoi.gov.vn/problems/sign-in-method-disabled', status: 403 });
  });
});
