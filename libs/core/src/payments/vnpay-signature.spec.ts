import { createHmac } from 'node:crypto';
import { signVnpay, verifyVnpay, vnpayEncode, vnpayQueryString, type VnpayParams } from './vnpay-signature';

const SECRET = 'DEVONLYVNPAYHASHSECRET0123456789';

/** Independent reference: HMAC-SHA512 over a query string written out by hand. */
const hmac = (data: string, secret = SECRET) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

const PAYMENT_PARAMS: Record<string, string> = {
  vnp_Version: '2.1.0',
  vnp_Command: 'pay',
  vnp_TmnCode: 'DVCHN001',
  vnp_Amount: '15000000',
  vnp_CurrCode: 'VND',
  vnp_TxnRef: 'HS-261125-0001',
  vnp_OrderInfo: 'Le phi ho so 000.00.12.H26-261125-0001',
  vnp_OrderType: 'other',
  vnp_Locale: 'vn',
  vnp_ReturnUrl: 'https://dichvucong.hanoi.gov.vn/thanh-toan/ket-qua?a=1&b=2',
  vnp_IpAddr: '203.113.1.2',
  vnp_CreateDate: '20261125143000',
  vnp_ExpireDate: '20261125144500',
  vnp_BankCode: '',
};
const PAYMENT_QUERY =
  'vnp_Amount=15000000&vnp_Command=pay&vnp_CreateDate=20261125143000&vnp_CurrCode=VND' +
  '&vnp_ExpireDate=20261125144500&vnp_IpAddr=203.113.1.2&vnp_Locale=vn' +
  '&vnp_OrderInfo=Le+phi+ho+so+000.00.12.H26-261125-0001&vnp_OrderType=other' +
  '&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.hanoi.gov.vn%2Fthanh-toan%2Fket-qua%3Fa%3D1%26b%3D2' +
  '&vnp_TmnCode=DVCHN001&vnp_TxnRef=HS-261125-0001&vnp_Version=2.1.0';

const IPN_PARAMS: Record<string, string> = {
  vnp_TmnCode: 'DVCHN001',
  vnp_Amount: '15000000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14226112',
  vnp_CardType: 'ATM',
  vnp_PayDate: '20261125143512',
  vnp_OrderInfo: 'Lệ phí hồ sơ',
  vnp_TransactionNo: '14226112',
  vnp_ResponseCode: '00',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: 'HS-261125-0001',
  vnp_SecureHashType: 'HmacSHA512',
};
const IPN_QUERY =
  'vnp_Amount=15000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14226112&vnp_CardType=ATM' +
  '&vnp_OrderInfo=L%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1&vnp_PayDate=20261125143512&vnp_ResponseCode=00' +
  '&vnp_TmnCode=DVCHN001&vnp_TransactionNo=14226112&vnp_TransactionStatus=00&vnp_TxnRef=HS-261125-0001';

describe('vnpayQueryString / signVnpay known answers', () => {
  it.each([
    ['payment URL parameters (URL value encoded, empty bank code dropped)', PAYMENT_PARAMS, PAYMENT_QUERY],
    ['IPN parameters (Vietnamese percent-encoded, SecureHashType excluded)', IPN_PARAMS, IPN_QUERY],
  ])('%s', (_name, params, expectedQuery) => {
    expect(vnpayQueryString(params)).toBe(expectedQuery);
    expect(signVnpay(params, SECRET)).toBe(hmac(expectedQuery));
    expect(signVnpay(params, SECRET)).toMatch(/^[0-9a-f]{128}$/);
  });

  it('pins the payment vector to a fixed digest (computed with openssl dgst -sha512 -hmac)', () => {
    expect(signVnpay(PAYMENT_PARAMS, SECRET)).toBe(PAYMENT_VECTOR_HEX);
  });
});

// `printf '%s' "$PAYMENT_QUERY" | openssl dgst -sha512 -hmac DEVONLYVNPAYHASHSECRET0123456789`
const PAYMENT_VECTOR_HEX = 'a7144fd76354048708b43b81326b47b4598e964a7d8f2e5a659e7e83218a3dc14f2e2aed2b54c0611907f31eaf2af99e14e0953263702155a1465801b1cd2967';

describe('vnpayQueryString ordering and encoding', () => {
  it.each<[string, VnpayParams, string]>([
    ['sorts by ASCII (upper case before lower case)', { vnp_b: '1', vnp_B: '2', vnp_A: '3' }, 'vnp_A=3&vnp_B=2&vnp_b=1'],
    ['spaces become +', { vnp_OrderInfo: 'Thanh toan le phi' }, 'vnp_OrderInfo=Thanh+toan+le+phi'],
    ['a literal + is percent-encoded', { vnp_X: 'a+b' }, 'vnp_X=a%2Bb'],
    ['Vietnamese characters are UTF-8 percent-encoded', { vnp_X: 'Đăng ký' }, 'vnp_X=%C4%90%C4%83ng+k%C3%BD'],
    ['reserved characters are encoded', { vnp_X: 'a&b=c/d?e:f,g' }, 'vnp_X=a%26b%3Dc%2Fd%3Fe%3Af%2Cg'],
    ['empty, null and undefined values are dropped', { vnp_A: '', vnp_B: null, vnp_C: undefined, vnp_D: 'x' }, 'vnp_D=x'],
    ['hash fields are excluded', { vnp_SecureHash: 'ab', vnp_SecureHashType: 'HmacSHA512', vnp_A: '1' }, 'vnp_A=1'],
    ['numbers are stringified', { vnp_Amount: 15000000 }, 'vnp_Amount=15000000'],
    ['nothing left → empty string', { vnp_A: '' }, ''],
  ])('%s', (_name, params, expected) => {
    expect(vnpayQueryString(params)).toBe(expected);
  });

  it('vnpayEncode matches encodeURIComponent except %20 → +', () => {
    expect(vnpayEncode('a b  c')).toBe('a+b++c');
    expect(vnpayEncode('x')).toBe('x');
  });
});

describe('verifyVnpay', () => {
  const signed: Record<string, string> = { ...IPN_PARAMS, vnp_SecureHash: hmac(IPN_QUERY) };

  it('accepts a correctly signed parameter set', () => {
    expect(verifyVnpay(signed, SECRET)).toBe(true);
  });

  it('accepts an upper-case hash', () => {
    expect(verifyVnpay({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.toUpperCase() }, SECRET)).toBe(true);
  });

  it('ignores vnp_SecureHashType', () => {
    expect(verifyVnpay({ ...signed, vnp_SecureHashType: 'SHA256' }, SECRET)).toBe(true);
  });

  it.each(Object.keys(IPN_PARAMS).filter((k) => k !== 'vnp_SecureHashType'))('tampering %s breaks it', (key) => {
    expect(verifyVnpay({ ...signed, [key]: `${signed[key]}1` }, SECRET)).toBe(false);
  });

  it.each(Object.keys(IPN_PARAMS).filter((k) => k !== 'vnp_SecureHashType'))('removing %s breaks it', (key) => {
    const copy: Record<string, string> = { ...signed };
    delete copy[key];
    expect(verifyVnpay(copy, SECRET)).toBe(false);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an added parameter', { ...signed, vnp_Extra: '1' }],
    ['a missing hash', { ...IPN_PARAMS }],
    ['an empty hash', { ...signed, vnp_SecureHash: '' }],
    ['a truncated hash', { ...signed, vnp_SecureHash: signed.vnp_SecureHash.slice(0, 127) }],
    ['a non-hex hash', { ...signed, vnp_SecureHash: 'z'.repeat(128) }],
    ['a flipped hash digit', { ...signed, vnp_SecureHash: flip(signed.vnp_SecureHash) }],
    ['an array value (repeated query key)', { ...signed, vnp_TxnRef: ['HS-261125-0001', 'x'] }],
    ['an array hash', { ...signed, vnp_SecureHash: [signed.vnp_SecureHash] }],
  ])('rejects %s', (_name, params) => {
    expect(verifyVnpay(params, SECRET)).toBe(false);
  });

  it('rejects a different secret', () => {
    expect(verifyVnpay(signed, `${SECRET}x`)).toBe(false);
  });
});

function flip(hex: string): string {
  return `${hex[0] === 'a' ? 'b' : 'a'}${hex.slice(1)}`;
}
