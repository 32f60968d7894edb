import { createHash } from 'node:crypto';
import { citizenToken, DEMO_PASSWORD_FOR_TESTS, DESKS, landTransferForm, startTestApp, submissionFor, TestApp, actAs } from '@dvc/testing';

type Http = TestApp['http'];

async function login(http: Http, username: string) {
  const res = await http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
  return { token: res.body.accessToken as string, id: res.body.officer.id as string };
}

/** A PNG the specialist attaches as the result (its bytes are checked on the way back). */
const RESULT_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3b1d1fb0000000049454e44ae426082',
  'hex',
);

describe('result files of a dossier (GET /dossiers/{code}/results)', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (who: string) => bearer(officers[who].token);

  const act = (code: string, action: string, who: string, body: Record<string, unknown> = {}, expected = 200) =>
    actAs(t.http, officers[who].token, code, action, body, expected);

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['tn.hoankiem', 'ld.sotnmt', 'cv.sotnmt', 'tn.trangtien']) officers[u] = await login(t.http, u);
  });
  afterAll(() => t?.close());

  it('the applicant downloads the result once released (not while held for pay-after fees); nobody else sees it', async () => {
    const applicant = await citizenToken(t.http, t.db);
    const stranger = await citizenToken(t.http, t.db);
    const phone = `0${applicant.phone.slice(2)}`;
    // A land transfer (the certificate charge is paid after processing) handed in at the Hoàn Kiếm desk.
    const body = await submissionFor(t.http, officers['tn.hoankiem'].token, phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const code = (await t.http.post('/api/v1/desk/dossiers').set(as('tn.hoankiem')).send(body).expect(201)).body.code as string;
    const componentFileId = body.components[0].fileIds[0] as string;

    await act(code, 'assign', 'ld.sotnmt', { officerId: officers['cv.sotnmt'].id });
    const upload = await t.http
      .post('/api/v1/files')
      .set(as('cv.sotnmt'))
      .attach('file', RESULT_PNG, { filename: 'Giấy chứng nhận.png', contentType: 'image/png' })
      .expect(201);
    const fileId = upload.body.id as string;
    await act(code, 'propose', 'cv.sotnmt', { outcome: 'grant', note: 'Đủ điều kiện đăng ký biến động', resultFileIds: [fileId] });

    const results = (token: string) => t.http.get(`/api/v1/dossiers/${code}/results`).set(bearer(token));
    const download = (token: string, id = fileId) =>
      t.http
        .get(`/api/v1/dossiers/${code}/results/${id}`)
        .set(bearer(token))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

    // Awaiting approval: the leader in scope reads the draft result; the applicant has nothing yet.
    expect((await results(officers['ld.sotnmt'].token).expect(200)).body).toEqual({
      release: 'pending',
      files: [
        { id: fileId, name: 'Giấy chứng nhận.png', size: RESULT_PNG.length, mime: 'image/png', sha256: createHash('sha256').update(RESULT_PNG).digest('hex') },
      ],
    });
    expect((await download(officers['ld.sotnmt'].token).expect(200)).body).toEqual(RESULT_PNG);
    expect((await results(applicant.token).expect(200)).body).toEqual({ release: 'pending', files: [] });
    expect((await download(applicant.token).expect(409)).headers['content-type']).toMatch(/^application\/problem\+json/);

    // Approved: the charge falls due and the result is held until it is paid.
    const approved = await act(code, 'approve', 'ld.sotnmt');
    expect(approved).toMatchObject({ status: 'payment_requested', feesOutstandingVnd: 100_000 });
    expect((await results(applicant.token).expect(200)).body).toEqual({ release: 'held_for_fees', files: [] });
    const held = await download(applicant.token).expect(409);
    expect(JSON.parse(held.body.toString('utf8'))).toMatchObject({ status: 409, detail: 'The result is held until the fees are paid.' });
    // The file belongs to the specialist: the generic file endpoint never serves it to the applicant.
    await t.http.get(`/api/v1/files/${fileId}`).set(bearer(applicant.token)).expect(404);

    await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set(as('tn.hoankiem')).send({ method: 'cash' }).expect(201);
    const released = (await results(applicant.token).expect(200)).body;
    expect(released).toMatchObject({ release: 'released', files: [{ id: fileId, name: 'Giấy chứng nhận.png', mime: 'image/png' }] });
    const got = await download(applicant.token).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn.png");
    expect(got.headers['cache-control']).toBe('private, no-store');
    expect(got.body).toEqual(RESULT_PNG);

    // Only the dossier's result files, and only for those who may read the dossier.
    await download(applicant.token, componentFileId).expect(404);
    await download(applicant.token, '00000000-0000-4000-8000-000000000000').expect(404);
    await download(applicant.token, 'not-a-uuid').expect(404);
    await results(stranger.token).expect(404);
    await download(stranger.token).expect(404);
    await results(officers['tn.trangtien'].token).expect(404);
    await download(officers['tn.trangtien'].token).expect(404);
    await t.http.get(`/api/v1/dossiers/${code}/results`).expect(401);

    // After the hand-over at the desk the applicant still has it; the desk in scope reads it too.
    await act(code, 'return-result', 'tn.hoankiem', { method: 'desk' });
    expect((await download(applicant.token).expect(200)).body).toEqual(RESULT_PNG);
    expect((await results(officers['tn.hoankiem'].token).expect(200)).body).toMatchObject({ release: 'released', files: [{ id: fileId }] });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/dossiers/{code}/results', '/api/v1/dossiers/{code}/results/{fileId}']));
  });
});
