import { PhoneNumber } from './phone-number';

describe('PhoneNumber', () => {
  it.each([
    ['0912345678', '84912345678', 'vinaphone'],
    ['84912345678', '84912345678', 'vinaphone'],
    ['+84912345678', '84912345678', 'vinaphone'],
    ['(+84) 912-345-678', '84912345678', 'vinaphone'],
    ['0981 234 567', '84981234567', 'viettel'],
    ['0321234567', '84321234567', 'viettel'],
    ['0701234567', '84701234567', 'mobifone'],
    ['0901234567', '84901234567', 'mobifone'],
    ['0521234567', '84521234567', 'vietnamobile'],
    ['0591234567', '84591234567', 'gmobile'],
    ['0871234567', '84871234567', 'itelecom'],
    ['0551234567', '84551234567', 'reddi'],
    ['0861234567', '84861234567', 'viettel'],
  ])('normalises %s to %s (%s)', (input, value, carrier) => {
    const phone = PhoneNumber.parse(input);
    expect(phone?.value).toBe(value);
    expect(phone?.carrier).toBe(carrier);
  });

  it.each([
    ['', 'empty'],
    ['091234567', '9 digits'],
    ['09123456789', '11 digits'],
    ['0212345678', 'landline-style 02x prefix'],
    ['0412345678', '04x is not a mobile prefix'],
    ['0612345678', '06x is not a mobile prefix'],
    ['0312345678', '031 is not allocated'],
    ['849123456789', '84 with 10 digits'],
    ['+1 912 345 678', 'foreign'],
    ['09123x5678', 'letters'],
    ['0'.repeat(40), 'very long'],
  ])('rejects %j (%s)', (input) => {
    expect(PhoneNumber.parse(input)).toBeNull();
  });

  it('exposes national form, last four digits and a masked form', () => {
    const phone = PhoneNumber.parse('0912345678')!;
    expect(phone.national).toBe('0912345678');
    expect(phone.lastFour).toBe('5678');
    expect(phone.masked).toBe('8491****678');
  });

  it('require() throws a field error naming the field', () => {
    expect(() => PhoneNumber.require('123', 'applicant.phone')).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'applicant.phone' })] }),
    );
  });
});
