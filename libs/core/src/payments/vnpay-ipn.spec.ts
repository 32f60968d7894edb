import { decideIpn, formatVnpayDate, parseVnpayDate, vnpayIpnResponseBody, type VnpayIpnPayment } from './vnpay-ipn';
import { signVnpay } from './vnpay-signature';

const SECRET = 'DEVONLYVNPAYHASHSECRET0123456789';

function ipn(overrides: Record<string, string> = {}, secret = SECRET): Record<string, string> {
  const params: Record<string, string> = {
    vnp_TmnCode: 'DVCHN001',
    vnp_Amount: '15000000',
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: 'VNP14226112',
    vnp_CardType: 'ATM',
    vnp_PayDate: '20261125143512',
    vnp_OrderInfo: 'Le phi ho so',
    vnp_TransactionNo: '14226112',
    vnp_ResponseCode: '00',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: 'HS-261125-0001',
    ...overrides,
  };
  return { ...params, vnp_SecureHash: signVnpay(params, secret) };
}

const awaiting: VnpayIpnPayment = { txnRef: 'HS-261125-0001', amountVnd: 150_000, status: 'awaiting' };
const tampered = (p: Record<string, string>) => ({ ...p, vnp_Amount: '1500000000' });

describe('decideIpn', () => {
  it.each<[string, Record<string, unknown>, VnpayIpnPayment | null, string, string, string]>([
    // 97 comes before everything else
    ['bad signature, order missing', tampered(ipn()), null, '97', 'Invalid signature', 'none'],
    ['bad signature, amount wrong, already paid', tampered(ipn()), { ...awaiting, status: 'paid' }, '97', 'Invalid signature', 'none'],
    ['signed with another secret', ipn({}, 'OTHER'), awaiting, '97', 'Invalid signature', 'none'],
    ['no hash at all', { ...ipn(), vnp_SecureHash: undefined }, awaiting, '97', 'Invalid signature', 'none'],
    // 01 before 04 and 02
    ['order not found', ipn({ vnp_Amount: '999' }), null, '01', 'Order not found', 'none'],
    ['lookup returned another order', ipn(), { ...awaiting, txnRef: 'HS-OTHER' }, '01', 'Order not found', 'none'],
    // 04 before 02
    ['amount mismatch on a paid order', ipn({ vnp_Amount: '15000100' }), { ...awaiting, status: 'paid' }, '04', 'Invalid amount', 'none'],
    ['amount not ×100 (VND sent as is)', ipn({ vnp_Amount: '150000' }), awaiting, '04', 'Invalid amount', 'none'],
    ['amount not numeric', ipn({ vnp_Amount: 'abc' }), awaiting, '04', 'Invalid amount', 'none'],
    // another merchant's terminal: not our order (VNPay's 01), checked after the signature, before the amount
    ["another merchant's vnp_TmnCode", ipn({ vnp_TmnCode: 'OTHER001' }), awaiting, '01', 'Order not found', 'none'],
    ["another merchant's vnp_TmnCode, wrong amount", ipn({ vnp_TmnCode: 'OTHER001', vnp_Amount: '100' }), awaiting, '01', 'Order not found', 'none'],
    [
      'no vnp_TmnCode',
      (() => {
        const { vnp_TmnCode: _t, ...rest } = ipn();
        return { ...rest, vnp_SecureHash: signVnpay(Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'vnp_SecureHash')), SECRET) };
      })(),
      awaiting,
      '01',
      'Order not found',
      'none',
    ],
    ["another merchant's vnp_TmnCode, bad signature", tampered(ipn({ vnp_TmnCode: 'OTHER001' })), awaiting, '97', 'Invalid signature', 'none'],
    // 02 for paid and refunded orders, and for anything but a success on a closed one
    ['already paid', ipn(), { ...awaiting, status: 'paid' }, '02', 'Order already confirmed', 'none'],
    ['already refunded', ipn(), { ...awaiting, status: 'refunded' }, '02', 'Order already confirmed', 'none'],
    [
      'cancelled order, customer cancelled again',
      ipn({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }),
      { ...awaiting, status: 'cancelled' },
      '02',
      'Order already confirmed',
      'none',
    ],
    [
      'failed order, failure repeated',
      ipn({ vnp_ResponseCode: '51', vnp_TransactionStatus: '02' }),
      { ...awaiting, status: 'failed' },
      '02',
      'Order already confirmed',
      'none',
    ],
    // the money moved at the gateway after we closed the order (desk took cash, link expired): record it to refund it
    ['success on an order we cancelled', ipn(), { ...awaiting, status: 'cancelled' }, '00', 'Confirm Success', 'paid_late'],
    ['success on an order we closed as failed', ipn(), { ...awaiting, status: 'failed' }, '00', 'Confirm Success', 'paid_late'],
    ['success on a cancelled order, wrong amount', ipn({ vnp_Amount: '100' }), { ...awaiting, status: 'cancelled' }, '04', 'Invalid amount', 'none'],
    // 00
    ['successful payment', ipn(), awaiting, '00', 'Confirm Success', 'paid'],
    ['stored amount as numeric string', ipn(), { ...awaiting, amountVnd: '150000.00' }, '00', 'Confirm Success', 'paid'],
    ['customer cancelled (24/02)', ipn({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }), awaiting, '00', 'Confirm Success', 'failed'],
    ['response 00 but status not 00', ipn({ vnp_TransactionStatus: '01' }), awaiting, '00', 'Confirm Success', 'failed'],
    ['status 00 but response not 00', ipn({ vnp_ResponseCode: '51' }), awaiting, '00', 'Confirm Success', 'failed'],
    [
      'upper-case hash',
      (() => {
        const p = ipn();
        return { ...p, vnp_SecureHash: p.vnp_SecureHash.toUpperCase() };
      })(),
      awaiting,
      '00',
      'Confirm Success',
      'paid',
    ],
    // 99 merchant-side data error
    ['stored amount invalid', ipn(), { ...awaiting, amountVnd: 0 }, '99', 'Unknown error', 'none'],
  ])('%s', (_name, params, payment, rspCode, message, outcome) => {
    expect(decideIpn(params, SECRET, { payment, tmnCode: 'DVCHN001' })).toEqual({ rspCode, message, outcome });
  });

  it('answers in VNPay JSON shape', () => {
    expect(vnpayIpnResponseBody(decideIpn(ipn(), SECRET, { payment: awaiting, tmnCode: 'DVCHN001' }))).toEqual({ RspCode: '00', Message: 'Confirm Success' });
  });
});

describe('parseVnpayDate / formatVnpayDate', () => {
  it.each([
    ['20261125143000', '2026-11-25T07:30:00.000Z'],
    ['20260101000000', '2025-12-31T17:00:00.000Z'],
    ['20280229235959', '2028-02-29T16:59:59.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseVnpayDate(text).toISOString()).toBe(iso);
    expect(formatVnpayDate(parseVnpayDate(text))).toBe(text);
  });

  it.each(['2026112514300', '202611251430000', '20261325143000', '20260230143000', '20261125243000', '20261125146000', '20261125143060', 'abcdefghijklmn', ''])(
    'rejects %j',
    (text) => {
      expect(() => parseVnpayDate(text)).toThrow(RangeError);
    },
  );
});
