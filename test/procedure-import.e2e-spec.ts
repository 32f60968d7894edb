import { citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp } from '@dvc/testing';
import { freshDatabase } from './sweep/sweep-fixtures';
import { importFile, sampleRecord } from './catalog/import-helpers';

/**
 * Issue #16 item 4: POST /api/v1/admin/procedures/import. On a database of its own: it writes over seeded
 * procedures, which the suites beside it use. Expected values are read by hand from the sample records
 * (libs/core/src/catalog/national/sample-records/) and the seed (libs/catalog/src/seed/procedures/).
 */
describe('POST /api/v1/admin/procedures/import', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  let admin: string;
  beforeAll(async () => {
    const fresh = await freshDatabase('catalog_import');
    drop = fresh.drop;
    t = await startTestApp({ ...fresh.env, SMS_PROVIDER: 'log' });
    admin = await officerToken(t.http, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  const counts = async () => {
    const [row] = await t.db.query(`SELECT (SELECT count(*) FROM procedures)::int AS procedures, (SELECT count(*) FROM procedure_versions)::int AS versions,
      (SELECT coalesce(max(updated_at), now())::text FROM procedures) AS last_write`);
    return row as { procedures: number; versions: number; last_write: string };
  };
  const procedure = async (code: string) => (await t.http.get(`/api/v1/procedures/${code}`).expect(200)).body;

  // 1 and 2 and 6 carry source errors or case-dependent fees; 3 is seeded (2.000635); 4 and 5 are new.
  const SAMPLE = ['2.001610', '1.009122', '2.000635', '2.001159', '1.115563', '1.115404'].map(sampleRecord);

  it('only administrators import', async () => {
    await importFile(t.http, await officerToken(t.http, 'tn.trangtien'), JSON.stringify(SAMPLE)).expect(403);
    await t.http.post('/api/v1/admin/procedures/import').attach('file', Buffer.from('[]'), 'x.json').expect(401);
  });

  it('imports the good records, reports the others with their line, and a second import updates without duplicating', async () => {
    const seeded = await procedure('2.000635');
    const before = await counts();
    const res = await importFile(t.http, admin, JSON.stringify(SAMPLE)).expect(200);
    expect(res.body).toEqual({
      created: 2,
      updated: 1,
      unchanged: 0,
      rejected: [
        { line: 1, code: '2.001610', reason: expect.stringMatching(/ONLINE\) reads 100 VND, implausibly small/) },
        { line: 2, code: '1.009122', reason: expect.stringMatching(/cases carry different fees \(charge:100000 \/ charge:50000 VND\)/) },
        { line: 6, code: '1.115404', reason: expect.stringMatching(/foreign currency \(USD\)/) },
      ],
    });
    expect(await counts()).toMatchObject({ procedures: before.procedures + 2, versions: before.versions + 3 });

    // Over the seed: the record's time (its longest case, 15 working days) and legal basis (15 documents) as version 2;
    // our e-form, workflow, components and the 8.000 đ per-copy fee (the record's 8.000 đ) kept.
    const updated = await procedure('2.000635');
    expect(seeded.version).toBe(1);
    expect(updated).toMatchObject({
      version: 2,
      processingTime: { workingDays: 15 },
      receivingLevels: ['commune', 'city'],
      formSchema: seeded.formSchema,
      workflow: seeded.workflow,
      components: seeded.components,
      fees: seeded.fees,
    });
    expect(updated.legalBasis).toHaveLength(15);
    expect(updated.national.kept).toEqual(['components', 'fees']);
    expect(updated.national.feesByChannel).toEqual(expect.arrayContaining([{ channel: 'direct', fees: [expect.objectContaining({ amountVnd: 8000 })] }]));

    // New: 2.001159, 1 working hour, end-to-end; 1.115563, 15 working hours.
    expect(await procedure('2.001159')).toMatchObject({
      version: 1,
      name: 'Thông báo lưu trú',
      onlineLevel: { level: 4, decree42: 'end_to_end' },
      processingTime: { workingHours: 1 },
      receivingLevels: ['commune'],
      components: [expect.objectContaining({ code: '000.00.00.G01-KQ002884', originals: 1 })],
      fees: [],
    });
    expect(await procedure('1.115563')).toMatchObject({ version: 1, processingTime: { workingHours: 15 }, field: 'Đất đai' });
    // Rejected rows leave the seeded 2.001610 as it was.
    expect(await procedure('2.001610')).toMatchObject({
      version: 1,
      fees: [expect.objectContaining({ amountVnd: 50000 }), expect.objectContaining({ amountVnd: 100000 })],
    });

    const after = await counts();
    const again = await importFile(t.http, admin, JSON.stringify({ records: SAMPLE })).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 3, unchanged: 3 });
    expect(await counts()).toEqual(after);
  });

  it('an imported procedure receives dossiers: the generic e-form and workflow route it through the commune', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.115563',
      agencyCode: DESKS.trangTien,
      form: { noiDungYeuCau: 'Xóa ghi nợ tiền sử dụng đất trên Giấy chứng nhận' },
      components: [],
    });
    const created = await t.http
      .post('/api/v1/dossiers')
      .set({ Authorization: `Bearer ${citizen.token}` })
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ procedureCode: '1.115563', procedureVersion: 1, status: 'new', feeTotalVnd: 0 });
    expect(created.body.steps.map((s: { code: string }) => s.code)).toEqual(['TIEP_NHAN', 'XU_LY', 'PHE_DUYET', 'TRA_KET_QUA']);
  });

  it("a dossier is charged the fee its channel publishes: 10.000 đ online, 20.000 đ at the desk (1.004222's amounts)", async () => {
    // 1.004222 (Đăng ký thường trú) publishes 10.000 đ online and 20.000 đ direct; the sample 2.001159 carries them here.
    const record = sampleRecord('2.001159');
    record.data.code = '1.004222';
    record.data.name = 'Đăng ký thường trú';
    const [online, direct] = record.data.executionMethods;
    online.fees = [{ type: 'FEE', value: 10000, description: 'Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần đăng ký.' }];
    direct.fees = [{ type: 'FEE', value: 20000, description: '' }];
    expect((await importFile(t.http, admin, JSON.stringify(record)).expect(200)).body).toMatchObject({ created: 1, rejected: [] });

    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const form = { noiDungYeuCau: 'Đăng ký thường trú tại 12 Tràng Tiền' };
    const onlineBody = await submissionFor(t.http, citizen.token, phone, { code: '1.004222', agencyCode: DESKS.trangTien, form, components: [] });
    const submitted = await t.http
      .post('/api/v1/dossiers')
      .set({ Authorization: `Bearer ${citizen.token}` })
      .send(onlineBody)
      .expect(201);
    expect(submitted.body).toMatchObject({ channel: 'online', feeTotalVnd: 10_000 });

    const desk = await officerToken(t.http, 'tn.trangtien');
    const deskBody = await submissionFor(t.http, desk, phone, { code: '1.004222', agencyCode: DESKS.trangTien, form, components: [] });
    const registered = await t.http
      .post('/api/v1/desk/dossiers')
      .set({ Authorization: `Bearer ${desk}` })
      .send(deskBody)
      .expect(201);
    expect(registered.body).toMatchObject({ channel: 'direct', feeTotalVnd: 20_000 });
  });

  it('a code twice in one file is rejected at both lines and changes nothing', async () => {
    const changed = sampleRecord('2.001159');
    changed.data.name = 'Thông báo lưu trú (bản khác)';
    const before = await counts();
    const res = await importFile(t.http, admin, JSON.stringify([sampleRecord('2.001159'), changed])).expect(200);
    expect(res.body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [1, 2].map((line) => ({ line, code: '2.001159', reason: 'code 2.001159 appears 2 times in the file (lines 1, 2): none of them is imported' })),
    });
    expect(await counts()).toEqual(before);
  });

  describe('a malformed file is refused whole, with a problem, and writes nothing', () => {
    it.each<[string, number, () => Buffer | string, RegExp]>([
      ['not JSON', 400, () => 'ma_thu_tuc,ten_thu_tuc\n1.001193,Đăng ký khai sinh', /is not JSON/],
      ['not UTF-8', 400, () => Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), /not UTF-8/],
      ['a JSON number', 422, () => '42', /must hold a record/],
      ['an object that holds no records', 422, () => JSON.stringify({ procedures: SAMPLE }), /must hold a record/],
      ['an empty array', 422, () => '[]', /holds no records/],
      // 50 MB: valid JSON all through, so only the size refuses it.
      [
        '50 MB',
        413,
        () => Buffer.concat([Buffer.from('['), Buffer.alloc(50 * 1024 * 1024, 0x20), Buffer.from(JSON.stringify(sampleRecord('2.001159'))), Buffer.from(']')]),
        /larger than the import limit/,
      ],
    ])('%s → %i', async (_name, status, content, message) => {
      const before = await counts();
      const res = await importFile(t.http, admin, content()).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(res.body)).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('not multipart → 415; no part named file → 422', async () => {
      const before = await counts();
      const json = await t.http
        .post('/api/v1/admin/procedures/import')
        .set({ Authorization: `Bearer ${admin}` })
        .send(SAMPLE)
        .expect(415);
      expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
      const wrongPart = await t.http
        .post('/api/v1/admin/procedures/import')
        .set({ Authorization: `Bearer ${admin}` })
        .attach('records', Buffer.from(JSON.stringify(SAMPLE)), 'procedures.json')
        .expect(422);
      expect(wrongPart.body.errors).toEqual([{ field: 'file', message: expect.stringMatching(/is required/) }]);
      expect(await counts()).toEqual(before);
    });
  });
});
