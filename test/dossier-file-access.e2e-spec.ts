import { randomUUID } from 'node:crypto';
import {
  birthRegistrationForm,
  citizenToken,
  DEMO_PASSWORD_FOR_TESTS,
  DESKS,
  landTransferForm,
  startTestApp,
  submissionFor,
  TestApp,
  TINY_PDF,
  uploadPdf,
} from '@dvc/testing';

type Http = TestApp['http'];

async function login(http: Http, username: string) {
  const res = await http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
  return { token: res.body.accessToken as string, id: res.body.officer.id as string };
}

interface Opening {
  file_id: string;
  dossier_id: string;
  officer_id: string;
  agency_code: string;
  opened_at: Date;
}

describe('officers open the files of dossiers they may read (GET /files/{id})', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (who: string) => bearer(officers[who].token);
  const download = (token: string, id: string) =>
    t.http
      .get(`/api/v1/files/${id}`)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const openings = (fileId: string) =>
    t.db.query(`SELECT file_id, dossier_id, officer_id, agency_code, opened_at FROM dossier_file_openings WHERE file_id = $1 ORDER BY id`, [fileId]) as Promise<
      Opening[]
    >;
  const dossierId = async (code: string) => ((await t.db.query(`SELECT id FROM dossiers WHERE code = $1`, [code])) as { id: string }[])[0].id;
  /** What a caller gets for a file id nobody has (the id blanked out): the answer every refused caller must get too. */
  const answerFor = async (token: string, id: string) => {
    const res = await t.http.get(`/api/v1/files/${id}`).set(bearer(token));
    return { status: res.status, type: res.headers['content-type'], body: JSON.parse(JSON.stringify(res.body).split(id).join('<id>')) };
  };
  const expectLikeMissing = async (token: string, id: string) => {
    expect(await answerFor(token, id)).toEqual(await answerFor(token, randomUUID()));
    expect((await answerFor(token, id)).status).toBe(404);
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['tn.trangtien', 'cv.trangtien', 'tn.hoankiem', 'cv.hoankiem', 'ld.sotnmt', 'cv.sotnmt', 'tn.stp', 'admin'])
      officers[u] = await login(t.http, u);
  });
  afterAll(() => t?.close());

  it("the desk and its colleagues open an online applicant's uploads, each opening recorded; other units, other citizens and the administrator get the 404 of a missing file", async () => {
    const applicant = await citizenToken(t.http, t.db);
    const stranger = await citizenToken(t.http, t.db);
    const phone = `0${applicant.phone.slice(2)}`;
    const body = await submissionFor(t.http, applicant.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const code = (await t.http.post('/api/v1/dossiers').set(bearer(applicant.token)).send(body).expect(201)).body.code as string;
    const fileId = body.components[1].fileIds[0] as string;
    expect(await openings(fileId)).toEqual([]);

    const before = new Date();
    const got = await download(officers['tn.trangtien'].token, fileId).expect(200);
    expect(got.body).toEqual(TINY_PDF);
    expect(got.headers['content-type']).toBe('application/pdf');
    await download(officers['cv.trangtien'].token, fileId).expect(200);

    const id = await dossierId(code);
    const rows = await openings(fileId);
    expect(rows.map(({ opened_at: _, ...r }) => r)).toEqual([
      { file_id: fileId, dossier_id: id, officer_id: officers['tn.trangtien'].id, agency_code: '001.35.22.H26' },
      { file_id: fileId, dossier_id: id, officer_id: officers['cv.trangtien'].id, agency_code: '002.35.22.H26' },
    ]);
    expect(rows[0].opened_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    for (const who of ['tn.hoankiem', 'cv.hoankiem', 'tn.stp', 'admin']) await expectLikeMissing(officers[who].token, fileId);
    await expectLikeMissing(stranger.token, fileId);
    // The owner still opens it, and owners' openings are not officers' openings.
    await download(applicant.token, fileId).expect(200);
    expect(await openings(fileId)).toHaveLength(2);
  });

  it("a file no dossier references stays its owner's alone, even for the desk the owner applies to", async () => {
    const applicant = await citizenToken(t.http, t.db);
    const spare = await uploadPdf(t.http, applicant.token, 'chua-nop.pdf');
    await expectLikeMissing(officers['tn.trangtien'].token, spare);
    await download(applicant.token, spare).expect(200);
    expect(await openings(spare)).toEqual([]);
  });

  it('a dossier sent on: the department now holding it and the desk on its route open its components and result files; the record is append-only', async () => {
    const applicant = await citizenToken(t.http, t.db);
    const phone = `0${applicant.phone.slice(2)}`;
    const body = await submissionFor(t.http, officers['tn.hoankiem'].token, phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const dossier = (await t.http.post('/api/v1/desk/dossiers').set(as('tn.hoankiem')).send(body).expect(201)).body;
    expect(dossier.currentAgencyCode).toBe('000.00.03.H26');
    const componentId = body.components[0].fileIds[0] as string;
    // Uploaded by Hoàn Kiếm's desk officer: the owner's own opening goes through the owner rule.
    await download(officers['cv.sotnmt'].token, componentId).expect(200);
    await download(officers['cv.hoankiem'].token, componentId).expect(200);
    await expectLikeMissing(officers['tn.trangtien'].token, componentId);
    expect((await openings(componentId)).map((r) => r.officer_id)).toEqual([officers['cv.sotnmt'].id, officers['cv.hoankiem'].id]);

    const { version } = (await t.http.get(`/api/v1/dossiers/${dossier.code}`).set(as('ld.sotnmt')).expect(200)).body;
    await t.http.post(`/api/v1/dossiers/${dossier.code}/assign`).set(as('ld.sotnmt')).send({ version, officerId: officers['cv.sotnmt'].id }).expect(200);
    const resultId = await uploadPdf(t.http, officers['cv.sotnmt'].token, 'ket-qua.pdf');
    // Not yet attached to the dossier: nobody but its uploader.
    await expectLikeMissing(officers['ld.sotnmt'].token, resultId);
    const v2 = (await t.http.get(`/api/v1/dossiers/${dossier.code}`).set(as('cv.sotnmt')).expect(200)).body.version;
    await t.http
      .post(`/api/v1/dossiers/${dossier.code}/propose`)
      .set(as('cv.sotnmt'))
      .send({ version: v2, outcome: 'grant', note: 'Đủ điều kiện', resultFileIds: [resultId] })
      .expect(200);
    await download(officers['ld.sotnmt'].token, resultId).expect(200);
    await download(officers['tn.hoankiem'].token, resultId).expect(200);
    await expectLikeMissing(officers['tn.trangtien'].token, resultId);
    // The results route records officers' openings too.
    await t.http.get(`/api/v1/dossiers/${dossier.code}/results/${resultId}`).set(as('ld.sotnmt')).expect(200);
    expect((await openings(resultId)).map((r) => r.officer_id)).toEqual([officers['ld.sotnmt'].id, officers['tn.hoankiem'].id, officers['ld.sotnmt'].id]);

    await expect(t.db.query(`UPDATE dossier_file_openings SET officer_id = $1 WHERE file_id = $2`, [officers['tn.trangtien'].id, resultId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM dossier_file_openings WHERE file_id = $1`, [resultId])).rejects.toThrow(/append-only/);
  });
});
