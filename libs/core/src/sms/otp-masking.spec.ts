import { isSecretSmsKind, maskOtpText } from './otp-masking';

describe('maskOtpText', () => {
  it.each([
    [
      'Ma xac thuc Cong DVC Ha Noi cua ban la 123456, hieu luc 5 phut. Khong chia se ma nay.',
      'Ma xac thuc Cong DVC Ha Noi cua ban la ******, hieu luc 5 phut. Khong chia se ma nay.',
    ],
    ['000001 la ma cua ban', '****** la ma cua ban'],
    ['Ma: 4821', 'Ma: ******'],
    ['Ma 12345678 (8 chu so)', 'Ma ****** (8 chu so)'],
    ['hieu luc 15 phut, 300 giay', 'hieu luc 15 phut, 300 giay'],
    ['no digits', 'no digits'],
  ])('%s → %s', (input, expected) => {
    expect(maskOtpText(input)).toBe(expected);
  });

  it.each([
    ['otp', true],
    ['dossier_received', false],
    ['payment_requested', false],
  ])('%s carries a secret: %s', (kind, secret) => {
    expect(isSecretSmsKind(kind)).toBe(secret);
  });
});
