import request from 'supertest';
import { signVnpay } from '@dvc/core';
import { citizenToken, DESKS, freePort, officerToken, startTestApp, submissionFor, TestApp, transcriptForm } from '@dvc/testing';
import { inParallel, printCounts } from './drill-kit';

const SECRET = 'TESTVNPAYSECRET-0123456789abcdef';
const TMN = 'DVCHN001';
const PAYMENTS = 5;

type Kind = 'valid' | 'tampered' | 'unsigned' | 'other-secret' | 'changed-amount' | 'unknown-order';
/** How many of each kind per payment, and the answer each must get (valid: one 00, the rest 02). */
const STORM: Record<Kind, { count: number; expected: string }> = {
  valid: { count: 30, expected: '00|02' },
  tampered: { count: 10, expected: '97' },
  unsigned: { count: 5, expected: '97' },
  'other-secret': { count: 10, expected: '97' },
  'changed-amount': { count: 15, expected: '04' },
  'unknown-order': { count: 10, expected: '01' },
};

/**
 * Drill 5: hundreds of concurrent IPN calls against a few pending VNPay payments: valid copies, bad signatures,
 * changed amounts, unknown orders. Each payment is paid once, receipts stay gapless, forgeries are refused with
 * the RspCode VNPay expects.
 */
describe('drill: a storm of duplicate and forged IPNs', () => {
  let t: TestApp;

  beforeAll(async () => {
    const apiPort = await freePort();
    t = await startTestApp(
      {
        PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
        VNPAY_HASH_SECRET: SECRET,
        VNPAY_TMN_CODE: TMN,
        SMS_PROVIDER: 'log',
        PAYMENT_RECONCILE_EVERY_SECONDS: '3600',
      },
      { listen: true, port: apiPort },
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('each payment is paid exactly once, receipts are gapless, forgeries get the right RspCode', async () => {
    const started = Date.now();
    const http = request(t.baseUrl!);
    const desk = await officerToken(http, 'tn.trangtien');
    const payments = await inParallel(PAYMENTS, 3, async (i) => {
      const citizen = await citizenToken(http, t.db);
      const phone = `0${citizen.phone.slice(2)}`;
      const body = await submissionFor(http, citizen.token, phone, {
        code: '2.000635',
        agencyCode: DESKS.trangTien,
        form: transcriptForm(phone, i + 1),
        components: ['TK', 'GTTT'],
      });
      const created = await http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
      await http
        .post(`/api/v1/dossiers/${created.body.code}/accept`)
        .set('Authorization', `Bearer ${desk}`)
        .send({ version: created.body.version })
        .expect(200);
      const payment = (
        await http.post(`/api/v1/dossiers/${created.body.code}/payments`).set('Authorization', `Bearer ${citizen.token}`).send({ gateway: 'vnpay' }).expect(201)
      ).body;
      return { code: created.body.code as string, txnRef: payment.txnRef as string, amount: payment.amount as number, transactionNo: String(14100000 + i) };
    });

    const calls: { payment: number; kind: Kind; params: Record<string, string> }[] = [];
    payments.forEach((p, i) => {
      const base = {
        vnp_Amount: String(p.amount * 100),
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: `Thanh toan ho so ${p.code}`,
        vnp_PayDate: '20261125103000',
        vnp_ResponseCode: '00',
        vnp_TmnCode: TMN,
        vnp_TransactionNo: p.transactionNo,
        vnp_TransactionStatus: '00',
        vnp_TxnRef: p.txnRef,
      };
      const signed = (x: Record<string, string>) => ({ ...x, vnp_SecureHash: signVnpay(x, SECRET) });
      const make: Record<Kind, (n: number) => Record<string, string>> = {
        valid: () => signed(base),
        tampered: (n) => ({ ...signed(base), vnp_Amount: String(p.amount * 100 - 100 * (n + 1)) }),
        unsigned: () => ({ ...base }),
        'other-secret': () => ({ ...base, vnp_SecureHash: signVnpay(base, 'another-secret-0000000000') }),
        'changed-amount': (n) => signed({ ...base, vnp_Amount: String(100 * (n + 1)) }),
        'unknown-order': (n) => signed({ ...base, vnp_TxnRef: `DVC9${String(i).padStart(3, '0')}${String(n).padStart(11, '0')}` }),
      };
      for (const [kind, { count }] of Object.entries(STORM) as [Kind, { count: number }][]) {
        for (let n = 0; n < count; n++) calls.push({ payment: i, kind, params: make[kind](n) });
      }
    });
    // Shuffled, so that forgeries and copies interleave; seeded, so a failure can be replayed.
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = calls.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [calls[i], calls[j]] = [calls[j], calls[i]];
    }
    const answers = await inParallel(calls.length, 50, async (i) => {
      const res = await http.get('/api/v1/payments/vnpay/ipn').query(calls[i].params);
      return { ...calls[i], status: res.status, rsp: res.body?.RspCode as string };
    });

    const wrong = answers.filter((a) => a.status !== 200 || !STORM[a.kind].expected.split('|').includes(a.rsp));
    const confirmedPerPayment = payments.map((_, i) => answers.filter((a) => a.payment === i && a.rsp === '00').length);
    const rows: { txn_ref: string; status: string; receipt_number: number | null; fees_paid_vnd: number; dossier_status: string; confirmations: number }[] =
      await t.db.query(
        `SELECT p.txn_ref, p.status, p.receipt_number, d.fees_paid_vnd, d.status AS dossier_status,
         (SELECT count(*)::int FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'confirm_payment') AS confirmations
       FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE p.txn_ref = ANY($1)`,
        [payments.map((p) => p.txnRef)],
      );
    const receipts: { receipt_number: number }[] = await t.db.query(
      `SELECT receipt_number FROM payments WHERE agency_code = $1 AND receipt_number IS NOT NULL ORDER BY receipt_number`,
      [DESKS.trangTien],
    );
    const gaps = receipts.filter((r, i) => r.receipt_number !== i + 1).length;
    const count = (rsp: string) => answers.filter((a) => a.rsp === rsp).length;
    printCounts('ipn-storm', {
      payments: PAYMENTS,
      ipn_calls: answers.length,
      rsp00: count('00'),
      rsp02: count('02'),
      rsp97: count('97'),
      rsp04: count('04'),
      rsp01: count('01'),
      wrong_answers: wrong.length,
      paid: rows.filter((r) => r.status === 'paid').length,
      confirmations: rows.reduce((n, r) => n + r.confirmations, 0),
      receipts: receipts.length,
      receipt_gaps: gaps,
      total_ms: Date.now() - started,
    });

    expect(wrong.map((w) => `${w.kind} → ${w.status} ${w.rsp}`)).toEqual([]);
    expect(confirmedPerPayment).toEqual(Array(PAYMENTS).fill(1));
    for (const p of payments) {
      expect(rows.find((r) => r.txn_ref === p.txnRef)).toEqual({
        txn_ref: p.txnRef,
        status: 'paid',
        receipt_number: expect.any(Number),
        fees_paid_vnd: p.amount,
        dossier_status: 'received',
        confirmations: 1,
      });
    }
    expect(gaps).toBe(0);
    expect((await http.get('/health/ready')).status).toBe(200);
  });
});
