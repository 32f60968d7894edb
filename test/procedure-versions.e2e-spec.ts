import { citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp, transcriptForm } from '@dvc/testing';
import { freshDatabase } from './sweep/sweep-fixtures';
import { importFile, sampleRecord } from './catalog/import-helpers';

/**
 * Issue #16 item 4: a dossier keeps the procedure version it was submitted under. 2.000635 (copies of civil-status
 * extracts) is seeded at 8.000 đ a copy (PHI_BAN_SAO, libs/catalog/src/seed/procedures/civil-status.procedures.ts);
 * an import of its national record with the fee raised to 10.000 đ makes version 2 with that fixed fee. On a
 * database of its own, since it changes a seeded procedure.
 */
describe('a fee change by import is a new procedure version; dossiers keep theirs', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase('catalog_versions');
    drop = fresh.drop;
    t = await startTestApp({ ...fresh.env, SMS_PROVIDER: 'log' });
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const submitTranscript = async (copies: number) => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '2.000635',
      agencyCode: DESKS.trangTien,
      form: transcriptForm(phone, copies),
      components: ['TK', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set(as(citizen.token)).send(body).expect(201);
    return { citizen, dossier: created.body };
  };

  it('the dossier received before the change is charged 8.000 đ a copy, even when reassessed after it; a new one 10.000 đ', async () => {
    const before = await submitTranscript(1);
    expect(before.dossier).toMatchObject({ procedureVersion: 1, feeTotalVnd: 8_000 });

    const record = sampleRecord('2.000635');
    for (const m of record.data.executionMethods) m.fees[0].value = 10_000;
    const admin = await officerToken(t.http, 'admin');
    expect((await importFile(t.http, admin, JSON.stringify(record)).expect(200)).body).toMatchObject({ created: 0, updated: 1, unchanged: 0, rejected: [] });
    const procedure = (await t.http.get('/api/v1/procedures/2.000635').expect(200)).body;
    expect(procedure).toMatchObject({ version: 2, fees: [expect.objectContaining({ basis: 'fixed', amountVnd: 10_000 })] });

    // The old dossier: accepted, paid, then asked for a supplement that raises the copies to 2 — reassessed under
    // version 1: 2 × 8.000 đ, not the new 10.000 đ.
    const desk = await officerToken(t.http, 'tn.trangtien');
    const code = before.dossier.code as string;
    const accepted = await t.http.post(`/api/v1/dossiers/${code}/accept`).set(as(desk)).send({ version: before.dossier.version }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'payment_requested', feeTotalVnd: 8_000, feesRequestedVnd: 8_000, procedureVersion: 1 });
    await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set(as(desk)).send({ method: 'cash' }).expect(201);
    const paid = (await t.http.get(`/api/v1/dossiers/${code}`).set(as(desk)).expect(200)).body;
    const asked = await t.http
      .post(`/api/v1/dossiers/${code}/request-supplement`)
      .set(as(desk))
      .send({ version: paid.version, reason: 'Xin ghi rõ số bản sao cần cấp', components: ['TK'] })
      .expect(200);
    const supplemented = await t.http
      .post(`/api/v1/dossiers/${code}/supplement`)
      .set(as(before.citizen.token))
      .send({ version: asked.body.version, form: { soBanSao: 2 } })
      .expect(200);
    expect(supplemented.body).toMatchObject({ feeTotalVnd: 16_000, feesPaidVnd: 8_000, feesRequestedVnd: 8_000, procedureVersion: 1 });
    expect(supplemented.body.fees).toEqual([expect.objectContaining({ code: 'PHI_BAN_SAO', unitAmountVnd: 8_000, quantity: 2, amountVnd: 16_000 })]);

    // A dossier submitted now is under version 2: one fixed 10.000 đ charge, whatever the copies.
    const after = await submitTranscript(1);
    expect(after.dossier).toMatchObject({ procedureVersion: 2, feeTotalVnd: 10_000 });
    expect(after.dossier.fees).toEqual([expect.objectContaining({ code: 'FEE_1', amountVnd: 10_000 })]);
  });

  it('re-running the seed leaves the imported procedure as the import made it', async () => {
    const { upsertProcedures, PROCEDURES } = await import('@dvc/catalog');
    await t.db.transaction((em) => upsertProcedures(em, PROCEDURES));
    expect((await t.http.get('/api/v1/procedures/2.000635').expect(200)).body).toMatchObject({
      version: 2,
      fees: [expect.objectContaining({ amountVnd: 10_000 })],
    });
  });
});
