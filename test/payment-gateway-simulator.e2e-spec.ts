/**
 * The VNPay gateway simulator end to end, against a tiny local IPN receiver. Needs no database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewaySimulator, type GatewaySimulator } from '../apps/payment-gateway-simulator/src/gateway-simulator';
import {
  buildVnpayPaymentUrl,
  buildVnpayQueryDrRequest,
  buildVnpayRefundRequest,
  verifyVnpay,
  verifyVnpayQueryDrResponse,
  verifyVnpayRefundResponse,
} from '@dvc/core';

const TMN = 'DVCHN001';
const SECRET = 'DEVONLYVNPAYHASHSECRET0123456789';
const RETURN_URL = 'http://127.0.0.1:9/api/v1/payments/vnpay/return';

interface ReceivedIpn {
  params: Record<string, string>;
  valid: boolean;
}

describe('payment gateway simulator (VNPay 2.1.0)', () => {
  let receiver: Server;
  let simulator: GatewaySimulator;
  let base: string;
  const received: ReceivedIpn[] = [];
  let seq = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://receiver.local');
      const params = Object.fromEntries(url.searchParams);
      const valid = url.pathname === '/ipn' && verifyVnpay(params, SECRET);
      received.push({ params, valid });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(valid ? { RspCode: '00', Message: 'Confirm Success' } : { RspCode: '97', Message: 'Invalid signature' }));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverPort = (receiver.address() as AddressInfo).port;
    simulator = createGatewaySimulator({ tmnCode: TMN, secret: SECRET, ipnUrl: `http://127.0.0.1:${receiverPort}/ipn`, port: 0, seed: 'e2e' });
    const { port } = await simulator.start();
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await simulator.stop();
    await new Promise<void>((resolve) => {
      receiver.close(() => resolve());
      receiver.closeAllConnections();
    });
  });

  beforeEach(async () => {
    received.length = 0;
    expect((await fetch(`${base}/reset`, { method: 'POST' })).status).toBe(200);
  });

  function paymentUrl(overrides: Partial<Parameters<typeof buildVnpayPaymentUrl>[0]> = {}) {
    return buildVnpayPaymentUrl({
      payUrl: `${base}/paymentv2/vpcpay.html`,
      tmnCode: TMN,
      secret: SECRET,
      amountVnd: 150_000,
      txnRef: `E2E-${Date.now()}-${++seq}`,
      orderInfo: 'Lệ phí hồ sơ 000.00.12.H26-261125-0001',
      returnUrl: RETURN_URL,
      ipAddr: '127.0.0.1',
      createdAt: new Date(),
      ...overrides,
    });
  }

  async function openPayment(overrides: Partial<Parameters<typeof buildVnpayPaymentUrl>[0]> = {}) {
    const built = paymentUrl(overrides);
    const response = await fetch(built.url);
    expect(response.status).toBe(200);
    return { ...built, txnRef: built.params.vnp_TxnRef, html: await response.text() };
  }

  async function testPay(txnRef: string, outcome: 'paid' | 'cancelled') {
    const response = await fetch(`${base}/test/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ txnRef, outcome }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  async function api(body: object): Promise<Record<string, string>> {
    const response = await fetch(`${base}/merchant_webapi/api/transaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, string>;
  }

  const querydr = (txnRef: string, transactionDate: string) =>
    buildVnpayQueryDrRequest({
      tmnCode: TMN,
      secret: SECRET,
      txnRef,
      transactionDate,
      orderInfo: `Truy van ${txnRef}`,
      ipAddr: '127.0.0.1',
      createdAt: new Date(),
    });

  const refund = (txnRef: string, transactionDate: string, amountVnd: number, transactionType: '02' | '03', transactionNo?: string) =>
    buildVnpayRefundRequest({
      tmnCode: TMN,
      secret: SECRET,
      txnRef,
      transactionDate,
      amountVnd,
      transactionType,
      transactionNo,
      createBy: 'canbo.motcua',
      orderInfo: `Hoan tien ${txnRef}`,
      ipAddr: '127.0.0.1',
      createdAt: new Date(),
    });

  async function paid(behaviour: Parameters<GatewaySimulator['setBehaviour']>[0] = { ipn: 'normal' }) {
    const opened = await openPayment();
    simulator.setBehaviour(behaviour);
    const result = await testPay(opened.txnRef, 'paid');
    expect(result.status).toBe(200);
    return { ...opened, result };
  }

  it('GET /health', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', tmnCode: TMN });
  });

  it('shows the payment page with the amount and both buttons, and records a pending transaction', async () => {
    const { html, txnRef } = await openPayment();
    expect(html).toContain('150.000 VND');
    expect(html).toContain(txnRef);
    expect(html).toContain('Le phi ho so 000.00.12.H26-261125-0001');
    expect(html).toMatch(/action="\/paymentv2\/pay"[\s\S]*Thanh toán/);
    expect(html).toMatch(/action="\/paymentv2\/cancel"[\s\S]*Hủy/);
    const list = (await (await fetch(`${base}/transactions`)).json()) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      expect.objectContaining({ txnRef, amount: 150_000, status: 'pending', orderInfo: 'Le phi ho so 000.00.12.H26-261125-0001', returnUrl: RETURN_URL }),
    ]);
  });

  it.each<[string, (url: string) => string, RegExp]>([
    ['a tampered amount', (url) => url.replace('vnp_Amount=15000000', 'vnp_Amount=100'), /Sai chữ ký/],
    ['a tampered order info', (url) => url.replace('vnp_OrderInfo=Le', 'vnp_OrderInfo=Xe'), /Sai chữ ký/],
    ['no hash', (url) => url.replace(/&vnp_SecureHash=[0-9a-f]+/, ''), /Sai chữ ký/],
    ['a repeated parameter', (url) => `${url}&vnp_TxnRef=OTHER`, /Sai chữ ký/],
  ])('answers 400 for %s', async (_name, tamper, message) => {
    const response = await fetch(tamper(paymentUrl().url));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(message);
    expect(simulator.transactions.size).toBe(0);
  });

  it('answers 400 for another merchant code and for an expired URL', async () => {
    const other = await fetch(paymentUrl({ tmnCode: 'OTHER001' }).url);
    expect(other.status).toBe(400);
    expect(await other.text()).toContain('vnp_TmnCode');
    const expired = await fetch(paymentUrl({ createdAt: new Date(Date.now() - 3_600_000), expiresInMinutes: 15 }).url);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('quá thời gian chờ thanh toán');
  });

  it('POST /test/pay sends exactly one correctly signed IPN and returns the signed return URL', async () => {
    const { txnRef, result } = await paid();
    expect(received).toHaveLength(1);
    const ipn = received[0];
    expect(ipn.valid).toBe(true);
    expect(ipn.params).toMatchObject({
      vnp_TxnRef: txnRef,
      vnp_Amount: '15000000',
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_BankCode: 'NCB',
      vnp_TmnCode: TMN,
      vnp_OrderInfo: 'Le phi ho so 000.00.12.H26-261125-0001',
    });
    expect(ipn.params.vnp_TransactionNo).toMatch(/^\d+$/);
    expect(ipn.params.vnp_PayDate).toMatch(/^\d{14}$/);
    expect(result.body.ipnResponses).toEqual([
      expect.objectContaining({ attempt: 1, httpStatus: 200, response: { RspCode: '00', Message: 'Confirm Success' } }),
    ]);
    const back = new URL(result.body.returnUrl as string);
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_URL);
    const returned = Object.fromEntries(back.searchParams);
    expect(verifyVnpay(returned, SECRET)).toBe(true);
    expect(returned).toEqual(ipn.params);
    expect(simulator.transactions.get(txnRef)).toMatchObject({
      status: 'paid',
      ipnResponses: [expect.objectContaining({ response: { RspCode: '00', Message: 'Confirm Success' } })],
    });
  });

  it("'duplicate' sends the same IPN twice", async () => {
    const { result } = await paid({ ipn: 'duplicate' });
    expect(received).toHaveLength(2);
    expect(received.every((r) => r.valid)).toBe(true);
    expect(received[1].params).toEqual(received[0].params);
    expect(result.body.ipnResponses).toHaveLength(2);
  });

  it("'never' sends no IPN but still redirects", async () => {
    const { txnRef, result } = await paid({ ipn: 'never' });
    expect(received).toHaveLength(0);
    expect(result.body.ipnResponses).toEqual([]);
    expect(verifyVnpay(Object.fromEntries(new URL(result.body.returnUrl as string).searchParams), SECRET)).toBe(true);
    expect(simulator.transactions.get(txnRef)?.status).toBe('paid');
  });

  it("'delay' sends the IPN after the redirect", async () => {
    const { result } = await paid({ ipn: 'delay', ipnDelayMs: 50 });
    expect(result.body.ipnScheduled).toBe(true);
    expect(received).toHaveLength(0);
    const deadline = Date.now() + 3000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    expect(received[0].valid).toBe(true);
  });

  it('cancel sends ResponseCode 24 / TransactionStatus 02', async () => {
    const { txnRef } = await openPayment();
    const result = await testPay(txnRef, 'cancelled');
    expect(result.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0].valid).toBe(true);
    expect(received[0].params).toMatchObject({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_Amount: '15000000' });
    expect(simulator.transactions.get(txnRef)?.status).toBe('cancelled');
    expect((await testPay(txnRef, 'paid')).status).toBe(409);
    expect((await testPay('NO-SUCH-REF', 'paid')).status).toBe(404);
  });

  it('failNext declines the next payment (51/02) once', async () => {
    await paid({ failNext: true });
    expect(received[0].params).toMatchObject({ vnp_ResponseCode: '51', vnp_TransactionStatus: '02' });
    expect(simulator.behaviour.failNext).toBe(false);
  });

  it('the "Thanh toán" form posts, sends the IPN and redirects (302) to the return URL', async () => {
    const { txnRef } = await openPayment();
    const response = await fetch(`${base}/paymentv2/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ txnRef }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(RETURN_URL);
    expect(verifyVnpay(Object.fromEntries(location.searchParams), SECRET)).toBe(true);
    expect(location.searchParams.get('vnp_ResponseCode')).toBe('00');
    expect(received).toHaveLength(1);
  });

  it('the "Hủy" form redirects with ResponseCode 24', async () => {
    const { txnRef } = await openPayment();
    const response = await fetch(`${base}/paymentv2/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ txnRef }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') as string).searchParams.get('vnp_ResponseCode')).toBe('24');
  });

  it('querydr on a paid transaction answers a signed TransactionStatus 00', async () => {
    const { txnRef, params } = await paid();
    const answer = await api(querydr(txnRef, params.vnp_CreateDate));
    expect(verifyVnpayQueryDrResponse(answer, SECRET)).toBe(true);
    expect(answer).toMatchObject({
      vnp_Command: 'querydr',
      vnp_ResponseCode: '00',
      vnp_TmnCode: TMN,
      vnp_TxnRef: txnRef,
      vnp_Amount: '15000000',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: '00',
      vnp_TransactionNo: received[0].params.vnp_TransactionNo,
      vnp_BankCode: 'NCB',
    });
  });

  it('refund answers 00 (05 processing) and querydr then shows the refund (02 / 06); a second refund is refused', async () => {
    const { txnRef, params } = await paid();
    const transactionNo = received[0].params.vnp_TransactionNo;
    const answer = await api(refund(txnRef, params.vnp_CreateDate, 150_000, '02', transactionNo));
    expect(verifyVnpayRefundResponse(answer, SECRET)).toBe(true);
    expect(answer).toMatchObject({
      vnp_Command: 'refund',
      vnp_ResponseCode: '00',
      vnp_TxnRef: txnRef,
      vnp_Amount: '15000000',
      vnp_TransactionType: '02',
      vnp_TransactionStatus: '05',
      vnp_TransactionNo: transactionNo,
    });
    expect(simulator.transactions.get(txnRef)).toMatchObject({ status: 'refunded', refundedAmount: 150_000 });

    const after = await api(querydr(txnRef, params.vnp_CreateDate));
    expect(verifyVnpayQueryDrResponse(after, SECRET)).toBe(true);
    expect(after).toMatchObject({ vnp_ResponseCode: '00', vnp_TransactionType: '02', vnp_TransactionStatus: '06' });

    const again = await api(refund(txnRef, params.vnp_CreateDate, 150_000, '02'));
    expect(verifyVnpayRefundResponse(again, SECRET)).toBe(true);
    expect(again.vnp_ResponseCode).toBe('94');
  });

  it('partial refunds: 03 within the amount, 93 above what is left, 04 for a full refund afterwards', async () => {
    const { txnRef, params } = await paid();
    expect((await api(refund(txnRef, params.vnp_CreateDate, 50_000, '03'))).vnp_ResponseCode).toBe('00');
    expect(simulator.transactions.get(txnRef)).toMatchObject({ status: 'partially_refunded', refundedAmount: 50_000 });
    expect((await api(refund(txnRef, params.vnp_CreateDate, 100_001, '03'))).vnp_ResponseCode).toBe('93');
    expect((await api(refund(txnRef, params.vnp_CreateDate, 100_000, '02'))).vnp_ResponseCode).toBe('04');
    expect((await api(querydr(txnRef, params.vnp_CreateDate))).vnp_TransactionType).toBe('03');
  });

  it('refund of an unpaid or unknown transaction: 95 / 91', async () => {
    const { txnRef, params } = await openPayment();
    expect((await api(refund(txnRef, params.vnp_CreateDate, 150_000, '02'))).vnp_ResponseCode).toBe('95');
    expect((await api(refund('NO-SUCH-REF', params.vnp_CreateDate, 150_000, '02'))).vnp_ResponseCode).toBe('91');
  });

  it('querydr: bad hash → 97, unknown → 91, reused request id → 94, pending → 01', async () => {
    const { txnRef, params } = await openPayment();
    const good = querydr(txnRef, params.vnp_CreateDate);

    const bad = await api({ ...good, vnp_SecureHash: good.vnp_SecureHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
    expect(bad.vnp_ResponseCode).toBe('97');
    expect(verifyVnpayQueryDrResponse(bad, SECRET)).toBe(true);
    expect((await api({ ...good, vnp_TxnRef: 'OTHER' })).vnp_ResponseCode).toBe('97');

    expect((await api(querydr('NO-SUCH-REF', params.vnp_CreateDate))).vnp_ResponseCode).toBe('91');

    const pending = await api(good);
    expect(pending).toMatchObject({ vnp_ResponseCode: '00', vnp_TransactionStatus: '01' });
    expect((await api(good)).vnp_ResponseCode).toBe('94');
  });

  it('POST /reset forgets every transaction', async () => {
    await openPayment();
    expect(simulator.transactions.size).toBe(1);
    await fetch(`${base}/reset`, { method: 'POST' });
    expect(await (await fetch(`${base}/transactions`)).json()).toEqual([]);
  });
});
