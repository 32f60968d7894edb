import { birthRegistrationForm, citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp, transcriptForm } from '@dvc/testing';

/**
 * Issue #15 item 7: fees come from the procedure's rules and the fields they depend on, never from totals the
 * applicant typed or an old assessment, and asking above the assessment is a leader's decision.
 * Expected amounts are hand-computed from libs/catalog/src/seed/procedures/:
 *   2.000635 PHI_BAN_SAO: 8,000 VND a copy (soBanSao), paid before processing.
 *   2.000815 PHI_CHUNG_THUC_BAN_SAO (Thông tư 226/2016/TT-BTC art. 4(2)): 2,000 VND a page, 1,000 from the third,
 *            at most 200,000 VND a copy.
 *   1.001193 on-time birth registration: free.
 */
describe('fees are assessed from the form, again when it changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SMS_PROVIDER: 'log' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = async (code: string, token: string) => (await t.http.get(`/api/v1/dossiers/${code}`).set(as(token)).expect(200)).body;

  it('a supplement raising the copies from 1 to 20 is charged 20 × 8,000: the 152,000 still owed is asked for before processing goes on', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '2.000635',
      agencyCode: DESKS.trangTien,
      form: transcriptForm(phone, 1),
      components: ['TK', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set(as(citizen.token)).send(body).expect(201);
    const code = created.body.code as string;
    const desk = await officerToken(t.http, 'tn.trangtien');
    const accepted = await t.http.post(`/api/v1/dossiers/${code}/accept`).set(as(desk)).send({ version: created.body.version }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'payment_requested', feeTotalVnd: 8_000, feesRequestedVnd: 8_000 });
    await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set(as(desk)).send({ method: 'cash' }).expect(201);
    const paid = await get(code, desk);
    expect(paid).toMatchObject({ status: 'received', feesPaidVnd: 8_000 });
    const asked = await t.http
      .post(`/api/v1/dossiers/${code}/request-supplement`)
      .set(as(desk))
      .send({ version: paid.version, reason: 'Xin ghi rõ số bản sao cần cấp', components: ['TK'] })
      .expect(200);

    const supplemented = await t.http
      .post(`/api/v1/dossiers/${code}/supplement`)
      .set(as(citizen.token))
      .send({ version: asked.body.version, form: { soBanSao: 20 } })
      .expect(200);
    expect(supplemented.body).toMatchObject({
      status: 'payment_requested',
      feeTotalVnd: 160_000,
      feesPaidVnd: 8_000,
      feesRequestedVnd: 152_000,
      form: expect.objectContaining({ soBanSao: 20 }),
    });
    expect(supplemented.body.fees).toEqual([expect.objectContaining({ code: 'PHI_BAN_SAO', unitAmountVnd: 8_000, quantity: 20, amountVnd: 160_000 })]);
    const cash = await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set(as(desk)).send({ method: 'cash' }).expect(201);
    expect(cash.body.amount).toBe(152_000);
    expect(await get(code, desk)).toMatchObject({ status: 'received', feesPaidVnd: 160_000 });
  });

  it('certified copies are charged by the pages of each copy, not by the page total the applicant typed (100 × 500 pages: 20,000,000)', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const form = {
      nguoiYeuCau: { hoTen: 'Nguyễn Văn An', soDinhDanh: '001090012345', soDienThoai: phone, noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
      tenGiayTo: 'Bằng tốt nghiệp đại học',
      soBanSao: 100,
      soTrangMoiBan: 500,
      tongSoTrang: 1,
    };
    const body = await submissionFor(t.http, citizen.token, phone, { code: '2.000815', agencyCode: DESKS.trangTien, form, components: ['BC', 'BS'] });
    const created = await t.http.post('/api/v1/dossiers').set(as(citizen.token)).send(body).expect(201);
    // per copy: 2 × 2,000 + 498 × 1,000 = 502,000, capped at 200,000; × 100 copies
    expect(created.body).toMatchObject({ feeTotalVnd: 20_000_000, form: expect.objectContaining({ tongSoTrang: 50_000 }) });
    expect(created.body.fees).toEqual([
      expect.objectContaining({ code: 'PHI_CHUNG_THUC_BAN_SAO', unitAmountVnd: 200_000, quantity: 100, amountVnd: 20_000_000 }),
    ]);

    // A supplement changing the pages is assessed again: 100 copies of 3 pages = 100 × (4,000 + 1,000); the total follows.
    const desk = await officerToken(t.http, 'tn.trangtien');
    const asked = await t.http
      .post(`/api/v1/dossiers/${created.body.code}/request-supplement`)
      .set(as(desk))
      .send({ version: created.body.version, reason: 'Số trang không khớp bản chính', components: ['BS'] })
      .expect(200);
    const supplemented = await t.http
      .post(`/api/v1/dossiers/${created.body.code}/supplement`)
      .set(as(citizen.token))
      .send({ version: asked.body.version, form: { soTrangMoiBan: 3, tongSoTrang: 2 } })
      .expect(200);
    expect(supplemented.body).toMatchObject({ status: 'new', feeTotalVnd: 500_000, form: expect.objectContaining({ tongSoTrang: 300 }) });
  });

  describe('asking above the assessment (request-payment with an amount)', () => {
    async function receivedBirthRegistration() {
      const citizen = await citizenToken(t.http, t.db);
      const phone = `0${citizen.phone.slice(2)}`;
      const body = await submissionFor(t.http, citizen.token, phone, {
        code: '1.001193',
        agencyCode: DESKS.trangTien,
        form: birthRegistrationForm(phone),
        components: ['TK', 'GCS', 'GTTT'],
      });
      const created = await t.http.post('/api/v1/dossiers').set(as(citizen.token)).send(body).expect(201);
      const desk = await officerToken(t.http, 'tn.trangtien');
      const accepted = await t.http.post(`/api/v1/dossiers/${created.body.code}/accept`).set(as(desk)).send({ version: created.body.version }).expect(200);
      expect(accepted.body).toMatchObject({ status: 'received', feeTotalVnd: 0 });
      return { code: created.body.code as string, version: accepted.body.version as number, desk };
    }

    it('a receiving officer asking 1,000,000,000 VND on a free procedure is refused (403 problem) and nothing changes', async () => {
      const { code, version, desk } = await receivedBirthRegistration();
      const events = async () => (await t.http.get(`/api/v1/dossiers/${code}/history`).set(as(desk)).expect(200)).body.length;
      const before = await events();
      const res = await t.http.post(`/api/v1/dossiers/${code}/request-payment`).set(as(desk)).send({ version, amount: 1_000_000_000 }).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toContain('Only a leader');
      expect(await get(code, desk)).toMatchObject({ status: 'received', version, feesRequestedVnd: 0 });
      expect(await events()).toBe(before);
    });

    it('a leader may ask above the assessment', async () => {
      const { code, version } = await receivedBirthRegistration();
      const leader = await officerToken(t.http, 'ld.trangtien');
      const res = await t.http
        .post(`/api/v1/dossiers/${code}/request-payment`)
        .set(as(leader))
        .send({ version, amount: 50_000, note: 'Phí xác minh' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'payment_requested', feesRequestedVnd: 50_000 });
    });
  });
});
