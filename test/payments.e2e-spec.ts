import { signVnpay } from '@dvc/core';
import { OutboxMessageEntity } from '@dvc/outbox';
import { PaymentEntity, PaymentMismatchesService, PaymentsService } from '@dvc/payments';
import {
  citizenToken,
  DESKS,
  officerToken,
  startPaymentStack,
  submissionFor,
  TEST_VNPAY,
  TestApp,
  transcriptForm,
  waitFor,
  type PaymentStack,
} from '@dvc/testing';
import type { GatewaySimulator } from '../apps/payment-gateway-simulator/src/gateway-simulator';

const { secret: SECRET, tmnCode: TMN } = TEST_VNPAY;

describe('fees and online payment (VNPay protocol, gateway simulator)', () => {
  let t: TestApp;
  let gateway: GatewaySimulator;
  let gatewayUrl: string;

  let stack: PaymentStack;

  beforeAll(async () => {
    ({ t, gateway, gatewayUrl } = stack = await startPaymentStack(7));
  });
  afterAll(() => stack?.close());

  /** A citizen's transcript request (level 4, 8,000 VND a copy, paid before processing), accepted by the desk. */
  async function acceptedTranscript(copies = 2) {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '2.000635',
      agencyCode: DESKS.trangTien,
      form: transcriptForm(phone, copies),
      components: ['TK', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
    const desk = await officerToken(t.http, 'tn.trangtien');
    const accepted = await t.http
      .post(`/api/v1/dossiers/${created.body.code}/accept`)
      .set('Authorization', `Bearer ${desk}`)
      .send({ version: created.body.version })
      .expect(200);
    return { citizen, code: created.body.code as string, accepted: accepted.body, desk };
  }

  async function startPayment(code: string, token: string) {
    return (await t.http.post(`/api/v1/dossiers/${code}/payments`).set('Authorization', `Bearer ${token}`).send({ gateway: 'vnpay' }).expect(201)).body;
  }

  it('a level-4 dossier is paid online end to end: the clock waits, the IPN moves it on, a receipt is numbered', async () => {
    const { citizen, code, accepted } = await acceptedTranscript(2);
    expect(accepted).toMatchObject({ status: 'payment_requested', nationalStatus: 6, feesRequestedVnd: 16_000, feeTotalVnd: 16_000 });
    expect(accepted.pausedAt).not.toBeNull();
    const sms = await t.db.getRepository(OutboxMessageEntity).findOneByOrFail({ dossierCode: code, kind: 'payment_requested' });
    expect(sms.payload.variables).toMatchObject({ amount: '16.000 đồng' });

    const payment = await startPayment(code, citizen.token);
    expect(payment).toMatchObject({ amount: 16_000, status: 'awaiting', payUrl: expect.stringContaining(`${gatewayUrl}/paymentv2/vpcpay.html?`) });
    const params = new URL(payment.payUrl).searchParams;
    expect(params.get('vnp_Amount')).toBe('1600000');
    expect(params.get('vnp_Version')).toBe('2.1.0');
    expect(params.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
    expect((await startPayment(code, citizen.token)).paymentId).toBe(payment.paymentId);

    const page = await fetch(payment.payUrl);
    expect(page.status).toBe(200);
    const settled = await gateway.settle(payment.txnRef, 'paid');
    expect(settled.ipnResponses.map((r) => r.response)).toEqual([{ RspCode: '00', Message: 'Confirm Success' }]);

    const dossier = (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${citizen.token}`).expect(200)).body;
    expect(dossier).toMatchObject({ status: 'received', feesPaidVnd: 16_000, pausedAt: null });
    expect(new Date(dossier.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(accepted.dueAt).getTime());
    expect(dossier.payments).toEqual([
      expect.objectContaining({ status: 'paid', amount: 16_000, receipt: expect.stringMatching(/^BL\/\d{2}E \d{7}$/), commissionVnd: 80 }),
    ]);

    const landing = await fetch(`${settled.returnUrl}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Thanh toán thành công');
  });

  describe('IPN', () => {
    let txnRef: string;
    let base: Record<string, string>;
    const signed = (p: Record<string, string>) => ({ ...p, vnp_SecureHash: signVnpay(p, SECRET) });
    const ipn = (p: Record<string, string>) => t.http.get('/api/v1/payments/vnpay/ipn').query(p).expect(200);

    beforeAll(async () => {
      const { citizen, code } = await acceptedTranscript(1);
      txnRef = (await startPayment(code, citizen.token)).txnRef;
      base = {
        vnp_Amount: '800000',
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: 'Thanh toan',
        vnp_PayDate: '20261125103000',
        vnp_ResponseCode: '00',
        vnp_TmnCode: TMN,
        vnp_TransactionNo: '14000001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: txnRef,
      };
    });

    it.each([
      ['a tampered parameter', () => ({ ...signed(base), vnp_Amount: '100' }), '97'],
      ['no signature', () => ({ ...base }), '97'],
      ['a signature made with another secret', () => ({ ...base, vnp_SecureHash: signVnpay(base, 'another-secret-0000000000') }), '97'],
      ['an unknown order', () => signed({ ...base, vnp_TxnRef: 'DVC000000000000000' }), '01'],
      ['a wrong amount', () => signed({ ...base, vnp_Amount: '700000' }), '04'],
    ])('%s → %s, nothing changes', async (_label, make, code) => {
      const res = await ipn(make());
      expect(res.body.RspCode).toBe(code);
      expect(await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef })).toMatchObject({ status: 'awaiting' });
    });

    it('20 concurrent copies of a valid IPN: exactly one payment, then 02 for the rest', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, () => ipn(signed(base))));
      const codes = answers.map((a) => a.body.RspCode).sort();
      expect(codes.filter((c) => c === '00')).toHaveLength(1);
      expect(codes.filter((c) => c === '02')).toHaveLength(19);
      const payment = await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef });
      expect(payment).toMatchObject({ status: 'paid', gatewayTransactionNo: '14000001', bankCode: 'NCB' });
      const confirmations = await t.db.query(`SELECT count(*)::int AS n FROM dossier_events WHERE dossier_id = $1 AND action = 'confirm_payment'`, [
        payment.dossierId,
      ]);
      expect(confirmations[0].n).toBe(1);
      expect((await ipn(signed(base))).body.RspCode).toBe('02');
    });
  });

  it('receipt numbers of an agency have no gaps', async () => {
    const rows: { receipt_number: number }[] = await t.db.query(
      `SELECT receipt_number FROM payments WHERE agency_code = $1 AND receipt_number IS NOT NULL ORDER BY receipt_number`,
      [DESKS.trangTien],
    );
    expect(rows.map((r) => r.receipt_number)).toEqual(rows.map((_, i) => i + 1));
  });

  it('a refusal after payment refunds through the gateway', async () => {
    const { citizen, code, desk } = await acceptedTranscript(1);
    const payment = await startPayment(code, citizen.token);
    await fetch(payment.payUrl);
    await gateway.settle(payment.txnRef, 'paid');
    const current = (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${desk}`)).body;
    await t.http
      .post(`/api/v1/dossiers/${code}/refuse`)
      .set('Authorization', `Bearer ${desk}`)
      .send({ version: current.version, reason: 'Không thuộc thẩm quyền cấp' })
      .expect(200);
    await waitFor(
      async () => (await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: payment.txnRef })).status === 'refunded',
      15_000,
      'not refunded',
    );
    expect(gateway.transactions.get(payment.txnRef)?.status).toBe('refunded');
  });

  it('reconciliation settles a payment whose IPN never arrived', async () => {
    const { citizen, code } = await acceptedTranscript(3);
    const payment = await startPayment(code, citizen.token);
    await fetch(payment.payUrl);
    gateway.setBehaviour({ ipn: 'never' });
    try {
      await gateway.settle(payment.txnRef, 'paid');
    } finally {
      gateway.setBehaviour({ ipn: 'normal' });
    }
    expect(await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: payment.txnRef })).toMatchObject({ status: 'awaiting' });
    const later = new Date(Date.now() + 60 * 60_000);
    const result = await t.app.get(PaymentsService).reconcile(later);
    expect(result.paid).toBeGreaterThanOrEqual(1);
    expect(await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: payment.txnRef })).toMatchObject({ status: 'paid' });
    const dossier = (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${citizen.token}`)).body;
    expect(dossier).toMatchObject({ status: 'received', feesPaidVnd: 24_000 });
    // Other suites' payments share the database but not this gateway simulator: look at this dossier's.
    expect((await t.app.get(PaymentMismatchesService).mismatches()).filter((m) => m.dossierCode === code)).toEqual([]);
  });

  it('no payment when none is requested, and level-3 services pay at the desk', async () => {
    const { citizen, code } = await acceptedTranscript(1);
    const payment = await startPayment(code, citizen.token);
    await fetch(payment.payUrl);
    await gateway.settle(payment.txnRef, 'paid');
    const res = await t.http.post(`/api/v1/dossiers/${code}/payments`).set('Authorization', `Bearer ${citizen.token}`).send({ gateway: 'vnpay' }).expect(409);
    expect(res.body.detail).toContain('No payment is requested');
    await t.http.post(`/api/v1/dossiers/${code}/payments`).set('Authorization', `Bearer ${citizen.token}`).send({ gateway: 'momo' }).expect(422);
    const stranger = await citizenToken(t.http, t.db);
    await t.http.post(`/api/v1/dossiers/${code}/payments`).set('Authorization', `Bearer ${stranger.token}`).send({ gateway: 'vnpay' }).expect(404);
  });
});
