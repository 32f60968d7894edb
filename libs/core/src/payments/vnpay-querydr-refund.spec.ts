import { createHmac } from 'node:crypto';
import {
  buildVnpayQueryDrRequest,
  signVnpayQueryDrResponse,
  verifyVnpayQueryDrRequest,
  verifyVnpayQueryDrResponse,
  type VnpayQueryDrResponse,
} from './vnpay-querydr';
import {
  buildVnpayRefundRequest,
  signVnpayRefundResponse,
  verifyVnpayRefundRequest,
  verifyVnpayRefundResponse,
  type VnpayRefundResponse,
} from './vnpay-refund';

const SECRET = 'DEVONLYVNPAYHASHSECRET0123456789';
const hmac = (data: string) => createHmac('sha512', SECRET).update(data, 'utf8').digest('hex');
// 09:00:00 on 26/11/2026 in Hà Nội
const NOW = new Date('2026-11-26T02:00:00Z');

describe('querydr request', () => {
  const request = buildVnpayQueryDrRequest({
    requestId: 'Q20261126090000A1',
    tmnCode: 'DVCHN001',
    secret: SECRET,
    txnRef: 'HS-261125-0001',
    transactionDate: '20261125143000',
    orderInfo: 'Truy van giao dich HS-261125-0001',
    ipAddr: '10.0.0.5',
    createdAt: NOW,
  });

  it('carries the documented fields and the hand-computed pipe hash', () => {
    const data = 'Q20261126090000A1|2.1.0|querydr|DVCHN001|HS-261125-0001|20261125143000|20261126090000|10.0.0.5|Truy van giao dich HS-261125-0001';
    expect(request).toEqual({
      vnp_RequestId: 'Q20261126090000A1',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'DVCHN001',
      vnp_TxnRef: 'HS-261125-0001',
      vnp_OrderInfo: 'Truy van giao dich HS-261125-0001',
      vnp_TransactionDate: '20261125143000',
      vnp_CreateDate: '20261126090000',
      vnp_IpAddr: '10.0.0.5',
      vnp_SecureHash: hmac(data),
    });
  });

  it('accepts a Date as transaction date and generates a request id when omitted', () => {
    const r = buildVnpayQueryDrRequest({
      tmnCode: 'DVCHN001',
      secret: SECRET,
      txnRef: 'X',
      orderInfo: 'q',
      ipAddr: '1.1.1.1',
      createdAt: NOW,
      transactionDate: new Date('2026-11-25T07:30:00Z'),
    });
    expect(r.vnp_TransactionDate).toBe('20261125143000');
    expect(r.vnp_RequestId).toMatch(/^[0-9a-f]{32}$/);
    expect(verifyVnpayQueryDrRequest(r, SECRET)).toBe(true);
  });

  it('verifies on the gateway side; any tampering breaks it', () => {
    expect(verifyVnpayQueryDrRequest(request, SECRET)).toBe(true);
    expect(verifyVnpayQueryDrRequest({ ...request, vnp_SecureHash: request.vnp_SecureHash.toUpperCase() }, SECRET)).toBe(true);
    for (const key of Object.keys(request).filter((k) => k !== 'vnp_SecureHash')) {
      expect(verifyVnpayQueryDrRequest({ ...request, [key]: 'x' }, SECRET)).toBe(false);
    }
    expect(verifyVnpayQueryDrRequest({ ...request, vnp_SecureHash: 'ab' }, SECRET)).toBe(false);
    expect(verifyVnpayQueryDrRequest(request, 'OTHER')).toBe(false);
  });

  it('rejects a malformed transaction date', () => {
    expect(() =>
      buildVnpayQueryDrRequest({ tmnCode: 'T', secret: SECRET, txnRef: 'X', orderInfo: 'q', ipAddr: '1', createdAt: NOW, transactionDate: '2026-11-25' }),
    ).toThrow(RangeError);
  });
});

describe('querydr response', () => {
  const unsigned: Omit<VnpayQueryDrResponse, 'vnp_SecureHash'> = {
    vnp_ResponseId: 'R1',
    vnp_Command: 'querydr',
    vnp_ResponseCode: '00',
    vnp_Message: 'QueryDR Success',
    vnp_TmnCode: 'DVCHN001',
    vnp_TxnRef: 'HS-261125-0001',
    vnp_Amount: '15000000',
    vnp_BankCode: 'NCB',
    vnp_PayDate: '20261125143512',
    vnp_TransactionNo: '14226112',
    vnp_TransactionType: '01',
    vnp_TransactionStatus: '00',
    vnp_OrderInfo: 'Le phi ho so',
  };
  // No promotion: the last two fields hash as empty strings.
  const data = 'R1|querydr|00|QueryDR Success|DVCHN001|HS-261125-0001|15000000|NCB|20261125143512|14226112|01|00|Le phi ho so||';

  it('verifies a response signed by hand', () => {
    const body = { ...unsigned, vnp_SecureHash: hmac(data) };
    expect(verifyVnpayQueryDrResponse(body, SECRET)).toBe(true);
    expect(verifyVnpayQueryDrResponse({ ...body, vnp_SecureHash: body.vnp_SecureHash.toUpperCase() }, SECRET)).toBe(true);
    expect(signVnpayQueryDrResponse(unsigned, SECRET)).toEqual(body);
  });

  it('includes promotion fields in the hash', () => {
    const promo = { ...unsigned, vnp_PromotionCode: 'KM1', vnp_PromotionAmount: '500000' };
    const body = { ...promo, vnp_SecureHash: hmac(`${data.slice(0, -2)}|KM1|500000`) };
    expect(verifyVnpayQueryDrResponse(body, SECRET)).toBe(true);
    expect(verifyVnpayQueryDrResponse({ ...body, vnp_PromotionAmount: '0' }, SECRET)).toBe(false);
  });

  it.each(Object.keys(unsigned))('tampering %s breaks it', (key) => {
    const body = signVnpayQueryDrResponse(unsigned, SECRET);
    expect(verifyVnpayQueryDrResponse({ ...body, [key]: `${(body as unknown as Record<string, string>)[key]}9` }, SECRET)).toBe(false);
  });

  it('rejects a missing hash and non-objects', () => {
    expect(verifyVnpayQueryDrResponse({ ...unsigned }, SECRET)).toBe(false);
    expect(verifyVnpayQueryDrResponse(null as unknown as Record<string, unknown>, SECRET)).toBe(false);
  });
});

describe('refund request', () => {
  const base = {
    requestId: 'RF20261126090000A1',
    tmnCode: 'DVCHN001',
    secret: SECRET,
    txnRef: 'HS-261125-0001',
    transactionNo: '14226112',
    transactionDate: '20261125143000',
    createBy: 'canbo.motcua',
    orderInfo: 'Hoan phi ho so bi tu choi',
    ipAddr: '10.0.0.5',
    createdAt: NOW,
  };

  it.each<[string, '02' | '03', number, string]>([
    ['full refund', '02', 150_000, '15000000'],
    ['partial refund', '03', 50_000, '5000000'],
  ])('%s: documented fields and hand-computed pipe hash', (_name, type, amountVnd, vnpAmount) => {
    const request = buildVnpayRefundRequest({ ...base, transactionType: type, amountVnd });
    const data = `RF20261126090000A1|2.1.0|refund|DVCHN001|${type}|HS-261125-0001|${vnpAmount}|14226112|20261125143000|canbo.motcua|20261126090000|10.0.0.5|Hoan phi ho so bi tu choi`;
    expect(request).toEqual({
      vnp_RequestId: 'RF20261126090000A1',
      vnp_Version: '2.1.0',
      vnp_Command: 'refund',
      vnp_TmnCode: 'DVCHN001',
      vnp_TransactionType: type,
      vnp_TxnRef: 'HS-261125-0001',
      vnp_Amount: vnpAmount,
      vnp_OrderInfo: 'Hoan phi ho so bi tu choi',
      vnp_TransactionNo: '14226112',
      vnp_TransactionDate: '20261125143000',
      vnp_CreateBy: 'canbo.motcua',
      vnp_CreateDate: '20261126090000',
      vnp_IpAddr: '10.0.0.5',
      vnp_SecureHash: hmac(data),
    });
    expect(verifyVnpayRefundRequest(request, SECRET)).toBe(true);
    for (const key of Object.keys(request).filter((k) => k !== 'vnp_SecureHash')) {
      expect(verifyVnpayRefundRequest({ ...request, [key]: '7' }, SECRET)).toBe(false);
    }
  });

  it('sends TransactionNo "0" when unknown', () => {
    const request = buildVnpayRefundRequest({ ...base, transactionNo: undefined, transactionType: '02', amountVnd: 1 });
    expect(request.vnp_TransactionNo).toBe('0');
    expect(verifyVnpayRefundRequest(request, SECRET)).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['zero amount', { transactionType: '02', amountVnd: 0 }],
    ['fractional amount', { transactionType: '03', amountVnd: 10.5 }],
    ['unknown type', { transactionType: '01', amountVnd: 10 }],
    ['empty createBy', { transactionType: '02', amountVnd: 10, createBy: '' }],
  ])('rejects %s', (_name, change) => {
    expect(() => buildVnpayRefundRequest({ ...base, ...(change as object) } as Parameters<typeof buildVnpayRefundRequest>[0])).toThrow(RangeError);
  });
});

describe('refund response', () => {
  const unsigned: Omit<VnpayRefundResponse, 'vnp_SecureHash'> = {
    vnp_ResponseId: 'R2',
    vnp_Command: 'refund',
    vnp_ResponseCode: '00',
    vnp_Message: 'Refund success',
    vnp_TmnCode: 'DVCHN001',
    vnp_TxnRef: 'HS-261125-0001',
    vnp_Amount: '5000000',
    vnp_BankCode: 'NCB',
    vnp_PayDate: '20261126090001',
    vnp_TransactionNo: '14226113',
    vnp_TransactionType: '03',
    vnp_TransactionStatus: '05',
    vnp_OrderInfo: 'Hoan phi ho so bi tu choi',
  };
  const data = 'R2|refund|00|Refund success|DVCHN001|HS-261125-0001|5000000|NCB|20261126090001|14226113|03|05|Hoan phi ho so bi tu choi';

  it('verifies a response signed by hand (no promotion fields in the refund order)', () => {
    const body = { ...unsigned, vnp_SecureHash: hmac(data) };
    expect(verifyVnpayRefundResponse(body, SECRET)).toBe(true);
    expect(signVnpayRefundResponse(unsigned, SECRET)).toEqual(body);
    // promotion fields are not signed in a refund response
    expect(verifyVnpayRefundResponse({ ...body, vnp_PromotionCode: 'X' }, SECRET)).toBe(true);
    // …and a querydr-order hash does not verify as a refund response
    expect(verifyVnpayRefundResponse({ ...unsigned, vnp_SecureHash: hmac(`${data}||`) }, SECRET)).toBe(false);
  });

  it.each(Object.keys(unsigned))('tampering %s breaks it', (key) => {
    const body = signVnpayRefundResponse(unsigned, SECRET);
    expect(verifyVnpayRefundResponse({ ...body, [key]: 'tampered' }, SECRET)).toBe(false);
  });
});
