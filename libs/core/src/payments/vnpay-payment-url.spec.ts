import { createHmac } from 'node:crypto';
import { buildVnpayPaymentUrl, sanitizeVnpayOrderInfo, vnpAmountToVnd, vndToVnpAmount, type VnpayPaymentUrlInput } from './vnpay-payment-url';
import { verifyVnpay } from './vnpay-signature';

const SECRET = 'DEVONLYVNPAYHASHSECRET0123456789';
const BASE: VnpayPaymentUrlInput = {
  payUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  tmnCode: 'DVCHN001',
  secret: SECRET,
  amountVnd: 150_000,
  txnRef: 'HS-261125-0001',
  orderInfo: 'Lệ phí hồ sơ 000.00.12.H26-261125-0001',
  returnUrl: 'https://dichvucong.hanoi.gov.vn/api/v1/payments/vnpay/return',
  ipAddr: '203.113.1.2',
  // 14:30:00 in Hà Nội
  createdAt: new Date('2026-11-25T07:30:00Z'),
};

describe('buildVnpayPaymentUrl', () => {
  it('builds every 2.1.0 field', () => {
    const { params } = buildVnpayPaymentUrl(BASE);
    expect(params).toEqual({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: 'DVCHN001',
      vnp_Amount: '15000000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: 'HS-261125-0001',
      vnp_OrderInfo: 'Le phi ho so 000.00.12.H26-261125-0001',
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: 'https://dichvucong.hanoi.gov.vn/api/v1/payments/vnpay/return',
      vnp_IpAddr: '203.113.1.2',
      vnp_CreateDate: '20261125143000',
      vnp_ExpireDate: '20261125144500',
      vnp_SecureHash: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
  });

  it('signs exactly the hand-written query string and appends the hash to the URL', () => {
    const query =
      'vnp_Amount=15000000&vnp_Command=pay&vnp_CreateDate=20261125143000&vnp_CurrCode=VND' +
      '&vnp_ExpireDate=20261125144500&vnp_IpAddr=203.113.1.2&vnp_Locale=vn' +
      '&vnp_OrderInfo=Le+phi+ho+so+000.00.12.H26-261125-0001&vnp_OrderType=other' +
      '&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.hanoi.gov.vn%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn' +
      '&vnp_TmnCode=DVCHN001&vnp_TxnRef=HS-261125-0001&vnp_Version=2.1.0';
    const hash = createHmac('sha512', SECRET).update(query, 'utf8').digest('hex');
    const { url, params } = buildVnpayPaymentUrl(BASE);
    expect(params.vnp_SecureHash).toBe(hash);
    expect(url).toBe(`${BASE.payUrl}?${query}&vnp_SecureHash=${hash}`);
  });

  it('round-trips: the parsed URL verifies and carries the same values', () => {
    const { url, params } = buildVnpayPaymentUrl({ ...BASE, bankCode: 'NCB' });
    const parsed = Object.fromEntries(new URL(url).searchParams);
    expect(parsed).toEqual(params);
    expect(parsed.vnp_BankCode).toBe('NCB');
    expect(verifyVnpay(parsed, SECRET)).toBe(true);
    expect(verifyVnpay({ ...parsed, vnp_Amount: '15000100' }, SECRET)).toBe(false);
  });

  it.each<[string, Partial<VnpayPaymentUrlInput>, Partial<Record<string, string>>]>([
    ['custom expiry', { expiresInMinutes: 60 }, { vnp_ExpireDate: '20261125153000' }],
    [
      'expiry across midnight (Hà Nội)',
      { createdAt: new Date('2026-11-25T16:50:00Z') },
      { vnp_CreateDate: '20261125235000', vnp_ExpireDate: '20261126000500' },
    ],
    ['English locale', { locale: 'en' }, { vnp_Locale: 'en' }],
    ['order type', { orderType: 'billpayment' }, { vnp_OrderType: 'billpayment' }],
    ['1 VND', { amountVnd: 1 }, { vnp_Amount: '100' }],
    ['large amount', { amountVnd: 2_000_000_000 }, { vnp_Amount: '200000000000' }],
    ['no bank code by default', {}, { vnp_BankCode: undefined }],
  ])('%s', (_name, change, expected) => {
    const { params } = buildVnpayPaymentUrl({ ...BASE, ...change });
    for (const [key, value] of Object.entries(expected)) expect(params[key]).toBe(value);
  });

  it('appends to a pay URL that already has a query', () => {
    const { url } = buildVnpayPaymentUrl({ ...BASE, payUrl: 'http://127.0.0.1:3100/paymentv2/vpcpay.html?x=1' });
    expect(url.startsWith('http://127.0.0.1:3100/paymentv2/vpcpay.html?x=1&vnp_Amount=')).toBe(true);
  });

  it.each<[string, Partial<VnpayPaymentUrlInput>]>([
    ['zero amount', { amountVnd: 0 }],
    ['negative amount', { amountVnd: -1000 }],
    ['fractional amount', { amountVnd: 1000.5 }],
    ['NaN amount', { amountVnd: NaN }],
    ['unsafe amount', { amountVnd: Number.MAX_SAFE_INTEGER }],
    ['empty txnRef', { txnRef: '' }],
    ['txnRef with a space', { txnRef: 'HS 1' }],
    ['txnRef too long', { txnRef: 'x'.repeat(101) }],
    ['orderInfo with nothing usable', { orderInfo: '#@!' }],
    ['invalid date', { createdAt: new Date('nope') }],
    ['zero expiry', { expiresInMinutes: 0 }],
    ['bad locale', { locale: 'fr' as 'vn' }],
    ['empty secret', { secret: '' }],
    ['empty tmnCode', { tmnCode: '' }],
  ])('rejects %s', (_name, change) => {
    expect(() => buildVnpayPaymentUrl({ ...BASE, ...change })).toThrow(RangeError);
  });
});

describe('sanitizeVnpayOrderInfo', () => {
  it.each([
    ['Lệ phí hồ sơ', 'Le phi ho so'],
    ['Đăng ký khai sinh: Nguyễn Văn A', 'Dang ky khai sinh: Nguyen Van A'],
    ['Phí #12/2026 (bản sao) & lệ phí', 'Phi 12 2026 ban sao le phi'],
    ['  a\tb\nc  ', 'a b c'],
    ['HS_1.2,3-4', 'HS_1.2,3-4'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeVnpayOrderInfo(input)).toBe(expected);
  });
});

describe('VND ↔ vnp_Amount', () => {
  it.each<[number | string, string]>([
    [150000, '15000000'],
    ['150000', '15000000'],
    ['150000.00', '15000000'],
    [1, '100'],
  ])('vndToVnpAmount(%j) = %s', (vnd, expected) => {
    expect(vndToVnpAmount(vnd)).toBe(expected);
  });

  it.each<[unknown]>([[0], [-1], [1.5], ['1.50'], ['abc'], [''], [null]])('vndToVnpAmount rejects %j', (vnd) => {
    expect(() => vndToVnpAmount(vnd as number)).toThrow(RangeError);
  });

  it.each<[unknown, number | null]>([
    ['15000000', 150000],
    [15000000, 150000],
    ['0', 0],
    ['15000050', null],
    ['-100', null],
    ['1e5', null],
    [undefined, null],
  ])('vnpAmountToVnd(%j) = %j', (input, expected) => {
    expect(vnpAmountToVnd(input)).toBe(expected);
  });
});
