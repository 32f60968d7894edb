import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { documentFixture, renderDocument } from '@dvc/documents';
import { agencySubject, issueCertificate, pdfsig } from '@dvc/signing';
import {
  birthRegistrationForm,
  citizenToken,
  DEMO_PASSWORD_FOR_TESTS,
  DESKS,
  landTransferForm,
  officerToken,
  startTestApp,
  submissionFor,
  TestApp,
} from '@dvc/testing';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DAY = 86_400_000;

async function acceptedDossier(t: TestApp): Promise<{ code: string; desk: string; phone: string }> {
  const desk = await officerToken(t.http, 'tn.trangtien');
  const citizen = await citizenToken(t.http, t.db);
  const phone = `0${citizen.phone.slice(2)}`;
  const body = await submissionFor(t.http, citizen.token, phone, {
    code: '1.001193',
    agencyCode: DESKS.trangTien,
    form: birthRegistrationForm(phone),
    components: ['TK', 'GCS', 'GTTT'],
  });
  const code = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201)).body.code as string;
  await t.http.post(`/api/v1/dossiers/${code}/accept`).set('Authorization', `Bearer ${desk}`).send({ version: 1 }).expect(200);
  return { code, desk, phone };
}

describe('signed forms and the public verification page', () => {
  let t: TestApp;
  let code: string;
  let desk: string;
  let phone: string;
  let receipt: Buffer;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ code, desk, phone } = await acceptedDossier(t));
    receipt = (await t.http.get(`/api/v1/dossiers/${code}/documents/receipt`).set('Authorization', `Bearer ${desk}`).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const text = (await pdfParse(receipt)).text.replace(/\s+/g, '');
    id = /\/api\/v1\/verify\/([0-9a-f-]{36})/.exec(text)?.[1] ?? '';
  });
  afterAll(() => t.close());

  it('Form 01 is signed by the receiving agency and pdfsig finds the signature valid', async () => {
    const report = await pdfsig(receipt);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Signer Certificate Common Name: Bộ phận Một cửa Phường Tràng Tiền');
    expect(report).toContain('UID=001.35.22.H26');
    expect(report).toContain('Total document signed');
  });

  it('prints its own verification link, which shows the hash, agency, time and dossier code and nothing personal', async () => {
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const res = await t.http.get(`/api/v1/verify/${id}`).expect(200);
    expect(res.body).toMatchObject({
      id,
      kind: 'receipt',
      dossierCode: code,
      sha256: sha256(receipt),
      signedBy: 'Bộ phận Một cửa Phường Tràng Tiền',
      agencyCode: '001.35.22.H26',
      valid: true,
    });
    expect(Date.now() - Date.parse(res.body.signedAt)).toBeLessThan(5 * 60_000);
    const json = JSON.stringify(res.body);
    for (const personal of ['Nguyễn Văn An', phone, phone.slice(1), '001089012345', 'Hàng Bài']) expect(json).not.toContain(personal);
  });

  it('an upload is compared with the issued bytes: the same file matches, a changed one does not', async () => {
    const same = await t.http.post(`/api/v1/verify/${id}`).attach('file', receipt, 'receipt.pdf').expect(200);
    expect(same.body).toEqual({ matches: true, sha256: sha256(receipt) });
    const changed = Buffer.from(receipt);
    changed[1000] ^= 1;
    expect((await t.http.post(`/api/v1/verify/${id}`).attach('file', changed, 'receipt.pdf').expect(200)).body.matches).toBe(false);
    expect(await pdfsig(changed)).not.toContain('Signature is Valid');
  });

  it('unknown ids are 404 problems; a post without a file part is refused', async () => {
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await t.http.get(`/api/v1/verify/${bad}`).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      await t.http.post(`/api/v1/verify/${bad}`).attach('file', receipt, 'x.pdf').expect(404);
    }
    await t.http.post(`/api/v1/verify/${id}`).send({ file: 'x' }).expect(415);
    await t.http.post(`/api/v1/verify/${id}`).field('other', 'x').expect(422);
  });

  it('the control slip stays an unsigned internal record', async () => {
    const slip = (
      await t.http.get(`/api/v1/dossiers/${code}/documents/control-slip`).set('Authorization', `Bearer ${desk}`).buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    expect(await pdfsig(slip)).not.toContain('Signature #1');
  });
});

describe('the verification page is rate-limited like tracking', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRACKING_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('the fourth look-up in a minute from one address is a 429 problem', async () => {
    for (let i = 0; i < 3; i++) await t.http.get('/api/v1/verify/00000000-0000-4000-8000-000000000000').expect(404);
    const res = await t.http.get('/api/v1/verify/00000000-0000-4000-8000-000000000000').expect(429);
    expect(res.body).toMatchObject({ status: 429 });
  });
});

describe('an agency certificate outside its validity (PKCS#12 mode)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'p12-'));
    const now = Date.now();
    const agency = { code: '001.35.22.H26', name: 'Bộ phận Một cửa Phường Tràng Tiền', unitName: 'Phường Tràng Tiền' };
    const expired = issueCertificate(agencySubject(agency), { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) }, null, false);
    const p12 = forge.pkcs12.toPkcs12Asn1(expired.privateKey, [expired.certificate], 'secret', { algorithm: '3des' });
    writeFileSync(join(dir, '001.35.22.H26.p12'), Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    // Sở Tài nguyên và Môi trường, whose leader approves land transfers: not valid for another year.
    const department = { code: '000.00.03.H26', name: 'Sở Tài nguyên và Môi trường', unitName: 'Thành phố Hà Nội' };
    const early = issueCertificate(agencySubject(department), { notBefore: new Date(now + 365 * DAY), notAfter: new Date(now + 730 * DAY) }, null, false);
    const earlyP12 = forge.pkcs12.toPkcs12Asn1(early.privateKey, [early.certificate], 'secret', { algorithm: '3des' });
    writeFileSync(join(dir, '000.00.03.H26.p12'), Buffer.from(forge.asn1.toDer(earlyP12).getBytes(), 'binary'));
    t = await startTestApp({ SIGNING_MODE: 'pkcs12', SIGNING_P12_DIR: dir, SIGNING_P12_PASSPHRASE: 'secret' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to issue the form (503 problem naming the agency) and records nothing', async () => {
    const { code, desk } = await acceptedDossier(t);
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM signed_documents`);
    const res = await t.http.get(`/api/v1/dossiers/${code}/documents/receipt`).set('Authorization', `Bearer ${desk}`).expect(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('001.35.22.H26');
    expect(res.body.detail).toContain('expired');
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM signed_documents`);
    expect(after).toBe(before);
  });

  it('refuses the approval (503) with a not-yet-valid certificate: dossier, files and records unchanged, nothing released', async () => {
    const login = async (u: string) => {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
      return { auth: { Authorization: `Bearer ${res.body.accessToken as string}` }, id: res.body.officer.id as string };
    };
    const [desk, leader, specialist] = [await login('tn.hoankiem'), await login('ld.sotnmt'), await login('cv.sotnmt')];
    const act = async (code: string, action: string, who: { auth: Record<string, string> }, body: Record<string, unknown> = {}) => {
      const { version } = (await t.http.get(`/api/v1/dossiers/${code}`).set(who.auth).expect(200)).body;
      return t.http
        .post(`/api/v1/dossiers/${code}/${action}`)
        .set(who.auth)
        .send({ version, ...body });
    };
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, desk.auth.Authorization.slice(7), phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const code = (await t.http.post('/api/v1/desk/dossiers').set(desk.auth).send(body).expect(201)).body.code as string;
    expect((await act(code, 'assign', leader, { officerId: specialist.id })).status).toBe(200);
    const resultPdf = await renderDocument(documentFixture('receipt'));
    const uploaded = (
      await t.http.post('/api/v1/files').set(specialist.auth).attach('file', resultPdf, { filename: 'kq.pdf', contentType: 'application/pdf' }).expect(201)
    ).body.id as string;
    expect((await act(code, 'propose', specialist, { outcome: 'grant', note: 'Đủ điều kiện', resultFileIds: [uploaded] })).status).toBe(200);
    const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
    const before = {
      files: await count('files'),
      signed: await count('signed_documents'),
      dossier: (await t.http.get(`/api/v1/dossiers/${code}`).set(leader.auth)).body,
    };
    const res = await act(code, 'approve', leader);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('000.00.03.H26');
    expect(res.body.detail).toContain('not valid before');
    const afterDossier = (await t.http.get(`/api/v1/dossiers/${code}`).set(leader.auth)).body;
    expect({ version: afterDossier.version, status: afterDossier.status }).toEqual({ version: before.dossier.version, status: before.dossier.status });
    expect(await count('files')).toBe(before.files);
    expect(await count('signed_documents')).toBe(before.signed);
    expect(
      (
        await t.http
          .get(`/api/v1/dossiers/${code}/results`)
          .set({ Authorization: `Bearer ${citizen.token}` })
          .expect(200)
      ).body,
    ).toEqual({ release: 'pending', files: [] });
  });
});

describe('result files signed at approval', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${officers[who].token}` });

  async function act(code: string, action: string, who: string, body: Record<string, unknown> = {}) {
    const { version } = (await t.http.get(`/api/v1/dossiers/${code}`).set(as(who)).expect(200)).body;
    const res = await t.http
      .post(`/api/v1/dossiers/${code}/${action}`)
      .set(as(who))
      .send({ version, ...body });
    if (res.status !== 200) throw new Error(`${action} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['tn.hoankiem', 'ld.sotnmt', 'cv.sotnmt']) {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
      officers[u] = { token: res.body.accessToken as string, id: res.body.officer.id as string };
    }
  });
  afterAll(() => t.close());

  it("the leader's approval replaces the PDF result by a copy signed by the leader's agency, verifiable on the public page", async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, officers['tn.hoankiem'].token, phone, {
      code: '1.013831',
      agencyCode: DESKS.hoanKiem,
      form: landTransferForm(phone),
      components: ['DON', 'GCN', 'HD', 'TK_THUE'],
    });
    const code = (await t.http.post('/api/v1/desk/dossiers').set(as('tn.hoankiem')).send(body).expect(201)).body.code as string;
    await act(code, 'assign', 'ld.sotnmt', { officerId: officers['cv.sotnmt'].id });
    const resultPdf = await renderDocument(documentFixture('receipt'));
    const uploaded = (
      await t.http
        .post('/api/v1/files')
        .set(as('cv.sotnmt'))
        .attach('file', resultPdf, { filename: 'Giấy chứng nhận.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body.id as string;
    await act(code, 'propose', 'cv.sotnmt', { outcome: 'grant', note: 'Đủ điều kiện', resultFileIds: [uploaded] });
    const [{ n: filesBefore }] = await t.db.query(`SELECT count(*)::int AS n FROM files`);
    await act(code, 'approve', 'ld.sotnmt');

    const list = (await t.http.get(`/api/v1/dossiers/${code}/results`).set(as('ld.sotnmt')).expect(200)).body;
    expect(list.files).toHaveLength(1);
    const signedId = list.files[0].id as string;
    expect(signedId).not.toBe(uploaded);
    expect(list.files[0].name).toBe('Giấy chứng nhận.pdf');
    const [{ n: filesAfter }] = await t.db.query(`SELECT count(*)::int AS n FROM files`);
    expect(filesAfter).toBe(filesBefore + 1);

    const signed = (await t.http.get(`/api/v1/dossiers/${code}/results/${signedId}`).set(as('ld.sotnmt')).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const [{ name: agencyName }] = await t.db.query(`SELECT a.name FROM agencies a JOIN officers o ON o.agency_code = a.code WHERE o.username = 'ld.sotnmt'`);
    const report = await pdfsig(signed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain(`Signer Certificate Common Name: ${agencyName}`);

    const [record] = await t.db.query(`SELECT id FROM signed_documents WHERE dossier_code = $1 AND kind = 'result'`, [code]);
    const page = (await t.http.get(`/api/v1/verify/${record.id}`).expect(200)).body;
    expect(page).toMatchObject({ kind: 'result', dossierCode: code, sha256: sha256(signed), signedBy: agencyName, valid: true });
    expect((await t.http.post(`/api/v1/verify/${record.id}`).attach('file', signed, 'kq.pdf').expect(200)).body.matches).toBe(true);
    expect((await t.http.post(`/api/v1/verify/${record.id}`).attach('file', resultPdf, 'kq.pdf').expect(200)).body.matches).toBe(false);
  });
});
