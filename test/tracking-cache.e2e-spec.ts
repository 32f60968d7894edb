import { birthRegistrationForm, citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp } from '@dvc/testing';

/** The public lookup reuses its answer for TRACKING_CACHE_SECONDS; nothing else is cached. */
describe('public tracking cache', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRACKING_CACHE_SECONDS: '1', TRACKING_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => t.close());

  it('shows a status change at most the configured time late, never caches a miss, and the applicant reads the rows', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const code = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201)).body.code as string;
    const last4 = citizen.phone.slice(-4);
    const wrong = last4 === '0000' ? '1111' : '0000';
    const track = (digits = last4) => t.http.get(`/api/v1/tracking/${code}?phone=${digits}`);

    await track(wrong).expect(404);
    expect((await track().expect(200)).body.status).toBe('new');
    const desk = await officerToken(t.http, 'tn.trangtien');
    await t.http.post(`/api/v1/dossiers/${code}/accept`).set('Authorization', `Bearer ${desk}`).send({ version: 1 }).expect(200);

    const cached = await track().expect(200);
    expect(cached.body.status).toBe('new');
    expect(cached.headers['cache-control']).toBe('no-store');
    expect((await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${citizen.token}`).expect(200)).body.status).toBe('received');
    await track(wrong).expect(404);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await track().expect(200)).body.status).toBe('received');
  });
});
