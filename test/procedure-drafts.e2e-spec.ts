import { citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp, transcriptForm } from '@dvc/testing';
import { freshDatabase } from './sweep/sweep-fixtures';
import { importFile, sampleRecord } from './catalog/import-helpers';

/**
 * Issue #16 item 4: administrators edit a procedure as a draft, preview it and publish it effective from a date.
 * 2.000635 (copies of civil-status extracts) is seeded at 8.000 đ a copy, 4 working hours, same day
 * (libs/catalog/src/seed/procedures/civil-status.procedures.ts). The draft raises the fee to 10.000 đ a copy and
 * the time to 1 working day. Expected amounts are hand-computed: 2 copies × 8.000 đ = 16.000 đ before,
 * 2 × 10.000 đ = 20.000 đ after; deadlines are asked of the public calendar endpoint, an independent path. On a
 * database of its own, since it changes a seeded procedure.
 */
describe('procedure drafts: edit, preview, publish effective from a date', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  let admin: string;
  const CODE = '2.000635';
  const DRAFT = `/api/v1/admin/procedures/${CODE}/draft`;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const hanoiDate = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    const fresh = await freshDatabase('catalog_drafts');
    drop = fresh.drop;
    t = await startTestApp({ ...fresh.env, SMS_PROVIDER: 'log' });
    admin = await officerToken(t.http, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  const submitTranscript = async (copies: number) => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: CODE,
      agencyCode: DESKS.trangTien,
      form: transcriptForm(phone, copies),
      components: ['TK', 'GTTT'],
    });
    return (await t.http.post('/api/v1/dossiers').set(as(citizen.token)).send(body).expect(201)).body;
  };
  const accept = async (dossier: { code: string; version: number }) => {
    const desk = await officerToken(t.http, 'tn.trangtien');
    return (await t.http.post(`/api/v1/dossiers/${dossier.code}/accept`).set(as(desk)).send({ version: dossier.version }).expect(200)).body;
  };
  const dueDate = async (from: string, time: string) =>
    (await t.http.get(`/api/v1/calendar/due-date?from=${encodeURIComponent(from)}&${time}&unitCode=00079`).expect(200)).body.dueAt as string;
  const versions = async () => (await t.db.query(`SELECT count(*)::int AS n FROM procedure_versions WHERE procedure_code = $1`, [CODE]))[0].n as number;
  const newFee = {
    code: 'PHI_BAN_SAO',
    kind: 'fee',
    name: 'Phí cấp bản sao trích lục hộ tịch',
    basis: 'per_copy',
    amountVnd: 10_000,
    copiesField: 'soBanSao',
    payment: 'before',
  };

  it('only administrators edit the city catalogue: a desk officer and a unit administrator get 403, no token 401', async () => {
    await t.db.query(`UPDATE officers SET roles = '{unit_admin}' WHERE username = 'tn.hoankiem'`);
    const unitAdmin = await officerToken(t.http, 'tn.hoankiem');
    for (const token of [await officerToken(t.http, 'tn.trangtien'), unitAdmin]) {
      await t.http.get(DRAFT).set(as(token)).expect(403);
      await t.http
        .put(DRAFT)
        .set(as(token))
        .send({ revision: 0, fees: [newFee] })
        .expect(403);
      await t.http
        .post(`/api/v1/admin/procedures/${CODE}/publish`)
        .set(as(token))
        .send({ effectiveFrom: hanoiDate(1) })
        .expect(403);
    }
    await t.http.get(DRAFT).expect(401);
    await t.http.get('/api/v1/admin/procedures/9.999999/draft').set(as(admin)).expect(404);
  });

  it('with no draft open, GET gives the version in force to open one from', async () => {
    const res = await t.http.get(DRAFT).set(as(admin)).expect(200);
    expect(res.body).toMatchObject({ procedureCode: CODE, open: false, baseVersion: 1, revision: 0, scheduled: null });
    expect(res.body.edits.fees).toEqual([expect.objectContaining({ code: 'PHI_BAN_SAO', amountVnd: 8_000 })]);
    expect(res.body.edits.processingTime).toEqual({ workingHours: 4, sameDay: true });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a negative fee', 'fees[0].amountVnd', { fees: [{ ...newFee, amountVnd: -10_000 }] }],
    ['a per-copy fee counting a field the e-form lacks', 'fees[0].copiesField', { fees: [{ ...newFee, copiesField: 'soBan' }] }],
    ['a time of 0 days', 'processingTime.workingDays', { processingTime: { workingDays: 0 } }],
    [
      'a component with -1 originals',
      'components[0].originals',
      { components: [{ code: 'TK', name: 'Tờ khai', originals: -1, certifiedCopies: 0, photocopies: 0, required: true }] },
    ],
    [
      'an e-form whose field has no JSON type',
      'formSchema/properties/soBanSao/type',
      { formSchema: { type: 'object', properties: { soBanSao: { type: 'so nguyen' } } } },
    ],
    [
      'an e-form pattern that is no regular expression',
      'formSchema/properties/ma/pattern',
      { formSchema: { type: 'object', properties: { soBanSao: { type: 'integer' }, ma: { type: 'string', pattern: '([0-9]' } } } },
    ],
    [
      'workflow shares adding up to 90 %',
      'workflow',
      {
        workflow: [
          { code: 'TIEP_NHAN', name: 'Tiếp nhận', level: 'commune', sector: 'one_stop', sharePercent: 10 },
          { code: 'XU_LY', name: 'Xử lý', level: 'commune', sector: 'justice', sharePercent: 70 },
          { code: 'TRA_KET_QUA', name: 'Trả kết quả', level: 'commune', sector: 'one_stop', sharePercent: 10 },
        ],
      },
    ],
    [
      'a step of an unknown level',
      'workflow[0].level',
      {
        workflow: [
          { code: 'TIEP_NHAN', name: 'Tiếp nhận', level: 'ward', sector: 'one_stop', sharePercent: 50 },
          { code: 'TRA_KET_QUA', name: 'Trả kết quả', level: 'commune', sector: 'one_stop', sharePercent: 50 },
        ],
      },
    ],
    ['times per channel on a procedure of our own', 'processingTimes', { processingTimes: [{ channel: 'online', case: null, workingDays: 1 }] }],
    ['fees that are not a list', 'fees', { fees: { amountVnd: 1 } }],
  ])('%s is a 422 naming %s, and no draft is opened', async (_name, field, body) => {
    const res = await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 0, ...body })
      .expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect((await t.http.get(DRAFT).set(as(admin)).expect(200)).body).toMatchObject({ open: false, revision: 0 });
  });

  let revision = 0;
  it('the administrator saves a draft: fee 10.000 đ a copy, then 1 working day; a second opening is a 409', async () => {
    const opened = await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 0, fees: [newFee] })
      .expect(200);
    expect(opened.body).toMatchObject({ open: true, baseVersion: 1, revision: 1 });
    // Another administrator opening a draft of the same procedure: one open draft per procedure.
    const other = await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 0, fees: [{ ...newFee, amountVnd: 12_000 }] })
      .expect(409);
    expect(other.body.detail).toMatch(/open draft at revision 1/);
    const saved = await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 1, processingTime: { workingDays: 1 } })
      .expect(200);
    expect(saved.body).toMatchObject({ revision: 2, edits: { processingTime: { workingDays: 1 }, fees: [expect.objectContaining({ amountVnd: 10_000 })] } });
    revision = saved.body.revision;
    // A stale save changes nothing.
    await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 1, processingTime: { workingDays: 5 } })
      .expect(409);
    expect((await t.http.get(DRAFT).set(as(admin)).expect(200)).body.edits.processingTime).toEqual({ workingDays: 1 });
    // The citizen still sees version 1.
    expect((await t.http.get(`/api/v1/procedures/${CODE}`).expect(200)).body).toMatchObject({
      version: 1,
      fees: [expect.objectContaining({ amountVnd: 8_000 })],
    });
  });

  it("the preview shows the procedure as the citizen would see it and the deadline of a sample receipt under the draft's time", async () => {
    const receivedAt = '2026-12-03T09:00:00+07:00'; // a Thursday morning
    const res = await t.http
      .get(`${DRAFT}/preview?receivedAt=${encodeURIComponent(receivedAt)}&unitCode=00079`)
      .set(as(admin))
      .expect(200);
    expect(res.body.procedure).toMatchObject({
      code: CODE,
      version: 2,
      processingTime: { workingDays: 1 },
      chargedPerCopy: true,
      fees: [expect.objectContaining({ amountVnd: 10_000 })],
    });
    expect(res.body.deadline).toEqual({ receivedAt, clockStartsAt: expect.any(String), dueAt: await dueDate(receivedAt, 'workingDays=1') });
    // 1 working day = 8 h split as the seeded workflow's shares say; the hours add up to 8.
    const hours = (res.body.steps as { workingHours: number }[]).map((s) => s.workingHours);
    expect(hours.reduce((a, b) => a + b, 0)).toBeCloseTo(8, 5);
    await t.http.get(`${DRAFT}/preview?receivedAt=yesterday`).set(as(admin)).expect(422);
  });

  it('publishing with a date in the past is a 422 and changes nothing', async () => {
    const res = await t.http
      .post(`/api/v1/admin/procedures/${CODE}/publish`)
      .set(as(admin))
      .send({ effectiveFrom: hanoiDate(-1) })
      .expect(422);
    expect(res.body.errors).toEqual([{ field: 'effectiveFrom', message: expect.stringMatching(/in the past/) }]);
    await t.http.post(`/api/v1/admin/procedures/${CODE}/publish`).set(as(admin)).send({ effectiveFrom: '2027-13-01' }).expect(422);
    await t.http
      .post(`/api/v1/admin/procedures/${CODE}/publish`)
      .set(as(admin))
      .send({ effectiveFrom: hanoiDate(1), revision: revision - 1 })
      .expect(409);
    expect(await versions()).toBe(1);
    expect((await t.http.get(DRAFT).set(as(admin)).expect(200)).body).toMatchObject({ open: true, revision });
  });

  it('published from tomorrow: a dossier received before the date is charged 16.000 đ for 2 copies and dated 4 working hours; one received after 20.000 đ and 1 working day', async () => {
    const before = await submitTranscript(2);
    expect(before).toMatchObject({ procedureVersion: 1, feeTotalVnd: 16_000 });

    const tomorrow = hanoiDate(1);
    const published = await t.http.post(`/api/v1/admin/procedures/${CODE}/publish`).set(as(admin)).send({ effectiveFrom: tomorrow, revision }).expect(200);
    expect(published.body).toEqual({ procedureCode: CODE, version: 2, effectiveFrom: `${tomorrow}T00:00:00+07:00` });
    expect((await t.http.get(DRAFT).set(as(admin)).expect(200)).body).toMatchObject({
      open: false,
      baseVersion: 2,
      scheduled: { version: 2, effectiveFrom: `${tomorrow}T00:00:00+07:00` },
    });

    // Until tomorrow version 1 is in force: the catalogue shows it and a dossier submitted now is received under it.
    expect((await t.http.get(`/api/v1/procedures/${CODE}`).expect(200)).body).toMatchObject({
      version: 1,
      fees: [expect.objectContaining({ amountVnd: 8_000 })],
    });
    const listed = (await t.http.get('/api/v1/procedures?q=trich luc').expect(200)).body.items.find((p: { code: string }) => p.code === CODE);
    expect(listed.processingTime).toEqual({ workingHours: 4, sameDay: true });
    const stillOld = await submitTranscript(2);
    expect(stillOld).toMatchObject({ procedureVersion: 1, feeTotalVnd: 16_000 });
    // A second publication may not take effect before the one waiting.
    await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 0, processingTime: { workingDays: 2 } })
      .expect(200);
    const early = await t.http
      .post(`/api/v1/admin/procedures/${CODE}/publish`)
      .set(as(admin))
      .send({ effectiveFrom: hanoiDate(0) })
      .expect(422);
    expect(early.body.errors[0].message).toMatch(new RegExp(`before ${tomorrow}`));
    await t.http.delete(DRAFT).set(as(admin)).expect(204);

    // Tomorrow comes: the test moves version 2's date to a minute ago rather than waiting a day.
    await t.db.query(`UPDATE procedure_versions SET effective_from = now() - interval '1 minute' WHERE procedure_code = $1 AND version = 2`, [CODE]);
    await t.db.query(`UPDATE procedures SET effective_from = now() - interval '1 minute' WHERE code = $1`, [CODE]);
    expect((await t.http.get(`/api/v1/procedures/${CODE}`).expect(200)).body).toMatchObject({
      version: 2,
      processingTime: { workingDays: 1 },
      fees: [expect.objectContaining({ amountVnd: 10_000 })],
    });
    const after = await submitTranscript(2);
    expect(after).toMatchObject({ procedureVersion: 2, feeTotalVnd: 20_000 });
    expect(after.fees).toEqual([expect.objectContaining({ code: 'PHI_BAN_SAO', unitAmountVnd: 10_000, quantity: 2, amountVnd: 20_000 })]);

    // Accepted now, each is dated by its own version's time.
    const acceptedBefore = await accept(before);
    expect(acceptedBefore).toMatchObject({ procedureVersion: 1, feeTotalVnd: 16_000, feesRequestedVnd: 16_000 });
    expect(acceptedBefore.dueAt).toBe(await dueDate(acceptedBefore.receivedAt, 'workingHours=4&sameDay=true'));
    const acceptedAfter = await accept(after);
    expect(acceptedAfter).toMatchObject({ procedureVersion: 2, feeTotalVnd: 20_000, feesRequestedVnd: 20_000 });
    expect(acceptedAfter.dueAt).toBe(await dueDate(acceptedAfter.receivedAt, 'workingDays=1'));
    expect(acceptedAfter.dueAt).not.toBe(acceptedBefore.dueAt);
  });

  it('published today it is in force at once; a draft opened before an import changed the procedure cannot be published (409)', async () => {
    await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 0, fees: [{ ...newFee, amountVnd: 9_000 }] })
      .expect(200);
    const res = await t.http
      .post(`/api/v1/admin/procedures/${CODE}/publish`)
      .set(as(admin))
      .send({ effectiveFrom: hanoiDate(0) })
      .expect(200);
    expect(res.body.version).toBe(3);
    expect(await submitTranscript(1)).toMatchObject({ procedureVersion: 3, feeTotalVnd: 9_000 });

    await t.http
      .put(DRAFT)
      .set(as(admin))
      .send({ revision: 0, fees: [{ ...newFee, amountVnd: 7_000 }] })
      .expect(200);
    await t.db.query(`UPDATE procedures SET version = 4 WHERE code = $1`, [CODE]); // as an import in between would
    const stale = await t.http
      .post(`/api/v1/admin/procedures/${CODE}/publish`)
      .set(as(admin))
      .send({ effectiveFrom: hanoiDate(0) })
      .expect(409);
    expect(stale.body.detail).toMatch(/discard the draft/);
    await t.db.query(`UPDATE procedures SET version = 3 WHERE code = $1`, [CODE]);
    expect(await versions()).toBe(3);
  });

  it('an imported procedure: times per channel and case are edited, and an edited fee becomes ours (charged on every channel, kept by re-imports)', async () => {
    const code = '2.001159';
    await importFile(t.http, admin, JSON.stringify(sampleRecord(code))).expect(200);
    const opened = (await t.http.get(`/api/v1/admin/procedures/${code}/draft`).set(as(admin)).expect(200)).body;
    expect(opened.edits.processingTimes.length).toBeGreaterThan(0);
    const times = opened.edits.processingTimes.map((x: { channel: string; case: string | null }) => ({ channel: x.channel, case: x.case, workingDays: 3 }));
    const fee = { code: 'LE_PHI', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: 25_000, payment: 'before' };
    await t.http
      .put(`/api/v1/admin/procedures/${code}/draft`)
      .set(as(admin))
      .send({ revision: 0, processingTimes: [{ channel: 'fax', case: null, workingDays: 3 }] })
      .expect(422)
      .expect((res) => expect(res.body.errors).toEqual([expect.objectContaining({ field: 'processingTimes[0].channel' })]));
    await t.http
      .put(`/api/v1/admin/procedures/${code}/draft`)
      .set(as(admin))
      .send({ revision: 0, processingTimes: times, fees: [fee] })
      .expect(200);
    await t.http
      .post(`/api/v1/admin/procedures/${code}/publish`)
      .set(as(admin))
      .send({ effectiveFrom: hanoiDate(0) })
      .expect(200);
    const shown = (await t.http.get(`/api/v1/procedures/${code}`).expect(200)).body;
    expect(shown).toMatchObject({ version: 2, fees: [expect.objectContaining({ amountVnd: 25_000 })], feeTotalVnd: 25_000 });
    expect(shown.national.kept).toContain('fees');
    expect(shown.national.processingTimes).toEqual(times.map((x: object) => ({ ...x, published: { value: 3, unit: 'WORKING_DAY' } })));
  });

  it('two administrators opening and saving one procedure at the same instant: one wins each time, the other is a 409', async () => {
    const draft = '/api/v1/admin/procedures/1.001193/draft';
    const time = (workingDays: number) => ({ processingTime: { workingDays } });
    const opened = await Promise.all(
      [2, 3].map((d) =>
        t.http
          .put(draft)
          .set(as(admin))
          .send({ revision: 0, ...time(d) }),
      ),
    );
    expect(opened.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = opened.find((r) => r.status === 200)!.body;
    expect(winner).toMatchObject({ open: true, revision: 1 });
    const saved = await Promise.all(
      [4, 5].map((d) =>
        t.http
          .put(draft)
          .set(as(admin))
          .send({ revision: 1, ...time(d) }),
      ),
    );
    expect(saved.map((r) => r.status).sort()).toEqual([200, 409]);
    const kept = saved.find((r) => r.status === 200)!.body;
    // the draft holds exactly the winner's save, at the next revision
    expect((await t.http.get(draft).set(as(admin)).expect(200)).body).toMatchObject({ revision: 2, edits: kept.edits });
    await t.http.delete(draft).set(as(admin)).expect(204);
  });
});
