import { birthRegistrationForm, DESKS, officerToken, startTestApp, submissionFor, submittedBirthRegistration, TestApp } from '@dvc/testing';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('PDF forms of a dossier', () => {
  let t: TestApp;
  let desk: string;
  let code: string;
  let citizen: { token: string; phone: string };

  beforeAll(async () => {
    t = await startTestApp();
    desk = await officerToken(t.http, 'tn.trangtien');
    ({ code, citizen } = await submittedBirthRegistration(t.http, t.db));
    await t.http.post(`/api/v1/dossiers/${code}/accept`).set('Authorization', `Bearer ${desk}`).send({ version: 1 }).expect(200);
  });
  afterAll(() => t.close());

  const pdf = async (form: string, token = desk) => {
    const res = await t.http.get(`/api/v1/dossiers/${code}/documents/${form}`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return (await pdfParse(res.body as Buffer)).text;
  };

  it('Form 01 (receipt and appointment) carries the Vietnamese text, the dossier and the agency', async () => {
    const text = await pdf('receipt');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Bộ phận Một cửa Phường Tràng Tiền');
    expect(text.replace(/\s+/g, '')).toContain(code);
  });

  it('the applicant may download it too; forms without their data are 409; other units 404', async () => {
    expect(await pdf('control-slip', citizen.token)).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    await t.http.get(`/api/v1/dossiers/${code}/documents/refusal`).set('Authorization', `Bearer ${desk}`).expect(409);
    await t.http.get(`/api/v1/dossiers/${code}/documents/nonsense`).set('Authorization', `Bearer ${desk}`).expect(404);
    const other = await officerToken(t.http, 'tn.hoankiem');
    await t.http.get(`/api/v1/dossiers/${code}/documents/receipt`).set('Authorization', `Bearer ${other}`).expect(404);
  });

  it('the stop notice of Circular 03/2025 follows a stop by the leader', async () => {
    await t.http.get(`/api/v1/dossiers/${code}/documents/stop-notice`).set('Authorization', `Bearer ${desk}`).expect(409);
    const leader = await officerToken(t.http, 'ld.trangtien');
    const other = await submissionFor(t.http, citizen.token, `0${citizen.phone.slice(2)}`, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(`0${citizen.phone.slice(2)}`),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const stopped = (await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(other).expect(201)).body.code;
    await t.http.post(`/api/v1/dossiers/${stopped}/accept`).set('Authorization', `Bearer ${desk}`).send({ version: 1 }).expect(200);
    await t.http
      .post(`/api/v1/dossiers/${stopped}/stop`)
      .set('Authorization', `Bearer ${leader}`)
      .send({ version: 2, reason: 'Người yêu cầu đã chết trước khi giải quyết' })
      .expect(200);
    const res = await t.http
      .get(`/api/v1/dossiers/${stopped}/documents/stop-notice`)
      .set('Authorization', `Bearer ${desk}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (await pdfParse(res.body as Buffer)).text;
    expect(text).toContain('THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Người yêu cầu đã chết trước khi giải quyết');
  });

  it('Form 04 (apology) follows an extension, titled by the rule set in force', async () => {
    const current = (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${desk}`)).body;
    const newDueAt = new Date(new Date(current.dueAt).getTime() + 2 * 86_400_000).toISOString();
    const receiptBefore = await pdf('receipt');
    await t.http
      .post(`/api/v1/dossiers/${code}/extend`)
      .set('Authorization', `Bearer ${desk}`)
      .send({ version: current.version, reason: 'Cần xác minh thông tin', newDueAt })
      .expect(200);
    // Form 01 keeps the appointment first given: the extension does not rewrite it. (Each signed copy has a
    // verification link of its own.)
    const withoutLink = (text: string) => text.replace(/\/verify\/[0-9a-f-]{36}/g, '/verify/…');
    expect(withoutLink(await pdf('receipt'))).toBe(withoutLink(receiptBefore));
    const text = await pdf('apology');
    expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Cần xác minh thông tin');
  });
});
