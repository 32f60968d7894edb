import { base32Decode, base32Encode } from './base32';

// RFC 4648 §10 test vectors (padding dropped, as in otpauth URIs).
describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j ↔ %s', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(Buffer.from(base32Decode(encoded)).toString()).toBe(plain);
    expect(Buffer.from(base32Decode(`${encoded.toLowerCase()}===`)).toString()).toBe(plain);
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZ1W')).toThrow('not base32');
  });
});
