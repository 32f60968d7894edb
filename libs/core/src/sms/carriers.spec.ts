import type { Carrier } from '../identity/phone-number';
import { PhoneNumber } from '../identity/phone-number';
import { SMS_COST_PER_SEGMENT_VND, smsCost } from './carriers';

describe('SMS cost', () => {
  it.each([
    ['viettel', 800],
    ['vinaphone', 800],
    ['mobifone', 800],
    ['vietnamobile', 700],
    ['gmobile', 700],
    ['itelecom', 600],
    ['reddi', 600],
  ] as [Carrier, number][])('%s costs %i VND per segment', (carrier, price) => {
    expect(SMS_COST_PER_SEGMENT_VND[carrier]).toBe(price);
    expect(Number.isInteger(price)).toBe(true);
  });

  it('covers every carrier a phone number can resolve to, and nothing else', () => {
    expect(Object.keys(SMS_COST_PER_SEGMENT_VND).sort()).toEqual(['gmobile', 'itelecom', 'mobifone', 'reddi', 'vietnamobile', 'viettel', 'vinaphone']);
  });

  it.each([
    ['viettel', 1, 800],
    ['viettel', 3, 2400],
    ['vietnamobile', 2, 1400],
    ['reddi', 1, 600],
    ['mobifone', 0, 0],
  ] as [Carrier, number, number][])('smsCost(%s, %i) = %i', (carrier, segments, cost) => {
    expect(smsCost(carrier, segments)).toBe(cost);
  });

  it('prices a parsed number through its carrier', () => {
    expect(smsCost(PhoneNumber.parse('0912345678')!.carrier, 2)).toBe(1600); // 091 → vinaphone
  });

  it.each([
    ['unknown carrier', 'sfone', 1],
    ['inherited key', 'toString', 1],
    ['negative segments', 'viettel', -1],
    ['fractional segments', 'viettel', 1.5],
    ['NaN segments', 'viettel', Number.NaN],
  ])('throws on %s', (_label, carrier, segments) => {
    expect(() => smsCost(carrier as Carrier, segments)).toThrow(RangeError);
  });
});
