import { createHash } from 'node:crypto';
import { paygovMaXacThuc } from './paygov';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('paygovMaXacThuc', () => {
  it.each<[(string | number)[], string, string]>([
    [['1', '2.0', 'DVCHN', 'HS-1', 150000], 'SECRET', '1|2.0|DVCHN|HS-1|150000SECRET'],
    [['Lệ phí'], 'k', 'Lệ phík'],
    [[], 'k', 'k'],
  ])('%j', (fields, secret, data) => {
    expect(paygovMaXacThuc(fields, secret)).toBe(sha256(data));
  });

  it('supports a separator before the secret', () => {
    expect(paygovMaXacThuc(['a', 'b'], 'k', { secretSeparator: '|' })).toBe(sha256('a|b|k'));
  });

  it('requires a secret', () => {
    expect(() => paygovMaXacThuc(['a'], '')).toThrow();
  });
});
