import { maskSensitive } from './mask-sensitive';

describe('maskSensitive', () => {
  it.each([
    ['sent to 84912345678', 'sent to [phone]'],
    ['sent to 0912345678.', 'sent to [phone].'],
    ['sent to +84912345678', 'sent to [phone]'],
    ['/api/v1/tracking/X?phone=5678', '/api/v1/tracking/X?phone=5678'],
    ['id 001090012345 given', 'id [id-number] given'],
    ['{"code":"123456"}', '{"code":"[otp]"}'],
    ['OTP: 654321', 'OTP: [otp]'],
    ['Ma xac thuc Cong DVC Ha Noi cua ban la 123456, hieu luc 5 phut', 'Ma xac thuc Cong DVC Ha Noi cua ban la [otp], hieu luc 5 phut'],
    ['Mã xác thực của bạn là 123456', 'Mã xác thực của bạn là [otp]'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer [redacted]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1', 'token [jwt]'],
    ['dossier 000.00.12.H26-261123-0001', 'dossier 000.00.12.H26-261123-0001'],
  ])('%s → %s', (input, expected) => {
    expect(maskSensitive(input)).toBe(expected);
  });
});
