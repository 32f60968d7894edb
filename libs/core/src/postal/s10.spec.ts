import { parseS10, s10CheckDigit, s10FieldError } from './s10';

describe('UPU S10 check digit (weights 8 6 4 2 3 5 9 7, 11 − sum mod 11; 10 → 0, 11 → 5)', () => {
  it.each([
    // The S10 standard's worked example: 4·8 + 7·6 + 3·4 + 1·2 + 2·3 + 4·5 + 8·9 + 2·7 = 200; 200 mod 11 = 2; 11 − 2 = 9.
    ['47312482', 9],
    // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5.
    ['12345678', 5],
    // 0 · anything = 0; 0 mod 11 = 0; 11 − 0 = 11 → 5.
    ['00000000', 5],
    // 1·8 + 1·3 = 11 (digits 1 and 5); 11 mod 11 = 0; 11 − 0 = 11 → 5.
    ['10001000', 5],
    // 1·6 + 1·4 = 10; 10 mod 11 = 10; 11 − 10 = 1.
    ['01100000', 1],
    // 1·2 + 1·3 + 1·7 = 12 (digits 4, 5 and 8); 12 mod 11 = 1; 11 − 1 = 10 → 0.
    ['00011001', 0],
    // 9·(8+6+4+2+3+5+9+7) = 9·44 = 396 = 36·11: mod 11 = 0 → 5.
    ['99999999', 5],
  ])('serial %s → %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });

  it.each([['1234567'], ['123456789'], ['1234567a'], ['']])('refuses a serial that is not 8 digits: %j', (serial) => {
    expect(() => s10CheckDigit(serial)).toThrow(RangeError);
  });
});

describe('parseS10', () => {
  it.each([
    ['AB473124829GB', 'AB473124829GB'],
    ['EE123456785VN', 'EE123456785VN'],
    ['ee 123 456 785 vn', 'EE123456785VN'],
    ['RR000000005VN', 'RR000000005VN'],
    ['CP011000001VN', 'CP011000001VN'],
  ])('%j is valid as %s', (raw, value) => {
    expect(parseS10(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['EE123456789VN', 'check_digit'],
    ['AB473124820GB', 'check_digit'],
    ['EE12345678VN', 'format'],
    ['E1123456785VN', 'format'],
    ['EE123456785V', 'format'],
    ['EE123456785VN1', 'format'],
    ['EE１２３４５６７８５VN', 'format'],
    ['', 'format'],
  ])('%j is refused: %s', (raw, problem) => {
    expect(parseS10(raw)).toEqual({ ok: false, problem });
  });

  it('names the field in its error', () => {
    expect(s10FieldError('EE123456789VN', 'postalItemNumber')).toMatchObject({ field: 'postalItemNumber', message: expect.stringContaining('check digit') });
    expect(s10FieldError('EE123456785VN', 'postalItemNumber')).toBeNull();
  });
});
