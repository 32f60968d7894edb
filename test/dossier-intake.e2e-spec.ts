import { DossierEntity } from '@dvc/dossiers';
import {
  asOwner,
  birthRegistrationForm,
  citizenToken,
  DESKS,
  officerToken,
  startTestApp,
  submissionFor,
  TestApp,
  transcriptForm,
  uniquePhone,
  uploadPdf,
} from '@dvc/testing';
import { FORGED_CURSORS, NULL_KEY_CURSOR } from './sweep/hostile-values';

describe('dossier intake', () => {
  let t: TestApp;
  let citizen: { token: string; phone: string };
  let phone: string;
  const count = () => t.db.getRepository(DossierEntity).count();

  beforeAll(async () => {
    t = await startTestApp();
    citizen = await citizenToken(t.http, t.db);
    phone = `0${citizen.phone.slice(2)}`;
  });
  afterAll(() => t.close());

  const validBody = () =>
    submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
  const submit = (body: object, headers: Record<string, string> = {}) =>
    t.http
      .post('/api/v1/dossiers')
      .set({ Authorization: `Bearer ${citizen.token}`, ...headers })
      .send(body);

  it('50 parallel submissions to one desk get 50 distinct codes of one daily sequence', async () => {
    const body = await validBody();
    const results = await Promise.all(Array.from({ length: 50 }, () => submit(body)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const codes = results.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(50);
    const numbers = codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
    expect(numbers[49] - numbers[0]).toBe(49);
  });

  it('the same Idempotency-Key raced 10 times creates one dossier; a different body with it is 422', async () => {
    const body = await validBody();
    const before = await count();
    const key = `birth-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(body, { 'Idempotency-Key': key })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
    expect(await count()).toBe(before + 1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const other = await submit({ ...body, resultDelivery: 'post' }, { 'Idempotency-Key': key }).expect(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    await submit(body, { 'Idempotency-Key': 'bad key with spaces' }).expect(422);
  });

  it('two officers accepting the same version: exactly one succeeds, the other gets 409', async () => {
    const body = await validBody();
    const code = (await submit(body).expect(201)).body.code;
    const token = await officerToken(t.http, 'tn.trangtien');
    const results = await Promise.all(
      [1, 2].map(() => t.http.post(`/api/v1/dossiers/${code}/accept`).set('Authorization', `Bearer ${token}`).send({ version: 1 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await t.db.query(`SELECT action FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1`, [code]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept']);
  });

  it.each([
    ['an unknown procedure', (b: any) => ({ ...b, procedureCode: '9.999999' }), 'procedureCode'],
    ['an agency that does not receive', (b: any) => ({ ...b, agencyCode: '002.35.22.H26' }), 'agencyCode'],
    ['a district desk for a commune procedure', (b: any) => ({ ...b, agencyCode: DESKS.hoanKiem }), 'agencyCode'],
    ['a bad CCCD province', (b: any) => ({ ...b, applicant: { ...b.applicant, idNumber: '003090012345' } }), 'applicant.idNumber'],
    ['a CCCD that disagrees with the birth date', (b: any) => ({ ...b, applicant: { ...b.applicant, birthDate: '1991-01-01' } }), 'applicant.idNumber'],
    ['a landline phone', (b: any) => ({ ...b, applicant: { ...b.applicant, phone: '0243825 1234' } }), 'applicant.phone'],
    ['a form missing the child', (b: any) => ({ ...b, form: { ...b.form, treEm: undefined } }), 'form.treEm'],
    ['a form with a bad date', (b: any) => ({ ...b, form: { ...b.form, treEm: { ...b.form.treEm, ngaySinh: '20/11/2026' } } }), 'form.treEm.ngaySinh'],
    ['a form field that does not exist', (b: any) => ({ ...b, form: { ...b.form, hacker: true } }), 'form.hacker'],
    ['a missing required component', (b: any) => ({ ...b, components: b.components.filter((c: any) => c.code !== 'GCS') }), 'components'],
    ['an unknown component', (b: any) => ({ ...b, components: [...b.components, { code: 'XYZ', fileIds: [] }] }), 'components[3].code'],
    ['a file id that is not a uuid', (b: any) => ({ ...b, components: [{ code: 'TK', fileIds: ['../../etc/passwd'] }] }), 'components.0.fileIds'],
    ['online delivery for… level 4 is fine, but a bad delivery value', (b: any) => ({ ...b, resultDelivery: 'pigeon' }), 'resultDelivery'],
    ['no applicant', (b: any) => ({ ...b, applicant: undefined }), 'applicant'],
  ])('%s → 422 naming %s, nothing stored', async (_label, mutate, field) => {
    const body = mutate(await validBody());
    const before = await count();
    const res = await submit(JSON.parse(JSON.stringify(body))).expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await count()).toBe(before);
  });

  it("under Decree 118/2025 a commune desk receives a city department's procedure and the result comes back to it", async () => {
    const form = {
      nguoiDuocCap: {
        hoTen: 'Nguyễn Văn An',
        gioiTinh: 'Nam',
        ngaySinh: '1990-05-17',
        noiSinh: 'Hà Nội',
        quocTich: 'Việt Nam',
        soDinhDanh: '001090012345',
        noiThuongTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội',
        soDienThoai: phone,
      },
      loaiPhieu: 1,
      soLuongPhieu: 1,
      nhanKetQua: 'Qua dịch vụ bưu chính',
    };
    const body = await submissionFor(t.http, citizen.token, phone, { code: '2.000488', agencyCode: DESKS.trangTien, form, components: ['TK', 'CCCD'] });
    const res = await submit(body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    expect(res.body.steps.map((s: { agencyCode: string }) => s.agencyCode)).toEqual([
      DESKS.trangTien,
      DESKS.departmentOfJustice,
      DESKS.departmentOfJustice,
      DESKS.trangTien,
    ]);
  });

  it('a file uploaded by someone else cannot be attached', async () => {
    const other = await citizenToken(t.http, t.db);
    const foreign = await uploadPdf(t.http, other.token);
    const body = await validBody();
    body.components[0].fileIds = [foreign];
    const res = await submit(body).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'components[0].fileIds[0]', message: 'is not a file you uploaded' })]);
  });

  it('officers cannot submit as citizens, and citizens cannot register at the desk', async () => {
    const body = await validBody();
    const officer = await officerToken(t.http, 'tn.trangtien');
    await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${officer}`).send(body).expect(403);
    await t.http.post('/api/v1/desk/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(403);
    await t.http.post('/api/v1/dossiers').send(body).expect(401);
  });

  it('a desk may only register dossiers for itself', async () => {
    const officer = await officerToken(t.http, 'tn.hoankiem');
    const body = await submissionFor(t.http, officer, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const res = await t.http.post('/api/v1/desk/dossiers').set('Authorization', `Bearer ${officer}`).send(body).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'agencyCode' })]);
  });

  it('the worklist pages with a keyset cursor, most urgent first, without repeats', async () => {
    const token = await officerToken(t.http, 'tn.trangtien');
    const seen: string[] = [];
    let cursor: string | null = null;
    let due: (string | null)[] = [];
    do {
      // Ordered by the reference due time (firstDueAt); an extension's new appointment (dueAt) does not reorder it.
      const res: { body: { items: { code: string; firstDueAt: string | null }[]; nextCursor: string | null } } = await t.http
        .get('/api/v1/dossiers')
        .query({ limit: 7, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      seen.push(...res.body.items.map((d) => d.code));
      due = due.concat(res.body.items.map((d) => d.firstDueAt));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(50);
    const dated = due.filter((d): d is string => d !== null).map((d) => new Date(d).getTime());
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    expect(due.indexOf(null) === -1 || due.slice(due.indexOf(null)).every((d) => d === null)).toBe(true);
    await t.http.get('/api/v1/dossiers?cursor=garbage').set('Authorization', `Bearer ${token}`).expect(422);
    await t.http.get('/api/v1/dossiers?status=flying').set('Authorization', `Bearer ${token}`).expect(422);
    await t.http.get('/api/v1/dossiers?limit=1000').set('Authorization', `Bearer ${token}`).expect(422);
  });

  it("a forged cursor is a 422 problem naming cursor, in the worklist and in a citizen's list, never a 500", async () => {
    const officer = await officerToken(t.http, 'tn.trangtien');
    const cases = [
      ...FORGED_CURSORS.flatMap(({ label, cursor }) => [
        { who: 'officer', token: officer, label, cursor },
        { who: 'citizen', token: citizen.token, label, cursor },
      ]),
      { who: 'citizen', token: citizen.token, label: 'a null time in a list ordered by submission', cursor: NULL_KEY_CURSOR },
    ];
    for (const { who, token, label, cursor } of cases) {
      const res = await t.http.get('/api/v1/dossiers').query({ cursor }).set('Authorization', `Bearer ${token}`);
      expect({
        who,
        label,
        status: res.status,
        type: res.headers['content-type'],
        fields: (res.body.errors ?? []).map((e: { field: string }) => e.field),
      }).toEqual({ who, label, status: 422, type: expect.stringContaining('application/problem+json'), fields: expect.arrayContaining(['cursor']) });
    }
    // the worklist's own null-time cursor still pages
    await t.http.get('/api/v1/dossiers').query({ cursor: NULL_KEY_CURSOR }).set('Authorization', `Bearer ${officer}`).expect(200);
  });

  it('a citizen lists only their own dossiers', async () => {
    const other = await citizenToken(t.http, t.db);
    const mine = await t.http.get('/api/v1/dossiers?limit=100').set('Authorization', `Bearer ${citizen.token}`).expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const theirs = await t.http.get('/api/v1/dossiers?limit=100').set('Authorization', `Bearer ${other.token}`).expect(200);
    expect(theirs.body.items).toEqual([]);
  });

  describe('a desk registration whose fees are paid before processing', () => {
    // 2.000635 (copies of a civil-status extract): 8,000 VND a copy, paid before processing; 2 copies → 16,000.
    const deskBody = async (desk: string) =>
      submissionFor(t.http, desk, phone, { code: '2.000635', agencyCode: DESKS.trangTien, form: transcriptForm(phone, 2), components: ['TK', 'GTTT'] });
    const register = (desk: string, body: object, headers: Record<string, string> = {}) =>
      t.http
        .post('/api/v1/desk/dossiers')
        .set({ Authorization: `Bearer ${desk}`, ...headers })
        .send(body);

    it("is registered already asking for the fees: received, then the system's request, both answered", async () => {
      const desk = await officerToken(t.http, 'tn.trangtien');
      const res = await register(desk, await deskBody(desk)).expect(201);
      expect(res.body).toMatchObject({ status: 'payment_requested', feeTotalVnd: 16_000, feesRequestedVnd: 16_000, feesPaidVnd: 0, version: 2 });
      expect(res.body.pausedAt).not.toBeNull();
      const [{ id }] = await t.db.query('SELECT id FROM dossiers WHERE code = $1', [res.body.code]);
      expect(await t.db.query('SELECT action, actor_kind, to_status FROM dossier_events WHERE dossier_id = $1 ORDER BY id', [id])).toEqual([
        { action: 'accept', actor_kind: 'officer', to_status: 'received' },
        { action: 'request_payment', actor_kind: 'system', to_status: 'payment_requested' },
      ]);
      const sms = await t.db.query(
        `SELECT kind, payload->'variables'->>'amount' AS amount FROM outbox WHERE dossier_code = $1 AND topic = 'sms' ORDER BY created_at, kind`,
        [res.body.code],
      );
      expect(sms).toEqual(
        expect.arrayContaining([
          { kind: 'dossier_received', amount: null },
          { kind: 'payment_requested', amount: '16.000 đồng' },
        ]),
      );
    });

    it('when the fee request cannot be written, nothing is registered: no dossier, no event, no SMS, and the key stays free', async () => {
      const desk = await officerToken(t.http, 'tn.trangtien');
      // An applicant of this test alone: the refusal and the counts touch nobody else's rows in the shared database.
      const own = uniquePhone();
      const body = await submissionFor(t.http, desk, own, {
        code: '2.000635',
        agencyCode: DESKS.trangTien,
        form: transcriptForm(own, 2),
        components: ['TK', 'GTTT'],
      });
      const last9 = own.slice(-9);
      const rows = async () =>
        (
          await t.db.query(
            `SELECT (SELECT count(*) FROM dossiers WHERE applicant->>'phone' LIKE '%' || $1)::int AS dossiers,
                    (SELECT count(*) FROM outbox WHERE payload->>'to' LIKE '%' || $1
                       OR dossier_code IN (SELECT code FROM dossiers WHERE applicant->>'phone' LIKE '%' || $1))::int AS outbox`,
            [last9],
          )
        )[0];
      const key = `fee-fault-${Date.now()}`;
      const trigger = `test_refuse_fee_${last9}`;
      // A trigger is the owner's to create: the application's role cannot (it owns no table).
      await asOwner(async (q) => {
        await q(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $f$
          BEGIN
            IF NEW.action = 'request_payment' AND EXISTS (SELECT 1 FROM dossiers WHERE id = NEW.dossier_id AND applicant->>'phone' LIKE '%${last9}') THEN
              RAISE EXCEPTION 'fee request refused by the test';
            END IF;
            RETURN NEW;
          END $f$`);
        await q(`CREATE TRIGGER ${trigger} BEFORE INSERT ON dossier_events FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
      });
      try {
        await register(desk, body).expect(500);
        await register(desk, body, { 'Idempotency-Key': key }).expect(500);
        expect(await rows()).toEqual({ dossiers: 0, outbox: 0 });
      } finally {
        await asOwner(async (q) => {
          await q(`DROP TRIGGER ${trigger} ON dossier_events`);
          await q(`DROP FUNCTION ${trigger}()`);
        });
      }
      const retried = await register(desk, body, { 'Idempotency-Key': key }).expect(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(retried.body).toMatchObject({ status: 'payment_requested', feesRequestedVnd: 16_000 });
      expect((await rows()).dossiers).toBe(1);
    });
  });

  it('the event log refuses UPDATE and DELETE', async () => {
    await expect(t.db.query(`UPDATE dossier_events SET note = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM dossier_events`)).rejects.toThrow(/append-only/);
  });
});
