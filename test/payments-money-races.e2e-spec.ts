import { signVnpay } from '@dvc/core';
import { PaymentEntity, PaymentMismatchesService } from '@dvc/payments';
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

const { secret: SECRET } = TEST_VNPAY;

/** Issue #15, money items 5, 6 and 8: desk cash against online payments, double clicks, foreign terminals, the return page. */
describe('money: desk cash, online payments and the gateway agree', () => {
  let t: TestApp;
  let gateway: GatewaySimulator;

  let stack: PaymentStack;

  beforeAll(async () => {
    ({ t, gateway } = stack = await startPaymentStack(15));
  });
  afterAll(() => stack?.close());

  /** Extract of a civil-status record (2.000635): 8,000 VND a copy (fee PHI_BAN_SAO, per copy, paid before). */
  async function awaitingPayment(copies: number) {
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
    await t.http
      .post(`/api/v1/dossiers/${created.body.code}/accept`)
      .set('Authorization', `Bearer ${desk}`)
      .send({ version: created.body.version })
      .expect(200);
    return { citizen, desk, code: created.body.code as string };
  }
  const startOnline = async (code: string, token: string) =>
    (await t.http.post(`/api/v1/dossiers/${code}/payments`).set('Authorization', `Bearer ${token}`).send({ gateway: 'vnpay' }).expect(201)).body;
  const payments = (code: string) => t.db.getRepository(PaymentEntity).find({ where: { dossierCode: code }, order: { createdAt: 'ASC' } });
  const dossier = async (code: string, token: string) =>
    (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${token}`).expect(200)).body;

  it('six parallel "paid in cash" clicks record the fee once: one 201 with a receipt, five 409 problems', async () => {
    const { desk, code } = await awaitingPayment(2);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set('Authorization', `Bearer ${desk}`).send({ method: 'cash' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.detail).toContain('No payment is requested');
    }
    const rows = await payments(code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: 'cash', status: 'paid', amountVnd: 16_000, credited: true, receiptNumber: expect.any(Number) });
    expect(await dossier(code, desk)).toMatchObject({ status: 'received', feesPaidVnd: 16_000 });
    const confirmations = await t.db.query(
      `SELECT count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'confirm_payment'`,
      [code],
    );
    expect(confirmations[0].n).toBe(1);
    // Nothing is queued for refund, and the valid payment stays paid.
    await new Promise((r) => setTimeout(r, 500));
    expect((await payments(code)).map((p) => p.status)).toEqual(['paid']);
  });

  it('cash at the desk, then the citizen pays the open online link: the late IPN is recorded (00) and only it is refunded at the gateway', async () => {
    const { citizen, desk, code } = await awaitingPayment(1);
    const online = await startOnline(code, citizen.token);
    await fetch(online.payUrl);
    const cash = await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set('Authorization', `Bearer ${desk}`).send({ method: 'cash' }).expect(201);
    expect((await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: online.txnRef })).status).toBe('cancelled');

    const settled = await gateway.settle(online.txnRef, 'paid');
    expect(settled.ipnResponses.map((r) => r.response)).toEqual([{ RspCode: '00', Message: 'Confirm Success' }]);
    await waitFor(
      async () => (await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: online.txnRef })).status === 'refunded',
      15_000,
      'late online payment not refunded',
    );
    expect(gateway.transactions.get(online.txnRef)).toMatchObject({ status: 'refunded', refundedAmount: 8_000 });

    const rows = await payments(code);
    expect(rows.find((p) => p.id === cash.body.paymentId)).toMatchObject({ status: 'paid', credited: true });
    expect(rows.find((p) => p.txnRef === online.txnRef)).toMatchObject({ status: 'refunded', credited: false, receiptNumber: expect.any(Number) });
    expect(await dossier(code, desk)).toMatchObject({ status: 'received', feesPaidVnd: 8_000 });
    expect((await t.app.get(PaymentMismatchesService).mismatches()).filter((m) => m.dossierCode === code)).toEqual([]);
  });

  it('when that late success never reaches us as an IPN, the mismatch report lists what the gateway holds', async () => {
    const { citizen, desk, code } = await awaitingPayment(1);
    const online = await startOnline(code, citizen.token);
    await fetch(online.payUrl);
    await t.http.post(`/api/v1/dossiers/${code}/payments/desk`).set('Authorization', `Bearer ${desk}`).send({ method: 'cash' }).expect(201);
    gateway.setBehaviour({ ipn: 'never' });
    try {
      await gateway.settle(online.txnRef, 'paid');
    } finally {
      gateway.setBehaviour({ ipn: 'normal' });
    }
    const found = (await t.app.get(PaymentMismatchesService).mismatches()).filter((m) => m.dossierCode === code);
    expect(found).toEqual([{ kind: 'gateway_paid_not_recorded', dossierCode: code, txnRef: online.txnRef, status: 'cancelled', gateway: '00/00' }]);
    // VNPay retries an unanswered IPN; once one arrives the money is recorded and refunded, and the report is empty.
    const retried = await t.http.get('/api/v1/payments/vnpay/ipn').query(gateway.transactions.get(online.txnRef)!.resultParams!).expect(200);
    expect(retried.body.RspCode).toBe('00');
    await waitFor(
      async () => (await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: online.txnRef })).status === 'refunded',
      15_000,
      'not refunded',
    );
    expect((await t.app.get(PaymentMismatchesService).mismatches()).filter((m) => m.dossierCode === code)).toEqual([]);
  });

  it("an IPN carrying another merchant's vnp_TmnCode is not our order (01) and settles nothing", async () => {
    const { citizen, code } = await awaitingPayment(1);
    const online = await startOnline(code, citizen.token);
    const params = {
      vnp_Amount: '800000',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Thanh toan',
      vnp_PayDate: '20261125103000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: 'OTHER001',
      vnp_TransactionNo: '14900001',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: online.txnRef,
    };
    const res = await t.http
      .get('/api/v1/payments/vnpay/ipn')
      .query({ ...params, vnp_SecureHash: signVnpay(params, SECRET) })
      .expect(200);
    expect(res.body).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(await t.db.getRepository(PaymentEntity).findOneByOrFail({ txnRef: online.txnRef })).toMatchObject({ status: 'awaiting', receiptNumber: null });
    expect(await dossier(code, citizen.token)).toMatchObject({ status: 'payment_requested', feesPaidVnd: 0 });
  });

  it('the return page shows no amount next to "cannot verify", and the signed amount when the signature is valid', async () => {
    const forged = await t.http
      .get('/api/v1/payments/vnpay/return')
      .query({ vnp_Amount: '123456700', vnp_ResponseCode: '00', vnp_TxnRef: 'DVC000000000000001', vnp_SecureHash: 'ab'.repeat(64) })
      .expect(200);
    expect(forged.text).toContain('Không xác thực được kết quả thanh toán');
    expect(forged.text).not.toContain('1.234.567');
    expect(forged.text).not.toContain('Số tiền');

    const { citizen, code } = await awaitingPayment(1);
    const online = await startOnline(code, citizen.token);
    await fetch(online.payUrl);
    const settled = await gateway.settle(online.txnRef, 'paid');
    const landing = await (await fetch(settled.returnUrl)).text();
    expect(landing).toContain('Thanh toán thành công');
    expect(landing).toContain('Số tiền: <strong>8.000 đồng</strong>');
  });
});
