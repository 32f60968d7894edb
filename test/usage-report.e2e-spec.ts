import { randomUUID } from 'node:crypto';
import { fromLocal, signVnpay, unitsThatWorkedOn, type MeteredEvent } from '@dvc/core';
import { AuditLog } from '@dvc/audit';
import { SmsConfig } from '@dvc/config';
import type { RelayedRow } from '@dvc/outbox';
import { SmsDispatchService, SmsReceipts, SmsRenderer, SmsTemplatesService, type SmsProvider } from '@dvc/sms';
import { officerToken, startTestApp, TestApp } from '@dvc/testing';

/**
 * The usage report (IT-service rental) on a data set made here, in Quận Ba Đình (001), which no other suite touches,
 * in March 2026, a month no other suite writes in. Every expected figure is worked out by hand in the comments.
 */
const FROM = fromLocal('2026-03-01', '00:00');
const TO = fromLocal('2026-04-01', '00:00');
const at = (ymd: string, hm: string) => fromLocal(ymd, hm);

// Agency identifiers (README, QCVN 102:2016): Ba Đình is district 1 → L2 = 21; Phúc Xá (00001) and Trúc Bạch (00004)
// are its communes 1 and 2 → L3 = 21 and 22.
const BD_PC = '000.00.21.H26';
const BD_DESK = '000.01.21.H26';
const BD_URBAN = '000.03.21.H26';
const PX_DESK = '001.21.21.H26';
const PX_JUSTICE = '002.21.21.H26';
const TB_DESK = '001.22.21.H26';
const TB_JUSTICE = '002.22.21.H26';
const STP = '000.00.01.H26';

const SECRET = 'USAGE-TEST-VNPAY-SECRET-0123456789';
const GSM = 'usage_probe_gsm';
const UCS2 = 'usage_probe_ucs2';

type Ev = [action: string, at: Date, from: string | null, to: string];

describe('usage report (IT-service rental): exact figures per unit', () => {
  let t: TestApp;
  let admin: string;
  const tag = randomUUID().slice(0, 6);

  async function dossier(
    name: string,
    receivingAgency: string,
    unit: string,
    extra: Partial<{ status: string; fee: number }> = {},
  ): Promise<{ id: string; code: string }> {
    const code = `USAGE-${name}-${tag}`;
    const fee = extra.fee ?? 0;
    const [row] = await t.db.query(
      `INSERT INTO dossiers (code, procedure_code, receiving_agency_code, receiving_unit_code, current_agency_code, current_scope_code, status, resume_status, channel,
         rule_set, route, step_index, applicant, applicant_phone, form, components, result_delivery, submitted_at, received_at, fee_total_vnd, fees_before_vnd,
         fees_requested_vnd, version)
       VALUES ($1, '1.001193', $2, $3, $2, $3, $4, $5, 'online', 'decree_118_2025', '[]', 0, '{"fullName":"Usage"}', '84900000000', '{}', '[]', 'desk',
         $6, $6, $7, $7, $7, 1) RETURNING id`,
      [code, receivingAgency, unit, extra.status ?? 'processing', extra.status === 'payment_requested' ? 'received' : null, at('2026-02-01', '09:00'), fee],
    );
    return { id: row.id, code };
  }

  async function events(dossierId: string, list: Ev[]): Promise<void> {
    for (const [action, when, from, to] of list) {
      await t.db.query(
        `INSERT INTO dossier_events (dossier_id, action, actor_kind, actor_name, from_status, to_status, from_agency_code, to_agency_code, at)
         VALUES ($1, $2, 'officer', 'usage-test', 'processing', 'processing', $3, $4, $5)`,
        [dossierId, action, from, to, when],
      );
    }
  }

  /** Renders and stores messages as the switchboard does (template, GSM-7 folding, segments, cost), then dates them. */
  async function sms(list: { kind: string; to: string; text: string; agency: string | null; status: string; createdAt: Date }[]): Promise<void> {
    const provider: SmsProvider = {
      send: async () => ({ providerMessageId: 'unused' }),
      onReceipt: () => undefined,
      close: async () => undefined,
    } as unknown as SmsProvider;
    const config = t.app.get(SmsConfig);
    const dispatcher = new SmsDispatchService(
      t.db,
      provider,
      new SmsRenderer(t.db, new SmsTemplatesService(t.db, new AuditLog()), config),
      new SmsReceipts(t.db),
      config,
    );
    // Outbox rows the relay leaves alone (already dispatched): nothing sends these messages.
    const outbox: { id: string }[] = await t.db.query(
      `INSERT INTO outbox (topic, kind, priority, payload, dispatched_at)
       SELECT 'sms', k, 5, jsonb_build_object('to', p, 'template', k, 'variables', jsonb_build_object('text', x)) || COALESCE(jsonb_build_object('agencyCode', a), '{}'), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS v(k, p, x, a, i) ORDER BY i RETURNING id`,
      [list.map((m) => m.kind), list.map((m) => m.to), list.map((m) => m.text), list.map((m) => m.agency)],
    );
    const rows: RelayedRow[] = await t.db.query(`SELECT id, topic, kind, priority, dossier_code, payload FROM outbox WHERE id = ANY($1)`, [
      outbox.map((o) => o.id),
    ]);
    await t.db.transaction((em) => dispatcher.prepareBatch(em, rows));
    for (const [i, m] of list.entries()) {
      await t.db.query(`UPDATE sms_messages SET status = $2, created_at = $3 WHERE outbox_id = $1`, [outbox[i].id, m.status, m.createdAt]);
    }
  }

  /** A VNPay payment settled through the signed IPN, as the gateway would call it. */
  async function vnpayPayment(d: { id: string; code: string }, agency: string, amount: number, payDate: string, responseCode = '00') {
    const txnRef = `U${tag}${Math.floor(Math.random() * 1e8)}`.slice(0, 20);
    await t.db.query(
      `INSERT INTO payments (dossier_id, dossier_code, agency_code, method, txn_ref, amount_vnd, status, created_by) VALUES ($1, $2, $3, 'vnpay', $4, $5, 'awaiting', 'citizen:usage-test')`,
      [d.id, d.code, agency, txnRef, amount],
    );
    const params: Record<string, string> = {
      vnp_Amount: String(amount * 100),
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Thanh toan',
      vnp_PayDate: payDate,
      vnp_ResponseCode: responseCode,
      vnp_TmnCode: 'DVCHN001',
      vnp_TransactionNo: String(Math.floor(Math.random() * 1e8)),
      vnp_TransactionStatus: responseCode,
      vnp_TxnRef: txnRef,
    };
    const res = await t.http
      .get('/api/v1/payments/vnpay/ipn')
      .query({ ...params, vnp_SecureHash: signVnpay(params, SECRET) })
      .expect(200);
    expect(res.body.RspCode).toBe('00');
  }

  beforeAll(async () => {
    t = await startTestApp({ VNPAY_HASH_SECRET: SECRET, VNPAY_COMMISSION_RATE: '0.005' });
    admin = await officerToken(t.http, 'admin');
    const agencies: { code: string; unit_code: string }[] = await t.db.query(`SELECT code, unit_code FROM agencies WHERE code = ANY($1)`, [
      [BD_PC, BD_DESK, BD_URBAN, PX_DESK, PX_JUSTICE, TB_DESK, TB_JUSTICE, STP],
    ]);
    expect(Object.fromEntries(agencies.map((a) => [a.code, a.unit_code]))).toEqual({
      [BD_PC]: '001',
      [BD_DESK]: '001',
      [BD_URBAN]: '001',
      [PX_DESK]: '00001',
      [PX_JUSTICE]: '00001',
      [TB_DESK]: '00004',
      [TB_JUSTICE]: '00004',
      [STP]: '01',
    });

    // Dossiers and their events. Handled in March (expected):
    //   A  Phúc Xá only                                   → 00001
    //   B  Phúc Xá, transferred to the district in March   → 00001 and 001
    //   C  Trúc Bạch, events in February and April only    → nobody
    //   D  Trúc Bạch since February, transferred in March  → 00004 (gave it) and 001 (received it)
    //   E  received at the district, sent to Sở Tư pháp    → 001 (and 01 in the city report)
    //   F  Phúc Xá, five events in March                   → 00001, once
    //   G  Trúc Bạch, only re-routed by a reorganisation   → nobody
    //   H  Phúc Xá, an event at the period's end instant   → nobody
    const A = await dossier('A', PX_DESK, '00001');
    await events(A.id, [
      ['submit', at('2026-03-02', '09:00'), null, PX_DESK],
      ['accept', at('2026-03-02', '10:00'), PX_DESK, PX_JUSTICE],
    ]);
    const B = await dossier('B', PX_DESK, '00001');
    await events(B.id, [
      ['submit', at('2026-03-03', '09:00'), null, PX_DESK],
      ['accept', at('2026-03-03', '10:00'), PX_DESK, PX_JUSTICE],
      ['transfer', at('2026-03-05', '10:00'), PX_JUSTICE, BD_URBAN],
      ['propose', at('2026-03-06', '10:00'), BD_URBAN, BD_PC],
      ['approve', at('2026-03-09', '10:00'), BD_PC, BD_DESK],
    ]);
    const C = await dossier('C', TB_DESK, '00004');
    await events(C.id, [
      ['submit', at('2026-02-10', '09:00'), null, TB_DESK],
      ['accept', at('2026-02-10', '10:00'), TB_DESK, TB_JUSTICE],
      ['propose', at('2026-04-02', '10:00'), TB_JUSTICE, TB_JUSTICE],
    ]);
    const D = await dossier('D', TB_DESK, '00004');
    await events(D.id, [
      ['accept', at('2026-02-20', '10:00'), TB_DESK, TB_JUSTICE],
      ['transfer', at('2026-03-10', '10:00'), TB_JUSTICE, BD_URBAN],
    ]);
    const E = await dossier('E', BD_DESK, '001');
    await events(E.id, [
      ['submit', at('2026-03-04', '09:00'), null, BD_DESK],
      ['accept', at('2026-03-04', '10:00'), BD_DESK, BD_URBAN],
      ['transfer', at('2026-03-06', '10:00'), BD_URBAN, STP],
    ]);
    const F = await dossier('F', PX_DESK, '00001');
    await events(F.id, [
      ['accept', at('2026-03-02', '08:00'), PX_DESK, PX_JUSTICE],
      ['assign', at('2026-03-02', '08:30'), PX_JUSTICE, PX_JUSTICE],
      ['propose', at('2026-03-03', '08:00'), PX_JUSTICE, PX_JUSTICE],
      ['approve', at('2026-03-04', '08:00'), PX_JUSTICE, PX_DESK],
      ['return_result', at('2026-03-05', '08:00'), PX_DESK, PX_DESK],
    ]);
    const G = await dossier('G', TB_DESK, '00004');
    await events(G.id, [['reorganize', at('2026-03-15', '10:00'), TB_JUSTICE, BD_URBAN]]);
    const H = await dossier('H', PX_DESK, '00001');
    await events(H.id, [['accept', TO, PX_DESK, PX_JUSTICE]]);

    // SMS: GSM-7 is 1 segment up to 160 characters, then 153 a segment; UCS-2 (diacritics kept) 70, then 67.
    // Price a segment: Viettel (098) 800, Vietnamobile (092) 700, iTel (087) 600 đồng.
    await t.db.query(
      `INSERT INTO sms_templates (kind, body, keep_diacritics, updated_by) VALUES ($1, '{{text}}', false, 'usage-test'), ($2, '{{text}}', true, 'usage-test')
      ON CONFLICT (kind) DO NOTHING`,
      [GSM, UCS2],
    );
    const inMarch = at('2026-03-12', '10:00');
    await sms([
      { kind: GSM, to: '0981234501', text: 'a'.repeat(160), agency: PX_DESK, status: 'delivered', createdAt: inMarch }, //   1 × 800 =   800
      { kind: GSM, to: '0921234502', text: 'a'.repeat(161), agency: PX_JUSTICE, status: 'sent', createdAt: inMarch }, //   2 × 700 = 1 400
      { kind: GSM, to: '0871234503', text: 'a'.repeat(306), agency: PX_DESK, status: 'delivered', createdAt: inMarch }, //  2 × 600 = 1 200
      { kind: GSM, to: '0981234504', text: 'a'.repeat(307), agency: BD_DESK, status: 'delivered', createdAt: inMarch }, //  3 × 800 = 2 400
      { kind: UCS2, to: '0921234505', text: 'ệ'.repeat(71), agency: BD_DESK, status: 'sending', createdAt: inMarch }, //   2 × 700 = 1 400
      { kind: GSM, to: '0981234506', text: 'Hồ sơ đã được tiếp nhận', agency: TB_DESK, status: 'delivered', createdAt: inMarch }, // folded to 23 GSM-7 characters: 1 × 800
      { kind: GSM, to: '0981234507', text: 'a'.repeat(10), agency: TB_DESK, status: 'failed', createdAt: inMarch }, //          failed: not billed
      { kind: GSM, to: '0981234508', text: 'a'.repeat(10), agency: TB_DESK, status: 'delivered', createdAt: TO }, //           April: not this period
      { kind: GSM, to: '0981234509', text: 'a'.repeat(10), agency: null, status: 'delivered', createdAt: inMarch }, //         no agency: the city, 1 × 800
    ]);

    // Payments: commission 0.5 % of each VNPay payment, whole đồng rounded half up.
    await vnpayPayment(await dossier('P1', PX_DESK, '00001', { status: 'payment_requested', fee: 16_000 }), PX_DESK, 16_000, '20260310093000'); //   80
    await vnpayPayment(await dossier('P2', PX_DESK, '00001', { status: 'payment_requested', fee: 100_100 }), PX_DESK, 100_100, '20260311093000'); // 500.5 → 501
    await vnpayPayment(await dossier('P3', BD_DESK, '001', { status: 'payment_requested', fee: 8_000 }), BD_DESK, 8_000, '20260312093000'); //        40
    await vnpayPayment(await dossier('P4', TB_DESK, '00004', { status: 'payment_requested', fee: 20_000 }), TB_DESK, 20_000, '20260401000000'); //   April
    await vnpayPayment(await dossier('P5', TB_DESK, '00004', { status: 'payment_requested', fee: 30_000 }), TB_DESK, 30_000, '20260313093000', '24'); // cancelled
  });

  afterAll(async () => {
    await t?.db.query(`DELETE FROM sms_templates WHERE kind = ANY($1)`, [[GSM, UCS2]]);
    await t?.close();
  });

  const usage = (unitCode: string) =>
    t.http.get('/api/v1/reports/usage').query({ unitCode, from: FROM.toISOString(), to: TO.toISOString() }).set('Authorization', `Bearer ${admin}`).expect(200);
  type Row = { unitCode: string; dossiersHandled: number; sms: object; payments: object };
  const rowOf = (body: { rows: Row[] }, unitCode: string) => body.rows.find((r) => r.unitCode === unitCode);
  const figures = (r: Row | undefined) => r && { unitCode: r.unitCode, dossiersHandled: r.dossiersHandled, sms: r.sms, payments: r.payments };

  it('district report: every unit that worked on a dossier is credited with it, SMS and payments to the unit of their agency', async () => {
    const { body } = await usage('001');
    expect(figures(rowOf(body, '00001'))).toEqual({
      unitCode: '00001',
      dossiersHandled: 3, // A, B, F
      sms: { messages: 3, segments: 5, costVnd: 3_400 }, // 1 + 2 + 2 segments; 800 + 1 400 + 1 200
      payments: { count: 2, amountVnd: 116_100, commissionVnd: 581 }, // 16 000 + 100 100; 80 + 501
    });
    expect(figures(rowOf(body, '00004'))).toEqual({
      unitCode: '00004',
      dossiersHandled: 1, // D (C had nothing in March, G was only re-routed)
      sms: { messages: 1, segments: 1, costVnd: 800 },
      payments: { count: 0, amountVnd: 0, commissionVnd: 0 },
    });
    expect(figures(rowOf(body, '001'))).toEqual({
      unitCode: '001',
      dossiersHandled: 3, // B and D (transferred in), E (received here)
      sms: { messages: 2, segments: 5, costVnd: 3_800 }, // 3 + 2 segments; 2 400 + 1 400
      payments: { count: 1, amountVnd: 8_000, commissionVnd: 40 },
    });
    for (const r of body.rows.filter((x: Row) => !['00001', '00004', '001'].includes(x.unitCode))) {
      expect(figures(r)).toEqual({
        unitCode: r.unitCode,
        dossiersHandled: 0,
        sms: { messages: 0, segments: 0, costVnd: 0 },
        payments: { count: 0, amountVnd: 0, commissionVnd: 0 },
      });
    }
    // The total counts a dossier once however many units worked on it: A, B, D, E, F.
    expect(body.total).toMatchObject({
      unitCode: '001',
      dossiersHandled: 5,
      sms: { messages: 6, segments: 11, costVnd: 8_000 },
      payments: { count: 3, amountVnd: 124_100, commissionVnd: 621 },
    });
  });

  it('city report: the district row equals the district report total; the city itself has the department and the agency-less SMS', async () => {
    const city = (await usage('01')).body;
    const district = (await usage('001')).body;
    expect({ ...figures(rowOf(city, '001')), unitCode: undefined }).toEqual({ ...figures(district.total), unitCode: undefined });
    expect(figures(rowOf(city, '01'))).toEqual({
      unitCode: '01',
      dossiersHandled: 1, // E reached Sở Tư pháp
      sms: { messages: 1, segments: 1, costVnd: 800 },
      payments: { count: 0, amountVnd: 0, commissionVnd: 0 },
    });
  });

  it('the SQL counts what unitsThatWorkedOn (libs/core) says, dossier by dossier', async () => {
    const rows: (MeteredEvent & { code: string })[] = await t.db.query(
      `SELECT d.code, e.action, e.at, e.from_agency_code AS "fromAgencyCode", e.to_agency_code AS "toAgencyCode"
       FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code LIKE $1`,
      [`USAGE-%-${tag}`],
    );
    const unitOf = new Map<string, string>(
      (await t.db.query(`SELECT code, unit_code FROM agencies`)).map((a: { code: string; unit_code: string }) => [a.code, a.unit_code]),
    );
    const expected = new Map<string, number>();
    for (const code of new Set(rows.map((r) => r.code))) {
      for (const unit of unitsThatWorkedOn(
        rows.filter((r) => r.code === code),
        FROM,
        TO,
        (a) => unitOf.get(a),
      ))
        expected.set(unit, (expected.get(unit) ?? 0) + 1);
    }
    expect(Object.fromEntries(expected)).toEqual({ '00001': 3, '00004': 1, '001': 3, '01': 1 });
    const { body } = await usage('001');
    for (const unit of ['00001', '00004', '001']) expect({ unit, n: rowOf(body, unit)?.dossiersHandled }).toEqual({ unit, n: expected.get(unit) });
  });

  it('the CSV carries the same figures', async () => {
    const csv = await t.http
      .get('/api/v1/reports/usage')
      .query({ unitCode: '001', from: FROM.toISOString(), to: TO.toISOString(), format: 'csv' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines.find((l) => l.startsWith('00001,'))).toMatch(/^00001,[^,]+,3,3,5,3400,2,116100,581$/);
    expect(lines.at(-1)).toMatch(/^001,Tổng cộng,5,6,11,8000,3,124100,621$/);
  });
});
